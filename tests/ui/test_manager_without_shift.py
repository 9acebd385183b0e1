"""Issue 11: a manager reaches the back office without opening a cash shift; a cashier still needs one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import when_modal

from pos.services.context import Actor, Role
from pos.services.shifts import may_work_without_shift
from pos.ui.main_window import MainWindow


def type_pin(qtbot: Any, window: MainWindow, username: str, pin: str) -> None:
    window.signin.choose(username)
    window.signin.pin.setText(pin)
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)


def test_only_managers_and_admins_may_work_without_a_shift() -> None:
    def actor(role: Role) -> Actor:
        return Actor(1, "x", "X", role)

    assert may_work_without_shift(actor(Role.MANAGER)) and may_work_without_shift(actor(Role.ADMIN))
    assert not may_work_without_shift(actor(Role.CASHIER))


def test_a_manager_skips_the_shift_and_opens_the_back_office(qtbot: Any, window: MainWindow) -> None:
    seen: dict[str, Any] = {}

    def skip(dialog: Any) -> None:
        seen["button"] = dialog.without_shift_button.text()
        dialog.without_shift_button.click()

    handled = when_modal("openShiftDialog", skip)
    type_pin(qtbot, window, "manajer", "5555")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.manager_page, timeout=10_000)
    assert handled and "Tanpa shift" in seen["button"]
    assert window.checkout.shift is None and window.checkout.actor is not None
    assert "Tanpa shift" in window.shift_label.text()
    window.manager_page.backoffice_button.click()
    backoffice = window.admin_menu.backoffice
    qtbot.addWidget(backoffice)
    qtbot.waitUntil(backoffice.isVisible, timeout=5000)
    assert "Agustina Nalle" in backoffice.windowTitle()
    backoffice.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)
    window.manager_page.sign_out_button.click()
    assert window.pages.currentWidget() is window.signin and window.checkout.actor is None
    assert window.backend.current_shift(window.backend.sign_in("manajer", "5555")) is None  # none opened


def test_a_manager_without_a_shift_can_still_open_one_to_sell(qtbot: Any, window: MainWindow) -> None:
    handled = when_modal("openShiftDialog", lambda dialog: dialog.without_shift_button.click())
    type_pin(qtbot, window, "manajer", "5555")
    qtbot.waitUntil(
        lambda: bool(handled) and window.pages.currentWidget() is window.manager_page, timeout=10_000
    )

    def open_shift(dialog: Any) -> None:
        assert not dialog.without_shift_button.isVisible()  # asked from the page: opening is the point
        dialog.field.setText("100000")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    opened = when_modal("openShiftDialog", open_shift)
    window.manager_page.open_shift_button.click()
    qtbot.waitUntil(lambda: bool(opened) and window.pages.currentWidget() is window.checkout, timeout=5000)
    assert window.checkout.shift is not None and window.checkout.shift.opening_float == 100_000


def test_a_cashier_has_no_way_around_the_shift(qtbot: Any, window: MainWindow) -> None:
    seen: dict[str, Any] = {}

    def look(dialog: Any) -> None:
        seen["visible"] = dialog.without_shift_button.isVisible()
        dialog.reject()

    handled = when_modal("openShiftDialog", look)
    type_pin(qtbot, window, "kasir1", "1111")
    qtbot.waitUntil(lambda: bool(handled), timeout=10_000)
    assert seen["visible"] is False
    assert window.pages.currentWidget() is window.signin and window.checkout.actor is None
