"""The dashboard's users: add, set a password, disable, sign in with throttling and lockout, audit.

Passwords are argon2id hashes (argon2-cffi defaults). A user is locked for LOCK_MINUTES after
MAX_FAILED wrong passwords in a row; one address is refused for a while after MAX_FAILED_PER_IP failed
sign-ins in IP_WINDOW, whatever the usernames (guessing many accounts from one place). Both live in the
database, so they hold across `serve --workers N`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, func, insert, select, update

from pos.core.errors import DomainError
from pos.province.schema import asn, outlets, web_audit, web_users

MAX_FAILED = 5
LOCK_MINUTES = 15
MAX_FAILED_PER_IP = 20
IP_WINDOW = timedelta(minutes=10)
MIN_PASSWORD = 10
_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so a miss costs the same time as a wrong password."""
    return _hasher().hash("bukan-kata-sandi-siapa-pun")


class WebRole(StrEnum):
    ADMIN = "admin"
    VIEWER = "viewer"
    AGENCY = "agency"
    OUTLET = "outlet"


@dataclass(frozen=True, slots=True)
class WebUser:
    id: int
    username: str
    role: WebRole
    agency: str | None
    outlet_code: str | None
    password_changed_at: datetime

    @property
    def sees_nip(self) -> bool:
        return self.role is WebRole.ADMIN


class SignInRefused(DomainError):
    """A sign-in that did not succeed; the message is what the person is told."""


def check_password_rules(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise DomainError(f"Kata sandi paling sedikit {MIN_PASSWORD} karakter")
    if username.lower() in password.lower():
        raise DomainError("Kata sandi tidak boleh memuat nama pengguna")
    if len(set(password)) < 4:
        raise DomainError("Kata sandi terlalu mudah ditebak")


def add_user(
    conn: Connection,
    username: str,
    role: WebRole,
    password: str,
    *,
    agency: str | None = None,
    outlet_code: str | None = None,
) -> None:
    username = username.strip().lower()
    if not _USERNAME_RE.match(username):
        raise DomainError("Nama pengguna: 2-64 huruf kecil, angka, titik, garis bawah atau '-'")
    if role is WebRole.AGENCY:
        if not agency or outlet_code:
            raise DomainError(
                "Peran agency perlu --agency (nama instansi seperti di registri ASN), tanpa --outlet"
            )
        known = conn.execute(select(asn.c.agency).where(asn.c.agency == agency).limit(1)).first()
        if known is None:
            raise DomainError(
                f"Instansi '{agency}' tidak ada di registri ASN (tulis persis seperti di registri)"
            )
    elif role is WebRole.OUTLET:
        if not outlet_code or agency:
            raise DomainError("Peran outlet perlu --outlet KODE, tanpa --agency")
        if conn.execute(select(outlets.c.id).where(outlets.c.code == outlet_code)).first() is None:
            raise DomainError(f"Outlet {outlet_code} tidak terdaftar")
    elif agency or outlet_code:
        raise DomainError(f"Peran {role.value} melihat semua: tanpa --agency atau --outlet")
    if conn.execute(select(web_users.c.id).where(web_users.c.username == username)).first() is not None:
        raise DomainError(f"Pengguna {username} sudah ada")
    check_password_rules(password, username)
    now = datetime.now(UTC)
    conn.execute(
        insert(web_users).values(
            username=username,
            password_hash=_hasher().hash(password),
            role=role.value,
            agency=agency,
            outlet_code=outlet_code,
            active=True,
            failed_logins=0,
            created_at=now,
            password_changed_at=now,
        )
    )


def set_password(conn: Connection, username: str, password: str) -> None:
    """A new password; also unlocks the user and ends every session signed in before it."""
    check_password_rules(password, username)
    done = conn.execute(
        update(web_users)
        .where(web_users.c.username == username.strip().lower())
        .values(
            password_hash=_hasher().hash(password),
            password_changed_at=datetime.now(UTC),
            failed_logins=0,
            locked_until=None,
            active=True,
        )
    )
    if done.rowcount == 0:
        raise DomainError(f"Pengguna {username} tidak ada")


def disable_user(conn: Connection, username: str) -> None:
    """The user can no longer sign in; open sessions end at their next request."""
    done = conn.execute(
        update(web_users)
        .where(web_users.c.username == username.strip().lower())
        .values(active=False, password_changed_at=datetime.now(UTC))
    )
    if done.rowcount == 0:
        raise DomainError(f"Pengguna {username} tidak ada")


def audit(conn: Connection, username: str, action: str, detail: str, ip: str) -> None:
    conn.execute(
        insert(web_audit).values(
            at=datetime.now(UTC), username=username[:64], action=action, detail=detail[:500], ip=ip[:64]
        )
    )


def _user_of(row: object) -> WebUser:
    return WebUser(
        id=row.id,  # type: ignore[attr-defined]
        username=row.username,  # type: ignore[attr-defined]
        role=WebRole(row.role),  # type: ignore[attr-defined]
        agency=row.agency,  # type: ignore[attr-defined]
        outlet_code=row.outlet_code,  # type: ignore[attr-defined]
        password_changed_at=row.password_changed_at,  # type: ignore[attr-defined]
    )


def sign_in(conn: Connection, username: str, password: str, ip: str) -> WebUser:
    """The user, or SignInRefused (written to the audit table either way; commit even on refusal)."""
    username = username.strip().lower()[:64]
    now = datetime.now(UTC)
    failed_here = conn.execute(
        select(func.count())
        .select_from(web_audit)
        .where(web_audit.c.action == "login_failed", web_audit.c.ip == ip, web_audit.c.at >= now - IP_WINDOW)
    ).scalar_one()
    if failed_here >= MAX_FAILED_PER_IP:
        audit(conn, username, "login_throttled", "terlalu banyak gagal dari alamat ini", ip)
        raise SignInRefused("Terlalu banyak percobaan gagal dari alamat ini. Coba lagi nanti.")
    row = conn.execute(select(web_users).where(web_users.c.username == username)).first()
    if row is None or not row.active:
        _verify(_dummy_hash(), password)
        audit(conn, username, "login_failed", "pengguna tidak ada atau nonaktif", ip)
        raise SignInRefused("Nama pengguna atau kata sandi salah")
    if row.locked_until is not None and row.locked_until > now:
        audit(conn, username, "login_failed", "terkunci", ip)
        raise SignInRefused(
            f"Akun terkunci setelah {MAX_FAILED} kali salah. Coba lagi setelah {LOCK_MINUTES} menit."
        )
    if not _verify(row.password_hash, password):
        failures = row.failed_logins + 1
        locked = now + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILED else None
        conn.execute(
            update(web_users)
            .where(web_users.c.id == row.id)
            .values(failed_logins=0 if locked else failures, locked_until=locked)
        )
        audit(conn, username, "login_failed", "kata sandi salah" + (", akun dikunci" if locked else ""), ip)
        if locked:
            raise SignInRefused(
                f"Akun terkunci setelah {MAX_FAILED} kali salah. Coba lagi setelah {LOCK_MINUTES} menit."
            )
        raise SignInRefused("Nama pengguna atau kata sandi salah")
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    if _hasher().check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher().hash(password)
    conn.execute(update(web_users).where(web_users.c.id == row.id).values(**values))
    audit(conn, username, "login", row.role, ip)
    return _user_of(row)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def active_user(conn: Connection, user_id: int, signed_at: datetime) -> WebUser | None:
    """The session's user while it is active and its password unchanged since the session was signed."""
    row = conn.execute(select(web_users).where(web_users.c.id == user_id)).first()
    if row is None or not row.active or row.password_changed_at > signed_at:
        return None
    return _user_of(row)


def list_users(conn: Connection) -> list[dict[str, object]]:
    """Every dashboard user with scope and state, for the admin's Pengguna page (no hashes)."""
    now = datetime.now(UTC)
    rows = conn.execute(select(web_users).order_by(web_users.c.username)).all()
    return [
        {
            "username": r.username,
            "role": r.role,
            "scope": r.agency or r.outlet_code or "semua",
            "state": "nonaktif"
            if not r.active
            else ("terkunci" if r.locked_until is not None and r.locked_until > now else "aktif"),
            "last_login_at": r.last_login_at,
            "created_at": r.created_at,
        }
        for r in rows
    ]


def recent_audit(conn: Connection, limit: int = 500) -> list[dict[str, object]]:
    rows = conn.execute(select(web_audit).order_by(web_audit.c.id.desc()).limit(limit)).all()
    return [
        {"at": r.at, "username": r.username, "action": r.action, "detail": r.detail, "ip": r.ip} for r in rows
    ]
