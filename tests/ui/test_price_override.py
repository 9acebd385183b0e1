"""F7 price override (a cut above the limit needs a manager's PIN, a raise does not), F3 typed quantity."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import barcodes, scan, sign_in, when_modal

from pos.core.money import format_rupiah
from pos.db.engine import Database
from pos.ui.dialogs import ManagerPinDialog, TextDialog
from pos.ui.main_window import MainWindow


def test_price_cut_needs_a_manager_and_a_raise_does_not(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, checkout.scan_field, code)
    seen: dict[str, Any] = {}

    def cut_by_half(dialog: TextDialog) -> None:
        dialog.field.setText(str(price // 2))
        seen["pin"] = when_modal(ManagerPinDialog, lambda pin: pin.reject())
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    handled = when_modal(TextDialog, cut_by_half)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bool(handled) and bool(seen.get("pin")), timeout=5000)
    assert checkout.cart.lines[0].unit_price == price  # no manager: unchanged

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    raised = price + 5_000

    def raise_price(dialog: TextDialog) -> None:
        dialog.field.setText(f"{raised // 1000}rb" if raised % 1000 == 0 else str(raised))
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    handled = when_modal(TextDialog, raise_price)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].unit_price == raised, timeout=5000)
    assert checkout.model.data(checkout.model.index(0, 3)) == format_rupiah(raised)
    assert checkout.model.data(checkout.model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None


def test_f3_typed_quantity_and_a_refused_one(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, checkout.scan_field, code)
    seen: dict[str, Any] = {}

    def typed(dialog: TextDialog) -> None:
        dialog.field.setText("0")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        seen["refused"] = dialog.error.text()
        dialog.field.setText("12")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    handled = when_modal(TextDialog, typed)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].qty == 12, timeout=5000)
    assert "1 sampai" in seen["refused"]
    assert checkout.total_label.text() == format_rupiah(12 * price)
    assert checkout.count_label.text().startswith("12 barang")


@pytest.mark.slow
def test_price_cut_within_the_override_limit_needs_no_manager(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    from pos.services import settings, users

    with demo_db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
        settings.put(uow, admin, "price_override.manager_pin_above_percent", 60)
        uow.commit()
    sign_in(qtbot, window)
    checkout = window.checkout
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, checkout.scan_field, code)

    def cut_by_half(dialog: TextDialog) -> None:
        dialog.field.setText(str(price // 2))
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    handled = when_modal(TextDialog, cut_by_half)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].unit_price == price // 2, timeout=5000)
