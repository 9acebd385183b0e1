"""Scanner bursts vs people typing: the timing rule, and that a scan's Enter never presses a button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout
from ui_helpers import barcodes, scan, sign_in

from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.scanner import BurstDetector, ScannerFilter


def feed(detector: BurstDetector, text: str, gap_ms: float, start: float = 1000.0) -> float:
    at = start
    for char in text:
        detector.key(char, at)
        at += gap_ms
    return at - gap_ms


def test_scanner_speed_is_a_burst_and_typing_speed_is_not() -> None:
    detector = BurstDetector(gap_ms=30, min_length=6)
    last = feed(detector, "8991234567895", gap_ms=12)
    assert detector.finish(last + 12) == "8991234567895"
    last = feed(detector, "8991234567895", gap_ms=85)  # a person at 85 ms a key
    assert detector.finish(last + 85) is None
    last = feed(detector, "12345", gap_ms=10)  # too short to be a code
    assert detector.finish(last + 10) is None


def test_a_slow_start_then_a_burst_keeps_only_the_burst() -> None:
    detector = BurstDetector(gap_ms=30, min_length=6)
    feed(detector, "3*", gap_ms=120, start=0)  # the cashier types the multiplier
    last = feed(detector, "8991234567895", gap_ms=9, start=500)
    assert detector.finish(last + 9) == "8991234567895"


def test_a_burst_then_a_late_enter_is_not_a_scan() -> None:
    detector = BurstDetector(gap_ms=30, min_length=6)
    last = feed(detector, "8991234567895", gap_ms=9)
    assert detector.finish(last + 400) is None  # a person pressing Enter after pasting, say


def test_scanning_into_a_dialog_never_presses_its_default_button(qtbot: Any, qapp: Any) -> None:
    scanner = ScannerFilter()
    codes: list[str] = []
    scanner.scanned.connect(codes.append)
    qapp.installEventFilter(scanner)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        field = QLineEdit(dialog)
        ok = QPushButton("OK", dialog)
        ok.setDefault(True)
        pressed: list[bool] = []
        ok.clicked.connect(lambda: pressed.append(True))
        layout = QVBoxLayout(dialog)
        layout.addWidget(field)
        layout.addWidget(ok)
        dialog.show()
        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        field.setFocus()
        field.setText("Ibu Maria ")  # something the cashier was typing
        scan(qtbot, field, "8991234567895")
        assert codes == ["8991234567895"]
        assert not pressed and dialog.isVisible()
        assert field.text() == "Ibu Maria "  # the burst was taken back out of the field
        qtbot.keyClicks(field, "12", delay=60)
        qtbot.wait(40)
        qtbot.keyClick(field, Qt.Key.Key_Return)  # a person's Enter still works
        assert pressed == [True]
    finally:
        qapp.removeEventFilter(scanner)


@pytest.mark.slow
def test_typing_a_barcode_by_hand_also_adds_it(qtbot: Any, window: MainWindow, demo_db: Database) -> None:
    sign_in(qtbot, window)
    code, name, _price = barcodes(demo_db, 1)[0]
    qtbot.keyClicks(window.checkout.scan_field, code, delay=35)  # a damaged label keyed in
    qtbot.wait(40)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Return)
    assert [line.product.name for line in window.checkout.cart.lines] == [name]


def test_a_scan_on_the_sign_in_screen_does_not_type_into_the_pin(qtbot: Any, window: MainWindow) -> None:
    window.signin.pin.setFocus()
    scan(qtbot, window.signin.pin, "8991234567895")
    assert window.signin.pin.text() == ""
    assert window.pages.currentWidget() is window.signin
