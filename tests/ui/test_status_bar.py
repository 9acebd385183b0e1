"""The status bar hears from the printer and sync threads through Qt signals, never by waiting."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from pos.printing.queue import PrinterStatus
from pos.sync.worker import SyncStatus
from pos.ui.main_window import MainWindow


def test_statuses_from_other_threads_reach_the_status_bar(qtbot: Any, window: MainWindow) -> None:
    last = datetime(2026, 11, 28, 3, 4, tzinfo=UTC)  # 11:04 WITA

    def report() -> None:  # what the print queue and the sync worker do on their own threads
        window.printer_status.emit(PrinterStatus("paper_out", "Kertas printer habis", 2))
        window.sync_status.emit(
            SyncStatus(pending=7, rejected=1, last_success=last, online=False, message="Offline: timeout")
        )

    worker = threading.Thread(target=report)
    worker.start()
    worker.join(5)
    qtbot.waitUntil(lambda: "7 menunggu" in window.sync_label.text(), timeout=2000)
    assert (
        window.sync_label.text() == "Sinkron offline: 7 menunggu · terakhir berhasil 28/11 11:04 · 1 ditolak"
    )
    assert window.sync_label.toolTip() == "Offline: timeout"
    qtbot.waitUntil(lambda: "habis" in window.printer_label.text(), timeout=2000)
    assert window.printer_label.text() == "Kertas printer habis · 2 antre"
    assert window.printer_label.property("error") is True


def test_a_refused_till_and_a_wrong_clock_are_named_never_shown_as_offline(
    qtbot: Any, window: MainWindow
) -> None:
    warning = "Jam kasir ini 12 menit lebih cepat dari server provinsi: betulkan jam dan zona waktu komputer"
    window.sync_status.emit(
        SyncStatus(
            pending=3,
            rejected=0,
            last_success=None,
            online=False,
            message="Sinkronisasi ditolak: token ditolak server provinsi (token tidak dikenal)",
            refused=True,
            clock_warning=warning,
        )
    )
    assert window.sync_label.text().startswith("Sinkron DITOLAK (3 menunggu): token ditolak server provinsi")
    assert warning in window.sync_label.text()
    assert window.sync_label.property("error") is True
    assert window.signin.clock_banner.isVisibleTo(window.signin)
    assert window.signin.clock_banner.text() == warning
    window.sync_status.emit(SyncStatus(3, 0, None, True, "Tersinkron"))  # the clock was put right
    assert not window.signin.clock_banner.isVisibleTo(window.signin)
