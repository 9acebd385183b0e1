"""Cart functions at the till: invalid NIP, multiplier, +/-, search, discounts with a manager's PIN,
park and recall, and the cart model checked by Qt's own model tester."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import barcodes, query, scan, sign_in, when_modal

from pos.core.cart import Cart, Discount, Product
from pos.core.money import format_rupiah
from pos.db.engine import Database
from pos.ui.cart_model import CartTableModel
from pos.ui.checkout_actions import HeldListDialog
from pos.ui.dialogs import BuyerDialog, ManagerPinDialog, ReasonDialog
from pos.ui.main_window import MainWindow
from pos.ui.search import ProductSearchDialog, ProductTableModel


def test_invalid_nip_shows_the_reason_and_leaves_the_cart_alone(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, checkout.scan_field, code)
    before = checkout.cart.snapshot()
    scan(qtbot, checkout.scan_field, "199913312015051001")  # 31 Dec... month 13: no such birth date
    assert "NIP tidak sah" in checkout.message.text()
    assert checkout.message.property("error") is True
    assert checkout.buyer is None
    assert checkout.cart.snapshot() == before
    assert checkout.total_label.text() == format_rupiah(price)


def test_f4_buyer_dialog_accepts_a_valid_unregistered_nip(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, window.checkout.scan_field, code)
    nip = "19860926 201505 1 001"
    assert not query(demo_db, "SELECT 1 FROM asn_registry WHERE nip = ?", nip.replace(" ", ""))
    seen: dict[str, Any] = {}

    def buyer(dialog: BuyerDialog) -> None:
        dialog.field.setText("NIP. 19860926 201505 1 00")
        seen["partial"] = dialog.info.text()
        dialog.field.setText("NIP. 19860926 201505 1 000")  # sequence 000 never exists
        seen["invalid"] = dialog.error.text()
        dialog.field.setText(f"NIP. {nip}")
        seen["valid"] = dialog.info.text()
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    handled = when_modal(BuyerDialog, buyer)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.buyer is not None, timeout=5000)
    assert "17 dari 18" in seen["partial"]
    assert seen["invalid"]
    assert "NIP sah, belum terdaftar" in seen["valid"] and format_rupiah(price) in seen["valid"]
    assert "NIP sah, belum terdaftar" in window.checkout.buyer_label.text()


@pytest.mark.slow
def test_multiplier_prefix_plus_minus_and_remove(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    (code, _n, price), (code2, _m, _p) = barcodes(demo_db, 2)
    qtbot.keyClicks(checkout.scan_field, "3*", delay=90)  # typed by the cashier
    scan(qtbot, checkout.scan_field, code)  # then the scanner's burst
    assert [line.qty for line in checkout.cart.lines] == [3]
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Plus)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Plus)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Minus)
    assert checkout.cart.lines[0].qty == 4
    assert checkout.total_label.text() == format_rupiah(4 * price)
    scan(qtbot, checkout.scan_field, code2)
    assert checkout.model.rowCount() == 2
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_Delete)  # removes the selected (last scanned) line
    assert checkout.model.rowCount() == 1 and checkout.cart.lines[0].qty == 4
    qtbot.keyClicks(checkout.scan_field, "0*", delay=90)
    scan(qtbot, checkout.scan_field, code)
    assert "jumlah harus 1" in checkout.message.text()
    assert checkout.cart.lines[0].qty == 4


def test_f2_search_as_you_type_adds_the_chosen_product(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    name = query(demo_db, "SELECT name FROM products WHERE name LIKE 'Kopi%' AND active LIMIT 1")[0][0]
    word = name.split()[1][:4]  # the start of the second word, as a cashier would type it
    seen: dict[str, Any] = {}

    def search(dialog: ProductSearchDialog) -> None:
        qtbot.keyClicks(dialog.query, f"kopi {word}", delay=5)
        qtbot.wait(40)  # a person pauses before Enter; an Enter within 30 ms would be a scanner's
        seen["rows"] = dialog.model.rowCount()
        seen["first"] = dialog.model.product(0).name
        qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    handled = when_modal(ProductSearchDialog, search)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.model.rowCount() == 1, timeout=5000)
    assert seen["rows"] >= 1
    assert window.checkout.cart.lines[0].product.name == seen["first"]
    assert word.lower() in seen["first"].lower()


def test_big_discount_needs_a_manager_pin_and_a_wrong_pin_is_refused(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    code, _name, price = barcodes(demo_db, 1)[0]
    scan(qtbot, checkout.scan_field, code)
    seen: dict[str, Any] = {}

    def manager(dialog: ManagerPinDialog) -> None:
        dialog.user.setCurrentIndex(dialog.user.findData("manajer"))
        dialog.pin.setText("0000")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        seen["wrong"] = dialog.error.text()
        dialog.pin.setText("5555")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    def discount(dialog: ReasonDialog) -> None:
        dialog.field.setText("50%")
        dialog.reason.setText("kemasan penyok")
        seen["pin"] = when_modal(ManagerPinDialog, manager)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    handled = when_modal(ReasonDialog, discount)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.lines[0].discount is not None, timeout=5000)
    assert "PIN salah" in seen["wrong"]
    assert checkout.cart.lines[0].discount == Discount.of_percent(50, "kemasan penyok")
    assert checkout.total_label.text() == format_rupiah(price - (price + 1) // 2)


def test_park_two_sales_and_recall_the_first(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    (code1, name1, _), (code2, name2, _) = barcodes(demo_db, 2)
    scan(qtbot, checkout.scan_field, code1)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F10)
    assert checkout.cart.is_empty and "ditahan" in checkout.message.text()
    scan(qtbot, checkout.scan_field, code2)
    scan(qtbot, checkout.scan_field, code2)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F10)
    assert query(demo_db, "SELECT COUNT(*) FROM held_sales") == [(2,)]

    def pick_first(dialog: HeldListDialog) -> None:
        assert dialog.list.count() == 2
        dialog.list.setCurrentRow(0)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    handled = when_modal(HeldListDialog, pick_first)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(handled) and not checkout.cart.is_empty, timeout=5000)
    assert [(line.product.name, line.qty) for line in checkout.cart.lines] == [(name1, 1)]
    assert query(demo_db, "SELECT COUNT(*) FROM held_sales") == [(1,)]
    assert name2  # still parked


def test_cart_and_search_models_pass_qt_model_tester(qtmodeltester: Any) -> None:
    cart = Cart()
    model = CartTableModel(cart)
    cart.add(Product(1, "8991234567895", "Kopi Arabika Manggarai 250 g", 75_000))
    model.refresh(changed_row=0)
    cart.add(Product(2, "2000000000015", "Tenun ikat Sumba", 1_250_000), 2)
    model.refresh(changed_row=1)
    cart.set_sale_discount(Discount.of_percent(10, "promo"))
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 5)) == format_rupiah(2_500_000 - 250_000)  # its share of the 10%
    assert model.data(model.index(1, 4)) == format_rupiah(-250_000)
    assert ProductTableModel().rowCount() == 0
    qtmodeltester.check(ProductTableModel(), force_py=True)
