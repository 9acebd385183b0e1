"""A real till database (tmp_path); the provincial server fixtures come from tests/province_fixtures.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from province_fixtures import make_province_engine
from sqlalchemy import Engine

from pos.db.engine import Database


@pytest.fixture
def sqlite_province(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    engine = make_province_engine(request, tmp_path, "sqlite")
    yield engine
    engine.dispose()


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "till", create=True)
    yield db
    db.close()
