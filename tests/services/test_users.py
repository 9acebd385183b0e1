"""User management rules: PIN rules, last active admin, PIN reset and change, lockout and unlock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.core.errors import DomainError
from pos.core.timeutil import utc_now
from pos.db.engine import Database
from pos.db.models import AuditEntry
from pos.services import setup, users
from pos.services.context import Actor, PermissionDenied, Role
from pos.services.setup import OutletSetup


def test_an_installed_till_hashes_pins_with_argon2id_at_its_production_cost() -> None:
    """tests/conftest.py makes hashing cheap inside the test process; a real `ntt-pos` does not."""
    code = "from pos.services import users\nh = users.hasher()\n"
    code += "print(h.time_cost, h.memory_cost, h.hash('1'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    time_cost, memory_cost, sample = done.stdout.split()
    assert (int(time_cost), int(memory_cost)) == (3, 65536) and sample.startswith("$argon2id$")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path, create=True)
    setup.initialize_outlet(
        database,
        OutletSetup("5307", "NTT Mart by Dekranasda Alor", "5307", "Kalabahi", "admin", "4826"),
    )
    yield database
    database.close()


def sign_in(db: Database, username: str, pin: str) -> Actor:
    with db.unit_of_work() as uow:
        return users.authenticate(uow, username, pin)


def add(db: Database, actor: Actor, username: str, role: Role, pin: str = "3917") -> users.UserInfo:
    with db.unit_of_work() as uow:
        return users.create_user(
            uow, actor, username=username, full_name=username.title(), role=role, pin=pin
        )


@pytest.mark.parametrize("pin", ["0000", "1234", "4321", "9876", "7777", "12", "123456789", "12a4"])
def test_pin_rules_refuse_short_non_digit_and_guessable_pins(pin: str) -> None:
    with pytest.raises(DomainError):
        users.check_pin_rules(pin)


def test_pin_rules_accept_an_ordinary_pin() -> None:
    users.check_pin_rules("4826")
    users.check_pin_rules("190385")


def test_the_last_active_admin_cannot_be_deactivated_or_demoted(db: Database) -> None:
    admin = sign_in(db, "admin", "4826")
    with db.unit_of_work() as uow, pytest.raises(DomainError, match="Admin aktif terakhir"):
        users.set_active(uow, admin, admin.user_id, False)
    with db.unit_of_work() as uow, pytest.raises(DomainError, match="Admin aktif terakhir"):
        users.update_user(uow, admin, admin.user_id, full_name="Admin", role=Role.MANAGER)
    second = add(db, admin, "admin2", Role.ADMIN)
    with db.unit_of_work() as uow:
        users.update_user(uow, admin, admin.user_id, full_name="Admin Lama", role=Role.MANAGER)
    with db.unit_of_work() as uow:
        demoted = sign_in(db, "admin", "4826")
        assert demoted.role == Role.MANAGER
        with pytest.raises(PermissionDenied):
            users.set_active(uow, demoted, second.user_id, False)
    new_admin = sign_in(db, "admin2", "3917")
    with db.unit_of_work() as uow, pytest.raises(DomainError, match="Admin aktif terakhir"):
        users.set_active(uow, new_admin, second.user_id, False)


def test_deactivated_user_cannot_sign_in_and_is_audited(db: Database) -> None:
    admin = sign_in(db, "admin", "4826")
    kasir = add(db, admin, "kasir1", Role.CASHIER)
    with db.unit_of_work() as uow:
        users.set_active(uow, admin, kasir.user_id, False)
    with pytest.raises(users.SignInFailed):
        sign_in(db, "kasir1", "3917")
    with db.unit_of_work() as uow:
        assert [u.username for u in users.list_users(uow)] == ["admin"]
        actions = list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["user.create", "user.deactivate"]


@pytest.mark.slow
def test_reset_pin_forces_a_new_pin_at_next_sign_in(db: Database) -> None:
    admin = sign_in(db, "admin", "4826")
    kasir = add(db, admin, "kasir1", Role.CASHIER)
    with db.unit_of_work() as uow:
        info = users.reset_pin(uow, admin, kasir.user_id, "5050")
    assert info.must_change_pin
    actor = sign_in(db, "kasir1", "5050")
    with db.unit_of_work() as uow:
        assert users.needs_new_pin(uow, "kasir1")
        with pytest.raises(DomainError, match="berbeda"):
            users.change_pin(uow, actor, "5050")
        with pytest.raises(DomainError, match="mudah"):
            users.change_pin(uow, actor, "1111")
        users.change_pin(uow, actor, "6173")
        assert not users.needs_new_pin(uow, "kasir1")
    sign_in(db, "kasir1", "6173")
    with pytest.raises(users.SignInFailed):
        sign_in(db, "kasir1", "5050")


@pytest.mark.slow
def test_only_an_admin_resets_pins_and_only_a_manager_or_above_unlocks(db: Database) -> None:
    admin = sign_in(db, "admin", "4826")
    kasir = add(db, admin, "kasir1", Role.CASHIER)
    add(db, admin, "manajer", Role.MANAGER, pin="8024")
    manager = sign_in(db, "manajer", "8024")
    cashier = sign_in(db, "kasir1", "3917")
    with db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        users.reset_pin(uow, manager, kasir.user_id, "5050")
    for _ in range(5):  # the promised number, not users.MAX_FAILED_ATTEMPTS: a change to it must show here
        with pytest.raises(users.SignInFailed):
            sign_in(db, "kasir1", "9999")
    with pytest.raises(users.SignInFailed, match="dikunci"):
        sign_in(db, "kasir1", "3917")
    with db.unit_of_work() as uow:
        locked = next(u for u in users.list_users(uow) if u.username == "kasir1")
        assert locked.locked_until is not None and locked.locked_until > utc_now() + timedelta(minutes=3)
        with pytest.raises(PermissionDenied):
            users.unlock(uow, cashier, kasir.user_id)
        assert users.unlock(uow, manager, kasir.user_id).locked_until is None
    sign_in(db, "kasir1", "3917")


@pytest.mark.slow
def test_the_fifth_wrong_pin_locks_the_user_for_five_minutes_and_the_fourth_does_not(db: Database) -> None:
    """The rule as the README and the till's message promise it, in literal numbers (not the constants
    it checks, so changing MAX_FAILED_ATTEMPTS or LOCKOUT fails here until the promise is changed too)."""
    admin = sign_in(db, "admin", "4826")
    add(db, admin, "kasir1", Role.CASHIER)
    now = utc_now()

    def attempt(pin: str, at: datetime) -> Actor:
        with db.unit_of_work() as uow:
            return users.authenticate(uow, "kasir1", pin, now=at)

    def locked_until() -> datetime | None:
        with db.unit_of_work() as uow:
            return next(u for u in users.list_users(uow) if u.username == "kasir1").locked_until

    for left in (4, 3, 2, 1):
        with pytest.raises(users.SignInFailed, match=rf"Sisa percobaan: {left}\.$"):
            attempt("9999", now)
    assert locked_until() is None  # four wrong PINs do not lock
    with pytest.raises(users.SignInFailed, match=r"PIN salah 5 kali\. Dikunci 5 menit\."):
        attempt("9999", now)
    assert locked_until() == now + timedelta(minutes=5)
    with pytest.raises(users.SignInFailed, match="dikunci"):
        attempt("3917", now + timedelta(minutes=4, seconds=59))  # the right PIN, still locked
    assert attempt("3917", now + timedelta(minutes=5)).username == "kasir1"

    # A right PIN starts the count again: four more wrong PINs still do not lock.
    for left in (4, 3, 2, 1):
        with pytest.raises(users.SignInFailed, match=rf"Sisa percobaan: {left}\.$"):
            attempt("9999", now + timedelta(minutes=6))
    assert locked_until() is None
