"""Shared outlet data on the wire: one record of an outlet's catalog, producers, settings, users or stock
ledger, as a till changed it (event kind `record`) and as the province hands it to the outlet's tills.

A record is addressed by its type and key (a product by its `uid`, a category by name, a producer by
code, a user by username, a setting by its key, the outlet's identity by "outlet", a stock movement or a
price change by its uuid) and carries the record's whole state (`data`), never a difference: the province
numbers every stored record with a version, and the newest version is the record (last writer wins).
Movements and price changes are never changed once written; their key is their global id.

Pure Python: the till's services build `OutletRecord`, the province parses it with `parse_record`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Final

from pos.sync.protocol import fields as f
from pos.sync.protocol.fields import MAX_AMOUNT, MAX_QTY, ProtocolError

PRODUCT: Final = "product"
CATEGORY: Final = "category"
SUPPLIER: Final = "supplier"
USER: Final = "user"
SETTING: Final = "setting"
OUTLET: Final = "outlet"
MOVEMENT: Final = "movement"
PRICE_CHANGE: Final = "price_change"
SALE_LINE: Final = "sale_line"
REFUND_LINE: Final = "refund_line"
PAYOUT: Final = "payout"
# Settings every till of an outlet shares; the rest (printer, paper, QRIS, sync connection) belong to one
# till, and the ASN programme comes from the province's own programme (`pos.sync.runner`).
SHARED_SETTING_KEYS: Final = frozenset(
    {
        "receipt.header",
        "receipt.logo",
        "tax.ppn_enabled",
        "tax.ppn_mode",
        "tax.ppn_rate_percent",
        "discount.manager_pin_above_percent",
        "price_override.manager_pin_above_percent",
        "void.requires_manager",
    }
)
MOVEMENT_KINDS: Final = frozenset({"receive", "sale", "refund", "adjust", "stocktake", "return", "opening"})
ROLES: Final = frozenset({"cashier", "manager", "admin"})
TAX_MODES: Final = frozenset({"none", "ppn_included", "ppn_added"})
MAX_SETTING_JSON: Final = 4000


def _text(n: int) -> Callable[[dict[str, Any], str], Any]:
    return lambda d, k: f.text(d, k, max_len=n)


def _free(n: int) -> Callable[[dict[str, Any], str], Any]:
    return lambda d, k: f.free_text(d, k, max_len=n)


def _optional_text(n: int) -> Callable[[dict[str, Any], str], Any]:
    return lambda d, k: f.text(d, k, max_len=n, optional=True)


def _amount(d: dict[str, Any], k: str) -> int:
    return f.integer(d, k, maximum=MAX_AMOUNT)


def _optional_amount(d: dict[str, Any], k: str) -> int | None:
    return None if d.get(k) is None else f.integer(d, k, maximum=MAX_AMOUNT)


def _one_of(choices: frozenset[str]) -> Callable[[dict[str, Any], str], Any]:
    def read(d: dict[str, Any], k: str) -> str:
        value = f.text(d, k, max_len=16)
        if value not in choices:
            raise ProtocolError(f"kolom '{k}': '{value}' tidak dikenal")
        return str(value)

    return read


def _setting_value(d: dict[str, Any], k: str) -> Any:
    import json

    value = d.get(k)
    if len(json.dumps(value)) > MAX_SETTING_JSON:
        raise ProtocolError("nilai pengaturan terlalu besar")
    return value


def _day(d: dict[str, Any], k: str) -> str:
    return f.day(d, k).isoformat()


def _positive_qty(d: dict[str, Any], k: str) -> int:
    return f.integer(d, k, minimum=1, maximum=MAX_QTY)


def _signed_amount(d: dict[str, Any], k: str) -> int:
    return f.integer(d, k, minimum=-MAX_AMOUNT, maximum=MAX_AMOUNT)


def _stamp(d: dict[str, Any], k: str) -> str:
    return f.timestamp(d, k).isoformat()


def _signed_qty(d: dict[str, Any], k: str) -> int:
    return f.integer(d, k, minimum=-MAX_QTY, maximum=MAX_QTY)


Reader = Callable[[dict[str, Any], str], Any]
# The fields of each record type's `data`, each with its reader: exactly these keys, nothing else.
SCHEMAS: Final[dict[str, dict[str, Reader]]] = {
    PRODUCT: {
        "code": _text(32),
        "barcode": _optional_text(14),
        "name": _text(160),
        "category": _optional_text(80),
        "supplier": _optional_text(20),
        "unit": _text(16),
        "price": _amount,
        "cost": _optional_amount,
        "consignment_price": _optional_amount,
        "tax_mode": _one_of(TAX_MODES),
        "consignment": f.boolean,
        "active": f.boolean,
        "min_stock": lambda d, k: f.integer(d, k, maximum=MAX_QTY),
    },
    CATEGORY: {"name": _text(80)},
    SUPPLIER: {
        "code": _text(20),
        "name": _text(120),
        "owner": _free(120),
        "kabupaten": _free(80),
        "kabupaten_code": _optional_text(4),
        "village": _free(80),
        "phone": _free(32),
        "bank_account": _free(80),
        "consignment": f.boolean,
        "commission_bp": lambda d, k: f.integer(d, k, maximum=10_000),
        "active": f.boolean,
    },
    USER: {
        "username": _text(40),
        "full_name": _text(120),
        "role": _one_of(ROLES),
        "pin_hash": _text(200),
        "active": f.boolean,
        "must_change_pin": f.boolean,
    },
    SETTING: {"value": _setting_value},
    OUTLET: {
        "name": _text(120),
        "address": _free(240),
        "npwp": _optional_text(32),
        "phone": _optional_text(32),
        "timezone": _text(40),
        "receipt_footer": _free(240),
    },
    MOVEMENT: {
        "product": f.uuid_text,
        "qty": _signed_qty,
        "kind": _one_of(MOVEMENT_KINDS),
        "reason": _free(120),
        "ref": _optional_text(40),
        "user": _optional_text(40),
        "created_at": _stamp,
    },
    PRICE_CHANGE: {
        "product": f.uuid_text,
        "old_price": _amount,
        "new_price": _amount,
        "user": _optional_text(40),
        "changed_at": _stamp,
    },
    SALE_LINE: {
        "sale": f.uuid_text,
        "no": _positive_qty,
        "date": _day,
        "product": f.uuid_text,
        "supplier": _optional_text(20),
        "qty": _positive_qty,
        "net": _signed_amount,
    },
    REFUND_LINE: {
        "line": f.uuid_text,
        "refund": f.uuid_text,
        "date": _day,
        "qty": _positive_qty,
        "refunded_at": _stamp,
    },
    PAYOUT: {
        "payout": f.uuid_text,
        "supplier": _text(20),
        "period_start": _day,
        "period_end": _day,
        "amount": lambda d, k: f.integer(d, k, minimum=1, maximum=MAX_AMOUNT),
        "method": _one_of(frozenset({"cash", "transfer"})),
        "reference": _optional_text(64),
        "note": _free(240),
        "user": _optional_text(40),
        "paid_at": _stamp,
    },
}
RECORD_TYPES: Final = frozenset(SCHEMAS)
# Records that are written once and never changed: their key is a uuid, also the event's uuid.
LEDGER_TYPES: Final = frozenset({MOVEMENT, PRICE_CHANGE, SALE_LINE, REFUND_LINE, PAYOUT})


@dataclass(frozen=True, slots=True)
class OutletRecord:
    """One record's whole state as `till` (e.g. `5371-02`) left it at `changed_at`."""

    KIND: ClassVar[str] = "record"
    type: str
    key: str
    till: str
    changed_at: datetime
    data: dict[str, Any]

    @property
    def uuid(self) -> str | None:
        """Ledger records travel under their own uuid, so a resend is a duplicate at the province."""
        return self.key if self.type in LEDGER_TYPES else None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "key": self.key,
            "till": self.till,
            "changed_at": self.changed_at.isoformat(),
            "data": dict(self.data),
        }


def check_data(record_type: str, value: object) -> dict[str, Any]:
    """The record's data with every field read by its schema (unknown or missing fields refused)."""
    schema = SCHEMAS[record_type]
    data = f.obj(value, "data rekaman")
    f.only_keys(data, frozenset(schema), f"data {record_type}")
    return {name: read(data, name) for name, read in schema.items()}


def parse_record(value: object) -> OutletRecord:
    data = f.obj(value, "payload rekaman outlet")
    f.only_keys(data, frozenset({"type", "key", "till", "changed_at", "data"}), "payload rekaman outlet")
    record_type = f.text(data, "type", max_len=16)
    if record_type not in RECORD_TYPES:
        raise ProtocolError(f"jenis rekaman '{record_type}' tidak dikenal")
    key = (
        f.uuid_text(data, "key")
        if record_type in (LEDGER_TYPES | {PRODUCT})
        else f.text(data, "key", max_len=80)
    )
    if record_type == SETTING and key not in SHARED_SETTING_KEYS:
        raise ProtocolError(f"pengaturan '{key}' bukan milik bersama outlet")
    record = OutletRecord(
        type=record_type,
        key=key,
        till=f.text(data, "till", max_len=8),
        changed_at=f.timestamp(data, "changed_at"),
        data=check_data(record_type, data.get("data")),
    )
    if record_type == CATEGORY and record.data["name"] != key:
        raise ProtocolError("nama kategori tidak sama dengan kuncinya")
    if record_type == SUPPLIER and record.data["code"] != key:
        raise ProtocolError("kode produsen tidak sama dengan kuncinya")
    if record_type == USER and record.data["username"] != key:
        raise ProtocolError("nama pengguna tidak sama dengan kuncinya")
    return record
