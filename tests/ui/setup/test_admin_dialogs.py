"""The admin screens on the demo outlet through the real till window: settings (bad QRIS refused,
changes audited), users (PIN reset forces a new PIN at sign-in), printer, rejected sync events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import barcodes, query, scan, sign_in, when_modal

from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.setup.printer_dialog import PrinterDialog
from pos.ui.setup.rejected_dialog import RejectedEventsDialog
from pos.ui.setup.settings_dialog import SettingsDialog
from pos.ui.setup.users_dialog import ChangePinDialog, UsersDialog


def open_admin(window: MainWindow, key: str, action: Any) -> list[Any]:
    handled = when_modal(key, action)
    menu_key = {
        "settingsDialog": "settings",
        "usersDialog": "users",
        "printerDialog": "printer",
        "rejectedEventsDialog": "rejected",
    }[key]
    window.admin_menu.actions_[menu_key].trigger()
    assert handled and not isinstance(handled[-1], BaseException), handled
    return handled


def test_settings_refuse_a_bad_qris_and_audit_the_footer(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window, "admin", "9999")

    def edit(dialog: SettingsDialog) -> None:
        dialog.footer.setText("Mai ko, beli lagi!")
        dialog.qris.setPlainText("00020101021126570011ID.DANA.WWW")
        dialog.save()
        assert dialog.isVisible() and "QRIS tidak disimpan" in dialog.error.text()
        assert "QRIS tidak bisa dipakai" in dialog.qris_info.text()
        dialog.qris.setPlainText("")
        assert dialog.province is False and dialog.asn_minimum.isEnabled()
        dialog.save()

    handled = open_admin(window, "settingsDialog", edit)
    assert handled[0].saved
    assert query(demo_db, "SELECT receipt_footer FROM outlets")[0][0] == "Mai ko, beli lagi!"
    audit = query(demo_db, "SELECT detail FROM audit_log WHERE action='outlet.change'")
    assert len(audit) == 1 and "Mai ko, beli lagi!" in audit[0][0]


def test_cashier_is_refused_the_admin_menu(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window)
    box = when_modal(QMessageBox, lambda b: (setattr(b, "seen", b.text()), b.accept()))
    window.admin_menu.actions_["settings"].trigger()
    assert box and "admin" in box[0].seen


@pytest.mark.slow
def test_reset_pin_then_the_user_must_choose_a_new_one(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window, "admin", "9999")

    def reset(dialog: UsersDialog) -> None:
        dialog.select("kasir1")
        dialog.pin.setText("4040")
        dialog.reset_pin()
        assert "PIN sementara" in dialog.message.text()
        assert "harus ganti PIN" in dialog.table.item(dialog.table.currentRow(), 3).text()
        dialog.select("admin")
        dialog.toggle()
        assert "Admin aktif terakhir" in dialog.message.text()
        dialog.reject()

    open_admin(window, "usersDialog", reset)
    window.checkout.actor = None
    window.checkout.shift = None
    window.show_sign_in()

    def new_pin(dialog: ChangePinDialog) -> None:
        dialog.pin.setText("1234")
        dialog.again.setText("1234")
        dialog.submit()
        assert "mudah" in dialog.error.text()
        dialog.pin.setText("6174")
        dialog.again.setText("6174")
        dialog.submit()

    changed = when_modal(ChangePinDialog, new_pin)
    sign_in(qtbot, window, "kasir1", "4040")
    assert changed and window.checkout.actor is not None and window.checkout.actor.username == "kasir1"
    assert not window.backend.admin.needs_new_pin("kasir1")


def test_printer_dialog_saves_the_setting_and_signals_the_app(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    sign_in(qtbot, window, "admin", "9999")
    seen: list[Any] = []
    window.admin_menu.printer_changed.connect(seen.append)
    target = tmp_path / "printer.bin"

    def configure(dialog: PrinterDialog) -> None:
        form = dialog.form
        form.kind.setCurrentIndex(form.kind.findData("network"))
        dialog.accept_if_valid()
        assert "Lengkapi" in dialog.error.text()  # no host yet
        form.kind.setCurrentIndex(form.kind.findData("file"))
        form.file_path.setText(str(target))
        form.paper.setCurrentIndex(form.paper.findData(80))
        dialog.tester.start()
        qtbot.waitUntil(lambda: dialog.tester.button.isEnabled(), timeout=20_000)
        assert "terkirim" in dialog.tester.result.text()
        dialog.accept_if_valid()

    open_admin(window, "printerDialog", configure)
    assert seen == [{"kind": "file", "file_path": str(target), "paper": 80, "kick_drawer_after_cash": True}]
    assert window.backend.setting("printer") == seen[0] and window.backend.setting("receipt.paper") == 80


def test_rejected_events_are_listed_and_sent_again(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window, "manajer", "5555")
    code = barcodes(demo_db, 1)[0][0]
    scan(qtbot, window.checkout.scan_field, code)
    handled = when_modal(
        PaymentDialog, lambda d: (d.amount.setText("1000000"), qtbot.keyClick(d.amount, Qt.Key.Key_Return))
    )
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: bool(handled) and window.checkout.cart.is_empty, timeout=5000)
    receipt_no = query(demo_db, "SELECT receipt_no FROM sales")[0][0]
    with demo_db.engine.begin() as con:
        con.exec_driver_sql(
            "UPDATE outbox SET status='rejected', last_error='NIP tidak dikenal provinsi' WHERE kind='sale'"
        )

    def requeue(dialog: RejectedEventsDialog) -> None:
        assert dialog.table.rowCount() == 1
        assert [dialog.table.item(0, c).text() for c in range(3)] == [
            "Penjualan",
            receipt_no,
            "NIP tidak dikenal provinsi",
        ]
        dialog.requeue()
        assert "Pilih" in dialog.message.text()
        dialog.table.selectRow(0)
        dialog.requeue()
        assert dialog.table.rowCount() == 0 and "1 event" in dialog.message.text()
        dialog.reject()

    open_admin(window, "rejectedEventsDialog", requeue)
    assert query(demo_db, "SELECT status FROM outbox WHERE kind='sale'") == [("pending",)]
