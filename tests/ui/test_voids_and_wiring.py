"""Voids are audited (with a manager's PIN when the setting asks for it), and the app's wiring: the
receipt goes to the print queue's own thread and its status comes back to the status bar."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import barcodes, pay_exact, query, scan, sign_in, when_modal

from pos.app import build_till
from pos.db.engine import Database
from pos.services import settings, users
from pos.ui.dialogs import ManagerPinDialog
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog


def put_setting(db: Database, key: str, value: Any) -> None:
    with db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
        settings.put(uow, admin, key, value)
        uow.commit()


@pytest.mark.slow
def test_removing_a_line_needs_a_manager_when_configured_and_is_audited(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    put_setting(demo_db, "void.requires_manager", True)
    sign_in(qtbot, window)
    checkout = window.checkout
    (code1, name1, _), (code2, _name2, _) = barcodes(demo_db, 2)
    scan(qtbot, checkout.scan_field, code1)
    scan(qtbot, checkout.scan_field, code2)
    when_modal(ManagerPinDialog, lambda dialog: dialog.reject())  # no manager at hand: nothing changes
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Delete)
    assert checkout.model.rowCount() == 2

    def approve(dialog: ManagerPinDialog) -> None:
        dialog.user.setCurrentIndex(dialog.user.findData("manajer"))
        dialog.pin.setText("5555")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    when_modal(ManagerPinDialog, approve)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Delete)
    assert [line.product.name for line in checkout.cart.lines] == [name1]
    rows = query(demo_db, "SELECT detail FROM audit_log WHERE action = 'void.line'")
    assert len(rows) == 1
    detail = json.loads(rows[0][0]) if isinstance(rows[0][0], str) else rows[0][0]
    assert detail["approved_by"] == "manajer" and detail["qty"] == 1


def test_voiding_the_whole_cart_is_confirmed_and_audited(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    code, _name, _price = barcodes(demo_db, 1)[0]
    scan(qtbot, window.checkout.scan_field, "2*" + code)

    def yes(box: QMessageBox) -> None:
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()

    when_modal(QMessageBox, yes)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert window.checkout.cart.is_empty
    assert query(demo_db, "SELECT COUNT(*) FROM audit_log WHERE action = 'void.cart'") == [(1,)]


@pytest.mark.parametrize("kick", [False, True], ids=["no-drawer", "drawer-after-cash"])
def test_receipt_goes_to_the_print_queue_thread_and_status_comes_back(
    qtbot: Any, qapp: Any, demo_db: Database, tmp_path: Path, kick: bool
) -> None:
    printed = tmp_path / "printer.bin"
    printer = {"kind": "file", "file_path": str(printed), "paper": 58, "kick_drawer_after_cash": kick}
    put_setting(demo_db, "printer", printer)
    till = build_till(demo_db, qapp, start_sync=False)
    window = till.window
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        assert window.printer_label.text() == "Printer siap"
        sign_in(qtbot, window)
        code, _name, _price = barcodes(demo_db, 1)[0]
        scan(qtbot, window.checkout.scan_field, code)
        handled = when_modal(PaymentDialog, pay_exact(qtbot))
        qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
        receipt_no = window.backend.last_receipt_no()
        qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 200, timeout=15_000)
        assert receipt_no is not None and receipt_no.encode() in printed.read_bytes()
        # ESC p: the drawer pulse, sent only for a cash sale when the setting asks for it.
        assert (b"\x1bp" in printed.read_bytes()) is kick
        qtbot.waitUntil(lambda: "siap" in window.printer_label.text().lower(), timeout=5000)
    finally:
        qapp.removeEventFilter(window.scanner)
        till.print_queue.stop(timeout=5)
        window.runner.wait(5000)
