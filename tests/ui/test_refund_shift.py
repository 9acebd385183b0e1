"""After-sale work at the till: a refund approved by a manager's PIN, and closing the shift with a
cash count by denomination (expected vs counted, the Z report)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import barcodes, pay_exact, query, scan, sign_in, when_modal

from pos.core.money import format_rupiah
from pos.core.scan import receipt_qr_payload
from pos.db.engine import Database
from pos.ui.dialogs import ManagerPinDialog, PreviewDialog
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.refund import RefundDialog
from pos.ui.shift_dialogs import CloseShiftDialog


def sell(qtbot: Any, window: MainWindow, codes: list[str]) -> str:
    """Scan `codes` and pay the exact amount in cash (F1 = exact); returns the receipt number."""
    for code in codes:
        scan(qtbot, window.checkout.scan_field, code)
    handled = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)  # keys go to the till again
    return str(window.backend.last_receipt_no())


@pytest.mark.slow
def test_refund_one_line_with_manager_pin_and_reason(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    products = barcodes(demo_db, 2)
    receipt_no = sell(qtbot, window, [code for code, _n, _p in products])
    seen: dict[str, Any] = {}

    def manager(dialog: ManagerPinDialog) -> None:
        dialog.user.setCurrentIndex(dialog.user.findData("manajer"))
        dialog.pin.setText("5555")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    def refund(dialog: RefundDialog) -> None:
        dialog.receipt_field.setText(receipt_no)
        qtbot.keyClick(dialog.receipt_field, Qt.Key.Key_Return)
        seen["rows"] = dialog.table.rowCount()
        dialog.table.cellWidget(1, 3).setValue(1)  # only the second product comes back
        dialog.reason.setText("rusak dalam kemasan")
        seen["pin"] = when_modal(ManagerPinDialog, manager)
        dialog.ok_button.click()

    handled = when_modal(RefundDialog, refund)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(handled) and "Refund" in window.checkout.message.text(), timeout=10_000)
    assert seen["rows"] == 2 and seen["pin"]
    refunds = query(demo_db, "SELECT total, reason, approved_by FROM refunds")
    manager_id = query(demo_db, "SELECT id FROM users WHERE username = 'manajer'")[0][0]
    assert refunds == [(products[1][2], "rusak dalam kemasan", manager_id)]
    assert format_rupiah(products[1][2]) in window.checkout.message.text()
    assert query(demo_db, "SELECT COUNT(*) FROM outbox WHERE kind = 'refund'") == [(1,)]


@pytest.mark.slow
def test_close_shift_with_a_denomination_count_shows_the_difference(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window, opening_float="100000")
    code, _name, price = barcodes(demo_db, 1)[0]
    sell(qtbot, window, [code])
    seen: dict[str, Any] = {}

    def count(dialog: CloseShiftDialog) -> None:
        seen["expected"] = dialog.expected_label.text()
        dialog.counts[100_000].setValue(1)  # the float is there, the sale's cash is missing
        seen["difference"] = dialog.difference_label.text()
        seen["report"] = dialog.report.toPlainText()
        seen["z"] = when_modal(
            PreviewDialog, lambda preview: (seen.update(z=preview.text.toPlainText()), preview.accept())
        )
        dialog.close_button.click()

    handled = when_modal(CloseShiftDialog, count)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(handled) and window.pages.currentWidget() is window.signin, timeout=10_000)
    assert format_rupiah(100_000 + price) in seen["expected"]
    assert format_rupiah(-price) in seen["difference"] and "kurang" in seen["difference"]
    assert "X" in seen["report"]
    assert isinstance(seen["z"], str) and format_rupiah(-price) in seen["z"]
    shift = query(demo_db, "SELECT expected_cash, counted_cash, closed_at IS NOT NULL FROM shifts")
    assert shift == [(100_000 + price, 100_000, 1)]
    assert query(demo_db, "SELECT COUNT(*) FROM outbox WHERE kind = 'shift_close'") == [(1,)]


def test_sign_out_with_an_open_shift_warns_first(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window)
    seen: dict[str, Any] = {}

    def decline(box: QMessageBox) -> None:
        seen["text"] = box.text()
        no = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.NoRole)
        no.click()

    when_modal(QMessageBox, decline)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert "Shift Anda masih terbuka" in seen["text"]
    assert window.pages.currentWidget() is window.checkout  # stayed signed in

    def accept(box: QMessageBox) -> None:
        yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
        yes.click()

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    when_modal(QMessageBox, accept)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.signin


@pytest.mark.slow
def test_scanning_a_receipt_qr_at_the_checkout_opens_its_refund(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    code, _name, price = barcodes(demo_db, 1)[0]
    receipt_no = sell(qtbot, window, [code])
    sale_uuid = query(demo_db, "SELECT uuid FROM sales WHERE receipt_no = ?", receipt_no)[0][0]
    seen: dict[str, Any] = {}

    def look(dialog: RefundDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.table.rowCount()
        dialog.reject()

    handled = when_modal(RefundDialog, look)
    scan(qtbot, window.checkout.scan_field, receipt_qr_payload(receipt_no, sale_uuid))
    qtbot.waitUntil(lambda: bool(handled) and "summary" in seen, timeout=5000)
    assert receipt_no in seen["summary"] and format_rupiah(price) in seen["summary"]
    assert seen["rows"] == 1
    assert window.checkout.cart.is_empty  # a receipt QR never lands in the cart
