"""Unexpected errors in the real till window: one dialog in Bahasa Indonesia, the traceback in the log
file, and the cart still there; the app's own start-up wiring (`pos.app.start_diagnostics`) is used.

pytest-qt replaces `sys.excepthook` during each test to fail tests on exceptions in slots; these
tests are marked `qt_no_exception_capture` so that the hook under test is the one that receives them.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from ui_helpers import barcodes, pay_exact, query, scan, sign_in, when_modal

from pos import logsetup
from pos.app import start_diagnostics
from pos.db.engine import Database
from pos.ui.crash import CrashGuard
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def guard(qapp: QApplication, window: MainWindow, demo_db: Database) -> Iterator[CrashGuard]:
    """What `run_gui` does at start, on the test's data folder (its log goes to <folder>/logs)."""
    crash_guard: CrashGuard = start_diagnostics(qapp, demo_db.path.parent, demo=False)
    crash_guard.main_window = window
    yield crash_guard
    crash_guard.uninstall()
    if crash_guard.dialog is not None:
        crash_guard.dialog.close()
    handler = logsetup.current_handler()
    assert handler is not None
    logging.getLogger().removeHandler(handler)
    handler.close()


def log_text(db: Database) -> str:
    handler = logsetup.current_handler()
    assert handler is not None
    handler.flush()
    return (db.path.parent / "logs" / logsetup.LOG_FILENAME).read_text(encoding="utf-8")


def test_an_error_escaping_the_pay_slot_shows_the_dialog_logs_it_and_keeps_the_cart(
    qtbot: Any, window: MainWindow, demo_db: Database, guard: CrashGuard
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    for code, _name, _price in barcodes(demo_db, 2):
        scan(qtbot, checkout.scan_field, code)
    assert len(checkout.cart.lines) == 2
    # A real database failure that is not a rule of the shop (an IntegrityError, not a DomainError):
    # it leaves CheckoutActions.pay, the slot of the F8 key, uncaught.
    con = sqlite3.connect(demo_db.path)
    con.execute(
        "CREATE TRIGGER sales_down BEFORE INSERT ON sales BEGIN SELECT RAISE(ABORT, 'sales down'); END"
    )
    con.commit()

    handled = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=5000)
    assert handled and not isinstance(handled[-1], BaseException)

    dialog = guard.dialog
    assert dialog is not None
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Terjadi kesalahan. Transaksi yang sudah tersimpan aman." in texts
    assert "sales down" in dialog.details and "Traceback" in dialog.details
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.details

    logged = log_text(demo_db)
    assert "kesalahan tak terduga" in logged
    assert "Traceback (most recent call last)" in logged and "sales down" in logged
    assert "in pay" in logged  # the traceback names the slot that failed

    # The till carries on: the cart is as it was, nothing was sold, and once the cause is gone the
    # same cart is paid.
    assert len(checkout.cart.lines) == 2
    assert query(demo_db, "SELECT COUNT(*) FROM sales") == [(0,)]
    qtbot.mouseClick(dialog.findChild(QPushButton, "errorClose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: guard.dialog is None, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)  # keyboard back
    con.execute("DROP TRIGGER sales_down")
    con.commit()
    con.close()
    handled = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: checkout.cart.is_empty, timeout=5000)
    assert query(demo_db, "SELECT COUNT(*) FROM sales") == [(1,)]


def test_thread_errors_share_one_dialog_and_qt_warnings_go_to_the_log_not_stderr(
    qtbot: Any, window: MainWindow, demo_db: Database, guard: CrashGuard, capfd: pytest.CaptureFixture[str]
) -> None:
    def fail(message: str) -> None:
        raise RuntimeError(message)

    for message in ("printer thread broke", "second failure"):
        worker = threading.Thread(target=fail, args=(message,), name="print-queue")
        worker.start()
        worker.join()
    qtbot.waitUntil(lambda: guard.dialog is not None and "second failure" in guard.dialog.details)
    assert guard.dialog is not None and "printer thread broke" in guard.dialog.details
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorDialog" and w.isVisible()]
    assert shown == [guard.dialog]  # two errors, one dialog

    qWarning("QPainter::begin: Paint device returned engine == 0, type: 3")
    logged = log_text(demo_db)
    assert "(thread print-queue)" in logged and "printer thread broke" in logged
    assert "QPainter::begin: Paint device returned engine == 0" in logged
    assert "QPainter" not in capfd.readouterr().err
