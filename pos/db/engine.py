"""Opening the till's SQLite file: checks, pragmas, migrations and a backup before any upgrade."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pos.db import schema_version
from pos.db.files import DB_FILENAME, DatabaseRefused, OpenReport, inspect_file, make_private
from pos.db.uow import UnitOfWork

# The file-level names are defined in `pos.db.files` and are part of this module's interface too.
__all__ = ["DB_FILENAME", "Database", "DatabaseRefused", "OpenReport", "make_engine"]


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
        if exists and schema_version.is_current(path):  # the usual start: nothing to upgrade, no Alembic
            return cls(path, engine, OpenReport(path=path, created=False, upgraded_from=None, backup=None))
        from pos.db import migrate  # Alembic is only needed here, not by every importer of pos.db

        report = migrate.upgrade(engine, path, created=not exists)
        return cls(path, engine, report)

    def session(self) -> Session:
        return self._sessions()

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    def checkpoint_wal(self) -> tuple[int, int, int]:
        """Copy the WAL into the database file now (PASSIVE: it waits for no reader or writer), as
        (busy, frames in the WAL, frames copied). Called by the till when it is idle (`pos.app`), so the
        next write starts the WAL over: otherwise the commit that takes the WAL past 1000 pages does it,
        inside every ~30th sale (3-15 ms there on the shared machine, more on a slow till's disk).
        Durability is unchanged: a committed sale is in the fsynced WAL (synchronous=FULL) either way."""
        with self.engine.connect() as conn:
            busy, frames, copied = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        return int(busy), int(frames), int(copied)

    def close(self) -> None:
        self.engine.dispose()
