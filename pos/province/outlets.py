"""Outlets, their tills and the tills' bearer tokens: register, add a till, rotate, revoke, authenticate.

A token belongs to one till (outlet code + terminal). Only a sha256 of it is kept: tokens are 256-bit
random, so a fast hash is enough and the lookup stays one indexed query.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update

from pos.core.errors import DomainError
from pos.province.schema import outlets, tills
from pos.sync.protocol import OUTLET_CODE_RE, split_till_label, till_label

TOKEN_PREFIX = "nttpos_"


@dataclass(frozen=True, slots=True)
class Outlet:
    id: int
    code: str
    name: str
    kabupaten: str


@dataclass(frozen=True, slots=True)
class Till:
    id: int
    terminal: str
    outlet: Outlet

    @property
    def label(self) -> str:
        return till_label(self.outlet.code, self.terminal)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token() -> str:
    # The prefix keeps a token from starting with "-" (token_urlsafe does 1 time in 64), which a shell
    # command such as `ntt-pos connect --token -abc...` would read as an option; it also makes a
    # leaked token easy to recognise in logs and secret scanners.
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def add_outlet(conn: Connection, code: str, name: str, kabupaten: str) -> str:
    """Registers an outlet with its first till (terminal 01); returns that till's token, shown once."""
    if not OUTLET_CODE_RE.match(code):
        raise DomainError(
            "Kode outlet hanya boleh huruf, angka, titik dan garis bawah, paling panjang 16 (mis. 5371); "
            "tanda '-' memisahkan nomor kasir"
        )
    if not name.strip() or not kabupaten.strip():
        raise DomainError("Nama outlet dan kabupaten wajib diisi")
    if conn.execute(select(outlets.c.id).where(outlets.c.code == code)).first() is not None:
        raise DomainError(f"Outlet {code} sudah terdaftar; kasir berikutnya: `add-till {code}`")
    now = datetime.now(UTC)
    outlet_id = conn.execute(
        insert(outlets)
        .values(code=code, name=name.strip(), kabupaten=kabupaten.strip(), created_at=now)
        .returning(outlets.c.id)
    ).scalar_one()
    return _insert_till(conn, outlet_id, "01", now)


def add_till(conn: Connection, code: str) -> tuple[str, str]:
    """The outlet's next till (02, 03, ...); returns (terminal, token)."""
    outlet = _outlet(conn, code)
    highest = conn.execute(select(func.max(tills.c.terminal)).where(tills.c.outlet_id == outlet.id)).scalar()
    terminal = f"{int(highest or 0) + 1:02d}"
    if int(terminal) > 99:
        raise DomainError(f"Outlet {code} sudah punya 99 kasir")
    return terminal, _insert_till(conn, outlet.id, terminal, datetime.now(UTC))


def _insert_till(conn: Connection, outlet_id: int, terminal: str, now: datetime) -> str:
    token = _new_token()
    conn.execute(
        insert(tills).values(
            outlet_id=outlet_id,
            terminal=terminal,
            token_hash=hash_token(token),
            token_issued_at=now,
            created_at=now,
        )
    )
    return token


def _outlet(conn: Connection, code: str) -> Outlet:
    row = conn.execute(
        select(outlets.c.id, outlets.c.code, outlets.c.name, outlets.c.kabupaten).where(
            outlets.c.code == code
        )
    ).first()
    if row is None:
        raise DomainError(f"Outlet {code} tidak terdaftar")
    return Outlet(id=row.id, code=row.code, name=row.name, kabupaten=row.kabupaten)


def _till_id(conn: Connection, label: str) -> int:
    try:
        code, terminal = split_till_label(label)
    except DomainError:
        raise DomainError(f"'{label}' bukan kode kasir: KODE (kasir 01) atau KODE-TT, mis. 5371-02") from None
    outlet = _outlet(conn, code)
    till_id = conn.execute(
        select(tills.c.id).where(tills.c.outlet_id == outlet.id, tills.c.terminal == terminal)
    ).scalar()
    if till_id is None:
        raise DomainError(f"Kasir {terminal} outlet {code} tidak terdaftar")
    return int(till_id)


def rotate_token(conn: Connection, label: str) -> str:
    """A new token for the till (`5371` = terminal 01, `5371-02`); also re-enables a revoked till."""
    token = _new_token()
    conn.execute(
        update(tills)
        .where(tills.c.id == _till_id(conn, label))
        .values(token_hash=hash_token(token), token_issued_at=datetime.now(UTC), revoked_at=None)
    )
    return token


def revoke_token(conn: Connection, label: str) -> None:
    conn.execute(
        update(tills)
        .where(tills.c.id == _till_id(conn, label))
        .values(token_hash=None, revoked_at=datetime.now(UTC))
    )


def authenticate(conn: Connection, token: str) -> Till | None:
    """The till owning this token, or None for an unknown, rotated or revoked token."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(
        select(
            tills.c.id,
            tills.c.terminal,
            outlets.c.id.label("outlet_id"),
            outlets.c.code,
            outlets.c.name,
            outlets.c.kabupaten,
        )
        .join(outlets, outlets.c.id == tills.c.outlet_id)
        .where(tills.c.token_hash == hash_token(token), tills.c.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    outlet = Outlet(id=row.outlet_id, code=row.code, name=row.name, kabupaten=row.kabupaten)
    return Till(id=row.id, terminal=row.terminal, outlet=outlet)
