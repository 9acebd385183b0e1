"""The payload of every event kind, as one dataclass each, with `to_json()` for the till and a `parse_*`
for the province. The till's services build these dataclasses; nothing else writes a payload dict, so
what the till sends is by construction what the server checks.

Money of a sale (all int rupiah), the same rules as `pos.core.pricing`:
- per line: `line_total = qty * unit_price - discount` (discount = the line's own plus its share of a
  sale discount); `tax` is the line's PPN: inside `line_total` for `ppn_included`, on top of it for
  `ppn_added`, zero for `none`;
- per sale: `subtotal = sum(qty * unit_price)`, `discount = sum(line discounts)`, `tax = sum(line tax)`,
  `tax_added = sum(tax of ppn_added lines)`, `total = subtotal - discount + tax_added`;
- payments minus change equal the total; change comes only from cash; a Rp0 sale may have no payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Final

from pos.sync.protocol import fields as f
from pos.sync.protocol.fields import MAX_QTY, ProtocolError

MAX_LINES_PER_SALE: Final = 500
PAYMENT_METHODS: Final = frozenset({"cash", "qris", "debit", "transfer"})
TAX_MODES: Final = frozenset({"none", "ppn_included", "ppn_added"})


@dataclass(frozen=True, slots=True)
class SaleLine:
    product_code: str
    name: str
    supplier_code: str | None
    qty: int
    unit_price: int
    discount: int
    tax_mode: str
    tax: int
    line_total: int

    @property
    def tax_added(self) -> int:
        return self.tax if self.tax_mode == "ppn_added" else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "product_code": self.product_code,
            "name": self.name,
            "supplier_code": self.supplier_code,
            "qty": self.qty,
            "unit_price": self.unit_price,
            "discount": self.discount,
            "tax_mode": self.tax_mode,
            "tax": self.tax,
            "line_total": self.line_total,
        }


@dataclass(frozen=True, slots=True)
class Payment:
    method: str
    amount: int
    reference: str | None

    def to_json(self) -> dict[str, Any]:
        return {"method": self.method, "amount": self.amount, "reference": self.reference}


@dataclass(frozen=True, slots=True)
class Sale:
    KIND: ClassVar[str] = "sale"
    uuid: str
    receipt_no: str
    business_date: date
    created_at: datetime
    cashier: str
    buyer_nip: str | None
    subtotal: int
    discount: int
    tax: int
    tax_added: int
    total: int
    change: int
    lines: tuple[SaleLine, ...]
    payments: tuple[Payment, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "receipt_no": self.receipt_no,
            "business_date": self.business_date.isoformat(),
            "created_at": self.created_at.isoformat(),
            "cashier": self.cashier,
            "buyer_nip": self.buyer_nip,
            "subtotal": self.subtotal,
            "discount": self.discount,
            "tax": self.tax,
            "tax_added": self.tax_added,
            "total": self.total,
            "change": self.change,
            "lines": [line.to_json() for line in self.lines],
            "payments": [p.to_json() for p in self.payments],
        }


def parse_sale(value: object) -> Sale:
    """A sale payload whose sums agree (see the module docstring)."""
    data = f.obj(value, "payload penjualan")
    f.only_keys(data, _SALE_KEYS, "payload penjualan")
    lines = tuple(
        _sale_line(f.obj(item, "baris penjualan"))
        for item in f.items(data, "lines", maximum=MAX_LINES_PER_SALE)
    )
    raw_payments = f.items(data, "payments", maximum=20, allow_empty=True)
    payments = tuple(_payment(f.obj(item, "pembayaran")) for item in raw_payments)
    sale = Sale(
        uuid=f.uuid_text(data, "uuid"),
        receipt_no=f.text(data, "receipt_no", max_len=64),
        business_date=f.day(data, "business_date"),
        created_at=f.timestamp(data, "created_at"),
        cashier=f.text(data, "cashier", max_len=64),
        buyer_nip=_buyer_nip(data.get("buyer_nip")),
        subtotal=f.integer(data, "subtotal"),
        discount=f.integer(data, "discount"),
        tax=f.integer(data, "tax"),
        tax_added=f.integer(data, "tax_added"),
        total=f.integer(data, "total"),
        change=f.integer(data, "change"),
        lines=lines,
        payments=payments,
    )
    if sum(line.qty * line.unit_price for line in lines) != sale.subtotal:
        raise ProtocolError("subtotal tidak sama dengan jumlah qty x harga semua baris")
    if sum(line.discount for line in lines) != sale.discount:
        raise ProtocolError("diskon tidak sama dengan jumlah diskon baris")
    if sum(line.tax for line in lines) != sale.tax:
        raise ProtocolError("pajak tidak sama dengan jumlah pajak baris")
    if sum(line.tax_added for line in lines) != sale.tax_added:
        raise ProtocolError("PPN ditambahkan tidak sama dengan jumlah PPN baris 'ppn_added'")
    if sale.subtotal - sale.discount + sale.tax_added != sale.total:
        raise ProtocolError("total tidak sama dengan subtotal - diskon + PPN ditambahkan")
    if sum(p.amount for p in payments) - sale.change != sale.total:
        raise ProtocolError("pembayaran dikurangi kembalian tidak sama dengan total")
    if sale.change > sum(p.amount for p in payments if p.method == "cash"):
        raise ProtocolError("kembalian hanya boleh dari pembayaran tunai")
    if not payments and sale.total:
        raise ProtocolError("penjualan bernilai tanpa pembayaran")
    return sale


def _buyer_nip(value: object) -> str | None:
    # Structure only: the server checks the NIP rules with pos.core.nip; the wire carries 18 digits.
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 18 or not value.isascii() or not value.isdigit():
        raise ProtocolError("NIP pembeli wajib 18 angka atau null")
    return value


def _sale_line(data: dict[str, Any]) -> SaleLine:
    f.only_keys(data, _SALE_LINE_KEYS, "baris penjualan")
    tax_mode = f.text(data, "tax_mode", max_len=16)
    if tax_mode not in TAX_MODES:
        raise ProtocolError(f"mode pajak '{tax_mode}' tidak dikenal")
    line = SaleLine(
        product_code=f.text(data, "product_code", max_len=64),
        name=f.text(data, "name", max_len=200),
        supplier_code=f.text(data, "supplier_code", max_len=64, optional=True),
        qty=f.integer(data, "qty", minimum=1, maximum=MAX_QTY),
        unit_price=f.integer(data, "unit_price"),
        discount=f.integer(data, "discount"),
        tax_mode=tax_mode,
        tax=f.integer(data, "tax"),
        line_total=f.integer(data, "line_total"),
    )
    if line.qty * line.unit_price - line.discount != line.line_total:
        raise ProtocolError(f"total baris '{line.product_code}' tidak sama dengan qty x harga - diskon")
    if (tax_mode == "none" and line.tax) or (tax_mode == "ppn_included" and line.tax > line.line_total):
        raise ProtocolError(f"pajak baris '{line.product_code}' tidak sesuai mode pajaknya")
    return line


def _payment(data: dict[str, Any]) -> Payment:
    f.only_keys(data, _PAYMENT_KEYS, "pembayaran")
    method = f.text(data, "method", max_len=16)
    if method not in PAYMENT_METHODS:
        raise ProtocolError(f"metode pembayaran '{method}' tidak dikenal")
    return Payment(
        method=method,
        amount=f.integer(data, "amount", minimum=1),
        reference=f.text(data, "reference", max_len=128, optional=True),
    )


@dataclass(frozen=True, slots=True)
class RefundLine:
    product_code: str
    qty: int
    amount: int

    def to_json(self) -> dict[str, Any]:
        return {"product_code": self.product_code, "qty": self.qty, "amount": self.amount}


@dataclass(frozen=True, slots=True)
class Refund:
    KIND: ClassVar[str] = "refund"
    uuid: str
    sale_uuid: str
    receipt_no: str
    created_at: datetime
    business_date: date
    reason: str
    approved_by: str
    total: int
    lines: tuple[RefundLine, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "sale_uuid": self.sale_uuid,
            "receipt_no": self.receipt_no,
            "created_at": self.created_at.isoformat(),
            "business_date": self.business_date.isoformat(),
            "reason": self.reason,
            "approved_by": self.approved_by,
            "total": self.total,
            "lines": [line.to_json() for line in self.lines],
        }


def parse_refund(value: object) -> Refund:
    data = f.obj(value, "payload retur")
    f.only_keys(data, _REFUND_KEYS, "payload retur")
    lines = tuple(
        RefundLine(
            product_code=f.text(item, "product_code", max_len=64),
            qty=f.integer(item, "qty", minimum=1, maximum=MAX_QTY),
            amount=f.integer(item, "amount"),
        )
        for item in (_refund_line(raw) for raw in f.items(data, "lines", maximum=MAX_LINES_PER_SALE))
    )
    refund = Refund(
        uuid=f.uuid_text(data, "uuid"),
        sale_uuid=f.uuid_text(data, "sale_uuid"),
        receipt_no=f.text(data, "receipt_no", max_len=64),
        created_at=f.timestamp(data, "created_at"),
        business_date=f.day(data, "business_date"),
        reason=f.text(data, "reason", max_len=500),
        approved_by=f.text(data, "approved_by", max_len=64),
        total=f.integer(data, "total", minimum=1),
        lines=lines,
    )
    if sum(line.amount for line in lines) != refund.total:
        raise ProtocolError("jumlah baris retur tidak sama dengan total retur")
    return refund


def _refund_line(raw: object) -> dict[str, Any]:
    item = f.obj(raw, "baris retur")
    f.only_keys(item, _REFUND_LINE_KEYS, "baris retur")
    return item


# Unknown keys are refused (fields.only_keys): the province reads all it stores.
_SALE_KEYS: Final = f.field_names(Sale)
_SALE_LINE_KEYS: Final = f.field_names(SaleLine)
_PAYMENT_KEYS: Final = f.field_names(Payment)
_REFUND_KEYS: Final = f.field_names(Refund)
_REFUND_LINE_KEYS: Final = f.field_names(RefundLine)
