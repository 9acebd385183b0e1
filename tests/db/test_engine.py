"""Opening the till file: pragmas, refusing foreign or damaged files, backups before upgrades."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from pos.db import migrate
from pos.db.engine import DB_FILENAME, Database, DatabaseRefused
from pos.db.files import APPLICATION_ID


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_marked_ours_and_at_head(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    assert db.report.created
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()
    again = Database.open(tmp_path)
    assert not again.report.created and again.report.backup is None
    again.close()


def test_open_without_create_refuses_missing_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="belum ada"):
        Database.open(tmp_path, create=False)
    assert not (tmp_path / DB_FILENAME).exists()


def test_non_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_text("ini bukan database\n" * 50)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="bukan database kasir"):
        Database.open(tmp_path)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO customers VALUES (1, 'Maria')")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="database lain"):
        Database.open(tmp_path)
    assert digest(path) == before


def test_damaged_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.unit_of_work() as uow:
        uow.session.execute(text("CREATE TABLE filler (x TEXT)"))
        for _ in range(200):
            uow.session.execute(text("INSERT INTO filler VALUES (:x)"), {"x": "x" * 500})
        uow.commit()
    db.close()
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    path = tmp_path / DB_FILENAME
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 8)):
        data[offset] = 0xA5  # scribble over b-tree pages, as a failing disk would
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="rusak"):
        Database.open(tmp_path)
    assert digest(path) == before


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseRefused, match="versi aplikasi yang lebih baru"):
        Database.open(tmp_path)


def test_upgrade_takes_a_backup_first(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")  # an old till, before the schema existed
        conn.execute(text("CREATE TABLE marker (note TEXT)"))
        conn.execute(text("INSERT INTO marker VALUES ('sebelum upgrade')"))
    db.close()
    upgraded = Database.open(tmp_path)
    backup = upgraded.report.backup
    assert backup is not None and backup.exists()
    assert upgraded.report.upgraded_from is None and not upgraded.report.created
    con = sqlite3.connect(backup)
    assert con.execute("SELECT note FROM marker").fetchone() == ("sebelum upgrade",)
    assert con.execute("SELECT COUNT(*) FROM alembic_version").fetchone() == (0,)
    con.close()
    assert migrate.current_revision(upgraded.engine) == migrate.head_revision()
    upgraded.close()


def test_unit_of_work_rolls_back_what_was_not_committed(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.unit_of_work() as uow:
        uow.session.execute(text("INSERT INTO categories (name) VALUES ('Kopi & Teh')"))
    with db.unit_of_work() as uow:
        assert uow.session.execute(text("SELECT COUNT(*) FROM categories")).scalar() == 0
    with pytest.raises(RuntimeError, match="outside"):
        _ = db.unit_of_work().session
    db.close()


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    """A model change without its migration (or the reverse) fails here, not on a shop's till."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from pos.db.models import Base, is_managed

    db = Database.open(tmp_path)
    opts = {"compare_type": True, "include_object": is_managed}
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    db.close()
    assert diff == []


def test_taxed_lines_keep_their_mode_across_the_upgrade(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.engine.begin() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(sale_lines)")}
    db.close()
    assert "tax_mode" in columns


@pytest.mark.skipif(os.name != "posix", reason="owner-only file modes are a POSIX notion")
def test_the_data_folder_and_its_files_are_private_to_the_user(tmp_path: Path) -> None:
    from pos.services import setup

    folder = tmp_path / "till"
    db = Database.open(folder, create=True)
    with db.unit_of_work() as uow:  # writes through the WAL, which SQLite creates beside the file
        uow.session.execute(text("CREATE TABLE probe (x)"))
        uow.commit()
    setup.save_draft(folder, {"outlet_code": "5371", "token": "nttpos_rahasia", "admin_pin": "2468"})
    for path in [folder / DB_FILENAME, folder / f"{DB_FILENAME}-wal", setup.draft_path(folder)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    draft = setup.draft_path(folder).read_text(encoding="utf-8")
    assert "nttpos_rahasia" not in draft and "2468" not in draft
    db.close()
