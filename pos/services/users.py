"""Users and sign-in: argon2-hashed PINs, lockout after repeated failures."""

from __future__ import annotations

import itertools
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from pos.core.errors import DomainError
from pos.core.timeutil import utc_now
from pos.db.models import User
from pos.db.uow import UnitOfWork
from pos.services import audit
from pos.services.context import Actor, Role, require_role

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
# Obvious PINs a shop colleague would guess first.
WEAK_PINS = frozenset({"0000", "1234", "4321", "1212", "123456", "654321", "000000", "2580"})


class SignInFailed(DomainError):
    """Wrong user or PIN, or the user is locked or inactive."""


@dataclass(frozen=True)
class UserInfo:
    user_id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    must_change_pin: bool = False


def hasher() -> PasswordHasher:
    return PasswordHasher()


def check_pin_rules(pin: str) -> None:
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise DomainError("PIN harus 4 sampai 8 angka.")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if pin in WEAK_PINS or len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise DomainError("PIN terlalu mudah ditebak (angka sama atau berurutan). Pilih PIN lain.")


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role))


def create_user(
    uow: UnitOfWork,
    actor: Actor | None,
    *,
    username: str,
    full_name: str,
    role: Role,
    pin: str,
    enforce_pin_rules: bool = True,
) -> UserInfo:
    """Add a user; `actor` None is only for first set-up and demo seeding, before any admin exists."""
    user = add_user(
        uow,
        actor,
        username=username,
        full_name=full_name,
        role=role,
        pin=pin,
        enforce_pin_rules=enforce_pin_rules,
    )
    uow.commit()
    return info(user)


def add_user(
    uow: UnitOfWork,
    actor: Actor | None,
    *,
    username: str,
    full_name: str,
    role: Role,
    pin: str,
    enforce_pin_rules: bool = True,
) -> User:
    """`create_user` without the commit, so first set-up can add the admin in its one transaction."""
    if actor is not None:
        require_role(actor, Role.ADMIN, "Menambah pengguna")
    username = username.strip().lower()
    if not username or not username.replace("_", "").replace(".", "").isalnum():
        raise DomainError("Nama pengguna hanya boleh huruf, angka, titik dan garis bawah.")
    if enforce_pin_rules:
        check_pin_rules(pin)
    if uow.session.scalar(select(User).where(User.username == username)) is not None:
        raise DomainError(f"Nama pengguna '{username}' sudah dipakai.")
    user = User(
        username=username,
        full_name=full_name.strip() or username,
        role=role.value,
        pin_hash=hasher().hash(pin),
        active=True,
        failed_attempts=0,
        created_at=utc_now(),
    )
    uow.session.add(user)
    uow.session.flush()
    audit.record(uow, actor, "user.create", username=username, role=role.value)
    return user


def info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        Role(user.role),
        user.active,
        user.locked_until,
        bool(user.must_change_pin),
    )


def list_users(uow: UnitOfWork, *, active_only: bool = True) -> list[UserInfo]:
    query = select(User).order_by(User.role, User.username)
    if active_only:
        query = query.where(User.active.is_(True))
    return [info(u) for u in uow.session.scalars(query)]


def authenticate(uow: UnitOfWork, username: str, pin: str, *, now: datetime | None = None) -> Actor:
    """Check a PIN and commit the outcome: a failed attempt must count even though sign-in fails."""
    now = now or utc_now()
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        typed = username.strip().lower()
        # a PIN typed into the user field is all digits: never written to the log
        shown = "<angka>" if typed.isdigit() else typed
        log.warning("sign-in gagal: pengguna %r tidak ada atau nonaktif", shown)
        raise SignInFailed("Pengguna atau PIN salah.")
    if user.locked_until is not None and user.locked_until > now:
        if user.locked_until - now > LOCKOUT:
            # the wall clock was set back since the lockout: it never lasts longer than LOCKOUT
            user.locked_until = now + LOCKOUT
            uow.commit()
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        log.warning("sign-in gagal: %s masih dikunci (%d menit lagi)", user.username, minutes)
        raise SignInFailed(f"Pengguna dikunci karena PIN salah berulang kali. Coba lagi {minutes} menit.")
    try:
        hasher().verify(user.pin_hash, pin)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        audit.record(uow, None, "user.signin_failed", username=user.username, attempts=user.failed_attempts)
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCKOUT
            user.failed_attempts = 0
            audit.record(uow, None, "user.locked", username=user.username)
            uow.commit()
            log.warning("sign-in gagal: %s salah PIN %d kali, dikunci", user.username, MAX_FAILED_ATTEMPTS)
            minutes = int(LOCKOUT.total_seconds() // 60)
            raise SignInFailed(f"PIN salah {MAX_FAILED_ATTEMPTS} kali. Dikunci {minutes} menit.") from None
        uow.commit()
        log.warning("sign-in gagal: %s salah PIN (percobaan ke-%d)", user.username, user.failed_attempts)
        left = MAX_FAILED_ATTEMPTS - user.failed_attempts
        raise SignInFailed(f"Pengguna atau PIN salah. Sisa percobaan: {left}.") from None
    user.failed_attempts = 0
    user.locked_until = None
    if hasher().check_needs_rehash(user.pin_hash):
        user.pin_hash = hasher().hash(pin)
    uow.commit()
    log.info("sign-in: %s (%s)", user.username, user.role)
    return actor_of(user)


def authorize(uow: UnitOfWork, username: str, pin: str, role: Role, action: str) -> Actor:
    """A supervisor's PIN for one action (discount, refund, void): same checks as sign-in, plus role."""
    approver = authenticate(uow, username, pin)
    require_role(approver, role, action)
    # Every approval (big discount, price override, refund, void) leaves a trace of who allowed what.
    audit.record(uow, approver, "approval.granted", approved=action, role=role.value)
    uow.commit()
    log.info("persetujuan oleh %s: %s", approver.username, action)
    return approver


# --- user management (admin; unlocking also by a manager) ----------------------------------------


def _user(uow: UnitOfWork, user_id: int) -> User:
    user = uow.session.get(User, user_id)
    if user is None:
        raise DomainError("Pengguna tidak ditemukan.")
    return user


def _active_admins(uow: UnitOfWork) -> int:
    query = select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active.is_(True))
    return int(uow.session.scalar(query) or 0)


def _guard_last_admin(uow: UnitOfWork, user: User) -> None:
    """Without an active admin nobody could change settings or users again: refuse before it happens."""
    if user.role == Role.ADMIN.value and user.active and _active_admins(uow) <= 1:
        raise DomainError("Admin aktif terakhir tidak boleh dinonaktifkan atau diturunkan perannya.")


def update_user(uow: UnitOfWork, actor: Actor, user_id: int, *, full_name: str, role: Role) -> UserInfo:
    require_role(actor, Role.ADMIN, "Mengubah pengguna")
    user = _user(uow, user_id)
    if role != Role(user.role):
        _guard_last_admin(uow, user)
    old = {"full_name": user.full_name, "role": user.role}
    user.full_name = full_name.strip() or user.username
    user.role = role.value
    audit.record(
        uow,
        actor,
        "user.update",
        username=user.username,
        old=old,
        new={"full_name": user.full_name, "role": user.role},
    )
    uow.commit()
    return info(user)


def set_active(uow: UnitOfWork, actor: Actor, user_id: int, active: bool) -> UserInfo:
    """Deactivate (or bring back) a user; users are never deleted, their sales keep their name."""
    require_role(actor, Role.ADMIN, "Menonaktifkan pengguna")
    user = _user(uow, user_id)
    if not active:
        _guard_last_admin(uow, user)
    if user.active != active:
        user.active = active
        audit.record(uow, actor, "user.activate" if active else "user.deactivate", username=user.username)
        uow.commit()
    return info(user)


def reset_pin(uow: UnitOfWork, actor: Actor, user_id: int, temporary_pin: str) -> UserInfo:
    """Give a user a one-time PIN; they must choose their own at the next sign-in."""
    require_role(actor, Role.ADMIN, "Mereset PIN")
    if not temporary_pin.isdigit() or not 4 <= len(temporary_pin) <= 8:
        raise DomainError("PIN sementara harus 4 sampai 8 angka.")
    user = _user(uow, user_id)
    user.pin_hash = hasher().hash(temporary_pin)
    user.must_change_pin = True
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(uow, actor, "user.reset_pin", username=user.username)
    uow.commit()
    return info(user)


def needs_new_pin(uow: UnitOfWork, username: str) -> bool:
    user = uow.session.scalar(select(User).where(User.username == username.strip().lower()))
    return bool(user is not None and user.must_change_pin)


def change_pin(uow: UnitOfWork, actor: Actor, new_pin: str, *, old_pin: str | None = None) -> None:
    """The signed-in user sets their own PIN (required after a reset); the old PIN may not be reused."""
    check_pin_rules(new_pin)
    user = _user(uow, actor.user_id)
    same: bool
    try:
        same = hasher().verify(user.pin_hash, new_pin)
    except (VerificationError, InvalidHashError):
        same = False
    if same:
        raise DomainError("PIN baru harus berbeda dari PIN lama.")
    if old_pin is not None and not user.must_change_pin:
        try:
            hasher().verify(user.pin_hash, old_pin)
        except (VerificationError, InvalidHashError):
            raise DomainError("PIN lama salah.") from None
    user.pin_hash = hasher().hash(new_pin)
    user.must_change_pin = False
    audit.record(uow, actor, "user.change_pin", username=user.username)
    uow.commit()


def unlock(uow: UnitOfWork, actor: Actor, user_id: int) -> UserInfo:
    """Lift a lockout after repeated wrong PINs (a manager may do this, e.g. for a cashier at the till)."""
    require_role(actor, Role.MANAGER, "Membuka kunci pengguna")
    user = _user(uow, user_id)
    user.locked_until = None
    user.failed_attempts = 0
    audit.record(uow, actor, "user.unlock", username=user.username)
    uow.commit()
    return info(user)
