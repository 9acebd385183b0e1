"""Stopping the till writes the cart on screen, also a change made in the journal timer's last 150 ms:
the next start offers exactly that cart back (or none, when it had just been emptied)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import barcodes, scan, sign_in, when_modal

from pos.app import Till, build_till
from pos.db.engine import Database
from pos.services import open_cart
from pos.ui.recovery import OpenCartDialog


def start_till(qtbot: Any, qapp: QApplication, data_dir: Path) -> Till:
    till = build_till(Database.open(data_dir, create=False), qapp, start_sync=False, check_health=False)
    till.window.resize(1366, 768)
    till.window.show()
    qtbot.waitExposed(till.window)
    return till


def forget_window(qapp: QApplication, till: Till) -> None:
    """Gone without a close event: a close would park the cart, and these tests are about `stop`."""
    qapp.removeEventFilter(till.window.scanner)
    till.window.hide()
    till.window.deleteLater()


def test_a_scan_just_before_stop_is_offered_back_at_the_next_start(
    qtbot: Any, qapp: QApplication, demo_db: Database
) -> None:
    data_dir = demo_db.path.parent
    demo_db.close()
    (first, first_name, _), (second, _, _) = barcodes(demo_db, 2)[:2]
    till = start_till(qtbot, qapp, data_dir)
    sign_in(qtbot, till.window)
    checkout = till.window.checkout
    scan(qtbot, checkout.scan_field, first)
    qtbot.waitUntil(lambda: checkout.cart.item_count == 1)
    checkout.settle_journal()  # one item on disk
    scan(qtbot, checkout.scan_field, second)
    assert checkout.cart.item_count == 2
    till.stop()  # at once: the second scan is still in the journal timer
    forget_window(qapp, till)

    till = start_till(qtbot, qapp, data_dir)
    seen: dict[str, str] = {}

    def resume(dialog: OpenCartDialog) -> None:
        seen["text"] = dialog.text.text()
        qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)

    offered = when_modal(OpenCartDialog, resume, timeout_ms=10_000)
    try:
        sign_in(qtbot, till.window)
        qtbot.waitUntil(lambda: bool(offered), timeout=10_000)
        assert isinstance(offered[0], OpenCartDialog), offered
        assert "2 barang" in seen["text"]
        lines = till.window.checkout.cart.lines
        assert [line.product.code for line in lines] == [first, second], first_name
    finally:
        till.window.checkout.new_sale()
        till.stop()
        forget_window(qapp, till)


def test_a_cart_emptied_just_before_closing_is_not_offered_back(
    qtbot: Any, qapp: QApplication, demo_db: Database
) -> None:
    data_dir = demo_db.path.parent
    demo_db.close()
    code = barcodes(demo_db, 1)[0][0]
    till = start_till(qtbot, qapp, data_dir)
    sign_in(qtbot, till.window)
    checkout = till.window.checkout
    scan(qtbot, checkout.scan_field, code)
    qtbot.waitUntil(lambda: checkout.cart.item_count == 1)
    checkout.settle_journal()  # the one-item cart is on disk
    checkout.new_sale()  # emptied (as "Batal transaksi" does), and the till closed at once
    till.window.close()  # an empty cart: nothing to park
    till.stop()
    qapp.removeEventFilter(till.window.scanner)
    till.window.deleteLater()

    db = Database.open(data_dir, create=False)
    try:
        with db.unit_of_work() as uow:
            assert open_cart.load(uow) is None  # the voided cart stays gone
    finally:
        db.close()
