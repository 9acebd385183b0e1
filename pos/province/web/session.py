"""Signed session cookies and CSRF tokens for the dashboard (stdlib HMAC-SHA256, no server-side store).

The cookie holds the user id, a random session id and when it was signed; the server checks the
signature, the age and (pos.province.web.accounts.active_user) that the user is still active with the
same password. A visitor not signed in gets a signed pre-session cookie, so the login form has a CSRF
token too. The CSRF token is an HMAC of the session id: a form posted from another site has no way to
know it, and SameSite=Lax keeps the cookie off cross-site POSTs besides.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from pos.province.schema import settings

SESSION_COOKIE = "ntt_sesi"
VISITOR_COOKIE = "ntt_tamu"
SESSION_HOURS = 12
_SECRET_KEY = "web_secret"


def load_secret(engine: Engine) -> bytes:
    """The signing key, made once per province database (every worker of `serve` reads the same one)."""
    with engine.begin() as conn:
        value = conn.execute(select(settings.c.value).where(settings.c.key == _SECRET_KEY)).scalar()
        if value is not None:
            return bytes.fromhex(value)
    try:
        with engine.begin() as conn:
            conn.execute(insert(settings).values(key=_SECRET_KEY, value=secrets.token_hex(32)))
    except IntegrityError:  # another worker made it first
        pass
    with engine.connect() as conn:
        return bytes.fromhex(
            conn.execute(select(settings.c.value).where(settings.c.key == _SECRET_KEY)).scalar_one()
        )


@dataclass(frozen=True, slots=True)
class SessionData:
    user_id: int | None
    sid: str
    signed_at: datetime


class Signer:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, purpose: str, data: bytes) -> str:
        digest = hmac.new(self._secret, purpose.encode() + b"\x00" + data, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def dumps(self, session: SessionData) -> str:
        body = json.dumps(
            {"u": session.user_id, "s": session.sid, "t": _micros(session.signed_at)},
            separators=(",", ":"),
        ).encode()
        encoded = base64.urlsafe_b64encode(body).decode().rstrip("=")
        return f"{encoded}.{self._mac('sesi', encoded.encode())}"

    def loads(self, value: str | None) -> SessionData | None:
        """The session, or None for a missing, forged, malformed or expired cookie."""
        if not value or len(value) > 500 or "." not in value:
            return None
        encoded, mac = value.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac("sesi", encoded.encode())):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
            signed_at = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(data["t"]))
            user_id = None if data["u"] is None else int(data["u"])
            sid = str(data["s"])
        except (ValueError, KeyError, TypeError):
            return None
        if datetime.now(UTC) - signed_at > timedelta(hours=SESSION_HOURS):
            return None
        return SessionData(user_id, sid, signed_at)

    def csrf_token(self, sid: str) -> str:
        return self._mac("csrf", sid.encode())

    def csrf_ok(self, sid: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(sid), token or "")


def new_session(user_id: int | None) -> SessionData:
    return SessionData(user_id, secrets.token_urlsafe(18), datetime.now(UTC))


def _micros(moment: datetime) -> int:
    # exact to the microsecond: the password check compares it with password_changed_at
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
