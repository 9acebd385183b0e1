"""Qt settings and fixtures for driving the real cashier widgets (pytest-qt, offscreen platform).

The demo outlet is seeded once per session (argon2 hashes make that the slow part) and each test gets
its own copy of the SQLite file (`demo_db` of tests/conftest.py), so tests never see each other's sales.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads: no screen on CI or here

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos.application.till import TillBackend
from pos.db.engine import Database
from pos.ui.i18n import stylesheet
from pos.ui.main_window import MainWindow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A UI test stuck in a dialog's exec() fails after a minute instead of hanging the whole suite."""
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/") and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(60))


@pytest.fixture(autouse=True)
def python_signal_heartbeat(qapp: QApplication) -> Iterator[None]:
    """pytest-timeout's SIGALRM only runs when Python code runs; inside a nested Qt event loop with
    nothing to do, none would. A 100 ms no-op timer lets the alarm through."""
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(100)
    yield
    timer.stop()


@pytest.fixture
def window(qtbot: Any, qapp: QApplication, demo_db: Database) -> Iterator[MainWindow]:
    qapp.setStyleSheet(stylesheet())
    win = MainWindow(TillBackend(demo_db.unit_of_work))
    qtbot.addWidget(win)
    win.install_scanner(qapp)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    qapp.removeEventFilter(win.scanner)
    win.runner.wait(5000)
