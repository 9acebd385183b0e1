"""Sync tests: real tills (tests/helpers/till_template.py); the provincial server fixtures come from
tests/province_fixtures.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.till_template import new_till, real_till, till_templates
from province_fixtures import make_province_engine
from sqlalchemy import Engine

from pos.province.outlets import add_outlet

__all__ = ["new_till", "real_till", "till_templates"]  # fixtures, imported for pytest to find


@pytest.fixture
def sqlite_province(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    engine = make_province_engine(request, tmp_path, "sqlite")
    yield engine
    engine.dispose()


@pytest.fixture
def till_token(province_engine: Engine) -> str:
    """Outlet 5371 registered at the province; the token of its till 01 (the `real_till`)."""
    with province_engine.begin() as conn:
        return add_outlet(conn, "5371", "NTT Mart by Dekranasda Kota Kupang", "Kota Kupang")
