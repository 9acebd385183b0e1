"""Backups of the till database as the till takes them: after every shift close, once a day at the first
start, and when asked (`ntt-pos backup`). Files, names and the retention rule: `pos.db.backup` and
docs/backups.md.

An automatic backup never stops anything: a failure is logged and handed back as a message for the
screen, and a second folder (setting `backup.second_dir`: a USB disk, another drive) that is missing
is a warning. Backups are written off the sale path: after the shift close's commit, or on a
background thread at start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from pos.db import backup
from pos.db.files import make_private_dir
from pos.db.models import Outlet, Setting
from pos.db.uow import UnitOfWork

log = logging.getLogger(__name__)

SECOND_DIR_KEY = "backup.second_dir"


@dataclass(frozen=True)
class BackupOutcome:
    """What one backup did. `path` is the verified file (None when it failed, then `error` says why);
    `copy` the verified copy in the second folder; `warning` what the manager should look at."""

    path: Path | None
    copy: Path | None = None
    error: str | None = None
    warning: str | None = None
    pruned: int = 0

    @property
    def note(self) -> str | None:
        """One line for the screen, or None when everything went as it should."""
        if self.error:
            return f"Cadangan otomatis GAGAL: {self.error}"
        if self.warning:
            return f"Cadangan tersimpan, tetapi {self.warning}"
        return None


def database_path(uow: UnitOfWork) -> Path | None:
    """The SQLite file behind the unit of work (None for an in-memory database)."""
    bind = uow.session.get_bind()
    name = (bind if isinstance(bind, Engine) else bind.engine).url.database
    return Path(name) if name and name != ":memory:" else None


def till_label(uow: UnitOfWork) -> str | None:
    outlet = uow.session.query(Outlet).order_by(Outlet.id).first()
    return f"{outlet.code}-{outlet.terminal}" if outlet is not None else None


def second_dir(uow: UnitOfWork) -> Path | None:
    row = uow.session.get(Setting, SECOND_DIR_KEY)
    return Path(row.value) if row is not None and isinstance(row.value, str) and row.value else None


def set_second_dir(uow: UnitOfWork, folder: Path | None) -> None:
    """Name the second folder (None: no second folder); the caller commits."""
    row = uow.session.get(Setting, SECOND_DIR_KEY)
    if folder is None:
        if row is not None:
            uow.session.delete(row)
    elif row is None:
        uow.session.add(Setting(key=SECOND_DIR_KEY, value=str(folder)))
    else:
        row.value = str(folder)


def take_backup(
    uow: UnitOfWork, kind: str, *, folder: Path | None = None, now: datetime | None = None
) -> Path:
    """Exactly one verified file, in `folder` (default: `backups/` of the data folder); raises
    backup.BackupFailed. For `ntt-pos backup`: no second copy, nothing pruned."""
    source = database_path(uow)
    if source is None:
        raise backup.BackupFailed("database ada di memori, tidak ada file untuk dicadangkan")
    target_dir = folder
    if target_dir is None:
        target_dir = backup.backup_dir(source.parent)
        try:
            make_private_dir(target_dir)  # backups hold NIPs and the sync token, like the database
        except OSError as error:
            reason = error.strerror or str(error)
            raise backup.BackupFailed(f"folder {target_dir} tidak bisa dibuat: {reason}") from None
    target = backup.free_path(target_dir, kind, now or datetime.now(), till_label(uow))
    path = backup.online_copy(source, target)
    log.info("cadangan %s dibuat: %s", kind, path)
    return path


def auto_backup(uow: UnitOfWork, kind: str, *, now: datetime | None = None) -> BackupOutcome:
    """An automatic backup (`harian`, `tutup-shift`) in `backups/`, copied to the second folder when one
    is set, old ones pruned in both. Never raises: the outcome says what failed."""
    now = now or datetime.now()
    try:
        till, second = till_label(uow), second_dir(uow)
        path = take_backup(uow, kind, now=now)
    except (backup.BackupFailed, OSError) as error:
        log.error("cadangan otomatis (%s) gagal: %s", kind, error)
        return BackupOutcome(None, error=str(error))
    pruned = len(backup.prune(path.parent, till))
    copy, warning = None, None
    if second is not None:
        copy, warning = _second_copy(path, second, till)
        if copy is not None:
            pruned += len(backup.prune(second, till))
    return BackupOutcome(path, copy=copy, warning=warning, pruned=pruned)


def _second_copy(path: Path, second: Path, till: str | None) -> tuple[Path | None, str | None]:
    if not second.is_dir():
        warning = f"folder cadangan kedua {second} tidak ada (disk USB tidak terpasang?)"
        log.warning("cadangan: %s", warning)
        return None, warning
    try:
        copy = backup.copy_file(path, second / path.name)
    except backup.BackupFailed as error:
        log.warning("cadangan kedua gagal: %s", error)
        return None, f"salinan ke folder kedua gagal: {error}"
    log.info("cadangan disalin ke %s", copy)
    return copy, None


def after_shift_close(uow: UnitOfWork) -> BackupOutcome:
    """The backup after a shift close (called after its commit: the close is already safe)."""
    return auto_backup(uow, backup.KIND_SHIFT)


def daily_backup_due(data_dir: Path, till: str | None, today: datetime) -> bool:
    """No daily backup of this till from today's date in `backups/` yet."""
    return not any(
        n.till == till and n.kind.startswith(backup.KIND_DAILY) and n.taken_at.date() == today.date()
        for n in backup.list_backups(backup.backup_dir(data_dir))
    )


def latest_good_backup(data_dir: Path, till: str | None = None) -> backup.BackupInfo | None:
    """The newest readable backup in `backups/` (every kind but a replaced database, which may be the
    damaged one); `till` None accepts any till's."""
    for name in reversed(backup.list_backups(backup.backup_dir(data_dir))):
        if name.kind.startswith(backup.KIND_REPLACED) or (till is not None and name.till not in (till, None)):
            continue
        info = backup.describe(name)
        if info.problem is None:
            return info
    return None


def describe_backup(info: backup.BackupInfo) -> str:
    """`till-....sqlite3 (02/12/2026 21:30, 152 penjualan)`: a pointer a manager can read out by phone."""
    when = info.name.taken_at.strftime("%d/%m/%Y %H:%M")
    return f"{info.name.path} ({when}, {info.sales} penjualan)"
