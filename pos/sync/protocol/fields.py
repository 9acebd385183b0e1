"""Field readers of the wire format: each takes decoded JSON and returns a checked value or raises
`ProtocolError` with the reason in Bahasa Indonesia (the server sends it back for a rejected event)."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date, datetime
from typing import Any, Final

from pos.core.errors import DomainError

# No legitimate receipt comes near this; it bounds sums so one typo cannot overflow reports.
MAX_AMOUNT: Final = 10_000_000_000
MAX_QTY: Final = 1_000_000
# Dates outside this range are typos, and near year 1 or 9999 a zone shift overflows `datetime`.
MIN_YEAR: Final = 2000
MAX_YEAR: Final = 2999
UUID_RE: Final = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class ProtocolError(DomainError):
    """An event or message does not follow the protocol; the message says what, in Bahasa Indonesia."""


def obj(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{what} harus berupa objek JSON")
    return value


def text(data: dict[str, Any], key: str, *, max_len: int = 200, optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ProtocolError(f"kolom '{key}' wajib berupa teks")
    if len(value) > max_len:
        raise ProtocolError(f"kolom '{key}' terlalu panjang (maks. {max_len} karakter)")
    # NUL and lone surrogates cannot be stored in PostgreSQL text or encoded as UTF-8
    if "\x00" in value or not _encodable(value):
        raise ProtocolError(f"kolom '{key}' memuat karakter yang tidak sah")
    return value


def free_text(data: dict[str, Any], key: str, *, max_len: int = 240) -> str:
    """Text that may be empty (an owner's name, a village, a note)."""
    value = data.get(key)
    if value is None or value == "":
        return ""
    return str(text(data, key, max_len=max_len))


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def integer(data: dict[str, Any], key: str, *, minimum: int = 0, maximum: int = MAX_AMOUNT) -> int:
    value = data.get(key)
    # bool is an int in Python but never a valid amount on the wire
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProtocolError(f"kolom '{key}' wajib berupa bilangan bulat")
    if not minimum <= value <= maximum:
        raise ProtocolError(f"kolom '{key}' di luar batas ({minimum}..{maximum})")
    return value


def boolean(data: dict[str, Any], key: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise ProtocolError(f"kolom '{key}' wajib true atau false")
    return value


def uuid_text(data: dict[str, Any], key: str) -> str:
    value = text(data, key, max_len=36)
    if not UUID_RE.match(value):
        raise ProtocolError(f"kolom '{key}' bukan UUID")
    return str(value).lower()


def timestamp(data: dict[str, Any], key: str) -> datetime:
    raw = text(data, key, max_len=40)
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ProtocolError(f"kolom '{key}' bukan waktu ISO 8601") from None
    if value.tzinfo is None:
        raise ProtocolError(f"kolom '{key}' wajib memuat zona waktu")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ProtocolError(f"kolom '{key}' di luar tahun {MIN_YEAR}-{MAX_YEAR}")
    return value


def day(data: dict[str, Any], key: str) -> date:
    raw = text(data, key, max_len=10)
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise ProtocolError(f"kolom '{key}' bukan tanggal YYYY-MM-DD") from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ProtocolError(f"kolom '{key}' di luar tahun {MIN_YEAR}-{MAX_YEAR}")
    return value


def items(data: dict[str, Any], key: str, *, maximum: int, allow_empty: bool = False) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or (not value and not allow_empty):
        raise ProtocolError(f"kolom '{key}' wajib berupa daftar yang tidak kosong")
    if len(value) > maximum:
        raise ProtocolError(f"kolom '{key}' terlalu banyak (maks. {maximum})")
    return value


def only_keys(data: dict[str, Any], allowed: frozenset[str], what: str) -> None:
    """Unknown keys are refused: a payload the server would store but not read is a bug on one side."""
    extra = sorted(set(data) - allowed)
    if extra:
        # repr: a key is whatever the sender typed (NUL, lone surrogates), and this message is stored
        names = ", ".join(repr(name[:40]) for name in extra[:5])
        raise ProtocolError(f"{what}: kolom tidak dikenal {names}")


def field_names(payload_class: Any) -> frozenset[str]:
    """The keys of a payload dataclass on the wire (its fields; `KIND` is a ClassVar, not a key)."""
    return frozenset(field.name for field in fields(payload_class))
