"""The check after start in the real till window: it runs in the background (start never waits for it),
shows nothing when the file is healthy, and a red banner naming the last good backup when it is not."""

from __future__ import annotations

from typing import Any

from helpers.damage import flip_receipt_index_byte

from pos.app import build_till
from pos.db import backup
from pos.db.engine import DB_FILENAME, Database
from pos.services import backups, simulate


def test_a_damaged_receipt_index_gets_a_red_banner_pointing_to_the_last_good_backup(
    qtbot: Any, qapp: Any, demo_db: Database
) -> None:
    db, demo_dir = demo_db, demo_db.path.parent
    with db.unit_of_work() as uow:
        good = backups.take_backup(uow, backup.KIND_MANUAL)
    list(simulate.simulate(db, simulate.pick_cashier(db), 2))
    db.close()
    flip_receipt_index_byte(demo_dir / DB_FILENAME)

    till = build_till(Database.open(demo_dir, create=False), qapp, start_sync=False)  # quick_check passes
    window = till.window
    qtbot.addWidget(window)
    try:
        # build_till returned with the check still queued on the runner: the scan field waited for nothing
        assert window.runner.active >= 1 and window.data_banner.isHidden()
        qtbot.waitUntil(lambda: not window.data_banner.isHidden(), timeout=20_000)
        text = window.data_banner.text()
        assert "RUSAK" in text and str(good) in text and "ntt-pos restore" in text
        assert window.data_banner.property("error") is True
        assert [n.kind for n in backup.list_backups(demo_dir / "backups")] == ["manual"]  # no daily copy
    finally:
        till.stop()


def test_a_healthy_start_shows_nothing_and_takes_the_days_backup(
    qtbot: Any, qapp: Any, demo_db: Database
) -> None:
    demo_dir = demo_db.path.parent
    till = build_till(demo_db, qapp, start_sync=False)
    window = till.window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.runner.active == 0, timeout=20_000)
        assert window.data_banner.isHidden()
        kinds = [n.kind for n in backup.list_backups(demo_dir / "backups")]
        assert kinds == [backup.KIND_DAILY]
    finally:
        till.stop()
