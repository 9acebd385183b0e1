"""Keys typed while a dialog opens reach it; an amount typed as fast as a scanner stays an amount."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWindow
from ui_helpers import barcodes, query, scan, sign_in, when_modal

import pos.ui.checkout_actions as checkout_actions
from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.search import ProductSearchDialog

KEY_GAP_S = 0.005  # a key every 5 ms: faster than any scanner


def _one_item(qtbot: Any, window: MainWindow, db: Database) -> int:
    sign_in(qtbot, window)
    code, _name, price = barcodes(db, 1)[0]
    scan(qtbot, window.checkout.scan_field, code)
    return price


def _close_if_open(dialog: Any, after_ms: int = 3000) -> None:
    """The old till kept the dialog open (its Enter eaten): close it so the test fails, not hangs."""
    QTimer.singleShot(after_ms, dialog, dialog.reject)  # cancelled with the dialog


def _last_sale(db: Database) -> tuple[int, int] | None:
    rows = query(db, "SELECT total, change FROM sales ORDER BY id DESC LIMIT 1")
    return (int(rows[0][0]), int(rows[0][1])) if rows else None


def _key(char: str) -> tuple[int, str]:
    return (Qt.Key.Key_Return, "\r") if char == "\n" else (ord(char), char)


def test_an_amount_typed_5_ms_a_key_is_an_amount_not_a_scan(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    price = _one_item(qtbot, window, demo_db)

    def type_amount(dialog: PaymentDialog) -> None:
        _close_if_open(dialog)
        qtbot.keyClicks(dialog.amount, "1500000", delay=5)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, delay=5)

    handled = when_modal(PaymentDialog, type_amount)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    assert handled and isinstance(handled[0], PaymentDialog)
    assert _last_sale(demo_db) == (price, 1_500_000 - price)


class Keyboard(threading.Thread):
    """The keyboard of a slow till: keys go to the window that has the focus when they are typed
    (the till's window, while the payment dialog is still being built), one every 5 ms."""

    def __init__(self, window: QWindow, text: str) -> None:
        super().__init__(daemon=True)
        self.window, self.text = window, text

    def run(self) -> None:
        for char in self.text:
            key, text = _key(char)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
                QCoreApplication.postEvent(self.window, event)
            time.sleep(KEY_GAP_S)


@pytest.mark.parametrize("typed", ["1500000\n"])
def test_digits_typed_while_the_payment_dialog_opens_slowly_arrive_whole(
    qtbot: Any, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    price = _one_item(qtbot, window, demo_db)
    till_window = window.windowHandle()
    opened: list[PaymentDialog] = []

    class SlowPaymentDialog(PaymentDialog):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            opened.append(self)
            _close_if_open(self)
            keyboard = Keyboard(till_window, typed)  # the cashier types on while the till is busy
            keyboard.start()
            keyboard.join()
            time.sleep(0.05)  # and the slow till is still building the dialog

    monkeypatch.setattr(checkout_actions, "PaymentDialog", SlowPaymentDialog)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: _last_sale(demo_db) is not None, timeout=5000)
    assert opened
    assert _last_sale(demo_db) == (price, 1_500_000 - price)  # not Rp500.000: no key was lost


def test_words_typed_right_after_f2_reach_the_search(
    qtbot: Any, window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(qtbot, window)
    till_window = window.windowHandle()

    class SlowSearchDialog(ProductSearchDialog):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            _close_if_open(self)
            Keyboard(till_window, "kopi").run()  # typed while the dialog is being built

    seen: list[str] = []

    def read(dialog: ProductSearchDialog) -> None:
        qtbot.waitUntil(lambda: dialog.query.text() == "kopi", timeout=2000)
        seen.append(dialog.query.text())
        dialog.reject()

    monkeypatch.setattr(checkout_actions, "ProductSearchDialog", SlowSearchDialog)
    handled = when_modal(SlowSearchDialog, read)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F2)
    assert seen == ["kopi"], handled
