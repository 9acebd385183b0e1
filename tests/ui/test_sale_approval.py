"""The manager who approves a big discount at the till is the one recorded on the sale; a recalled cart
above the limits is approved again before the customer pays (complete_sale would refuse it)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import barcodes, pay_exact, query, scan, sign_in, when_modal

from pos.db.engine import Database
from pos.ui.checkout_actions import HeldListDialog
from pos.ui.dialogs import ManagerPinDialog, ReasonDialog
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog


def _manager(qtbot: Any, seen: dict[str, Any]) -> Any:
    def answer(dialog: ManagerPinDialog) -> None:
        seen.setdefault("asked", []).append(dialog.action)
        dialog.user.setCurrentIndex(dialog.user.findData("manajer"))
        dialog.pin.setText("5555")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    return answer


def _discount_half(qtbot: Any, seen: dict[str, Any]) -> Any:
    def answer(dialog: ReasonDialog) -> None:
        dialog.field.setText("50%")
        dialog.reason.setText("kemasan penyok")
        seen["pin"] = when_modal(ManagerPinDialog, _manager(qtbot, seen))
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    return answer


def _pay(qtbot: Any, window: MainWindow) -> list[Any]:
    paid = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    return paid


@pytest.mark.slow
def test_the_approving_manager_is_recorded_and_a_recalled_cart_is_approved_again(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    (code, _name, _price), (code2, _name2, _price2) = barcodes(demo_db, 2)
    seen: dict[str, Any] = {}
    scan(qtbot, checkout.scan_field, code)
    handled = when_modal(ReasonDialog, _discount_half(qtbot, seen))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].discount is not None, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    paid = _pay(qtbot, window)
    qtbot.waitUntil(lambda: bool(paid) and checkout.cart.is_empty, timeout=5000)
    assert seen["asked"] == ["Diskon 50%"]  # asked once, at the discount; not again to pay
    manager_id = query(demo_db, "SELECT id FROM users WHERE username = 'manajer'")[0][0]
    assert query(demo_db, "SELECT approved_by FROM sales") == [(manager_id,)]

    # The same discount, parked and recalled: an approval never travels with a parked cart, so the
    # manager is asked again before the customer pays.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    scan(qtbot, checkout.scan_field, code2)
    handled = when_modal(ReasonDialog, _discount_half(qtbot, seen))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].discount is not None, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F10)
    recalled = when_modal(HeldListDialog, lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Return))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(recalled) and not checkout.cart.is_empty, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    asked_again = when_modal(ManagerPinDialog, _manager(qtbot, seen))
    paid = _pay(qtbot, window)
    qtbot.waitUntil(lambda: bool(asked_again) and bool(paid) and checkout.cart.is_empty, timeout=5000)
    assert seen["asked"][-1] == "Baris 1: Diskon 50%"
    assert query(demo_db, "SELECT approved_by FROM sales ORDER BY id") == [(manager_id,), (manager_id,)]
