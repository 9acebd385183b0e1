"""Scans go to the window being looked at: the back office's fields, the F2 search; misreads are said
in the checkout's message line, never with a dialog."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import barcodes, scan, sign_in, when_modal

from pos.core.barcode import make_instore_ean13
from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.search import ProductSearchDialog


@pytest.fixture
def backoffice(qtbot: Any, window: MainWindow) -> Any:
    """The back office opened from the till by the manager, in front of the checkout."""
    sign_in(qtbot, window, "manajer", "5555")
    window.admin_menu.open_backoffice(window.checkout.actor)
    office = window.admin_menu.backoffice
    qtbot.addWidget(office)
    with qtbot.waitActive(office):
        office.activateWindow()
    return office


def _scan_into(qtbot: Any, office: Any, widget: Any, code: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    scan(qtbot, widget, code)


@pytest.mark.slow
def test_a_scan_in_each_back_office_field_goes_there_and_the_cart_stays_empty(
    qtbot: Any, window: MainWindow, backoffice: Any, demo_db: Database
) -> None:
    (code, name, _price), (code2, name2, _price2) = barcodes(demo_db, 2)

    # Stok: receiving; the same product again bumps its line, wherever the focus is.
    backoffice.tabs.setCurrentWidget(backoffice.stock)
    stock = backoffice.stock
    _scan_into(qtbot, backoffice, stock.code, code)
    _scan_into(qtbot, backoffice, stock.qty, code)  # the cursor was left in "Jumlah"
    _scan_into(qtbot, backoffice, stock.post_button, code2)  # or on a button
    assert [(n, q) for _pid, n, q, _cost in stock.lines] == [(name, 2), (name2, 1)]
    assert stock.qty.text() == "1"

    # Stok opname: started with the button (which keeps the focus), then counted by scanning.
    backoffice.tabs.setCurrentWidget(backoffice.stocktake)
    take = backoffice.stocktake
    take.start_button.setFocus()
    qtbot.mouseClick(take.start_button, Qt.MouseButton.LeftButton)
    _scan_into(qtbot, backoffice, take.start_button, code)
    _scan_into(qtbot, backoffice, take.scan, code)
    counted = {line.name: line.counted for line in take.refresh()}
    assert counted == {name: 2}, take.message.text()

    # Produk: the barcode field of a new product takes the scan; from the list it picks the product.
    backoffice.tabs.setCurrentWidget(backoffice.catalog)
    catalog = backoffice.catalog
    catalog.clear_form()
    new_code = make_instore_ean13(98_765)
    _scan_into(qtbot, backoffice, catalog.barcode, new_code)
    assert catalog.barcode.text() == new_code
    catalog.clear_form()
    _scan_into(qtbot, backoffice, catalog.table, code2)
    assert catalog.name.text() == name2  # shown, ready for "Cetak label"

    assert window.checkout.cart.is_empty


@pytest.mark.slow
def test_a_scan_in_the_f2_search_adds_the_product_and_closes_it(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    code, name, _price = barcodes(demo_db, 1)[0]

    def scan_there(dialog: ProductSearchDialog) -> None:
        QTimer.singleShot(3000, dialog, dialog.reject)  # the old till kept it open
        qtbot.keyClicks(dialog.query, "zzz", delay=80)  # the cashier was typing a name, then scans
        qtbot.wait(80)
        scan(qtbot, dialog.query, code)

    handled = when_modal(ProductSearchDialog, scan_there)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F2)
    assert handled and isinstance(handled[0], ProductSearchDialog)
    assert [line.product.name for line in window.checkout.cart.lines] == [name]
    assert QApplication.activeModalWidget() is None


@pytest.mark.parametrize(
    ("burst", "said"),
    [
        ("89912345678951234", "17 digit"),  # a digit read twice and more
        ("89912A4567895", "berisi huruf"),
        ("8991234567894", "digit pemeriksa salah"),
    ],
)
@pytest.mark.slow
def test_a_misread_says_why_in_the_message_line_and_opens_no_dialog(
    qtbot: Any, window: MainWindow, burst: str, said: str
) -> None:
    sign_in(qtbot, window)
    opened = when_modal(ProductSearchDialog, lambda dialog: dialog.reject(), timeout_ms=400)
    scan(qtbot, window.checkout.scan_field, burst)
    qtbot.wait(450)
    assert not any(isinstance(seen, ProductSearchDialog) for seen in opened)
    message = window.checkout.message
    assert said in message.text() and "Pindai ulang" in message.text()
    assert message.property("error") and message.property("flash")
    assert window.checkout.cart.is_empty and window.checkout.scan_field.text() == ""


def test_an_unknown_valid_barcode_is_named_in_the_message_line(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window)
    unknown = make_instore_ean13(7_654_321, prefix=28)
    scan(qtbot, window.checkout.scan_field, unknown)
    assert window.checkout.message.text() == f"Barcode {unknown} tidak dikenal."
    assert window.checkout.message.property("error") and window.checkout.message.property("flash")
