"""`pos.db.restore` on real till files: what it refuses (leaving everything as it was), a damaged current
database replaced, the old files kept byte for byte, receipt numbers never issued twice."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.damage import flip_receipt_index_byte

from pos.db import backup
from pos.db.engine import DB_FILENAME, Database, DatabaseRefused
from pos.db.restore import RESTORED_KEY, restore
from pos.services import backups, simulate


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sell(db: Database, n: int) -> list[str]:
    actor = simulate.pick_cashier(db, None)
    return [sale.receipt_no for sale in simulate.simulate(db, actor, n, seed=len(str(db.path)) + n)]


def take(db: Database) -> Path:
    with db.unit_of_work() as uow:
        return backups.take_backup(uow, backup.KIND_MANUAL)


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in folder.rglob("*") if p.is_file()}


def foreign(path: Path) -> None:
    """Another program's SQLite file under the same name."""
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()


def newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()


def damaged(path: Path) -> None:
    """Damage that passes quick_check: only the full integrity_check finds it."""
    flip_receipt_index_byte(path)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda p: p.write_text("bukan database\n" * 100), "bukan database kasir"),
        (foreign, "database lain"),
        (newer, "lebih baru"),
        (damaged, "rusak"),
        (lambda p: p.write_bytes(b""), "kosong"),
    ],
    ids=["not-sqlite", "foreign", "newer", "damaged", "empty"],
)
def test_a_file_that_is_not_a_good_backup_is_refused_and_nothing_changes(
    demo_db: Database, tmp_path: Path, spoil: Callable[[Path], None], message: str
) -> None:
    sell(demo_db, 2)
    saved = take(demo_db)
    candidate = tmp_path / "kandidat.sqlite3"
    shutil.copyfile(saved, candidate)
    spoil(candidate)
    demo_db.close()
    data_dir = demo_db.path.parent
    before, candidate_before = folder_state(data_dir), digest(candidate)
    with pytest.raises(DatabaseRefused, match=message):
        restore(data_dir, candidate)
    assert folder_state(data_dir) == before
    assert digest(candidate) == candidate_before


def test_another_tills_backup_is_refused(demo_db: Database, tmp_path: Path) -> None:
    saved = take(demo_db)
    con = sqlite3.connect(saved)
    con.execute("UPDATE outlets SET terminal = '02'")
    con.commit()
    con.close()
    demo_db.close()
    with pytest.raises(DatabaseRefused, match="cadangan kasir 5371-02, sedangkan kasir ini 5371-01"):
        restore(demo_db.path.parent, saved)


def test_restore_replaces_a_damaged_database_and_keeps_it_unchanged(demo_db: Database) -> None:
    sell(demo_db, 3)
    saved = take(demo_db)
    lost = sell(demo_db, 2)
    demo_db.close()
    data_dir, live = demo_db.path.parent, demo_db.path
    live.write_bytes(live.read_bytes()[:4096] + b"\x00" * 8192)  # a dead disk sector
    wal = Path(f"{live}-wal")
    wal.write_bytes(b"sisa wal")  # must travel with its database, never be read into the restored one
    old_db, old_wal = digest(live), digest(wal)
    with pytest.raises(DatabaseRefused):
        Database.open(data_dir, create=False)

    report = restore(data_dir, saved)

    assert report.replaced is not None and report.replaced.parent == data_dir / backup.BACKUP_DIRNAME
    assert digest(report.replaced) == old_db and digest(Path(f"{report.replaced}-wal")) == old_wal
    assert not wal.exists()
    db = Database.open(data_dir, create=False)
    with db.unit_of_work() as uow:
        count = uow.session.connection().exec_driver_sql("SELECT COUNT(*) FROM sales").scalar()
        note = (
            uow.session.connection()
            .exec_driver_sql("SELECT value FROM settings WHERE key = ?", (RESTORED_KEY,))
            .scalar()
        )
    assert count == report.sales == 3 and note is not None and str(saved) in note
    assert lost[0] not in str(note)
    db.close()


def test_receipt_numbers_issued_after_the_backup_are_not_issued_again(demo_db: Database) -> None:
    sell(demo_db, 2)
    saved = take(demo_db)
    after_backup = sell(demo_db, 3)
    demo_db.close()
    report = restore(demo_db.path.parent, saved)
    assert report.counters_kept >= 1
    db = Database.open(demo_db.path.parent, create=False)
    try:
        again = sell(db, 3)
    finally:
        db.close()
    assert not set(again) & set(after_backup)


def test_restore_onto_an_empty_data_folder(demo_db: Database, tmp_path: Path) -> None:
    """A new PC: the backup from the USB disk is the whole till."""
    saved = take(demo_db)
    report = restore(tmp_path / "baru", saved)
    assert report.replaced is None and (tmp_path / "baru" / DB_FILENAME).exists()
    Database.open(tmp_path / "baru", create=False).close()
