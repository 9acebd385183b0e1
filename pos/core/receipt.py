"""A receipt (struk) as plain data, built by the checkout service from a committed sale.

Nothing here knows about printers or paper width: `pos.core.document.receipt_document` lays a
`Receipt` out as a printer-independent document, rendered as text for the screen or as ESC/POS bytes.
All money is int rupiah; `issued_at` is already in the outlet's zone (WITA by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ReceiptHeader:
    """The outlet as printed at the top: "NTT Mart by Dekranasda <Kabupaten>", address, NPWP, phone."""

    outlet_name: str
    address: str
    npwp: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One sold product: `total` is `qty * unit_price - discount` as the sale committed it."""

    name: str
    qty: int
    unit_price: int
    discount: int
    total: int


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """One tender as the cashier sees it: `label` is "Tunai", "QRIS", "Debit", "Transfer"."""

    label: str
    amount: int
    reference: str | None


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
