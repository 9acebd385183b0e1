"""Wire format shared by the till and the provincial server: event envelopes, payloads, batch limits.

Pure Python (imports only `pos.core`), so both sides validate an event with the same code. Parsing
functions take the decoded JSON (dicts and lists) and either return typed dataclasses or raise
`ProtocolError` with a reason in Bahasa Indonesia, which the server sends back for a rejected event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, Literal, TypedDict

from pos.core.errors import DomainError

PROTOCOL_VERSION: Final = 1
# A week offline at a busy outlet is ~10,000 events; 500 a batch keeps one request well under the
# size limit (a sale with 5 lines is ~1.2 KB of JSON) and one server transaction short.
MAX_BATCH_EVENTS: Final = 500
MAX_REQUEST_BYTES: Final = 4 * 1024 * 1024
MAX_LINES_PER_SALE: Final = 500
# No legitimate receipt comes near this; it bounds sums so one typo cannot overflow reports.
MAX_AMOUNT: Final = 10_000_000_000
# Dates outside this range are typos, and near year 1 or 9999 a zone shift overflows `datetime`.
MIN_YEAR: Final = 2000
MAX_YEAR: Final = 2999

EVENT_KINDS: Final = frozenset({"sale", "refund", "shift_close", "stock_movement", "supplier", "payout"})
PAYMENT_METHODS: Final = frozenset({"cash", "qris", "debit", "transfer"})
OUTLET_CODE_RE: Final = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")
UUID_RE: Final = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

EventStatus = Literal["accepted", "duplicate", "rejected"]


class ProtocolError(DomainError):
    """An event or message does not follow the protocol; the message says what, in Bahasa Indonesia."""


# ---------------------------------------------------------------- JSON shapes of the HTTP messages


class EventResultJson(TypedDict):
    uuid: str
    status: EventStatus
    reason: str | None


class BatchResponseJson(TypedDict):
    protocol: int
    results: list[EventResultJson]


class AsnEntryJson(TypedDict):
    nip: str
    name: str
    agency: str
    kabupaten: str
    active: bool
    seq: int


class AsnChangesJson(TypedDict):
    entries: list[AsnEntryJson]
    cursor: int
    more: bool


class PeriodTotalJson(TypedDict):
    nip: str
    amount: int


class PeriodTotalsJson(TypedDict):
    period_key: str
    items: list[PeriodTotalJson]
    next_after: str | None


class ProgrammeJson(TypedDict):
    """The ASN programme as set at the province, plus the period a till should show progress for."""

    minimum: int
    period: Literal["month", "campaign"]
    campaign_name: str
    campaign_start: str | None
    campaign_end: str | None
    current_period_key: str
    current_period_start: str
    current_period_end: str
    current_period_label: str


# ---------------------------------------------------------------- typed events


@dataclass(frozen=True, slots=True)
class Envelope:
    uuid: str
    kind: str
    outlet: str
    created_at: datetime
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "kind": self.kind,
            "outlet": self.outlet,
            "created_at": self.created_at.isoformat(),
            "payload": self.payload,
        }


@dataclass(frozen=True, slots=True)
class SaleLine:
    product_code: str
    name: str
    supplier_code: str | None
    qty: int
    unit_price: int
    discount: int
    line_total: int


@dataclass(frozen=True, slots=True)
class Payment:
    method: str
    amount: int
    reference: str | None


@dataclass(frozen=True, slots=True)
class Sale:
    uuid: str
    receipt_no: str
    business_date: date
    created_at: datetime
    cashier: str
    buyer_nip: str | None
    subtotal: int
    discount: int
    tax: int
    total: int
    change: int
    lines: tuple[SaleLine, ...]
    payments: tuple[Payment, ...]


@dataclass(frozen=True, slots=True)
class RefundLine:
    product_code: str
    qty: int
    amount: int


@dataclass(frozen=True, slots=True)
class Refund:
    uuid: str
    sale_uuid: str
    receipt_no: str
    created_at: datetime
    business_date: date
    reason: str
    approved_by: str
    total: int
    lines: tuple[RefundLine, ...]


# ---------------------------------------------------------------- field readers


def _obj(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{what} harus berupa objek JSON")
    return value


def _str(data: dict[str, Any], key: str, *, max_len: int = 200, optional: bool = False) -> Any:
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


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _int(data: dict[str, Any], key: str, *, minimum: int = 0, maximum: int = MAX_AMOUNT) -> int:
    value = data.get(key)
    # bool is an int in Python but never a valid amount on the wire
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProtocolError(f"kolom '{key}' wajib berupa bilangan bulat")
    if not minimum <= value <= maximum:
        raise ProtocolError(f"kolom '{key}' di luar batas ({minimum}..{maximum})")
    return value


def _uuid(data: dict[str, Any], key: str) -> str:
    value = _str(data, key, max_len=36)
    if not UUID_RE.match(value):
        raise ProtocolError(f"kolom '{key}' bukan UUID")
    return str(value).lower()


def _datetime(data: dict[str, Any], key: str) -> datetime:
    text = _str(data, key, max_len=40)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ProtocolError(f"kolom '{key}' bukan waktu ISO 8601") from None
    if value.tzinfo is None:
        raise ProtocolError(f"kolom '{key}' wajib memuat zona waktu")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ProtocolError(f"kolom '{key}' di luar tahun {MIN_YEAR}-{MAX_YEAR}")
    return value


def _date(data: dict[str, Any], key: str) -> date:
    text = _str(data, key, max_len=10)
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise ProtocolError(f"kolom '{key}' bukan tanggal YYYY-MM-DD") from None
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ProtocolError(f"kolom '{key}' di luar tahun {MIN_YEAR}-{MAX_YEAR}")
    return value


def _list(data: dict[str, Any], key: str, *, maximum: int) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise ProtocolError(f"kolom '{key}' wajib berupa daftar yang tidak kosong")
    if len(value) > maximum:
        raise ProtocolError(f"kolom '{key}' terlalu banyak (maks. {maximum})")
    return value


# ---------------------------------------------------------------- parsing


def parse_envelope(value: object) -> Envelope:
    data = _obj(value, "event")
    kind = _str(data, "kind", max_len=32)
    if kind not in EVENT_KINDS:
        raise ProtocolError(f"jenis event '{kind}' tidak dikenal")
    outlet = _str(data, "outlet", max_len=32)
    if not OUTLET_CODE_RE.match(outlet):
        raise ProtocolError("kode outlet tidak sah")
    return Envelope(
        uuid=_uuid(data, "uuid"),
        kind=kind,
        outlet=outlet,
        created_at=_datetime(data, "created_at"),
        payload=_obj(data.get("payload"), "payload"),
    )


def parse_sale(value: object) -> Sale:
    """A sale payload whose sums agree: lines add up to the subtotal, payments cover the total."""
    data = _obj(value, "payload penjualan")
    lines = tuple(
        _parse_sale_line(_obj(item, "baris penjualan"))
        for item in _list(data, "lines", maximum=MAX_LINES_PER_SALE)
    )
    payments = tuple(_parse_payment(_obj(item, "pembayaran")) for item in _list(data, "payments", maximum=20))
    sale = Sale(
        uuid=_uuid(data, "uuid"),
        receipt_no=_str(data, "receipt_no", max_len=64),
        business_date=_date(data, "business_date"),
        created_at=_datetime(data, "created_at"),
        cashier=_str(data, "cashier", max_len=64),
        buyer_nip=_buyer_nip(data.get("buyer_nip")),
        subtotal=_int(data, "subtotal"),
        discount=_int(data, "discount"),
        tax=_int(data, "tax"),
        total=_int(data, "total"),
        change=_int(data, "change"),
        lines=lines,
        payments=payments,
    )
    if sum(line.line_total for line in lines) != sale.subtotal:
        raise ProtocolError("jumlah total baris tidak sama dengan subtotal")
    if sale.subtotal - sale.discount + sale.tax != sale.total:
        raise ProtocolError("total tidak sama dengan subtotal - diskon + pajak")
    if sum(p.amount for p in payments) - sale.change != sale.total:
        raise ProtocolError("pembayaran dikurangi kembalian tidak sama dengan total")
    return sale


def _buyer_nip(value: object) -> str | None:
    # Structure only: the server checks the NIP rules with pos.core.nip; the wire carries 18 digits.
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 18 or not value.isascii() or not value.isdigit():
        raise ProtocolError("NIP pembeli wajib 18 angka atau null")
    return value


def _parse_sale_line(data: dict[str, Any]) -> SaleLine:
    line = SaleLine(
        product_code=_str(data, "product_code", max_len=64),
        name=_str(data, "name", max_len=200),
        supplier_code=_str(data, "supplier_code", max_len=64, optional=True),
        qty=_int(data, "qty", minimum=1, maximum=1_000_000),
        unit_price=_int(data, "unit_price"),
        discount=_int(data, "discount"),
        line_total=_int(data, "line_total"),
    )
    if line.qty * line.unit_price - line.discount != line.line_total:
        raise ProtocolError(f"total baris '{line.product_code}' tidak sama dengan qty x harga - diskon")
    return line


def _parse_payment(data: dict[str, Any]) -> Payment:
    method = _str(data, "method", max_len=16)
    if method not in PAYMENT_METHODS:
        raise ProtocolError(f"metode pembayaran '{method}' tidak dikenal")
    return Payment(
        method=method,
        amount=_int(data, "amount", minimum=1),
        reference=_str(data, "reference", max_len=128, optional=True),
    )


def parse_refund(value: object) -> Refund:
    data = _obj(value, "payload retur")
    lines = tuple(
        RefundLine(
            product_code=_str(item, "product_code", max_len=64),
            qty=_int(item, "qty", minimum=1, maximum=1_000_000),
            amount=_int(item, "amount"),
        )
        for item in (_obj(raw, "baris retur") for raw in _list(data, "lines", maximum=MAX_LINES_PER_SALE))
    )
    refund = Refund(
        uuid=_uuid(data, "uuid"),
        sale_uuid=_uuid(data, "sale_uuid"),
        receipt_no=_str(data, "receipt_no", max_len=64),
        created_at=_datetime(data, "created_at"),
        business_date=_date(data, "business_date"),
        reason=_str(data, "reason", max_len=500),
        approved_by=_str(data, "approved_by", max_len=64),
        total=_int(data, "total", minimum=1),
        lines=lines,
    )
    if sum(line.amount for line in lines) != refund.total:
        raise ProtocolError("jumlah baris retur tidak sama dengan total retur")
    return refund


def parse_batch_response(value: object, sent_uuids: list[str]) -> dict[str, EventResultJson]:
    """Results keyed by uuid; any answer that does not cover every sent event is malformed."""
    data = _obj(value, "jawaban server")
    results = data.get("results")
    if not isinstance(results, list):
        raise ProtocolError("jawaban server tanpa daftar hasil")
    by_uuid: dict[str, EventResultJson] = {}
    for raw in results:
        item = _obj(raw, "hasil event")
        uuid, status, reason = item.get("uuid"), item.get("status"), item.get("reason")
        if not isinstance(uuid, str) or status not in ("accepted", "duplicate", "rejected"):
            raise ProtocolError("hasil event tidak sah")
        if reason is not None and not isinstance(reason, str):
            raise ProtocolError("alasan hasil event tidak sah")
        by_uuid[uuid.lower()] = {"uuid": uuid.lower(), "status": status, "reason": reason}
    missing = [u for u in sent_uuids if u.lower() not in by_uuid]
    if missing:
        raise ProtocolError(f"jawaban server tidak lengkap: {len(missing)} event tanpa hasil")
    return by_uuid


# ---------------------------------------------------------------- building JSON


def sale_to_json(sale: Sale) -> dict[str, Any]:
    return {
        "uuid": sale.uuid,
        "receipt_no": sale.receipt_no,
        "business_date": sale.business_date.isoformat(),
        "created_at": sale.created_at.isoformat(),
        "cashier": sale.cashier,
        "buyer_nip": sale.buyer_nip,
        "subtotal": sale.subtotal,
        "discount": sale.discount,
        "tax": sale.tax,
        "total": sale.total,
        "change": sale.change,
        "lines": [
            {
                "product_code": ln.product_code,
                "name": ln.name,
                "supplier_code": ln.supplier_code,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "discount": ln.discount,
                "line_total": ln.line_total,
            }
            for ln in sale.lines
        ],
        "payments": [
            {"method": p.method, "amount": p.amount, "reference": p.reference} for p in sale.payments
        ],
    }


def refund_to_json(refund: Refund) -> dict[str, Any]:
    return {
        "uuid": refund.uuid,
        "sale_uuid": refund.sale_uuid,
        "receipt_no": refund.receipt_no,
        "created_at": refund.created_at.isoformat(),
        "business_date": refund.business_date.isoformat(),
        "reason": refund.reason,
        "approved_by": refund.approved_by,
        "total": refund.total,
        "lines": [
            {"product_code": ln.product_code, "qty": ln.qty, "amount": ln.amount} for ln in refund.lines
        ],
    }


def batch_request_body(outlet: str, envelopes_json: list[str]) -> bytes:
    """The upload body built from envelopes already serialised in the outbox (no re-encoding)."""
    if not OUTLET_CODE_RE.match(outlet):
        raise ProtocolError("kode outlet tidak sah")
    head = f'{{"protocol":{PROTOCOL_VERSION},"outlet":"{outlet}","events":['
    return (head + ",".join(envelopes_json) + "]}").encode("utf-8")
