"""Sign-in at the till: the PIN check runs off the GUI thread; five wrong PINs lock the user."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import when_modal

from pos.ui.main_window import MainWindow


def type_pin(qtbot: Any, window: MainWindow, pin: str) -> None:
    window.signin.pin.setText(pin)
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.signin.busy, timeout=5000)


@pytest.mark.slow
def test_wrong_pins_count_down_then_lock_the_user(qtbot: Any, window: MainWindow) -> None:
    window.signin.choose("kasir2")
    type_pin(qtbot, window, "0000")
    assert "Sisa percobaan: 4" in window.signin.error.text()
    assert window.signin.pin.text() == "" and window.signin.pin.hasFocus()
    for _ in range(4):
        type_pin(qtbot, window, "0000")
    assert "Dikunci" in window.signin.error.text()
    type_pin(qtbot, window, "2222")  # even the right PIN waits for the lock to pass
    assert "dikunci" in window.signin.error.text().lower()
    assert window.pages.currentWidget() is window.signin


def test_the_window_stays_responsive_while_the_pin_is_checked(qtbot: Any, window: MainWindow) -> None:
    window.signin.choose("kasir1")
    asked = when_modal("openShiftDialog", lambda dialog: dialog.reject())  # no float: back to sign-in
    window.signin.pin.setText("1111")
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    assert window.signin.busy and not window.signin.button.isEnabled()  # returned before argon2 finished
    assert window.signin.error.text() == "Memeriksa PIN..."
    qtbot.waitUntil(lambda: not window.signin.busy, timeout=5000)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert window.pages.currentWidget() is window.signin  # no shift opened, so no selling
