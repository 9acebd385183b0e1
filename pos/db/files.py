"""The till database as a file: its name and marks, the check before anything opens it, owner-only rights.

The base of `pos.db`: `engine` (opening it), `migrate` (upgrading it), `backup` and `restore` (copies of
it) all build on this module, which imports none of them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

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


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    make_private(path, 0o700)


def make_private(path: Path, mode: int) -> None:
    """Owner-only permissions on POSIX (Windows keeps the user profile's ACLs); never an error."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, mode)
