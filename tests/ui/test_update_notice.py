""" "Versi baru tersedia" in the status bar when the province announced a newer release (compared as
version numbers), nothing for the same or an older one; the About box names this till's version."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import when_modal

import pos
from pos.core.versions import version_tuple
from pos.sync.worker import SyncStatus
from pos.ui.main_window import MainWindow


def bumped(index: int, by: int) -> str:
    """pos.__version__ with part `index` moved by `by`: "0.1.0" -> "0.10.0" for (1, 9)."""
    parts = [*(version_tuple(pos.__version__) or ()), 0, 0, 0][:3]
    parts[index] += by
    return ".".join(map(str, parts))


def status(latest: str | None) -> SyncStatus:
    return SyncStatus(2, 0, None, True, "Tersinkron", latest_version=latest)


def test_a_newer_release_is_announced_in_the_status_bar(qtbot: Any, window: MainWindow) -> None:
    newer = bumped(1, 9)  # 0.10.0 beside 0.1.0: newer as numbers, older as text
    window.sync_status.emit(status(newer))
    assert window.update_label.isVisibleTo(window)
    assert window.update_label.text() == f"Versi baru tersedia: {newer}"
    assert pos.__version__ in window.update_label.toolTip()
    assert "2 menunggu" in window.sync_label.text()  # the sync state is still shown beside it


@pytest.mark.parametrize("latest", [None, pos.__version__, "v" + pos.__version__, "bukan-versi"])
def test_no_notice_without_a_newer_release(qtbot: Any, window: MainWindow, latest: str | None) -> None:
    window.sync_status.emit(status(bumped(0, 1)))
    assert window.update_label.isVisibleTo(window)
    window.sync_status.emit(status(latest))  # e.g. the province withdrew a release
    assert not window.update_label.isVisibleTo(window)


def test_an_older_release_is_not_announced(qtbot: Any, window: MainWindow) -> None:
    older = "0.0.9" if version_tuple(pos.__version__) > (0, 0, 9) else "0"
    window.sync_status.emit(status(older))
    assert not window.update_label.isVisibleTo(window)


def test_about_box_names_the_version_and_the_newer_release(qtbot: Any, window: MainWindow) -> None:
    newer = bumped(2, 1)
    window.sync_status.emit(status(newer))
    texts: list[str] = []
    seen = when_modal("aboutBox", lambda box: (texts.append(box.text()), box.accept()))
    window.help_menu.about_action.trigger()
    assert seen and not isinstance(seen[-1], BaseException), seen
    assert f"NTT Mart POS versi {pos.__version__}" in texts[0]
    assert window.outlet.name in texts[0]
    assert f"Versi baru tersedia: {newer}" in texts[0]
