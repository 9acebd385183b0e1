"""Antrian cetak in the real till: a click on the printer status opens it for a cashier; "Cetak ulang"
sends a waiting job to the printer, "Buang" asks, drops it and writes who did it to the audit log."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from ui_helpers import query, sign_in, when_modal

from pos.app import build_till, rebuild_printer
from pos.core.document import Cut, Text
from pos.db.engine import Database
from pos.ui.setup.print_queue_dialog import PrintQueueDialog


def test_cashier_reprints_and_discards_waiting_jobs(
    qtbot: Any, qapp: QApplication, demo_db: Database, tmp_path: Path
) -> None:
    with socket.socket() as probe:  # the printer is off: jobs wait
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    till = build_till(demo_db, qapp, start_sync=False, check_health=False)
    window = till.window
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        sign_in(qtbot, window, "kasir1", "1111")
        off = {"kind": "network", "host": "127.0.0.1", "port": port, "paper": 58, "timeout": 0.5}
        rebuild_printer(till, off)
        queue = till.print_queue
        keep = window.submit_print((Text("STRUK SIMPAN"), Cut()), "Struk 1")
        drop = window.submit_print((Text("STRUK BUANG"), Cut()), "Struk 2")
        qtbot.waitUntil(lambda: "offline" in window.printer_label.text().lower(), timeout=5000)

        def answer(dialog: PrintQueueDialog) -> None:
            assert dialog.table.rowCount() == 2
            assert "Printer offline" in dialog.table.item(0, 1).text()
            yes = when_modal(
                QMessageBox,
                lambda box: next(
                    b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole
                ).click(),
            )
            dialog.findChild(QPushButton, f"discardJob{drop}").click()
            assert yes and dialog.table.rowCount() == 1
            target = tmp_path / "printer.bin"
            queue.update_settings(_file(target))  # the printer is back (as a file printer)
            dialog.findChild(QPushButton, f"reprintJob{keep}").click()
            qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
            assert b"STRUK SIMPAN" in target.read_bytes() and b"STRUK BUANG" not in target.read_bytes()
            dialog.accept()

        handled = when_modal(PrintQueueDialog, answer)
        qtbot.mouseClick(window.printer_label, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
        assert handled and not isinstance(handled[-1], BaseException), handled
        rows = query(
            demo_db,
            "SELECT a.detail, u.username FROM audit_log a JOIN users u ON u.id = a.user_id "
            "WHERE a.action = 'print.discard'",
        )
        assert len(rows) == 1 and "Struk 2" in rows[0][0] and rows[0][1] == "kasir1"
    finally:
        qapp.removeEventFilter(window.scanner)
        till.stop()


def _file(target: Path) -> Any:
    from pos.printing.connection import PrinterSettings

    return PrinterSettings(kind="file", file_path=str(target), paper=58)


def test_a_job_set_aside_stays_named_in_the_status_bar(
    qtbot: Any, qapp: QApplication, demo_db: Database, tmp_path: Path
) -> None:
    from pos.core.document import QR

    till = build_till(demo_db, qapp, start_sync=False, check_health=False)
    window = till.window
    qtbot.addWidget(window)
    target = tmp_path / "printer.bin"
    try:
        rebuild_printer(till, {"kind": "file", "file_path": str(target), "paper": 58, "profile": "POS-5890"})
        window.submit_print((Text("QRIS"), QR("x" * 600), Cut()), "Struk QRIS")  # too wide for the head
        window.submit_print((Text("STRUK BERIKUTNYA"), Cut()), "Struk 2")
        qtbot.waitUntil(lambda: target.exists() and b"BERIKUTNYA" in target.read_bytes(), timeout=10_000)
        qtbot.waitUntil(lambda: window.printer_label.text().endswith("1 gagal"), timeout=5000)
        assert window.printer_label.property("error") is True
    finally:
        till.stop()
