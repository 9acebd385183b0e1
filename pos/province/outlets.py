"""Outlets and their bearer tokens: issue, rotate, revoke, authenticate. Only a hash of a token is kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from pos.core.errors import DomainError
from pos.province.schema import outlets
from pos.sync.protocol import OUTLET_CODE_RE


@dataclass(frozen=True, slots=True)
class Outlet:
    id: int
    code: str
    name: str
    kabupaten: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


TOKEN_PREFIX = "nttpos_"


def _new_token() -> str:
    # The prefix keeps a token from starting with "-" (token_urlsafe does 1 time in 64), which a shell
    # command such as `ntt-pos connect --token -abc...` would read as an option; it also makes a
    # leaked token easy to recognise in logs and secret scanners.
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def add_outlet(conn: Connection, code: str, name: str, kabupaten: str) -> str:
    """Registers an outlet; returns its token, which is shown once and never stored."""
    if not OUTLET_CODE_RE.match(code):
        raise DomainError("Kode outlet hanya boleh huruf, angka, titik, garis bawah dan tanda hubung")
    if not name.strip() or not kabupaten.strip():
        raise DomainError("Nama outlet dan kabupaten wajib diisi")
    if conn.execute(select(outlets.c.id).where(outlets.c.code == code)).first() is not None:
        raise DomainError(f"Outlet {code} sudah terdaftar")
    token = _new_token()
    now = datetime.now(UTC)
    conn.execute(
        insert(outlets).values(
            code=code,
            name=name.strip(),
            kabupaten=kabupaten.strip(),
            token_hash=hash_token(token),
            token_issued_at=now,
            created_at=now,
        )
    )
    return token


def rotate_token(conn: Connection, code: str) -> str:
    """A new token for the outlet (also re-enables a revoked outlet); the old token stops working."""
    token = _new_token()
    result = conn.execute(
        update(outlets)
        .where(outlets.c.code == code)
        .values(token_hash=hash_token(token), token_issued_at=datetime.now(UTC), revoked_at=None)
    )
    if result.rowcount != 1:
        raise DomainError(f"Outlet {code} tidak terdaftar")
    return token


def revoke_token(conn: Connection, code: str) -> None:
    result = conn.execute(
        update(outlets).where(outlets.c.code == code).values(token_hash=None, revoked_at=datetime.now(UTC))
    )
    if result.rowcount != 1:
        raise DomainError(f"Outlet {code} tidak terdaftar")


def authenticate(conn: Connection, token: str) -> Outlet | None:
    """The outlet owning this token, or None for an unknown, rotated or revoked token."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        select(outlets.c.id, outlets.c.code, outlets.c.name, outlets.c.kabupaten).where(
            outlets.c.token_hash == hash_token(token), outlets.c.revoked_at.is_(None)
        )
    ).first()
    return None if row is None else Outlet(id=row.id, code=row.code, name=row.name, kabupaten=row.kabupaten)


def outlet_by_code(conn: Connection, code: str) -> Outlet | None:
    row = conn.execute(
        select(outlets.c.id, outlets.c.code, outlets.c.name, outlets.c.kabupaten).where(
            outlets.c.code == code
        )
    ).first()
    return None if row is None else Outlet(id=row.id, code=row.code, name=row.name, kabupaten=row.kabupaten)
