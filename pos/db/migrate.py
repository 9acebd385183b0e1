"""Schema upgrades with Alembic, run at start-up; a copy of the file is taken before any upgrade."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from pos.db import backup
from pos.db.files import APPLICATION_ID, DatabaseRefused, OpenReport, make_private_dir
from pos.db.storage import storage_problem

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, path: Path, *, created: bool) -> OpenReport:
    """Create or upgrade the schema to head; a full disk or read-only folder is a `StorageError`."""
    try:
        return _upgrade(engine, path, created=created)
    except OperationalError as error:
        problem = storage_problem(error)
        if problem is None:
            raise
        log.error("database %s tidak bisa dibuka untuk ditulis: %s (sqlite: %s)", path, problem, error.orig)
        raise problem from error


def _upgrade(engine: Engine, path: Path, *, created: bool) -> OpenReport:
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    current = None if created else current_revision(engine)
    if current is not None and current != head:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic raises several types for an unknown revision
            log.error("database %s ditolak: skema %s dari versi aplikasi yang lebih baru", path, current)
            raise DatabaseRefused(
                f"{path} dibuat oleh versi aplikasi yang lebih baru ({current}); perbarui aplikasi kasir."
            ) from exc
    if current == head:
        return OpenReport(path=path, created=False, upgraded_from=None, backup=None)
    copy = None if created else backup_file(path, current or "base")
    if copy is not None:
        log.info("database %s: cadangan sebelum pembaruan skema %s -> %s: %s", path, current, head, copy)
    with engine.begin() as conn:
        if created:
            conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    if created:
        log.info("database %s dibuat (skema %s)", path, head)
    else:
        log.info("database %s diperbarui: skema %s -> %s", path, current, head)
    return OpenReport(path=path, created=created, upgraded_from=current, backup=copy)


def backup_file(path: Path, label: str) -> Path:
    """Copy the live database before a migration, with SQLite's online backup (consistent even with a
    WAL), into `backups/` beside it: only the database itself stays at the top of the data folder.
    Never pruned (docs/backups.md). A copy that cannot be written stops the upgrade, file untouched."""
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
