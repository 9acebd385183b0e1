"""Shared fixtures: a seeded demo till database on a real SQLite file, copied fresh for each test."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.db.engine import DB_FILENAME, Database
from pos.services.context import Actor, Role

# The provincial server (SQLite per test, PostgreSQL per session) for tests/province and tests/sync.
pytest_plugins = ["province_fixtures"]


def pytest_configure(config: pytest.Config) -> None:
    """Offscreen Qt's "This plugin does not support propagateSizeHints()" (one per window) is dropped;
    every other Qt message still reaches stderr (helpers/qt_messages.py).

    PINs are hashed at argon2id's lowest cost in this process: at the production cost (~0.1 s a hash or
    check) PIN hashing was most of the time of the tests that seed users or sign in. Same algorithm and
    code path; `ntt-pos` subprocesses (tests/cli, the crash and wheel tests) keep the production cost,
    which tests/services/test_users.py checks."""
    from argon2 import PasswordHasher
    from helpers.qt_messages import quiet_offscreen_qt

    from pos.services import users

    quiet_offscreen_qt()
    users.hasher = lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # type: ignore[assignment]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo till database FILE, seeded once per session (argon2 hashing makes seeding ~0.5 s);
    tests copy it (`demo_dir`, `demo_db`)."""
    from pos.services.demo import seed_demo

    folder = tmp_path_factory.mktemp("demo-template")
    db = Database.open(folder)
    with db.unit_of_work() as uow:
        seed_demo(uow)
        uow.commit()
    db.close()
    # Fold the WAL into the main file so a plain file copy is a complete database.
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder / DB_FILENAME


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / DB_FILENAME)
    return folder


@pytest.fixture
def demo_db(demo_dir: Path) -> Iterator[Database]:
    db = Database.open(demo_dir)
    yield db
    db.close()


def _actor(db: Database, username: str) -> Actor:
    from pos.db.models import User
    from pos.services.users import actor_of

    with db.unit_of_work() as uow:
        user = uow.session.query(User).filter_by(username=username).one()
        return actor_of(user)


@pytest.fixture
def demo_cashier(demo_db: Database) -> Actor:
    actor = _actor(demo_db, "kasir1")
    assert actor.role is Role.CASHIER
    return actor


@pytest.fixture
def demo_manager(demo_db: Database) -> Actor:
    return _actor(demo_db, "manajer")
