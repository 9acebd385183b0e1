"""Every window and dialog fits a 1024x768 and a 1366x768 till screen (issue 11).

The screen is simulated by replacing `pos.ui.screen_fit.screen_area`, which every window asks before
it sizes and places itself: 1024x768 with a 40 px task bar at the bottom, 1366x768 with a 40 px panel
at the top. A window fits when its frame geometry lies inside that area with room for a window
manager's frame (`FRAME`), no button is cut off by the window or a parent (a button in a scroll area
only has to be reachable by scrolling), and no price in a table is elided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QPushButton,
    QTableView,
    QWidget,
)

from pos.db.engine import Database
from pos.ui import screen_fit
from pos.ui.checkout_functions import Function
from pos.ui.dialogs import ManagerPinDialog, PreviewDialog
from pos.ui.main_window import MainWindow
from pos.ui.recovery import UnprintedDialog
from pos.ui.screen_fit import FRAME, fit_to_screen
from pos.ui.setup.wizard import SetupWizard
from pos.ui.widgets import run_dialog
from tests.ui.ui_helpers import barcodes, query, sign_in, when_modal

SCREENS = {
    "1024x768": QRect(0, 0, 1024, 728),  # a 40 px task bar at the bottom
    "1366x768": QRect(0, 40, 1366, 728),  # a 40 px panel at the top
}
BIG = "Kopi Arabika Flores Bajawa Premium Single Origin"  # two variants that differ only at the end


@pytest.fixture(params=list(SCREENS))
def area(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    rect = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "screen_area", lambda widget=None: QRect(rect))
    return rect


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.windowTitle()})"


def problems(window: QWidget, area: QRect) -> list[str]:
    """What does not fit: the frame, the room for a window manager's frame, buttons, prices."""
    QApplication.processEvents()
    found = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        found.append(f"{_name(window)} at {frame.getRect()} is not inside {area.getRect()}")
    framed = window.size().grownBy(FRAME)
    if framed.width() > area.width() or framed.height() > area.height():
        found.append(f"{_name(window)} with its frame needs {framed.toTuple()}, has {area.size().toTuple()}")
    for button in window.findChildren(QAbstractButton):
        if type(button).__name__ != "QTableCornerButton" and button.isVisibleTo(window):
            cut = _cut_by(button, window)
            if cut is not None:
                found.append(f"button {button.text()!r} of {_name(window)} is cut by {_name(cut)}")
            widest = max(
                button.fontMetrics().horizontalAdvance(line)
                for line in button.text().replace("&&", "&").split("\n")
            )
            if isinstance(button, QPushButton) and widest + 12 > button.width():
                found.append(f"the text of button {button.text()!r} is cut ({button.width()} px)")
    for table in window.findChildren(QTableView):
        if table.isVisibleTo(window):
            found.extend(_elided_money(table))
    return found


def _cut_by(widget: QWidget, window: QWidget) -> QWidget | None:
    """The first parent (up to the window) that does not show all of `widget`; None if all is shown.
    Inside a scroll area it is enough that the scroll area itself is shown."""
    rect = QRect(QPoint(0, 0), widget.size())
    child = widget
    while child is not window:
        parent = child.parentWidget()
        rect = rect.translated(child.pos())
        scroll = parent.parentWidget()
        if isinstance(scroll, QAbstractScrollArea) and parent is scroll.viewport():
            rect = parent.rect()  # reachable by scrolling: what counts is where the viewport is
        elif not parent.rect().contains(rect):
            return parent
        child = parent
    return None


def _elided_money(table: QTableView) -> list[str]:
    model, header, metrics = table.model(), table.horizontalHeader(), table.fontMetrics()
    found = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            text = str(model.data(model.index(row, column)) or "")
            if text.lstrip("-").startswith("Rp") and metrics.horizontalAdvance(text) + 8 > header.sectionSize(
                column
            ):
                found.append(
                    f"{text} is cut in {table.objectName() or 'a table'} ({header.sectionSize(column)} px)"
                )
    return found


def check_dialog(qtbot: Any, area: QRect, kind: Any, open_it: Callable[[], Any], act: Any = None) -> None:
    """Open a modal dialog as the till does (`open_it`), optionally `act` in it, check it, close it."""
    found: list[str] = []

    def answer(dialog: Any) -> None:
        if act is not None:
            act(dialog)
        found.extend(problems(dialog, area))
        dialog.reject()

    seen = when_modal(kind, answer)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert not isinstance(seen[-1], BaseException), seen[-1]
    assert found == []


@pytest.fixture
def fitted(qtbot: Any, window: MainWindow, area: QRect) -> Iterator[MainWindow]:
    fit_to_screen(window)  # as pos.app.show_main_window does before maximizing it
    yield window


@pytest.mark.slow
def test_cashier_window_and_its_dialogs_fit(
    qtbot: Any, fitted: MainWindow, area: QRect, demo_db: Database
) -> None:
    assert problems(fitted, area) == []  # the sign-in page
    sign_in(qtbot, fitted)
    checkout = fitted.checkout
    product = checkout.backend.find_product(barcodes(demo_db, 1)[0][0])
    assert product is not None
    for grams, price in ((250, 12_500_000), (500, 1_050_000)):
        variant = replace(
            product, product_id=product.product_id + grams, name=f"{BIG} {grams} g", price=price
        )
        checkout.add_product(variant, 3)
    assert problems(fitted, area) == []
    # the two variants stay apart however the name is shortened; the tooltip has it whole
    table = checkout.table
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    width = table.horizontalHeader().sectionSize(1) - 8
    shown = {
        table.fontMetrics().elidedText(f"{BIG} {g} g", Qt.TextElideMode.ElideMiddle, width)
        for g in (250, 500)
    }
    assert len(shown) == 2
    assert checkout.model.data(checkout.model.index(0, 1), Qt.ItemDataRole.ToolTipRole).startswith(
        f"{BIG} 250 g"
    )

    def split(dialog: Any) -> None:  # a partial cash payment, then debit and transfer parts
        for key, amount in ((Qt.Key.Key_F9, "100000"), (Qt.Key.Key_F11, "50000"), (Qt.Key.Key_F12, "25000")):
            qtbot.keyClick(dialog, key)
            dialog.amount.setText(amount)
            dialog.reference.setText("TRACE 123456")
            dialog.add_tender()
        assert len(dialog.payments) == 3

    check_dialog(qtbot, area, "paymentDialog", checkout.pay, split)
    check_dialog(qtbot, area, "paymentDialog", checkout.pay, lambda d: qtbot.keyClick(d, Qt.Key.Key_F10))
    for function in (
        Function.SEARCH,
        Function.BUYER,
        Function.QTY,
        Function.LINE_DISCOUNT,
        Function.REFUND,
        Function.X_REPORT,
    ):
        check_dialog(qtbot, area, QWidget, lambda f=function: checkout.trigger(f))
    managers = [u for u in fitted.backend.users() if u.role.name in ("MANAGER", "ADMIN")]
    pin = ManagerPinDialog("Persetujuan", managers, fitted.backend.approve, fitted)
    check_dialog(qtbot, area, ManagerPinDialog, lambda: run_dialog(pin))
    text = "\n".join(f"baris {n}" for n in range(200))
    check_dialog(qtbot, area, PreviewDialog, lambda: run_dialog(PreviewDialog("Laporan X", text, fitted)))
    unprinted = UnprintedDialog([], "Asia/Makassar", fitted)
    check_dialog(qtbot, area, UnprintedDialog, lambda: run_dialog(unprinted))
    check_dialog(qtbot, area, QWidget, fitted.help_menu.show_about)
    checkout.new_sale()  # a shift closes with an empty cart
    check_dialog(qtbot, area, QWidget, lambda: checkout.trigger(Function.CLOSE_SHIFT))


@pytest.mark.slow
def test_admin_dialogs_and_back_office_fit(
    qtbot: Any, fitted: MainWindow, area: QRect, demo_db: Database
) -> None:
    sign_in(qtbot, fitted, "admin", "9999")
    for key in ("settings", "users", "printer", "printqueue", "rejected", "cash"):
        check_dialog(qtbot, area, QWidget, lambda k=key: fitted.admin_menu.open(k))
    fitted.admin_menu.open("backoffice")
    office = fitted.admin_menu.backoffice
    qtbot.addWidget(office)
    qtbot.waitExposed(office)
    for index in range(office.tabs.count()):
        office.tabs.setCurrentIndex(index)
        assert problems(office, area) == [], office.tabs.tabText(index)
    office.tabs.setCurrentWidget(office.stock)  # a receiving document with many lines, then posted
    stock = office.stock
    (supplier,) = query(
        demo_db, "SELECT supplier_id FROM products GROUP BY supplier_id ORDER BY count(*) DESC"
    )[0]
    codes = query(demo_db, "SELECT code FROM products WHERE supplier_id = ? AND active", supplier)
    stock.supplier.setCurrentIndex(stock.supplier.findData(supplier))
    for (code,) in codes:
        stock.code.setText(code)
        stock.add_line()
    assert len(stock.lines) == len(codes) >= 10
    assert problems(office, area) == []
    for kind in ("consign", "buy"):  # as the producer supplies
        stock.kind.setCurrentIndex(stock.kind.findData(kind))
        if stock.post() is not None:
            break
    assert stock.last_document is not None, stock.message.text()
    assert problems(office, area) == []
    office.tabs.setCurrentWidget(office.consignment)  # the payout controls under the settlement
    office.consignment.settle()
    assert problems(office, area) == []
    office.close()


def test_setup_wizard_fits(qtbot: Any, area: QRect, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path, lambda answers: None)
    check_dialog(qtbot, area, SetupWizard, lambda: run_dialog(wizard))
