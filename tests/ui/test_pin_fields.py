"""A PIN typed as fast as a scanner and ended with Enter is a PIN, never a scan (pos.ui.scanner): PIN
fields are known by their hidden text, as amount fields by `typed_only`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_helpers import when_modal

from pos.db.engine import Database
from pos.services import users
from pos.services.context import Role
from pos.ui.main_window import MainWindow
from pos.ui.scanner import ScannerFilter

LONG_PIN = "58203719"  # 8 digits, the longest PIN there is: above the scanner's shortest code (6)


def test_a_long_pin_typed_fast_signs_in(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        users.create_user(
            uow, None, username="kasir9", full_name="Maria Seran", role=Role.CASHIER, pin=LONG_PIN
        )
    window.show_sign_in()
    window.signin.choose("kasir9")
    scans: list[str] = []
    window.scanner.scanned.connect(scans.append)

    def open_shift(dialog: Any) -> None:
        dialog.field.setText("150000")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    opened = when_modal("openShiftDialog", open_shift, timeout_ms=10_000)
    qtbot.keyClicks(window.signin.pin, LONG_PIN)  # no delay: a burst, as fast as a scanner
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout, timeout=10_000)
    assert scans == [] and opened and not isinstance(opened[0], BaseException)
    assert window.checkout.actor is not None and window.checkout.actor.username == "kasir9"


def test_any_hidden_field_keeps_a_fast_pin_and_its_enter(qtbot: Any, qapp: QApplication) -> None:
    scanner = ScannerFilter()
    qapp.installEventFilter(scanner)
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    pin, plain = QLineEdit(), QLineEdit()
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    entered: list[str] = []
    pin.returnPressed.connect(lambda: entered.append(pin.text()))
    plain.returnPressed.connect(lambda: entered.append(plain.text()))
    try:
        for field in (pin, plain):
            qtbot.addWidget(field)
            field.show()
            qtbot.waitExposed(field)
        pin.activateWindow()
        pin.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is pin)
        qtbot.keyClicks(pin, LONG_PIN)
        qtbot.keyClick(pin, Qt.Key.Key_Return)
        assert entered == [LONG_PIN] and scans == []
        pin.clear()
        qtbot.keyClicks(pin, "8991234567895")  # a real scan there: taken out of the field
        qtbot.keyClick(pin, Qt.Key.Key_Return)
        assert scans == ["8991234567895"] and pin.text() == "" and entered == [LONG_PIN]
        plain.activateWindow()
        plain.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is plain)
        qtbot.keyClicks(plain, LONG_PIN)  # the same digits in a plain field are a scan
        qtbot.keyClick(plain, Qt.Key.Key_Return)
        assert scans == ["8991234567895", LONG_PIN] and entered == [LONG_PIN]
    finally:
        qapp.removeEventFilter(scanner)
