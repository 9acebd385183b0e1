"""Automatic backups on a real till file: after every shift close (whatever happens to the backup, the
shift is closed), and the background check after start (full integrity check, the day's first backup)."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.damage import flip_receipt_index_byte

from pos.db import backup
from pos.db.engine import Database
from pos.services import backups, shifts
from pos.services.health import StartupCheck

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

COUNTS = {100_000: 2}
KOPI = "8991000000011"


def close_a_shift(till: Till) -> shifts.ShiftSummary:
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.cashier, 200_000)
    till.sell([(KOPI, 1)], shift_id=shift.shift_id)
    with till.db.unit_of_work() as uow:
        return shifts.close_shift(uow, till.cashier, shift.shift_id, COUNTS)


def set_second_dir(db: Database, folder: Path | None) -> None:
    with db.unit_of_work() as uow:
        backups.set_second_dir(uow, folder)
        uow.commit()


def closed_shifts_in(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT COUNT(*) FROM shifts WHERE closed_at IS NOT NULL").fetchone()[0])
    finally:
        con.close()


def test_closing_a_shift_leaves_a_checked_backup_here_and_on_the_second_disk(
    till: Till, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    set_second_dir(till.db, usb)
    z = close_a_shift(till)
    outcome = z.backup
    assert outcome is not None and outcome.note is None and outcome.path is not None
    assert outcome.path.parent == till.db.path.parent / backup.BACKUP_DIRNAME
    name = outcome.path.name
    assert name.startswith("till-5371-01-") and name.endswith("-tutup-shift.sqlite3")
    assert closed_shifts_in(outcome.path) == 1  # taken after the close's commit
    assert outcome.copy == usb / outcome.path.name and closed_shifts_in(outcome.copy) == 1
    for path in (outcome.path, outcome.copy):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and backup.integrity_problems(path) == []


def test_a_missing_second_folder_is_a_warning_and_the_backup_is_still_made(
    till: Till, tmp_path: Path
) -> None:
    set_second_dir(till.db, tmp_path / "usb-dicabut")
    z = close_a_shift(till)
    assert z.backup is not None and z.backup.error is None and z.backup.path is not None
    assert z.backup.path.exists() and z.backup.copy is None
    assert z.backup.note is not None and "usb-dicabut tidak ada" in z.backup.note


def test_a_failed_backup_never_undoes_the_shift_close(till: Till) -> None:
    (till.db.path.parent / backup.BACKUP_DIRNAME).write_text("bukan folder")  # backups cannot go here
    z = close_a_shift(till)
    assert z.is_closed
    assert z.backup is not None and z.backup.path is None and z.backup.error
    assert z.backup.note is not None and z.backup.note.startswith("Cadangan otomatis GAGAL")
    with till.db.unit_of_work() as uow:
        assert shifts.shift_summary(uow, z.shift_id).is_closed  # committed before the backup was tried


def test_the_check_after_start_makes_one_daily_backup_per_day(till: Till) -> None:
    morning, noon = datetime(2026, 12, 2, 7, 55), datetime(2026, 12, 2, 12, 0)
    first = StartupCheck(till.db).run(now=morning)
    assert not first.damaged and first.backup is not None and first.backup.path is not None
    assert first.backup.path.name.endswith("-harian.sqlite3") and first.banner() is None
    again = StartupCheck(till.db).run(now=noon)
    assert again.backup is None  # the till was restarted the same day: no second daily backup
    assert again.latest_good is not None and again.latest_good.name.path == first.backup.path
    tomorrow = StartupCheck(till.db).run(now=datetime(2026, 12, 3, 7, 50))
    assert tomorrow.backup is not None and tomorrow.backup.path != first.backup.path


def test_the_check_after_start_finds_a_damaged_index_and_points_to_the_last_good_backup(till: Till) -> None:
    good = StartupCheck(till.db).run(now=datetime(2026, 12, 1, 8, 0)).backup
    assert good is not None and good.path is not None
    till.sell([(KOPI, 1)])
    path = till.db.path
    till.db.close()
    receipt = flip_receipt_index_byte(path)
    db = Database.open(path.parent, create=False)  # quick_check at open does not see it
    try:
        report = StartupCheck(db).run(now=datetime(2026, 12, 2, 8, 0))
        with db.unit_of_work() as uow:
            still_sells = (
                uow.session.connection()
                .exec_driver_sql("SELECT COUNT(*) FROM sales WHERE receipt_no = ?", (receipt,))
                .scalar()
            )
    finally:
        db.close()
    assert still_sells == 0  # the index lies: `receipt NO` says "tidak ditemukan"
    assert report.damaged and "sqlite_autoindex_sales" in " ".join(report.problems)
    assert report.backup is None  # no daily backup of a damaged file
    banner = report.banner()
    assert banner is not None and "RUSAK" in banner and str(good.path) in banner


def test_closing_the_till_interrupts_the_check(till: Till) -> None:
    check = StartupCheck(till.db)
    check.cancel()
    report = check.run()
    assert report.cancelled and report.backup is None and not report.damaged
