"""A cashier's sale through the real widgets: sign in, open a shift, scan, identify the buyer, pay."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from ui_helpers import barcodes, query, registered_nip, scan, sign_in, when_modal

from pos.core.money import format_rupiah
from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog


def test_scan_three_products_scan_nip_pay_cash_with_change(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    assert checkout.shift is not None and checkout.shift.opening_float == 200_000
    assert "Shift #" in window.shift_label.text()

    products = barcodes(demo_db)
    for code, _name, _price in products:
        scan(qtbot, checkout.scan_field, code)
    scan(qtbot, checkout.scan_field, products[0][0])  # the same product again raises its quantity
    assert checkout.model.rowCount() == 3
    assert [line.qty for line in checkout.cart.lines] == [2, 1, 1]
    assert checkout.scan_field.text() == ""
    expected_total = 2 * products[0][2] + products[1][2] + products[2][2]
    assert checkout.total_label.text() == format_rupiah(expected_total)

    nip, name = registered_nip(demo_db)
    scan(qtbot, checkout.scan_field, nip)
    assert checkout.buyer is not None and checkout.buyer.nip == nip
    assert name in checkout.buyer_label.text()
    assert checkout.model.rowCount() == 3  # a NIP never lands in the cart

    given = (expected_total // 100_000 + 1) * 100_000

    def pay_cash(dialog: PaymentDialog) -> None:
        dialog.amount.setText(str(given))
        assert format_rupiah(given - expected_total) in dialog.change_label.text()
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    handled = when_modal(PaymentDialog, pay_cash)
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and checkout.cart.is_empty, timeout=5000)
    assert checkout.change_label.text().endswith(format_rupiah(given - expected_total))

    rows = query(demo_db, "SELECT receipt_no, total, paid, change, buyer_nip, shift_id FROM sales")
    assert len(rows) == 1
    receipt_no, total, paid, change, buyer_nip, shift_id = rows[0]
    assert (total, paid, change, buyer_nip) == (expected_total, given, given - expected_total, nip)
    assert shift_id == checkout.shift.shift_id
    lines = query(demo_db, "SELECT product_code, qty FROM sale_lines ORDER BY line_no")
    assert [qty for _code, qty in lines] == [2, 1, 1]
    # The receipt is built off the GUI thread and previewed (no printer is configured in the demo).
    qtbot.waitUntil(lambda: receipt_no in checkout.receipt_preview.toPlainText(), timeout=5000)
    assert format_rupiah(expected_total) in checkout.receipt_preview.toPlainText()
    assert checkout.scan_field.hasFocus()  # ready for the next customer

    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F12)  # reprint the last receipt
    qtbot.waitUntil(lambda: "CETAK ULANG" in checkout.receipt_preview.toPlainText(), timeout=5000)
    assert receipt_no in checkout.receipt_preview.toPlainText()


def test_closing_the_window_parks_the_sale_in_progress(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    code, _name, _price = barcodes(demo_db, 1)[0]
    scan(qtbot, window.checkout.scan_field, code)
    window.close()
    assert query(demo_db, "SELECT label FROM held_sales") == [("Ditutup otomatis",)]
