"""A receipt (struk) as plain data, built by the checkout service from a committed sale.

Nothing here knows about printers or paper width: `pos.core.document.receipt_document` lays a
`Receipt` out as a printer-independent document, rendered as text for the screen or as ESC/POS bytes.
All money is int rupiah; `issued_at` is already in the outlet's zone (WITA by default).
"""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from pos.core.document import (
    QR,
    Block,
    Columns,
    Cut,
    Document,
    Feed,
    Logo,
    Rule,
    Text,
    check_width,
    printable,
)
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.scan import receipt_qr_payload as scan_receipt_qr_payload


@dataclass(frozen=True, slots=True)
class ReceiptHeader:
    """The outlet as printed at the top: "NTT Mart by Dekranasda <Kabupaten>", address, NPWP, phone."""

    outlet_name: str
    address: str
    npwp: str | None
    phone: str | None
    logo: str | None = None
    extra: str = ""  # the outlet's own header lines from settings (e.g. opening hours, a slogan)


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One sold product: `total` is `qty * unit_price - discount` as the sale committed it."""

    name: str
    qty: int
    unit_price: int
    discount: int
    total: int
    unit: str = ""  # the product's unit ("pcs", "botol"); "" on receipts kept before units were printed


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """One tender as the cashier sees it: `label` is "Tunai", "QRIS", "Debit", "Transfer".

    `method` is the PaymentMethod value ("cash", ...) the till acts on (the drawer opens for cash); None
    on receipts kept before it was recorded.
    """

    label: str
    amount: int
    reference: str | None
    method: str | None = None


@dataclass(frozen=True, slots=True)
class ReceiptBuyer:
    """The ASN buyer block: the NIP is already masked (it holds a birth date, personal data).

    `period_total` is the buyer's spending in the current period including this sale, `minimum`
    the required amount for the period named by `period_label` (e.g. "November 2026").
    """

    masked_nip: str
    name: str | None
    agency: str | None
    period_label: str
    period_total: int
    minimum: int


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything a printed receipt shows, for a sale or (with `is_refund`) a refund.

    For a refund the amounts are the positive rupiah given back and `refund_of` names the original
    receipt number. `reprint` marks a copy printed again later (the paper says "CETAK ULANG").
    """

    header: ReceiptHeader
    receipt_no: str
    sale_uuid: str
    issued_at: datetime
    cashier: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int
    discount: int
    tax_label: str | None
    tax: int
    total: int
    payments: tuple[ReceiptPayment, ...]
    change: int
    buyer: ReceiptBuyer | None
    footer: str
    is_refund: bool = False
    refund_of: str | None = None
    refund_reason: str | None = None
    reprint: bool = False

    def __post_init__(self) -> None:
        # A naive time would print as if it were WITA whatever it meant; refuse it where it is made.
        if self.issued_at.tzinfo is None or self.issued_at.utcoffset() is None:
            raise ValueError("Receipt.issued_at must be timezone-aware (already in the outlet's zone)")


# Indonesia's three zones by UTC offset in hours; receipts name the zone the way people say it.
_ZONE_NAMES = {7: "WIB", 8: "WITA", 9: "WIT"}


def zone_name(moment: datetime) -> str:
    """ "WITA" for UTC+8 (WIB +7, WIT +9), else the zone's own abbreviation."""
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 3600 == 0:
        name = _ZONE_NAMES.get(int(offset.total_seconds() // 3600))
        if name:
            return name
    return moment.tzname() or ""


def receipt_document(receipt: Receipt, width: int) -> Document:
    """The receipt laid out for `width` columns (32 on 58 mm paper, 48 on 80 mm).

    Amounts are right-aligned, product names wrap to the width with "qty unit x price" on the next line
    (the unit never leaves its quantity: see `_line_blocks`),
    the tax line appears only when tax was charged, a refund says so at the top and in its total,
    and a QR code of `receipt_qr_payload` closes it for refunds and checks.
    """
    check_width(width)
    blocks: list[Block] = [*_header_blocks(receipt.header)]
    if receipt.is_refund:
        blocks += [
            Feed(),
            Text("REFUND", "center", bold=True, double=True),
            Text("PENGEMBALIAN BARANG", "center", bold=True),
        ]
    if receipt.reprint:
        blocks.append(Text("*** CETAK ULANG ***", "center", bold=True))
    blocks += [
        Rule(),
        Columns("No", receipt.receipt_no),
        Columns("Tanggal", f"{receipt.issued_at:%d-%m-%Y %H:%M} {zone_name(receipt.issued_at)}".strip()),
        Columns("Kasir", receipt.cashier),
    ]
    if receipt.is_refund:
        if receipt.refund_of:
            blocks.append(Columns("Refund dari", receipt.refund_of))
        if receipt.refund_reason:
            blocks.append(Text(f"Alasan: {receipt.refund_reason}"))
    blocks.append(Rule())
    for line in receipt.lines:
        blocks += _line_blocks(line, width)
    blocks += [Rule(), *_totals_blocks(receipt)]
    if receipt.buyer is not None:
        blocks += [Rule(), *_buyer_blocks(receipt.buyer)]
    blocks.append(Rule())
    blocks += [Text(part, "center") for part in receipt.footer.splitlines() if part.strip()]
    # A malformed number must not stop the receipt from printing; the number is printed below.
    with contextlib.suppress(DomainError):
        blocks += [Feed(), QR(receipt_qr_payload(receipt))]
    blocks += [Text(receipt.receipt_no, "center"), Cut()]
    return tuple(blocks)


def _header_blocks(header: ReceiptHeader) -> list[Block]:
    blocks: list[Block] = [Logo(header.logo)] if header.logo else []
    blocks.append(Text(header.outlet_name, "center", bold=True))
    blocks += [Text(part, "center") for part in header.address.splitlines() if part.strip()]
    if header.phone:
        blocks.append(Text(f"Telp. {header.phone}", "center"))
    if header.npwp:
        blocks.append(Text(f"NPWP {header.npwp}", "center"))
    blocks += [Text(part, "center") for part in header.extra.splitlines() if part.strip()]
    return blocks


def _line_blocks(line: ReceiptLine, width: int) -> list[Block]:
    # The right column is the line's amount before its discount, as committed (total + discount),
    # so the discount line below it reads as a subtraction that ends at the line's total.
    gross = format_rupiah(line.total + line.discount)
    qty = f"  {line.qty} {printable(line.unit).strip()}".rstrip()  # "  2 pcs": one piece, never split
    price = f"x {format_rupiah(line.unit_price)}"
    blocks: list[Block] = [Text(line.name)]
    if len(qty) + 1 + len(price) <= width:
        blocks.append(Columns(f"{qty} {price}", gross))  # the amount goes below when it does not fit
    else:  # a long unit or a big price on 58 mm: the quantity and unit on their own line, whole
        blocks += [Text(qty), Columns(f"  {price}", gross)]
    if line.discount:
        blocks.append(Columns("  Diskon", format_rupiah(-line.discount)))
    return blocks


def _totals_blocks(receipt: Receipt) -> list[Block]:
    blocks: list[Block] = [Columns("Subtotal", format_rupiah(receipt.subtotal))]
    if receipt.discount:
        blocks.append(Columns("Diskon", format_rupiah(-receipt.discount)))
    if receipt.tax:
        blocks.append(Columns(receipt.tax_label or "Pajak", format_rupiah(receipt.tax)))
    total_label = "TOTAL REFUND" if receipt.is_refund else "TOTAL"
    blocks.append(Columns(total_label, format_rupiah(receipt.total), bold=True))
    for payment in receipt.payments:
        blocks.append(Columns(payment.label, format_rupiah(payment.amount)))
        if payment.reference:
            blocks.append(Text(f"  Ref. {payment.reference}"))
    if receipt.change or not receipt.is_refund:
        blocks.append(Columns("Kembali", format_rupiah(receipt.change)))
    return blocks


def _buyer_blocks(buyer: ReceiptBuyer) -> list[Block]:
    blocks: list[Block] = [Text("Pembeli ASN", bold=True), Columns("NIP", buyer.masked_nip)]
    if buyer.name:
        blocks.append(Text(f"Nama: {buyer.name}"))
    if buyer.agency:
        blocks.append(Text(f"Instansi: {buyer.agency}"))
    blocks += [
        Columns(f"Belanja {buyer.period_label}", format_rupiah(buyer.period_total)),
        Columns("Minimal", format_rupiah(buyer.minimum)),
    ]
    short = buyer.minimum - buyer.period_total
    if short > 0:
        blocks.append(Columns("Kurang", format_rupiah(short), bold=True))
    else:
        blocks.append(Text("Minimal belanja tercapai", bold=True))
    return blocks


def receipt_qr_payload(receipt: Receipt) -> str:
    """What the receipt's QR code holds: "NTTPOS1|<receipt_no>|<sale_uuid>" (see pos.core.scan)."""
    return scan_receipt_qr_payload(receipt.receipt_no, receipt.sale_uuid)


RECEIPT_JSON_VERSION = 1


def receipt_to_json(receipt: Receipt) -> dict[str, Any]:
    """The receipt as plain JSON, kept with the sale so a reprint shows what the customer got."""
    data = asdict(receipt)
    data["issued_at"] = receipt.issued_at.isoformat()
    data["version"] = RECEIPT_JSON_VERSION
    return data


def receipt_from_json(data: dict[str, Any], *, reprint: bool) -> Receipt:
    """The receipt as it was issued, marked (or not) as a reprint."""
    fields = {k: v for k, v in data.items() if k != "version"}
    buyer = fields.get("buyer")
    return Receipt(
        **{
            **fields,
            "header": ReceiptHeader(**fields["header"]),
            "issued_at": datetime.fromisoformat(fields["issued_at"]),
            "lines": tuple(ReceiptLine(**line) for line in fields["lines"]),
            "payments": tuple(ReceiptPayment(**payment) for payment in fields["payments"]),
            "buyer": ReceiptBuyer(**buyer) if buyer else None,
            "reprint": reprint,
        }
    )
