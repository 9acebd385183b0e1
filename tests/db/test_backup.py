"""Backup files on real SQLite files: the online copy, the retention rule, the backup before a migration."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from pos.db import backup, migrate
from pos.db.engine import DB_FILENAME, Database


def sales_in(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT COUNT(*) FROM sales").fetchone()[0])
    finally:
        con.close()


def test_online_copy_is_one_private_checked_file_while_the_till_writes(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.unit_of_work() as uow:  # the till holds its WAL open while the copy is made
        uow.session.execute(text("UPDATE settings SET value = value"))
        target = backup.online_copy(demo_db.path, tmp_path / "out" / "till-20261202-210000-manual.sqlite3")
    assert target.exists() and sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()
    assert backup.integrity_problems(target) == []
    assert sales_in(target) == sales_in(demo_db.path)


def test_a_copy_that_fails_its_check_is_not_kept(tmp_path: Path) -> None:
    source = tmp_path / "rusak.sqlite3"
    source.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    with pytest.raises(backup.BackupFailed):
        backup.online_copy(source, tmp_path / "out" / "till-20261202-210000-manual.sqlite3")
    assert list((tmp_path / "out").iterdir()) == []


def names(entries: list[tuple[datetime, str]], folder: Path = Path("b")) -> list[backup.BackupName]:
    return [
        backup.BackupName(folder / backup.backup_filename(kind, when, "5371-01"), "5371-01", when, kind)
        for when, kind in entries
    ]


def test_retention_keeps_14_days_and_the_newest_of_8_weeks_before_them() -> None:
    today = datetime(2026, 12, 2, 21, 0)  # a Wednesday
    daily = [(today - timedelta(days=d), "tutup-shift") for d in range(120)]
    morning = [(when.replace(hour=8), "harian") for when, _ in daily]
    kept_by_hand = [(today - timedelta(days=200), "manual"), (today - timedelta(days=300), "migrasi-0003")]
    everything = names(daily + morning + kept_by_hand)
    deleted = set(backup.prune_plan(everything))
    kept = [n for n in everything if n.path not in deleted]

    recent_dates = {(today - timedelta(days=d)).date() for d in range(14)}
    assert {n.taken_at.date() for n in kept if n.taken_at.date() in recent_dates} == recent_dates
    assert all(n.path not in deleted for n in everything if n.taken_at.date() in recent_dates)  # both a day
    older = [n for n in kept if n.taken_at.date() not in recent_dates and n.kind in backup.AUTOMATIC_KINDS]
    weeks = [n.taken_at.isocalendar()[:2] for n in older]
    assert len(older) == 8 and len(set(weeks)) == 8  # one per week, eight weeks
    first_older = today - timedelta(days=14)  # Wednesday: its week's newest is that Wednesday evening
    assert max(n.taken_at for n in older) == first_older
    assert all(n.path not in deleted for n in names(kept_by_hand))


def test_retention_counts_days_with_a_backup_not_the_calendar() -> None:
    """A till switched off for two months keeps its last 14 days of backups when it comes back."""
    start = datetime(2026, 8, 1, 21, 0)
    before_pause = [(start + timedelta(days=d), "tutup-shift") for d in range(20)]
    after_pause = [(datetime(2026, 12, 2, 8, 0), "harian")]
    everything = names(before_pause + after_pause)
    deleted = set(backup.prune_plan(everything))
    kept_dates = {n.taken_at.date() for n in everything if n.path not in deleted}
    assert {(start + timedelta(days=d)).date() for d in range(7, 20)} <= kept_dates  # 13 days + today
    # before those: 1-2 August (ISO week 31) and 3-7 August (week 32), the newest of each kept
    assert {d.day for d in kept_dates if d < (start + timedelta(days=7)).date()} == {2, 7}


def test_prune_deletes_only_this_tills_automatic_files(tmp_path: Path) -> None:
    today = datetime(2026, 12, 2, 21, 0)
    for days in range(40):
        when = today - timedelta(days=days)
        for till in ("5371-01", "5371-02"):
            (tmp_path / backup.backup_filename("tutup-shift", when, till)).write_bytes(b"x")
    manual = tmp_path / backup.backup_filename("manual", today - timedelta(days=39), "5371-01")
    manual.write_bytes(b"x")
    deleted = backup.prune(tmp_path, "5371-01")
    assert deleted and all("5371-01" in p.name for p in deleted)
    assert manual.exists()
    assert len([p for p in tmp_path.iterdir() if "5371-02" in p.name]) == 40


def test_names_round_trip_and_never_collide(tmp_path: Path) -> None:
    when = datetime(2026, 12, 2, 21, 30, 15)
    first = backup.free_path(tmp_path, "tutup-shift", when, "5371-01")
    first.write_bytes(b"x")
    second = backup.free_path(tmp_path, "tutup-shift", when, "5371-01")
    assert first.name == "till-5371-01-20261202-213015-tutup-shift.sqlite3"
    assert second.name == "till-5371-01-20261202-213015-tutup-shift-2.sqlite3"
    parsed = backup.parse_name(second)
    assert parsed is not None and parsed.till == "5371-01" and parsed.taken_at == when
    assert backup.is_automatic(parsed.kind)
    plain = backup.parse_name(tmp_path / "till-20261202-213015-migrasi-0003.sqlite3")
    assert plain is not None and plain.till is None and plain.kind == "migrasi-0003"


def test_the_backup_before_a_migration_goes_into_backups(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")  # a till of an older version
    db.close()
    upgraded = Database.open(tmp_path)
    upgraded.close()
    saved = upgraded.report.backup
    assert saved is not None and saved.parent == tmp_path / backup.BACKUP_DIRNAME
    assert saved.name.endswith("-migrasi-0003.sqlite3") and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert {p.name for p in tmp_path.iterdir() if p.is_file()} <= {
        DB_FILENAME,
        f"{DB_FILENAME}-wal",
        f"{DB_FILENAME}-shm",
    }
