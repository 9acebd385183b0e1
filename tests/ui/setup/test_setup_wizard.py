"""The first-run wizard driven through its real widgets, from an empty data folder to a first sale."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from ui_helpers import query, scan, sign_in, when_modal

from pos.app import initialize_data_dir
from pos.application.till import TillBackend
from pos.core.qris import build_qris_payload
from pos.db.engine import DB_FILENAME, Database
from pos.services import products, setup, users
from pos.services.products import ProductInput
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.setup.wizard import SetupWizard

QRIS = build_qris_payload(
    [
        ("00", "01"),
        ("01", "11"),
        ("51", "0014ID.CO.QRIS.WWW0215ID10234567890100303UMI"),
        ("52", "5499"),
        ("53", "360"),
        ("58", "ID"),
        ("59", "NTT MART ENDE"),
        ("60", "ENDE"),
    ]
)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends: nobody listens there


def open_wizard(qtbot: Any, data_dir: Path) -> SetupWizard:
    wizard = SetupWizard(data_dir, lambda answers: initialize_data_dir(data_dir, answers))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def fill_outlet_and_admin(qtbot: Any, wizard: SetupWizard) -> None:
    page = wizard.outlet_page
    page.kabupaten.setCurrentIndex(page.kabupaten.findData("5308"))
    assert page.code.text() == "5308" and page.name.text() == "NTT Mart by Dekranasda Ende"
    wizard.next()
    assert wizard.currentPage() is page and "wajib" in page.error.text()  # the address is missing
    qtbot.keyClicks(page.address, "Jl. Kelimutu No. 3, Ende")
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.full_name.setText("Yohanes Ndona")
    admin.pin.setText("1234")
    admin.pin_again.setText("1234")
    wizard.next()
    assert wizard.currentPage() is admin and "mudah ditebak" in admin.error.text()


def test_leave_half_way_resume_then_finish_and_sell(qtbot: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "till"
    wizard = open_wizard(qtbot, data_dir)
    fill_outlet_and_admin(qtbot, wizard)
    wizard.reject()  # "Simpan dan keluar" half-way
    assert not (data_dir / DB_FILENAME).exists()  # nothing half-configured exists to sell from
    assert not setup.data_dir_is_set_up(data_dir)
    assert setup.load_draft(data_dir)["address"] == "Jl. Kelimutu No. 3, Ende"

    wizard = open_wizard(qtbot, data_dir)  # started again: the answers are back, the PIN is not
    assert wizard.outlet_page.address.text() == "Jl. Kelimutu No. 3, Ende"
    assert wizard.outlet_page.kabupaten.currentData() == "5308"
    assert wizard.admin_page.full_name.text() == "Yohanes Ndona" and wizard.admin_page.pin.text() == ""
    wizard.next()
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    wizard.next()
    assert wizard.currentPage() is wizard.printer_page
    printer = tmp_path / "struk.bin"
    form = wizard.printer_page.form
    form.kind.setCurrentIndex(form.kind.findData("file"))
    assert form.file_path.isVisibleTo(form) and not form.host.isVisibleTo(form)
    form.file_path.setText(str(printer))
    qtbot.mouseClick(wizard.printer_page.tester.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "terkirim" in wizard.printer_page.tester.result.text(), timeout=20_000)
    assert b"TES PRINTER" in printer.read_bytes()
    wizard.next()

    extras = wizard.extras_page
    extras.qris.setPlainText(QRIS[:-4] + "ABCD")  # a damaged QRIS: said plainly, never saved
    assert not extras.check_qris()
    assert "QRIS tidak bisa dipakai" in extras.qris_info.text()
    extras.url.setText(f"http://127.0.0.1:{closed_port()}")
    extras.token.setText("token-dari-provinsi")
    qtbot.mouseClick(extras.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: extras.test_button.isEnabled() and "menolak" in extras.connection_result.text(),
        timeout=10_000,
    )
    wizard.next()  # Selesai with the bad QRIS: refused, nothing written
    assert wizard.result_ is None and "QRIS" in extras.error.text()
    assert not setup.data_dir_is_set_up(data_dir)
    extras.qris.setPlainText(QRIS)
    assert extras.check_qris() and "NMID: ID1023456789010" in extras.qris_info.text()
    extras.url.clear()  # the province can wait: finish without it
    wizard.next()  # Selesai: the database is made on the wizard's runner, then the wizard closes
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=20_000)
    assert not wizard.isVisible() and wizard.result_ is not None and wizard.result_.outlet_code == "5308"
    assert not setup.draft_path(data_dir).exists()
    assert setup.data_dir_is_set_up(data_dir)

    db = Database.open(data_dir, create=False)
    try:
        first_sale(qtbot, db)
    finally:
        db.close()


def first_sale(qtbot: Any, db: Database) -> None:
    with db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "4826")
        coffee = ProductInput(name="Kopi Flores Bajawa 250 g", price=45_000)
        product = products.create_product(uow, admin, coffee)
        uow.commit()
    assert query(db, "SELECT value FROM settings WHERE key='sync.server'") == []
    assert query(db, "SELECT value FROM settings WHERE key='qris.static'")[0][0] == f'"{QRIS}"'
    window = MainWindow(TillBackend(db.unit_of_work))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert "Ende" in window.outlet_label.text()
    sign_in(qtbot, window, "admin", "4826", "100000")
    scan(qtbot, window.checkout.scan_field, product.barcode)

    def pay(dialog: PaymentDialog) -> None:
        dialog.amount.setText("50000")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    handled = when_modal(PaymentDialog, pay)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    rows = query(db, "SELECT receipt_no, total FROM sales")
    assert len(rows) == 1 and rows[0][0].startswith("5308-01-") and rows[0][1] == 45_000
    window.runner.wait(5000)
