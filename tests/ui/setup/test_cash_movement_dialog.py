"""Kas masuk / kas keluar from the Admin menu of the real till window, on the demo outlet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import query, sign_in, when_modal

from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.setup.cash_dialog import CashMovementDialog


def test_a_manager_records_a_bank_deposit_with_a_pin_and_the_drawer_expects_less(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window, "manajer", "5555", opening_float="200000")
    seen: dict[str, Any] = {}

    def deposit(dialog: CashMovementDialog) -> None:
        seen["reasons_out"] = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
        dialog.direction.setCurrentIndex(dialog.direction.findData("in"))
        seen["reasons_in"] = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
        dialog.direction.setCurrentIndex(dialog.direction.findData("out"))
        dialog.reason.setCurrentIndex(dialog.reason.findData("bank_deposit"))
        dialog.amount.setText("150rb")
        dialog.note.setText("BRI")
        dialog.manager.setCurrentIndex(dialog.manager.findData("manajer"))
        dialog.pin.setText("0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        seen["wrong"] = dialog.error.text()
        seen["pin_cleared"] = dialog.pin.text() == ""
        dialog.pin.setText("5555")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    handled = when_modal(CashMovementDialog, deposit)
    window.admin_menu.actions_["cash"].trigger()
    qtbot.waitUntil(lambda: bool(handled) and "Tercatat" in window.checkout.message.text(), timeout=5000)
    assert "PIN salah" in seen["wrong"] and seen["pin_cleared"]
    assert "bank_deposit" in seen["reasons_out"] and "bank_deposit" not in seen["reasons_in"]
    assert query(demo_db, "SELECT direction, reason, amount, note FROM cash_movements") == [
        ("out", "bank_deposit", 150_000, "BRI")
    ]
    assert query(demo_db, "SELECT COUNT(*) FROM audit_log WHERE action = 'cash.out'") == [(1,)]
    shift = window.checkout.shift
    assert shift is not None
    assert window.backend.shift_summary(shift.shift_id).expected_cash == 50_000
    x_report = window.backend.shift_report_text(window.backend.shift_summary(shift.shift_id))
    assert "Setor ke bank" in x_report and "-Rp150.000" in x_report


def test_a_cashier_is_refused_cash_movements(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window)
    box = when_modal(QMessageBox, lambda b: (setattr(b, "seen", b.text()), b.accept()))
    window.admin_menu.actions_["cash"].trigger()
    assert box and "manajer" in box[0].seen
    assert query(demo_db, "SELECT COUNT(*) FROM cash_movements") == [(0,)]
