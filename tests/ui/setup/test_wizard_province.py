"""The first-run wizard with a provincial server, through its real widgets: "Tes koneksi" names the
outlet and till the token belongs to, the till takes that terminal, and its first sale reaches the
province (real uvicorn on loopback)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine, select
from test_setup_wizard import open_wizard
from ui_helpers import query, scan, sign_in, when_modal

from pos.application.till import TillBackend
from pos.db.engine import Database
from pos.province.outlets import add_outlet, add_till
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services import products, setup, users
from pos.services.products import ProductInput
from pos.sync.client import ProvinceClient
from pos.sync.runner import load_connection, sync_once
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog


@pytest.mark.slow
def test_wizard_with_a_server_takes_the_tokens_till_and_its_first_sale_is_synced(
    qtbot: Any, tmp_path: Path, province_engine: Engine, live_server: BackgroundServer
) -> None:
    with province_engine.begin() as conn:
        other_outlet = add_outlet(conn, "5307", "NTT Mart Sikka", "Sikka")
        add_outlet(conn, "5308", "NTT Mart by Dekranasda Ende", "Ende")
        _, token = add_till(conn, "5308")  # the outlet's second till
    data_dir = tmp_path / "till"
    wizard = open_wizard(qtbot, data_dir)
    page = wizard.outlet_page
    page.kabupaten.setCurrentIndex(page.kabupaten.findData("5308"))
    qtbot.keyClicks(page.address, "Jl. Kelimutu No. 3, Ende")
    wizard.next()
    wizard.admin_page.full_name.setText("Yohanes Ndona")
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    wizard.next()
    wizard.next()  # no printer yet
    extras = wizard.extras_page
    assert extras.isVisible()
    extras.url.setText(live_server.url)

    def test_connection(expected: str) -> None:
        qtbot.mouseClick(extras.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: expected in extras.connection_result.text(), timeout=10_000)
        qtbot.waitUntil(extras.test_button.isEnabled, timeout=5_000)

    extras.token.setText(other_outlet)  # the token of another outlet: named, and refused
    test_connection("bukan outlet 5308")
    wizard.save_draft()
    assert other_outlet not in setup.draft_path(data_dir).read_text(encoding="utf-8")  # never a token
    wizard.next()
    assert wizard.result_ is None and "Tes koneksi" in extras.error.text()
    extras.token.setText(token)
    test_connection("kasir 02")
    assert "outlet 5308" in extras.connection_result.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_ is not None or not wizard.finishing, timeout=20_000)
    assert wizard.result_ is not None, extras.error.text()
    assert not setup.draft_path(data_dir).exists()

    db = Database.open(data_dir, create=False)
    try:
        assert query(db, "SELECT code, terminal FROM outlets") == [("5308", "02")]
        connection = load_connection(db)
        assert connection is not None and connection.till == "5308-02" and connection.token == token
        with db.unit_of_work() as uow:
            admin = users.authenticate(uow, "admin", "4826")
            product = products.create_product(
                uow, admin, ProductInput(name="Kopi Flores Bajawa", price=45_000)
            )
        window = MainWindow(TillBackend(db.unit_of_work))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        sign_in(qtbot, window, "admin", "4826", "100000")
        scan(qtbot, window.checkout.scan_field, product.barcode)

        def pay(dialog: PaymentDialog) -> None:
            dialog.amount.setText("50000")
            qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

        handled = when_modal(PaymentDialog, pay)
        qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
        window.runner.wait(5000)
        with ProvinceClient(connection.server, connection.token) as client:
            summary = sync_once(db, client)
        assert summary.rejected == 0 and summary.pending == 0
    finally:
        db.close()
    with province_engine.connect() as conn:
        stored = conn.execute(select(sales.c.receipt_no, sales.c.total)).all()
    assert len(stored) == 1 and stored[0].receipt_no.startswith("5308-02-") and stored[0].total == 45_000
