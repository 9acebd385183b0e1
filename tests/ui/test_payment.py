"""The payment dialog: QRIS shows a QR for the exact amount, underpayment is refused, splits add up."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import barcodes, query, scan, sign_in, when_modal

from pos.core.money import format_rupiah
from pos.core.payments import PaymentMethod
from pos.core.qris import parse_qris
from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.qr_image import qr_image

STATIC = None  # read from the demo outlet's settings in the tests


def _cart_of_two(qtbot: Any, window: MainWindow, db: Database) -> int:
    sign_in(qtbot, window)
    products = barcodes(db, 2)
    for code, _name, _price in products:
        scan(qtbot, window.checkout.scan_field, code)
    return sum(price for _code, _name, price in products)


def zbar_decode(path: Path) -> str:
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return done.stdout.strip()


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) not installed")
def test_qris_payment_shows_a_qr_that_decodes_to_the_sale_amount(
    qtbot: Any, window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    total = _cart_of_two(qtbot, window, demo_db)
    seen: dict[str, Any] = {}

    def pay_qris(dialog: PaymentDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_F10)
        assert dialog.method is PaymentMethod.QRIS
        pixmap = dialog.qr_label.pixmap()
        assert not pixmap.isNull() and pixmap.width() >= 300  # large enough for a phone across the counter
        path = tmp_path / "qris.png"
        assert pixmap.save(str(path))
        seen["decoded"] = zbar_decode(path)
        seen["payload"] = dialog.qris_payload
        seen["caption"] = dialog.qr_caption.text()
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # the cashier saw the payment arrive

    handled = when_modal(PaymentDialog, pay_qris)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    assert seen["decoded"] == seen["payload"]
    info = parse_qris(seen["decoded"])  # checks the CRC too
    assert info.amount == total and info.point_of_initiation == "dynamic"
    assert format_rupiah(total) in seen["caption"]
    rows = query(demo_db, "SELECT method, amount FROM payments")
    assert rows == [("qris", total)]


def test_underpayment_is_refused_and_nothing_is_sold(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    total = _cart_of_two(qtbot, window, demo_db)
    seen: dict[str, Any] = {}

    def underpay(dialog: PaymentDialog) -> None:
        dialog.amount.setText(str(total - 1000))
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        seen["visible_after_partial"] = dialog.isVisible()
        seen["remaining"] = dialog.remaining_label.text()
        dialog.accept()  # even forcing it: settle() refuses and the dialog stays open
        seen["still_visible"] = dialog.isVisible()
        seen["message"] = dialog.message.text()
        dialog.reject()

    handled = when_modal(PaymentDialog, underpay)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    qtbot.wait(50)
    assert seen["visible_after_partial"] and seen["still_visible"]
    assert format_rupiah(1000) in seen["remaining"]
    assert "kurang" in seen["message"]
    assert query(demo_db, "SELECT COUNT(*) FROM sales") == [(0,)]
    assert not window.checkout.cart.is_empty  # the sale is still there to pay properly


def test_split_debit_with_reference_then_cash_quick_tender(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    total = _cart_of_two(qtbot, window, demo_db)
    part = total // 2

    def split(dialog: PaymentDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_F11)
        dialog.amount.setText(str(part))
        dialog.reference.setText("EDC-778812")
        qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.remaining == total - part
        qtbot.keyClick(dialog, Qt.Key.Key_F1)  # quick tender: the exact rest in cash, FILLED only
        assert dialog.isVisible() and dialog.amount.text() == format_rupiah(total - part)
        for key in (Qt.Key.Key_F2, Qt.Key.Key_F3):  # a habitual F2 ("Cari barang") never commits
            qtbot.keyClick(dialog, key)
            assert dialog.isVisible() and len(dialog.payments) == 1
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter takes it and completes the sale

    handled = when_modal(PaymentDialog, split)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    rows = query(demo_db, "SELECT method, amount, reference FROM payments ORDER BY id")
    assert rows == [("debit", part, "EDC-778812"), ("cash", total - part, None)]


def test_qr_image_of_a_payload_is_decodable(tmp_path: Path, qapp: Any) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian zbar-tools) not installed")
    payload = "00020101021226570011ID.CO.QRIS.WWW0215ID10232704432190303UMI5204599953033605802ID6304ABCD"
    path = tmp_path / "qr.png"
    assert qr_image(payload, 300).save(str(path))
    assert zbar_decode(path) == payload
