"""A new outlet's first day, through the real widgets (issue 17): the wizard from an empty data folder,
users, products with and without a barcode, a category, receiving with a scanner burst, sales, a
power cut during payment (the database files as a power cut leaves them) and the restart."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QHeaderView
from ui_helpers import sign_in, when_modal

from pos.app import Till, build_till, initialize_data_dir, rebuild_printer
from pos.core.barcode import TEST_PAGE_BARCODE
from pos.core.money import format_rupiah
from pos.db.engine import DB_FILENAME, Database
from pos.services import settings, setup, users
from pos.services.context import Role
from pos.ui.backoffice.categories_dialog import CategoriesDialog
from pos.ui.backoffice.window import BackOfficeWindow
from pos.ui.payment import PaymentDialog
from pos.ui.recovery import OpenCartDialog, UnprintedDialog
from pos.ui.setup.settings_dialog import SettingsDialog
from pos.ui.setup.users_dialog import UsersDialog
from pos.ui.setup.wizard import SetupWizard

pytestmark = pytest.mark.timeout(300)
KOPI = "8991234567891"  # a GS1 barcode printed on the bag


def settle(qapp: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qapp.processEvents()
        time.sleep(0.01)


@contextmanager
def as_admin(data_dir: Path) -> Iterator[tuple[Any, Any]]:
    """What the admin changes from another screen meanwhile, through the services."""
    db = Database.open(data_dir, create=False)
    try:
        with db.unit_of_work() as uow:
            yield uow, users.authenticate(uow, "admin", "4826")
            uow.commit()
    finally:
        db.close()


def rows(db_path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def run_wizard(qtbot: Any, data_dir: Path, printer_file: Path) -> None:
    def open_wizard() -> SetupWizard:
        wizard = SetupWizard(data_dir, lambda answers: initialize_data_dir(data_dir, answers))
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    wizard = open_wizard()
    outlet = wizard.outlet_page
    assert wizard.step_text() == "Langkah 1 dari 4"
    outlet.kabupaten.setCurrentIndex(outlet.kabupaten.findData("5307"))  # Sikka, as on every Sikka KTP
    assert outlet.kabupaten.currentText() == "Kabupaten Sikka (53.07)"
    assert outlet.code.text() == "5307" and outlet.name.text() == "NTT Mart by Dekranasda Sikka"
    qtbot.keyClicks(outlet.address, "Jl. Ahmad Yani No. 1, Maumere")
    wizard.next()
    assert wizard.step_text() == "Langkah 2 dari 4"
    wizard.admin_page.full_name.setText("Maria Goreti")
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    wizard.next()
    assert wizard.step_text() == "Langkah 3 dari 4"
    form = wizard.printer_page.form
    assert not form.drawer.isEnabled() and not form.drawer.isChecked()  # no printer, no drawer
    form.kind.setCurrentIndex(form.kind.findData("file"))
    form.file_path.setText(str(printer_file))
    assert form.drawer.isEnabled()
    qtbot.mouseClick(wizard.printer_page.tester.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "terkirim" in wizard.printer_page.tester.result.text(), timeout=20_000)
    test_page = printer_file.read_bytes()
    assert b"TES PRINTER" in test_page and TEST_PAGE_BARCODE[:12].encode() in test_page
    wizard.next()
    extras = wizard.extras_page
    assert wizard.step_text() == "Langkah 4 dari 4"
    titles = [(page.title(), bool(page.subTitle())) for page in wizard.pages_in_order()]
    assert all(title and has_subtitle for title, has_subtitle in titles)  # the same header everywhere
    qtbot.mouseClick(wizard.findChild(type(extras.test_button), "checkQrisButton"), Qt.MouseButton.LeftButton)
    assert "kosong" in extras.qris_info.text()
    wizard.reject()  # "Batal": nothing written, the answers kept
    assert not (data_dir / DB_FILENAME).exists()
    assert setup.load_draft(data_dir)["kabupaten"] == "5307"

    wizard = open_wizard()
    assert wizard.outlet_page.kabupaten.currentData() == "5307"
    assert wizard.outlet_page.address.text() == "Jl. Ahmad Yani No. 1, Maumere"
    wizard.next()
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    wizard.next()
    wizard.next()
    wizard.next()  # Selesai, without a provincial server: done on the wizard's runner
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=20_000)
    assert wizard.result_ is not None and setup.data_dir_is_set_up(data_dir)


def start_till(qtbot: Any, qapp: QApplication, data_dir: Path) -> Till:
    till = build_till(Database.open(data_dir, create=False), qapp, start_sync=False)
    qtbot.addWidget(till.window)
    till.window.resize(1366, 768)
    till.window.show()
    qtbot.waitExposed(till.window)
    return till


def stop_till(qapp: QApplication, till: Till) -> None:
    qapp.removeEventFilter(till.window.scanner)
    till.stop()
    till.window.close()


@pytest.mark.slow
def test_first_day_of_a_new_outlet(qtbot: Any, qapp: QApplication, tmp_path: Path) -> None:
    data_dir, printer_file = tmp_path / "till", tmp_path / "struk.bin"
    run_wizard(qtbot, data_dir, printer_file)
    db_path = data_dir / DB_FILENAME
    assert rows(db_path, "SELECT code, kabupaten, kabupaten_code FROM outlets") == [
        ("5307", "Kabupaten Sikka", "5307")
    ]

    till = start_till(qtbot, qapp, data_dir)
    window = till.window
    try:
        sign_in(qtbot, window, "admin", "4826", "200000")

        # Users: a cashier; the name column takes the room.
        def add_cashier(dialog: UsersDialog) -> None:
            header = dialog.table.horizontalHeader()
            assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
            dialog.username.setText("kasir1")
            dialog.full_name.setText("Yuliana Bria Seran")
            dialog.role.setCurrentIndex(dialog.role.findData(Role.CASHIER.value))
            dialog.pin.setText("3829")
            dialog.add()
            assert "ditambahkan" in dialog.message.text()
            dialog.reject()

        handled = when_modal("usersDialog", add_cashier)
        window.admin_menu.actions_["users"].trigger()
        assert handled and not isinstance(handled[-1], BaseException), handled

        # Settings saved unchanged: no audit entries; the ASN panel in Indonesian formats.
        audits_before = rows(db_path, "SELECT COUNT(*) FROM audit_log")[0][0]

        def look_and_save(dialog: SettingsDialog) -> None:
            assert dialog.kabupaten.code() == "5307"
            assert dialog.asn_minimum.text() == "Rp100.000"
            dialog.campaign_start.setDate(QDate(2026, 12, 2))
            assert dialog.campaign_start.text() == "2 Desember 2026"
            dialog.save()

        handled = when_modal("settingsDialog", look_and_save)
        window.admin_menu.actions_["settings"].trigger()
        assert handled and not isinstance(handled[-1], BaseException), handled
        assert rows(db_path, "SELECT COUNT(*) FROM audit_log")[0][0] == audits_before

        back_office(qtbot, qapp, window, db_path)
        sell_and_reprint(qtbot, qapp, window, db_path, printer_file, till)
        crash_dir = power_cut_during_payment(qtbot, qapp, window, db_path, till, tmp_path)
    finally:
        stop_till(qapp, till)

    restart_after_the_power_cut(qtbot, qapp, crash_dir, printer_file)


def back_office(qtbot: Any, qapp: QApplication, window: Any, db_path: Path) -> None:
    window.admin_menu.actions_["backoffice"].trigger()
    bo: BackOfficeWindow = window.admin_menu.backoffice
    qtbot.addWidget(bo)
    qtbot.waitExposed(bo)

    # A producer from the choice list.
    bo.tabs.setCurrentWidget(bo.suppliers)
    sup = bo.suppliers
    sup.clear_form()
    sup.name.setText("Kopi Sikka Hewokloang")
    sup.kabupaten.setCurrentIndex(sup.kabupaten.findData("5307"))
    sup.commission.setText("15")
    sup.save()
    assert "SUP-001" in sup.message.text()
    assert rows(db_path, "SELECT kabupaten, kabupaten_code FROM suppliers") == [("Sikka", "5307")]
    producer = sup.editing

    # A category, created then renamed.
    cat = bo.catalog
    bo.tabs.setCurrentWidget(cat)

    def categories(dialog: CategoriesDialog) -> None:
        dialog.name.setText("Kopi & Teh")
        dialog.add()
        dialog.name.setText("Kopi dan Teh")
        dialog.rename()
        assert "diubah" in dialog.message.text()
        dialog.accept()

    handled = when_modal(CategoriesDialog, categories)
    qtbot.mouseClick(cat.categories_button, Qt.MouseButton.LeftButton)
    assert handled and not isinstance(handled[-1], BaseException), handled
    assert cat.category.currentText() == "Kopi dan Teh"

    # Products: one with its GS1 barcode, one without (an in-store code is given).
    cat.clear_form()
    cat.name.setText("Kopi Arabika Sikka 250 g")
    cat.barcode.setText(KOPI)
    cat.price.setText("65rb")
    cat.supplier.setCurrentIndex(cat.supplier.findData(producer))
    assert cat.consigned.isChecked()  # follows the producer's terms
    cat.category.setCurrentIndex(cat.category.findText("Kopi dan Teh"))
    saved = cat.save()
    assert saved is not None and "Kopi Sikka Hewokloang" in cat.message.text()
    assert cat.price.text() == "Rp65.000"
    bo.tabs.setCurrentWidget(bo.stock)  # switching tabs and back keeps the producer
    bo.tabs.setCurrentWidget(cat)
    assert cat.supplier.currentData() == producer
    cat.save()
    kept = rows(db_path, "SELECT supplier_id, consignment FROM products WHERE barcode=?", KOPI)
    assert kept == [(producer, 1)]
    qtbot.mouseClick(cat.new_button, Qt.MouseButton.LeftButton)
    assert cat.supplier.currentData() is None and not cat.consigned.isChecked() and cat.name.text() == ""
    cat.name.setText("Selendang Tenun Ikat Sikka")
    cat.price.setText("Rp350.000")
    tenun = cat.save()
    assert tenun is not None and tenun.barcode is not None and tenun.barcode.startswith("20")

    # Receiving: amounts as rupiah, the barcode from a scanner burst into the code field.
    bo.tabs.setCurrentWidget(bo.stock)
    st = bo.stock
    st.supplier.setCurrentIndex(st.supplier.findData(producer))
    st.qty.setText("24")
    st.cost.setText("380rb")
    bo.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bo, timeout=3000)
    st.code.setFocus()
    qtbot.keyClicks(st.code, KOPI)  # a scanner burst: 13 digits at once, then Enter
    qtbot.keyClick(st.code, Qt.Key.Key_Return)
    assert st.lines and st.lines[0][2] == 24, st.message.text()
    assert st.lines_table.item(0, 2).text() == "Rp380.000"
    assert window.checkout.cart.is_empty  # the scan went to receiving, not to the till's cart
    assert st.post() is not None
    assert rows(db_path, "SELECT SUM(qty) FROM stock_movements WHERE kind='receive'") == [(24,)]
    bo.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def activate(qtbot: Any, window: Any) -> None:
    """Offscreen there is no window manager: give the till the keyboard back as a person's click would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def pay_with_quick_tender(qtbot: Any, window: Any) -> list[Any]:
    def pay(dialog: PaymentDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_F1)  # fills the exact amount only
        assert dialog.isVisible() and not dialog.payments
        qtbot.keyClick(dialog, Qt.Key.Key_F2)  # a habitual F2 ("Cari barang") commits nothing
        assert dialog.isVisible() and not dialog.payments
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter commits

    handled = when_modal(PaymentDialog, pay)
    activate(qtbot, window)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    assert not isinstance(handled[-1], BaseException), handled
    return handled


def sell_and_reprint(
    qtbot: Any, qapp: QApplication, window: Any, db_path: Path, printer_file: Path, till: Till
) -> None:
    window.checkout.scan_field.setFocus()
    qtbot.keyClicks(window.checkout.scan_field, KOPI)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Return)
    pay_with_quick_tender(qtbot, window)
    receipt_no = str(window.backend.last_receipt_no())
    qtbot.waitUntil(lambda: receipt_no.encode() in printer_file.read_bytes(), timeout=15_000)
    qtbot.waitUntil(
        lambda: rows(db_path, "SELECT COUNT(*) FROM sale_receipts WHERE printed_at IS NOT NULL") == [(1,)],
        timeout=5000,
    )
    data = printer_file.read_bytes()
    assert b"TES PRINTER" in data  # the file printer kept the test page too
    footer = rows(db_path, "SELECT receipt_footer FROM outlets")[0][0]

    with as_admin(db_path.parent) as (uow, admin):
        settings.update_outlet(uow, admin, receipt_footer="Promo Natal!")
    jobs = printer_file.read_bytes().count(b"cetakan berikutnya")
    activate(qtbot, window)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F12)  # reprint: the receipt as it was
    qtbot.waitUntil(
        lambda: printer_file.read_bytes().count(b"cetakan berikutnya") == jobs + 1, timeout=15_000
    )
    last_job = printer_file.read_bytes().split(b"cetakan berikutnya")[-1]
    assert b"CETAK ULANG" in last_job and footer.encode()[:20] in last_job and b"Promo Natal" not in last_job


def power_cut_during_payment(
    qtbot: Any, qapp: QApplication, window: Any, db_path: Path, till: Till, tmp_path: Path
) -> Path:
    # The printer goes off: the next sale commits but its receipt never prints.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    rebuild_printer(till, {"kind": "network", "host": "127.0.0.1", "port": port, "paper": 58, "timeout": 0.5})
    qtbot.keyClicks(window.checkout.scan_field, KOPI)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Return)
    pay_with_quick_tender(qtbot, window)
    unprinted_no = str(window.backend.last_receipt_no())

    # The next customer: two items, the payment dialog open... and the power goes.
    for _ in range(2):
        qtbot.keyClicks(window.checkout.scan_field, KOPI)
        qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Return)
    assert window.checkout.cart.item_count == 2
    crash_dir = tmp_path / "after-power-cut"

    def power_cut(dialog: PaymentDialog) -> None:
        crash_dir.mkdir()
        for name in (DB_FILENAME, DB_FILENAME + "-wal"):  # what is on the disk at this moment
            if (db_path.parent / name).exists():
                shutil.copy(db_path.parent / name, crash_dir / name)
        dialog.reject()

    handled = when_modal(PaymentDialog, power_cut)
    activate(qtbot, window)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    assert rows(crash_dir / DB_FILENAME, "SELECT receipt_no FROM sales ORDER BY id")[-1] == (unprinted_no,)
    window.checkout.new_sale()  # this till's session ends here; the copy is what the power cut left
    return crash_dir


def restart_after_the_power_cut(qtbot: Any, qapp: QApplication, crash_dir: Path, printer_file: Path) -> None:
    db_path = crash_dir / DB_FILENAME
    unprinted_no = rows(db_path, "SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1")[0][0]
    with as_admin(crash_dir) as (uow, admin):  # the printer is back
        settings.put(uow, admin, "printer", {"kind": "file", "file_path": str(printer_file), "paper": 58})
    before = printer_file.read_bytes()
    till = start_till(qtbot, qapp, crash_dir)
    window = till.window
    try:
        seen: dict[str, Any] = {}

        def unprinted(dialog: UnprintedDialog) -> None:
            seen["listed"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
            qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

        def open_cart(dialog: OpenCartDialog) -> None:
            seen["cart"] = dialog.text.text()
            qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)

        handled = when_modal(UnprintedDialog, unprinted, timeout_ms=15_000)
        handled_cart = when_modal(OpenCartDialog, open_cart, timeout_ms=20_000)
        sign_in(qtbot, window, "kasir1", "3829", "150000")
        qtbot.waitUntil(lambda: bool(handled) and bool(handled_cart), timeout=20_000)
        assert not isinstance(handled[-1], BaseException) and not isinstance(handled_cart[-1], BaseException)
        assert len(seen["listed"]) == 1 and unprinted_no in seen["listed"][0]
        assert "2 barang" in seen["cart"] and format_rupiah(130_000) in seen["cart"]
        assert window.checkout.cart.item_count == 2  # the cart is back
        qtbot.waitUntil(
            lambda: unprinted_no.encode() in printer_file.read_bytes()[len(before) :], timeout=15_000
        )
        reprinted = printer_file.read_bytes()[len(before) :]
        assert b"CETAK ULANG" not in reprinted  # never handed out: printed as the original
        qtbot.waitUntil(
            lambda: rows(db_path, "SELECT COUNT(*) FROM sale_receipts WHERE printed_at IS NULL") == [(0,)],
            timeout=5000,
        )
        pay_with_quick_tender(qtbot, window)
        assert rows(db_path, "SELECT COUNT(*), SUM(total) FROM sales") == [(3, 65_000 * 4)]
        assert rows(db_path, "SELECT COUNT(*) FROM open_carts") == [(0,)]
    finally:
        stop_till(qapp, till)
