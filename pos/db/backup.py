"""Backup files of the till database: online copies, their names, what is in them, and which to keep.

A copy is made with SQLite's online backup API (consistent while the till sells: in WAL mode the copy
reads one snapshot and never blocks a writer), turned into a single file (journal mode DELETE, no
`-wal` beside it), checked with a full `PRAGMA integrity_check` and only then given its final name,
owner-only. A copy that fails its check is deleted: a kept backup is a good backup.

Names carry the local time of the till PC and what made them:
`till-5371-01-20261202-213015-tutup-shift.sqlite3` (the till's label is left out where it is unknown,
as in the backup before a migration). Which files are kept: `docs/backups.md` and `prune_plan`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pos.db.files import DB_FILENAME, make_private

BACKUP_DIRNAME = "backups"
# Made by the till itself, pruned by the retention rule; every other kind is kept until removed by hand.
AUTOMATIC_KINDS = frozenset({"harian", "tutup-shift"})
KIND_DAILY, KIND_SHIFT, KIND_MANUAL, KIND_REPLACED = "harian", "tutup-shift", "manual", "diganti"
KEEP_DAYS, KEEP_WEEKS = 14, 8
_NAME = re.compile(
    r"^till-(?:(?P<till>[0-9A-Za-z]+-[0-9A-Za-z]+)-)?(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z0-9-]+)\.sqlite3$"
)
PART_SUFFIX = ".part"


class BackupFailed(Exception):
    """The copy could not be made or failed its check; the message is for a person (Bahasa Indonesia)."""


@dataclass(frozen=True)
class BackupName:
    path: Path
    till: str | None
    taken_at: datetime  # naive, the till PC's local time
    kind: str


@dataclass(frozen=True)
class BackupInfo:
    """One backup as `ntt-pos backups` lists it; `problem` is set when the file cannot be read."""

    name: BackupName
    size: int
    sales: int | None
    last_receipt: str | None
    problem: str | None = None


def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIRNAME


def backup_filename(kind: str, when: datetime, till: str | None = None) -> str:
    label = f"{till}-" if till else ""
    return f"till-{label}{when.strftime('%Y%m%d-%H%M%S')}-{kind}.sqlite3"


def parse_name(path: Path) -> BackupName | None:
    found = _NAME.match(path.name)
    if found is None:
        return None
    taken_at = datetime.strptime(found["stamp"], "%Y%m%d-%H%M%S")
    return BackupName(path=path, till=found["till"], taken_at=taken_at, kind=found["kind"])


def free_path(folder: Path, kind: str, when: datetime, till: str | None) -> Path:
    """A name not yet used in `folder` (two backups within one second get `-2`, `-3` ... in the kind)."""
    path = folder / backup_filename(kind, when, till)
    n = 2
    while path.exists() or path.with_name(path.name + PART_SUFFIX).exists():
        path = folder / backup_filename(f"{kind}-{n}", when, till)
        n += 1
    return path


def integrity_problems(
    path: Path, *, limit: int = 20, on_connect: Callable[[sqlite3.Connection], None] | None = None
) -> list[str]:
    """What a full `PRAGMA integrity_check` reports (empty: healthy). Read-only; `on_connect` gets the
    connection, so that a caller on another thread can `interrupt()` a long check (then
    sqlite3.OperationalError "interrupted" is raised, which is not a finding)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=10)
    except sqlite3.Error as error:
        return [f"tidak bisa dibuka: {error}"]
    try:
        if on_connect is not None:
            on_connect(con)
        rows = con.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error):
            raise
        return [str(error)]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        con.close()
    lines = [str(row[0]) for row in rows]
    return [] if lines == ["ok"] else lines


def online_copy(source: Path, target: Path, *, verify: bool = True) -> Path:
    """Copy the database `source` to `target` (which must not exist) with the backup API.

    Written as `target.part` (owner-only from its first byte), made a single file, checked, then
    renamed: `target` never exists half-written or unchecked. Raises BackupFailed."""
    part = target.with_name(target.name + PART_SUFFIX)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as error:
        raise BackupFailed(f"tidak bisa menulis di {target.parent}: {error.strerror or error}") from None
    try:
        _copy_into(source, part)
        if verify:
            problems = integrity_problems(part, limit=5)
            if problems:
                raise BackupFailed(f"salinan gagal diperiksa (integrity_check: {'; '.join(problems)})")
        _fsync(part)
        os.replace(part, target)
    except BaseException:
        for leftover in (part, Path(f"{part}-journal"), Path(f"{part}-wal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    make_private(target, 0o600)
    return target


def _copy_into(source: Path, part: Path) -> None:
    try:
        src = sqlite3.connect(source, timeout=10)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
                # the pages say "WAL" like the live file; a backup is one self-contained file
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupFailed(f"database tidak bisa disalin: {error}") from None
    except OSError as error:
        raise BackupFailed(f"salinan tidak bisa ditulis: {error.strerror or error}") from None


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_file(source: Path, target: Path) -> Path:
    """A verified backup file copied to another folder (a USB disk), checked again there."""
    part = target.with_name(target.name + PART_SUFFIX)
    try:
        os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        with source.open("rb") as src, part.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        problems = integrity_problems(part, limit=5)
        if problems:
            raise BackupFailed(f"salinan di {target.parent} gagal diperiksa: {'; '.join(problems)}")
        os.replace(part, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            part.unlink()
        raise BackupFailed(f"tidak bisa menulis di {target.parent}: {error.strerror or error}") from None
    except BackupFailed:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    make_private(target, 0o600)
    return target


def list_backups(folder: Path) -> list[BackupName]:
    """Backup files in `folder` (ours by name), oldest first."""
    if not folder.is_dir():
        return []
    found = [name for p in folder.iterdir() if p.is_file() and (name := parse_name(p)) is not None]
    return sorted(found, key=lambda n: (n.taken_at, n.path.name))


def describe(name: BackupName) -> BackupInfo:
    """Size, number of sales and the last receipt number, read without changing the file."""
    size = name.path.stat().st_size
    try:
        con = sqlite3.connect(f"file:{name.path}?mode=ro&immutable=1", uri=True)
        try:
            sales = int(con.execute("SELECT COUNT(*) FROM sales").fetchone()[0])
            row = con.execute("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error as error:
        return BackupInfo(name, size, None, None, problem=f"tidak terbaca ({error})")
    return BackupInfo(name, size, sales, row[0] if row else None)


def prune_plan(names: Iterable[BackupName], *, days: int = KEEP_DAYS, weeks: int = KEEP_WEEKS) -> list[Path]:
    """The automatic backups to delete (see docs/backups.md):

    - every automatic backup of the `days` most recent dates that have one is kept;
    - of the older ones, the newest of each of the `weeks` most recent ISO weeks (Monday to Sunday) is
      kept; every other automatic backup goes.
    Dates that have a backup are counted, not calendar days: a till switched off for a month still
    keeps its last 14 days of backups. Manual, pre-migration and replaced files are never deleted.
    """
    automatic = [n for n in names if is_automatic(n.kind)]
    dates = sorted({n.taken_at.date() for n in automatic}, reverse=True)
    recent: set[date] = set(dates[:days])
    older = [n for n in automatic if n.taken_at.date() not in recent]
    newest_of_week: dict[tuple[int, int], BackupName] = {}
    for n in older:
        week = n.taken_at.isocalendar()[:2]
        if week not in newest_of_week or n.taken_at > newest_of_week[week].taken_at:
            newest_of_week[week] = n
    kept_weeks = sorted(newest_of_week, reverse=True)[:weeks]
    keep = {newest_of_week[w].path for w in kept_weeks}
    return [n.path for n in older if n.path not in keep]


def is_automatic(kind: str) -> bool:
    """`tutup-shift-2` (a second backup within one second) is still a `tutup-shift` backup."""
    return re.sub(r"-\d+$", "", kind) in AUTOMATIC_KINDS


def prune(folder: Path, till: str | None) -> list[Path]:
    """Delete what `prune_plan` says among this till's backups in `folder`; left-over `.part` files of
    an interrupted copy go too. Returns what was deleted."""
    mine = [n for n in list_backups(folder) if n.till == till]
    deleted = []
    for path in prune_plan(mine):
        with contextlib.suppress(OSError):
            path.unlink()
            deleted.append(path)
    if folder.is_dir():
        # only old ones: a copy being written right now (another thread's backup) is left alone
        stale = time.time() - 3600
        for part in folder.glob(f"till-*.sqlite3{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                if part.stat().st_mtime < stale:
                    part.unlink()
    return deleted


def live_database(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME
