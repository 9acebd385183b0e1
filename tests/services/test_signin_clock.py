"""Lockout and the till's clock: setting the wall clock back never stretches a lockout past 5 minutes
(a till whose clock was wrong is told so at sync, and someone will put it right)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from pos.core.timeutil import utc_now
from pos.db.engine import Database
from pos.services import setup, users
from pos.services.context import Role
from pos.services.setup import OutletSetup
from pos.sync.runner import clock_warning


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path, create=True)
    setup.initialize_outlet(
        database, OutletSetup("5307", "NTT Mart Sikka", "5307", "Maumere", "admin", "4826")
    )
    with database.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "4826")
        users.create_user(uow, admin, username="kasir1", full_name="Kasir", role=Role.CASHIER, pin="3917")
    yield database
    database.close()


@pytest.mark.slow
def test_a_clock_set_back_during_a_lockout_does_not_lengthen_it(db: Database) -> None:
    now = utc_now()
    for _ in range(5):
        with db.unit_of_work() as uow, pytest.raises(users.SignInFailed):
            users.authenticate(uow, "kasir1", "0000", now=now)
    set_back = now - timedelta(hours=2)  # someone corrects a clock that ran two hours fast
    with db.unit_of_work() as uow, pytest.raises(users.SignInFailed, match="Coba lagi 5 menit"):
        users.authenticate(uow, "kasir1", "3917", now=set_back)
    with db.unit_of_work() as uow:
        assert (
            users.authenticate(uow, "kasir1", "3917", now=set_back + timedelta(minutes=5)).username
            == "kasir1"
        )


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, None),
        (300, None),
        (-300, None),
        (301, "Jam kasir ini 5 menit lebih lambat dari server provinsi"),
        (-720, "Jam kasir ini 12 menit lebih cepat dari server provinsi"),
        ("x", None),
    ],
)
def test_the_clock_warning_names_how_far_off_and_which_way(offset: object, expected: str | None) -> None:
    warning = clock_warning(offset)
    assert (warning is None) if expected is None else (warning is not None and warning.startswith(expected))
