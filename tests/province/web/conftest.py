"""Dashboard tests: a province database on SQLite with two agencies, two outlets and one user per role.

Users are made by the CLI's own functions (pos.province.web.accounts), which hash with argon2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard_data import ASN_CSV, PASSWORD, USERS
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from pos.province.api import create_app
from pos.province.asn import import_asn_csv
from pos.province.database import create_province_engine, upgrade
from pos.province.outlets import add_outlet
from pos.province.web.accounts import add_user


@pytest.fixture(scope="module")
def dashboard_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Registry, outlets 5371 and 5310 and the users, made once per module (argon2 is slow on purpose)."""
    folder: Path = tmp_path_factory.mktemp("dashboard")
    engine = create_province_engine(f"sqlite:///{folder}/province.sqlite3")
    upgrade(engine)
    with engine.begin() as conn:
        assert not import_asn_csv(conn, ASN_CSV).errors
        add_outlet(conn, "5371", "NTT Mart by Dekranasda Kota Kupang", "Kota Kupang")
        add_outlet(conn, "5310", "NTT Mart by Dekranasda Sikka", "Sikka")
        for username, (role, agency, outlet) in USERS.items():
            add_user(conn, username, role, PASSWORD, agency=agency, outlet_code=outlet)
    yield engine
    engine.dispose()


@pytest.fixture
def dashboard(dashboard_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(dashboard_engine), base_url="http://127.0.0.1") as client:
        yield client
