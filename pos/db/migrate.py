"""Schema upgrades with Alembic, run at start-up; a copy of the file is taken before any upgrade."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from pos.db.engine import APPLICATION_ID, DatabaseRefused, OpenReport, backup_file
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
    backup = None if created else backup_file(path, current or "base")
    if backup is not None:
        log.info("database %s: cadangan sebelum pembaruan skema %s -> %s: %s", path, current, head, backup)
    with engine.begin() as conn:
        if created:
            conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    if created:
        log.info("database %s dibuat (skema %s)", path, head)
    else:
        log.info("database %s diperbarui: skema %s -> %s", path, current, head)
    return OpenReport(path=path, created=created, upgraded_from=current, backup=backup)
