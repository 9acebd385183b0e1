"""Paying when the data folder refuses the write: a full disk, a read-only folder, a database held by
another process. The cashier gets one line naming the cause (never "rusak", never a traceback), the
sale stays in the cart, nothing of it is written, and once the cause is gone the same cart is paid.

The conditions are SQLite's own, on every connection of the till's engine (tests run as root, where
chmod does not stop writes): `max_page_count` at the file's size makes it full, `query_only` makes it
refuse writes as a read-only file does, and a second connection holding the write lock makes it busy.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event
from ui_helpers import barcodes, pay_exact, query, scan, sign_in, when_modal

from pos.db.engine import Database
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog

# A sale of this many lines has an outbox payload larger than one 4 KiB page: it needs a new page,
# which a database at its page limit (and with no free page left after VACUUM) cannot give.
LINES = 20


def full(db: Database) -> Callable[[Any, Any], None]:
    con = sqlite3.connect(db.path)
    con.execute("VACUUM")  # no free page left inside the file
    con.close()

    def limit(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    return limit


def read_only(_db: Database) -> Callable[[Any, Any], None]:
    def refuse_writes(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA query_only=ON")

    return refuse_writes


def impatient(_db: Database) -> Callable[[Any, Any], None]:
    def short_wait(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=200")  # the till waits 5 s; the test need not

    return short_wait


@pytest.fixture
def other_process(demo_db: Database) -> Iterator[sqlite3.Connection]:
    """Another program on the same file (a second till started by mistake, a backup tool)."""
    other = sqlite3.connect(demo_db.path, isolation_level=None)
    yield other
    other.close()


def journaled_lines(db: Database) -> int:
    rows = query(db, "SELECT snapshot FROM open_carts")
    return len(json.loads(rows[0][0])["cart"]["lines"]) if rows else 0


def apply(db: Database, listener: Callable[[Any, Any], None]) -> None:
    """Every connection the till opens from now on gets `listener` after the app's own pragmas."""
    event.listen(db.engine, "connect", listener)
    db.engine.dispose()


def lift(db: Database, listener: Callable[[Any, Any], None]) -> None:
    event.remove(db.engine, "connect", listener)
    db.engine.dispose()


@pytest.mark.parametrize(
    ("condition", "cause"),
    [
        (full, "Disk penuh"),
        (read_only, "hanya bisa dibaca"),
        (impatient, "sedang dipakai proses lain"),
    ],
    ids=["disk-full", "read-only", "busy"],
)
@pytest.mark.slow
def test_a_refused_write_names_the_cause_and_keeps_the_sale_in_the_cart(
    qtbot: Any,
    window: MainWindow,
    demo_db: Database,
    other_process: sqlite3.Connection,
    condition: Callable[[Database], Callable[[Any, Any], None]],
    cause: str,
) -> None:
    sign_in(qtbot, window)
    checkout = window.checkout
    for code, _name, _price in barcodes(demo_db, LINES):
        scan(qtbot, checkout.scan_field, code)
    assert len(checkout.cart.lines) == LINES
    # the cart in progress is on disk (written off the GUI thread) before the disk goes bad
    qtbot.waitUntil(lambda: journaled_lines(demo_db) == LINES, timeout=5000)
    total = checkout.model.totals.total
    before = query(demo_db, "SELECT COUNT(*) FROM sales"), query(demo_db, "SELECT COUNT(*) FROM outbox")

    listener = condition(demo_db)
    apply(demo_db, listener)
    if condition is impatient:
        other_process.execute("BEGIN IMMEDIATE")  # holds the write lock
    handled = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "belum tersimpan" in checkout.message.text(), timeout=10_000)
    assert handled and not isinstance(handled[-1], BaseException)

    message = checkout.message.text()
    assert cause in message, message
    assert "\n" not in message and "Traceback" not in message and "rusak" not in message
    assert "sqlite" not in message.lower() and "OperationalError" not in message
    assert QApplication.activeModalWidget() is None  # no dialog, no crash report: a known cause
    assert len(checkout.cart.lines) == LINES and checkout.model.totals.total == total
    lift(demo_db, listener)
    if condition is impatient:
        other_process.execute("ROLLBACK")
    after = query(demo_db, "SELECT COUNT(*) FROM sales"), query(demo_db, "SELECT COUNT(*) FROM outbox")
    assert after == before  # nothing half-written: no sale, no line, no event

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    handled = when_modal(PaymentDialog, pay_exact(qtbot))
    qtbot.keyClick(checkout.scan_field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: checkout.cart.is_empty, timeout=10_000)
    assert query(demo_db, "SELECT COUNT(*), MAX(total) FROM sales") == [(1, total)]
    assert query(demo_db, "SELECT COUNT(*) FROM sale_lines") == [(LINES,)]
