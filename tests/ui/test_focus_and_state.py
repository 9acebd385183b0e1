"""Issue 11's focus-and-state list at the till: where the keyboard goes after a sign-in step or a shift
close, what the next cashier sees, and the small dialogs (count, payment, buyer, refund)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_refund_shift import sell
from ui_helpers import barcodes, sign_in, when_modal

from pos.db.engine import Database
from pos.ui.dialogs import PreviewDialog
from pos.ui.main_window import MainWindow
from pos.ui.shift_dialogs import CloseShiftDialog


def answer(box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == role).click()


def test_picking_a_user_puts_the_keyboard_in_the_pin_field(qtbot: Any, window: MainWindow) -> None:
    combo = window.signin.user
    combo.setFocus()  # a click on the list gives it the focus
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible, timeout=2000)
    combo.view().setCurrentIndex(combo.model().index(combo.findData("kasir2"), 0))
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentData() == "kasir2"
    qtbot.waitUntil(window.signin.pin.hasFocus, timeout=2000)


def test_after_a_shift_close_the_pin_field_has_the_keyboard(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window, opening_float="0")

    def close(dialog: CloseShiftDialog) -> None:
        when_modal(PreviewDialog, lambda preview: preview.accept())
        dialog.close_button.click()

    handled = when_modal(CloseShiftDialog, close)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(handled) and window.pages.currentWidget() is window.signin, timeout=10_000)
    qtbot.waitUntil(window.signin.pin.hasFocus, timeout=2000)


@pytest.mark.slow
def test_the_next_user_sees_nothing_of_the_last_cashiers_sale(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    sell(qtbot, window, [barcodes(demo_db, 1)[0][0]])
    checkout = window.checkout
    qtbot.waitUntil(lambda: bool(checkout.receipt_preview.toPlainText()), timeout=5000)
    assert checkout.change_label.text() and checkout.last_sale_label.text()
    checkout.say("Refund R-1 tersimpan: kembalikan Rp10.000 tunai kepada pelanggan.")
    when_modal(QMessageBox, lambda box: answer(box, QMessageBox.ButtonRole.YesRole))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.signin
    qtbot.waitUntil(window.signin.pin.hasFocus, timeout=2000)  # sign-out too gives the PIN field the keys
    sign_in(qtbot, window, "kasir2", "2222")
    assert checkout.receipt_preview.toPlainText() == ""
    assert checkout.change_label.text() == "" and checkout.last_sale_label.text() == ""
    assert "Refund" not in checkout.message.text() and "Rp10.000" not in checkout.message.text()


def test_the_lockout_message_has_its_own_room_under_the_pin_field(qtbot: Any, window: MainWindow) -> None:
    signin = window.signin
    signin.choose("kasir2")
    for _ in range(5):
        signin.pin.setText("0000")
        qtbot.keyClick(signin.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not signin.busy, timeout=5000)
    signin.pin.setText("0000")
    qtbot.keyClick(signin.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not signin.busy, timeout=5000)
    assert "dikunci" in signin.error.text().lower()
    for _ in range(3):
        QApplication.processEvents()
    error, pin = signin.error, signin.pin
    pin_rect = pin.geometry().translated(pin.parentWidget().mapTo(window, QPoint(0, 0)))
    error_rect = error.geometry().translated(error.parentWidget().mapTo(window, QPoint(0, 0)))
    assert not error_rect.intersects(pin_rect), (error_rect, pin_rect)
    assert error.height() >= error.heightForWidth(error.width())
    assert pin.height() >= pin.minimumHeight()
