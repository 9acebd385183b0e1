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
    assert window.sync_label.text() == "Sinkron offline: 7 menunggu · terakhir 28/11 11:04 · 1 ditolak"
    assert window.sync_label.toolTip() == "Offline: timeout"
    qtbot.waitUntil(lambda: "habis" in window.printer_label.text(), timeout=2000)
    assert window.printer_label.text() == "Kertas printer habis · 2 antre"
    assert window.printer_label.property("error") is True
