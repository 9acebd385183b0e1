"""Payloads of the events that are not sales: shift closes, stock movements, producer changes and
consignment payouts. The province stores them as events; it validates each by this schema (amounts in
range, known keys only, no nesting beyond what is written here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Final

from pos.sync.protocol import fields as f
from pos.sync.protocol.events import MAX_LINES_PER_SALE, PAYMENT_METHODS
from pos.sync.protocol.fields import MAX_AMOUNT, MAX_QTY, ProtocolError

STOCK_KINDS: Final = frozenset({"receive", "adjust", "stocktake", "return", "opening", "transfer"})
SUPPLIER_ACTIONS: Final = frozenset({"create", "update"})
PAYOUT_METHODS: Final = frozenset({"cash", "transfer"})
MAX_DENOMINATIONS: Final = 40


@dataclass(frozen=True, slots=True)
class ShiftClose:
    KIND: ClassVar[str] = "shift_close"
    uuid: str
    business_date: date
    opened_at: datetime
    closed_at: datetime
    cashier: str
    closed_by: str
    opening_float: int
    sale_count: int
    gross: int
    cash_sales: int
    non_cash: dict[str, int]
    refund_count: int
    refunds: int
    expected_cash: int
    counted_cash: int
    difference: int
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "business_date": self.business_date.isoformat(),
            "opened_at": self.opened_at.isoformat(),
            "closed_at": self.closed_at.isoformat(),
            "cashier": self.cashier,
            "closed_by": self.closed_by,
            "opening_float": self.opening_float,
            "sale_count": self.sale_count,
            "gross": self.gross,
            "cash_sales": self.cash_sales,
            "non_cash": dict(self.non_cash),
            "refund_count": self.refund_count,
            "refunds": self.refunds,
            "expected_cash": self.expected_cash,
            "counted_cash": self.counted_cash,
            "difference": self.difference,
            "counts": dict(self.counts),
        }


def _amount_map(data: dict[str, Any], key: str, *, keys_are_methods: bool) -> dict[str, int]:
    raw = f.obj(data.get(key, {}), f"kolom '{key}'")
    if len(raw) > MAX_DENOMINATIONS:
        raise ProtocolError(f"kolom '{key}' terlalu banyak isi")
    out: dict[str, int] = {}
    for name in raw:
        if keys_are_methods and name not in PAYMENT_METHODS:
            raise ProtocolError(f"kolom '{key}': metode '{name}' tidak dikenal")
        if not keys_are_methods and not (isinstance(name, str) and name.isascii() and name.isdigit()):
            raise ProtocolError(f"kolom '{key}': pecahan '{name}' bukan angka")
        out[name] = f.integer(raw, name, maximum=MAX_AMOUNT if keys_are_methods else MAX_QTY)
    return out


def parse_shift_close(value: object) -> ShiftClose:
    data = f.obj(value, "payload tutup shift")
    f.only_keys(data, f.field_names(ShiftClose), "payload tutup shift")
    return ShiftClose(
        uuid=f.uuid_text(data, "uuid"),
        business_date=f.day(data, "business_date"),
        opened_at=f.timestamp(data, "opened_at"),
        closed_at=f.timestamp(data, "closed_at"),
        cashier=f.text(data, "cashier", max_len=64),
        closed_by=f.text(data, "closed_by", max_len=64),
        opening_float=f.integer(data, "opening_float"),
        sale_count=f.integer(data, "sale_count", maximum=MAX_QTY),
        gross=f.integer(data, "gross"),
        cash_sales=f.integer(data, "cash_sales"),
        non_cash=_amount_map(data, "non_cash", keys_are_methods=True),
        refund_count=f.integer(data, "refund_count", maximum=MAX_QTY),
        refunds=f.integer(data, "refunds"),
        expected_cash=f.integer(data, "expected_cash", minimum=-MAX_AMOUNT),
        counted_cash=f.integer(data, "counted_cash"),
        difference=f.integer(data, "difference", minimum=-MAX_AMOUNT),
        counts=_amount_map(data, "counts", keys_are_methods=False),
    )


@dataclass(frozen=True, slots=True)
class StockLine:
    product_code: str
    supplier_code: str | None
    qty: int

    def to_json(self) -> dict[str, Any]:
        return {"product_code": self.product_code, "supplier_code": self.supplier_code, "qty": self.qty}


@dataclass(frozen=True, slots=True)
class StockMovement:
    KIND: ClassVar[str] = "stock_movement"
    uuid: str
    kind: str
    ref: str
    reason: str
    user: str
    created_at: datetime
    lines: tuple[StockLine, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "kind": self.kind,
            "ref": self.ref,
            "reason": self.reason,
            "user": self.user,
            "created_at": self.created_at.isoformat(),
            "lines": [line.to_json() for line in self.lines],
        }


def parse_stock_movement(value: object) -> StockMovement:
    data = f.obj(value, "payload mutasi stok")
    f.only_keys(data, f.field_names(StockMovement), "payload mutasi stok")
    kind = f.text(data, "kind", max_len=16)
    if kind not in STOCK_KINDS:
        raise ProtocolError(f"jenis mutasi stok '{kind}' tidak dikenal")
    lines = []
    for raw in f.items(data, "lines", maximum=MAX_LINES_PER_SALE * 40):
        item = f.obj(raw, "baris mutasi stok")
        line = StockLine(
            product_code=f.text(item, "product_code", max_len=64),
            supplier_code=f.text(item, "supplier_code", max_len=64, optional=True),
            qty=f.integer(item, "qty", minimum=-MAX_QTY, maximum=MAX_QTY),
        )
        lines.append(line)
    return StockMovement(
        uuid=f.uuid_text(data, "uuid"),
        kind=kind,
        ref=f.text(data, "ref", max_len=64),
        reason=f.free_text(data, "reason", max_len=500),
        user=f.text(data, "user", max_len=64),
        created_at=f.timestamp(data, "created_at"),
        lines=tuple(lines),
    )


@dataclass(frozen=True, slots=True)
class SupplierChange:
    """A producer created or changed at the outlet. The bank account stays at the outlet: the province
    needs who and where, not payment details. No uuid of its own: the envelope's is random."""

    KIND: ClassVar[str] = "supplier"
    action: str
    code: str
    name: str
    owner: str
    kabupaten: str
    village: str
    consignment: bool
    commission_bp: int
    active: bool
    changed_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "code": self.code,
            "name": self.name,
            "owner": self.owner,
            "kabupaten": self.kabupaten,
            "village": self.village,
            "consignment": self.consignment,
            "commission_bp": self.commission_bp,
            "active": self.active,
            "changed_at": self.changed_at.isoformat(),
        }


def parse_supplier_change(value: object) -> SupplierChange:
    data = f.obj(value, "payload produsen")
    f.only_keys(data, f.field_names(SupplierChange), "payload produsen")
    action = f.text(data, "action", max_len=16)
    if action not in SUPPLIER_ACTIONS:
        raise ProtocolError(f"aksi produsen '{action}' tidak dikenal")
    return SupplierChange(
        action=action,
        code=f.text(data, "code", max_len=64),
        name=f.text(data, "name", max_len=200),
        owner=f.free_text(data, "owner", max_len=200),
        kabupaten=f.free_text(data, "kabupaten", max_len=100),
        village=f.free_text(data, "village", max_len=100),
        consignment=f.boolean(data, "consignment"),
        commission_bp=f.integer(data, "commission_bp", maximum=10_000),
        active=f.boolean(data, "active"),
        changed_at=f.timestamp(data, "changed_at"),
    )


@dataclass(frozen=True, slots=True)
class Payout:
    KIND: ClassVar[str] = "payout"
    uuid: str
    supplier_code: str
    period_start: date
    period_end: date
    gross: int
    commission: int
    amount: int
    method: str
    reference: str | None
    paid_at: datetime
    user: str

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "supplier_code": self.supplier_code,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "gross": self.gross,
            "commission": self.commission,
            "amount": self.amount,
            "method": self.method,
            "reference": self.reference,
            "paid_at": self.paid_at.isoformat(),
            "user": self.user,
        }


def parse_payout(value: object) -> Payout:
    data = f.obj(value, "payload pembayaran produsen")
    f.only_keys(data, f.field_names(Payout), "payload pembayaran produsen")
    method = f.text(data, "method", max_len=16)
    if method not in PAYOUT_METHODS:
        raise ProtocolError(f"metode pembayaran produsen '{method}' tidak dikenal")
    payout = Payout(
        uuid=f.uuid_text(data, "uuid"),
        supplier_code=f.text(data, "supplier_code", max_len=64),
        period_start=f.day(data, "period_start"),
        period_end=f.day(data, "period_end"),
        gross=f.integer(data, "gross"),
        commission=f.integer(data, "commission"),
        amount=f.integer(data, "amount", minimum=1),
        method=method,
        reference=f.text(data, "reference", max_len=128, optional=True),
        paid_at=f.timestamp(data, "paid_at"),
        user=f.text(data, "user", max_len=64),
    )
    if payout.period_end < payout.period_start:
        raise ProtocolError("periode pembayaran produsen terbalik")
    return payout
