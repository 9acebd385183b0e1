"""Steps the UI tests share: signing in, scanning like a keyboard-wedge scanner, reading the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos.db.engine import Database
from pos.ui.main_window import MainWindow


def sign_in(
    qtbot: Any, window: MainWindow, username: str = "kasir1", pin: str = "1111", opening_float: str = "200000"
) -> None:
    """Sign in and open a shift with `opening_float` (typed into the open-shift dialog)."""
    window.signin.choose(username)

    def open_shift(dialog: Any) -> None:
        dialog.field.setText(opening_float)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    when_modal("openShiftDialog", open_shift)
    qtbot.keyClicks(window.signin.pin, pin, delay=40)  # a person types a PIN: slower than a scanner
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def scan(qtbot: Any, widget: Any, code: str) -> None:
    """A scanner burst: every key at once (well under the 30 ms gap), then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def pay_exact(qtbot: Any) -> Callable[[Any], None]:
    """In the payment dialog: F1 fills the exact amount, Enter takes it (one key never commits)."""

    def answer(dialog: Any) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_F1)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    return answer


def query(db: Database, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def barcodes(db: Database, count: int = 3) -> list[tuple[str, str, int]]:
    """(barcode, name, price) of active products with a barcode, cheapest first for predictable sums."""
    return [
        (row[0], row[1], int(row[2]))
        for row in query(
            db,
            "SELECT barcode, name, price FROM products WHERE barcode IS NOT NULL AND active "
            "ORDER BY price, id LIMIT ?",
            count,
        )
    ]


def registered_nip(db: Database) -> tuple[str, str]:
    nip, name = query(db, "SELECT nip, name FROM asn_registry WHERE active ORDER BY nip LIMIT 1")[0]
    return str(nip), str(name)


def when_modal(kind: type[QWidget] | str, action: Callable[[Any], None], timeout_ms: int = 5000) -> list[Any]:
    """Run `action(dialog)` as soon as a modal dialog of `kind` (class or objectName) is open.

    A dialog's exec() runs a nested event loop, so the test answers it from a timer; the returned list
    gets the dialog once it was handled (the test asserts on it) or an error if it never appeared.
    """
    seen: list[Any] = []
    waited = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        matches = modal is not None and (
            modal.objectName() == kind if isinstance(kind, str) else isinstance(modal, kind)
        )
        if matches:
            seen.append(modal)
            modal.activateWindow()  # offscreen has no window manager to activate a new dialog
            for _ in range(5):
                QApplication.processEvents()
            try:
                action(modal)
            except BaseException as error:  # close the dialog so the test fails instead of hanging
                seen.append(error)
                modal.reject()
                raise
            return
        waited[0] += 20
        if waited[0] > timeout_ms:
            seen.append(TimeoutError(f"no modal {kind} appeared"))
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen
