"""Saving another printer in the running till (pos.app.rebuild_printer) moves the waiting jobs to it;
"Belum ada printer" keeps them queued rather than dropping them."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from pos.app import build_till, rebuild_printer
from pos.core.document import Cut, Text
from pos.db.engine import Database


def test_waiting_jobs_move_to_the_new_printer(
    qtbot: Any, qapp: QApplication, demo_db: Database, tmp_path: Path
) -> None:
    with socket.socket() as probe:  # nothing listens there: the printer is off
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    till = build_till(demo_db, qapp, start_sync=False, check_health=False)
    window = till.window
    qtbot.addWidget(window)
    try:
        off = {"kind": "network", "host": "127.0.0.1", "port": port, "paper": 58, "timeout": 0.5}
        rebuild_printer(till, off)
        queue = till.print_queue
        window.submit_print((Text("STRUK SATU"), Cut()), "Struk 1")
        window.submit_print((Text("STRUK DUA"), Cut()), "Struk 2")
        qtbot.waitUntil(lambda: "offline" in window.printer_label.text().lower(), timeout=5000)
        rebuild_printer(till, {"kind": "none"})  # jobs wait: the queue stays, new receipts are previews
        assert till.print_queue is queue and len(queue.pending()) == 2 and window.submit_print is None
        target = tmp_path / "printer.bin"
        rebuild_printer(till, {"kind": "file", "file_path": str(target), "paper": 58})
        assert till.print_queue is queue
        qtbot.waitUntil(lambda: not queue.pending(), timeout=10_000)
        data = target.read_bytes()
        assert data.index(b"STRUK SATU") < data.index(b"STRUK DUA")
        qtbot.waitUntil(lambda: window.printer_label.text() == "Printer siap", timeout=5000)
        rebuild_printer(till, {"kind": "none"})  # nothing waits: the queue goes
        assert till.print_queue is None
    finally:
        till.stop()
