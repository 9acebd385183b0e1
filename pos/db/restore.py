"""`ntt-pos restore FILE`: a backup becomes the till database again; the current file is kept unchanged.

The backup is copied into the data folder first and every check runs on that copy (SQLite file, ours by
`application_id`, a schema this app knows, full `integrity_check`, the same till as the current one),
so a refused file leaves everything as it was. Only then are the current database and its `-wal` /
`-shm` moved, by rename (unchanged, byte for byte), to `backups/till-...-diganti.sqlite3`, and the copy
takes their place. The current database is never opened by SQLAlchemy or Alembic: restoring is the way
out of a damaged one. Why the outbox of the backup is safe to sync as it is: docs/backups.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pos.db import backup
from pos.db.files import (
    APPLICATION_ID,
    DB_FILENAME,
    DatabaseRefused,
    inspect_file,
    make_private,
    make_private_dir,
)

RESTORED_KEY = "backup.restored"  # {"at", "from", "replaced", "sales", "last_receipt"}: shown by doctor
_STAGED = DB_FILENAME + ".pulihkan" + backup.PART_SUFFIX
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreReport:
    source: Path
    database: Path
    replaced: Path | None  # the former database, moved unchanged (None: there was none)
    till: str | None
    sales: int
    last_receipt: str | None
    counters_kept: int  # receipt counters taken over from the former database (numbers never repeat)


@dataclass(frozen=True)
class _Current:
    till: str | None
    counters: list[tuple[str, str, int]]


def restore(data_dir: Path, source: Path) -> RestoreReport:
    """Put `source` in place of the till database of `data_dir`. Raises DatabaseRefused (nothing
    changed) for a missing, empty, foreign, damaged or newer file, or another till's backup."""
    data_dir, source = Path(data_dir), Path(source)
    live = data_dir / DB_FILENAME
    if not source.is_file():
        raise DatabaseRefused(f"{source} tidak ada atau bukan file; tidak ada yang dipulihkan.")
    if live.exists() and source.resolve() == live.resolve():
        raise DatabaseRefused(f"{source} adalah database kasir yang sedang dipakai; pilih file cadangan.")
    if source.stat().st_size == 0:
        raise DatabaseRefused(f"{source} kosong, bukan cadangan database kasir; tidak ada yang dipulihkan.")
    inspect_file(source)  # not SQLite, unreadable, quick_check failing, another application's database
    data_dir.mkdir(parents=True, exist_ok=True)
    staged = data_dir / _STAGED
    try:
        _stage(source, staged)
        till, sales, last_receipt = _check_staged(source, staged)
        current = _read_current(live)
        if current.till and till and current.till != till:
            raise DatabaseRefused(
                f"{source} adalah cadangan kasir {till}, sedangkan kasir ini {current.till}; "
                "tidak dipulihkan."
            )
        kept = _carry_counters(staged, current.counters)
        replaced = _replaced_name(data_dir, current.till or till)
        _write_note(staged, source, replaced, sales, last_receipt)
        _swap(staged, live, replaced)
    finally:
        for leftover in (staged, *(Path(f"{staged}{s}") for s in _SIDE_FILES)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    make_private(live, 0o600)
    _fsync_dir(data_dir)
    return RestoreReport(source, live, replaced, till, sales, last_receipt, kept)


def _stage(source: Path, staged: Path) -> None:
    """Copy the file (and a `-wal` beside it, which holds committed data too), then fold it into one
    file: from here on only the copy is read or written, never the operator's backup."""
    for path in (staged, *(Path(f"{staged}{s}") for s in _SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by an interrupted restore
    _copy_bytes(source, staged)
    wal = Path(f"{source}-wal")
    if wal.is_file() and wal.stat().st_size:
        _copy_bytes(wal, Path(f"{staged}-wal"))
    try:
        con = sqlite3.connect(staged)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseRefused(f"{source} rusak dan tidak bisa dibaca ({error}); tidak dipulihkan.") from None


def _copy_bytes(source: Path, target: Path) -> None:
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as error:
        message = f"{source} tidak bisa disalin ke {target.parent}: {error.strerror or error}"
        raise DatabaseRefused(message) from None


def _check_staged(source: Path, staged: Path) -> tuple[str | None, int, str | None]:
    """(till label, sales, last receipt) of a backup that is ours, of a known schema and whole."""
    from alembic.script import ScriptDirectory

    from pos.db import migrate

    try:
        con = sqlite3.connect(staged)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app_id != APPLICATION_ID or "alembic_version" not in tables or "sales" not in tables:
                raise DatabaseRefused(f"{source} bukan cadangan database kasir NTT Mart; tidak dipulihkan.")
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            outlet = con.execute("SELECT code, terminal FROM outlets ORDER BY id LIMIT 1").fetchone()
            sales = int(con.execute("SELECT COUNT(*) FROM sales").fetchone()[0])
            last = con.execute("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseRefused(f"{source} rusak ({error}); tidak dipulihkan.") from None
    script = ScriptDirectory.from_config(migrate.alembic_config())
    if revision is not None:
        try:
            script.get_revision(revision[0])
        except Exception:  # alembic raises several types for an unknown revision
            raise DatabaseRefused(
                f"{source} dibuat oleh versi aplikasi yang lebih baru ({revision[0]}); perbarui aplikasi "
                "kasir dulu; tidak dipulihkan."
            ) from None
    problems = backup.integrity_problems(staged, limit=5)
    if problems:
        raise DatabaseRefused(f"{source} rusak (integrity_check: {'; '.join(problems)}); tidak dipulihkan.")
    till = f"{outlet[0]}-{outlet[1]}" if outlet else None
    return till, sales, last[0] if last else None


def _read_current(live: Path) -> _Current:
    """The current database's till and receipt counters, if it can still be read (it may be damaged:
    then nothing is known and nothing is refused for it)."""
    if not live.is_file() or live.stat().st_size == 0:
        return _Current(None, [])
    till, counters = None, []
    try:
        con = sqlite3.connect(f"file:{live}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT code, terminal FROM outlets ORDER BY id LIMIT 1").fetchone()
            till = f"{row[0]}-{row[1]}" if row else None
            counters = [
                (str(d), str(k), int(n))
                for d, k, n in con.execute("SELECT business_date, kind, last_seq FROM receipt_counters")
            ]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        pass  # damaged or not ours: restoring is exactly what it needs
    return _Current(till, counters)


def _carry_counters(staged: Path, counters: list[tuple[str, str, int]]) -> int:
    """Receipt numbers issued after the backup was taken are never issued again: the province may hold
    those sales, and one number must name one sale."""
    if not counters:
        return 0
    con = sqlite3.connect(staged)
    try:
        with con:
            before = con.total_changes
            con.executemany(
                "INSERT INTO receipt_counters (business_date, kind, last_seq) VALUES (?, ?, ?) "
                "ON CONFLICT (business_date, kind) DO UPDATE SET last_seq = excluded.last_seq "
                "WHERE excluded.last_seq > receipt_counters.last_seq",
                counters,
            )
            return con.total_changes - before
    finally:
        con.close()


def _replaced_name(data_dir: Path, till: str | None) -> Path | None:
    live = data_dir / DB_FILENAME
    if not (live.exists() or any(Path(f"{live}{s}").exists() for s in _SIDE_FILES)):
        return None
    folder = backup.backup_dir(data_dir)
    make_private_dir(folder)
    return backup.free_path(folder, backup.KIND_REPLACED, datetime.now(), till)


def _swap(staged: Path, live: Path, replaced: Path | None) -> None:
    """Move the current files away by rename (same folder tree: atomic, unchanged), then put the
    checked copy in place. The side files go first: a `-wal` left beside the restored database would
    be read into it."""
    moved: list[tuple[Path, Path]] = []
    try:
        if replaced is not None:
            for suffix in (*_SIDE_FILES, ""):
                path = Path(f"{live}{suffix}")
                if path.exists():
                    os.replace(path, Path(f"{replaced}{suffix}"))
                    moved.append((Path(f"{replaced}{suffix}"), path))
        os.replace(staged, live)
    except OSError as error:
        for away, back in reversed(moved):  # put everything back as it was
            with contextlib.suppress(OSError):
                os.replace(away, back)
        message = f"database tidak bisa diganti: {error.strerror or error}; tidak dipulihkan."
        raise DatabaseRefused(message) from None


def _write_note(staged: Path, source: Path, replaced: Path | None, sales: int, last: str | None) -> None:
    note = {
        "at": datetime.now(UTC).isoformat(),
        "from": str(source.resolve()),
        "replaced": str(replaced) if replaced else None,
        "sales": sales,
        "last_receipt": last,
    }
    con = sqlite3.connect(staged)
    try:
        with con:
            con.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (RESTORED_KEY, json.dumps(note, ensure_ascii=False, separators=(",", ":"))),
            )
    finally:
        con.close()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
