"""Opening the till's SQLite file: checks, pragmas, migrations and a backup before any upgrade."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pos.db.uow import UnitOfWork

DB_FILENAME = "till.sqlite3"
# PRAGMA application_id marks a file as ours ("NTTP"); a foreign SQLite file is never migrated.
APPLICATION_ID = 0x4E545450
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(Exception):
    """The file is not a till database, or is damaged; the message is for a person (Bahasa Indonesia)."""


@dataclass(frozen=True)
class OpenReport:
    path: Path
    created: bool
    upgraded_from: str | None
    backup: Path | None


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the sync thread read while the till writes; FULL makes each committed sale survive a
    # power cut (WAL+NORMAL could lose the last commits). busy_timeout covers the sync thread's writes.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def inspect_file(path: Path) -> None:
    """Refuse a file that is not ours or is damaged, before SQLAlchemy or Alembic touch it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(f"{path} bukan database kasir NTT Mart (bukan file SQLite); file tidak diubah.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            check = con.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} rusak dan tidak bisa dibaca ({exc}); file tidak diubah.") from exc
    if check != "ok":
        raise DatabaseRefused(f"{path} rusak ({check}); file tidak diubah. Hubungi dukungan teknis.")
    if app_id != APPLICATION_ID and tables:
        raise DatabaseRefused(f"{path} adalah database lain, bukan database kasir NTT Mart; tidak diubah.")


def backup_file(path: Path, label: str) -> Path:
    """Copy the live database before a migration, with SQLite's online backup (consistent even with a
    WAL), into `backups/` beside it: only the database itself stays at the top of the data folder.
    Never pruned (docs/backups.md). A copy that cannot be written stops the upgrade, file untouched."""
    from pos.db import backup  # builds on this module; imported here so that engine stays its base

    kind = "migrasi-" + (re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "base")
    folder = backup.backup_dir(path.parent)
    make_private_dir(folder)
    # the till PC's local time, like every backup name: what the person at the till reads on its clock
    target = backup.free_path(folder, kind, datetime.now(), None)
    try:
        # not checked again: the file passed quick_check at open, and a full check would delay the start
        return backup.online_copy(path, target, verify=False)
    except backup.BackupFailed as error:
        message = f"cadangan sebelum pembaruan database gagal: {error}; database tidak diubah."
        raise DatabaseRefused(message) from None


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    make_private(path, 0o700)


def make_private(path: Path, mode: int) -> None:
    """Owner-only permissions on POSIX (Windows keeps the user profile's ACLs); never an error."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


class Database:
    """One till database file: an engine, a session factory and units of work."""

    def __init__(self, path: Path, engine: Engine, report: OpenReport) -> None:
        self.path = path
        self.engine = engine
        self.report = report
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)

    @classmethod
    def open(cls, data_dir: Path, *, create: bool = True) -> Database:
        """Open (and create or upgrade, with a backup first) the till database in `data_dir`."""
        from pos.db import migrate  # Alembic is only needed here, not by every importer of pos.db

        path = Path(data_dir) / DB_FILENAME
        inspect_file(path)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise DatabaseRefused(
                f"Database kasir belum ada di {data_dir}. Jalankan `ntt-pos init` atau `ntt-pos --demo`."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        make_private(path.parent, 0o700)
        if not exists:
            # Created empty, readable by this user only, before SQLite opens it: the -wal and -shm files
            # SQLite makes beside it take the same permissions (it holds NIPs and the sync token).
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        make_private(path, 0o600)
        engine = make_engine(path)
        report = migrate.upgrade(engine, path, created=not exists)
        return cls(path, engine, report)

    def session(self) -> Session:
        return self._sessions()

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    def close(self) -> None:
        self.engine.dispose()
