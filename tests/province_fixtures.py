"""A real provincial server for tests, shared by tests/province and tests/sync: an SQLite file per test
(a copy of one migrated once per session), or a PostgreSQL database created for the session on
127.0.0.1:5432 (skipped with a visible reason when that server is unreachable). Loaded as a pytest plugin
from tests/conftest.py."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.server import BackgroundServer

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    try:
        admin = create_province_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"ntt_province_test_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # any failure to reach the server means: skip, and say why
        pytest.skip(f"PostgreSQL di 127.0.0.1:5432 tidak bisa dipakai: {error.__class__.__name__}: {error}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def province_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite province database at the newest schema, migrated once; tests get copies of the file."""
    path = tmp_path_factory.mktemp("province-template") / "province.sqlite3"
    engine = create_province_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    con = sqlite3.connect(path)  # fold the WAL into the file: a plain copy is then the whole database
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def make_province_engine(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> Engine:
    if backend == "sqlite":
        path = tmp_path / "province.sqlite3"
        shutil.copyfile(request.getfixturevalue("province_sqlite_template"), path)
        return create_province_engine(f"sqlite:///{path}")
    engine = create_province_engine(request.getfixturevalue("pg_database_url"))
    with engine.begin() as conn:  # a clean schema per test in the session's database
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def province_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    engine = make_province_engine(request, tmp_path, request.param)
    yield engine
    engine.dispose()


@pytest.fixture
def live_server(province_engine: Engine) -> Iterator[BackgroundServer]:
    with BackgroundServer(create_app(province_engine)) as server:
        yield server
