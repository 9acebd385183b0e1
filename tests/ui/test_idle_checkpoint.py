"""The WAL is checkpointed when the till is idle after a sale, so the next sale starts it over and the
automatic checkpoint (inside the commit that takes the WAL past 1000 pages) is not reached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos.app import IDLE_CHECKPOINT_MS, build_till
from pos.db.engine import Database
from pos.services import simulate


def wal_restarts(db: Database) -> int:
    """How often the WAL was started over: the checkpoint sequence in its header (bytes 12-15, big
    endian), read from the file, so looking changes nothing."""
    header = Path(f"{db.path}-wal").read_bytes()[:16]
    return int.from_bytes(header[12:16], "big")


def sell(db: Database, count: int) -> None:
    list(simulate.simulate(db, simulate.pick_cashier(db), count))


def test_a_checkpoint_when_idle_lets_the_next_sale_start_the_wal_over(demo_db: Database) -> None:
    sell(demo_db, 3)
    restarts = wal_restarts(demo_db)
    sell(demo_db, 3)
    assert wal_restarts(demo_db) == restarts  # sales alone: the WAL grows
    busy, frames, copied = demo_db.checkpoint_wal()
    assert busy == 0 and frames == copied > 0  # all of it copied into the database file
    sell(demo_db, 1)
    assert wal_restarts(demo_db) == restarts + 1  # the next sale started it over


def test_the_till_checkpoints_after_a_sale_when_idle(qtbot: Any, qapp: Any, demo_db: Database) -> None:
    till = build_till(demo_db, qapp, start_sync=False, check_health=False)
    qtbot.addWidget(till.window)
    timer = till.idle_checkpoint
    assert timer is not None and timer.interval() == IDLE_CHECKPOINT_MS and not timer.isActive()
    try:
        sell(demo_db, 3)
        restarts = wal_restarts(demo_db)
        timer.setInterval(10)
        till.window.checkout.sale_completed.emit(None)  # as the checkout does after each sale
        assert timer.isActive()
        qtbot.waitUntil(lambda: not timer.isActive(), timeout=5000)
        till.window.runner.wait(5000)
        sell(demo_db, 1)
        assert wal_restarts(demo_db) == restarts + 1
    finally:
        till.stop()
