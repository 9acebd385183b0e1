"""Province tests: the real server comes from tests/province_fixtures.py; the events from real tills."""

from __future__ import annotations

import pytest
from api_helpers import register_outlet
from helpers.till_template import new_till, real_till, till_templates
from sqlalchemy import Engine

__all__ = ["new_till", "real_till", "till_templates"]  # fixtures, imported for pytest to find


@pytest.fixture
def till_token(province_engine: Engine) -> str:
    """Outlet 5371 registered at the province; the token of its till 01 (the `real_till`)."""
    return register_outlet(province_engine)
