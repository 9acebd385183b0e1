"""The till's health beyond one sale: the full integrity check after start (a damaged index passes the
`quick_check` done at open), the daily backup, and the backup lines of `ntt-pos doctor`.

`StartupCheck.run` is meant for a background thread (the app runs it through its TaskRunner): it reads
the database on a connection of its own, so the scan field never waits, and `cancel()` interrupts it
when the till closes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos.db import backup
from pos.db.engine import Database
from pos.db.models import Setting
from pos.db.restore import RESTORED_KEY
from pos.db.uow import UnitOfWork
from pos.services import backups
from pos.services.doctor import Check

log = logging.getLogger(__name__)

STALE_BACKUP_DAYS = 2  # doctor warns when the newest backup is older than this


@dataclass(frozen=True)
class HealthReport:
    problems: tuple[str, ...]  # what integrity_check found; empty: healthy
    latest_good: backup.BackupInfo | None
    backup: backups.BackupOutcome | None  # the daily backup, when one was due
    cancelled: bool = False

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    def banner(self) -> str | None:
        """The red banner's text for the manager, or None."""
        if self.damaged:
            return damaged_message(self.problems, self.latest_good)
        return self.backup.note if self.backup is not None else None


def damaged_message(problems: tuple[str, ...] | list[str], latest: backup.BackupInfo | None) -> str:
    found = f"{len(problems)} masalah, mis. {problems[0]}" if problems else "masalah"
    pointer = (
        f"Cadangan baik terakhir: {backups.describe_backup(latest)}; pulihkan dengan "
        "`ntt-pos restore FILE` setelah aplikasi kasir ditutup."
        if latest is not None
        else "Belum ada cadangan yang baik di folder backups."
    )
    return f"Database kasir RUSAK ({found}). Manajer: hubungi dukungan TI. {pointer}"


class StartupCheck:
    """Full integrity check of the live file, then the day's first backup when it is due."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._cancelled = False

    def _hold(self, con: sqlite3.Connection) -> None:
        with self._lock:
            self._con = con
            if self._cancelled:
                con.interrupt()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._con is not None:
                self._con.interrupt()

    def run(self, now: datetime | None = None) -> HealthReport:
        data_dir = self._db.path.parent
        if self._cancelled:  # the till closed before the thread pool got to this job
            return HealthReport((), None, None, cancelled=True)
        try:
            problems = tuple(backup.integrity_problems(self._db.path, on_connect=self._hold))
        except sqlite3.OperationalError:  # interrupted by cancel(): the till is closing
            return HealthReport((), None, None, cancelled=True)
        finally:
            with self._lock:
                self._con = None
        with self._db.unit_of_work() as uow:
            till = backups.till_label(uow)
        if problems:
            log.error("integrity_check menemukan %d masalah: %s", len(problems), "; ".join(problems[:5]))
            return HealthReport(problems, backups.latest_good_backup(data_dir, till), None)
        log.info("integrity_check database kasir: ok")
        outcome = None
        now = now or datetime.now()
        if not self._cancelled and backups.daily_backup_due(data_dir, till, now):
            with self._db.unit_of_work() as uow:
                outcome = backups.auto_backup(uow, backup.KIND_DAILY, now=now)
        return HealthReport((), backups.latest_good_backup(data_dir, till), outcome)


def backup_checks(uow: UnitOfWork, data_dir: Path, now: datetime | None = None) -> list[Check]:
    """Doctor's lines on backups; none of them makes the data unhealthy (warnings only)."""
    now = now or datetime.now()
    till = backups.till_label(uow)
    checks: list[Check] = []
    latest = backups.latest_good_backup(data_dir, till)
    if latest is None:
        checks.append(Check("cadangan", True, "belum ada cadangan di folder backups", warning=True))
    else:
        age = (now - latest.name.taken_at).days
        detail = f"terakhir {backups.describe_backup(latest)}"
        checks.append(Check("cadangan", True, detail, warning=age > STALE_BACKUP_DAYS))
    second = backups.second_dir(uow)
    if second is not None:
        there = second.is_dir()
        detail = f"{second}" if there else f"{second} tidak ada (disk USB tidak terpasang?)"
        checks.append(Check("folder cadangan kedua", True, detail, warning=not there))
    restored = uow.session.get(Setting, RESTORED_KEY)
    if restored is not None and isinstance(restored.value, dict):
        note = restored.value
        checks.append(
            Check(
                "dipulihkan dari cadangan",
                True,
                f"{note.get('from')} pada {note.get('at')}; database lama: {note.get('replaced')}",
            )
        )
    return checks
