"""Routing what the scanner (or the cashier) types into the till's one input box.

- 18 digits once NIP labels and separators are gone: a buyer's NIP (`parse_nip` validates it later).
- 8, 12 or 13 digits: a product barcode (EAN-8, UPC-A, EAN-13; the check digit is checked at lookup).
- "NTTPOS1|<receipt_no>|<sale_uuid>": the QR printed on our own receipts, for refunds and reprints.
- Anything else: unknown (the UI may search products by name or code).

A quantity may be typed before a code: "3*8991234567891" means three of that product.

`misread` says, in Bahasa Indonesia, why a scanner burst is no code the till reads (a digit dropped or
doubled, letters, a wrong check digit), so the till says so instead of searching for it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Literal

from pos.core.barcode import classify_barcode
from pos.core.errors import DomainError
from pos.core.nip import looks_like_nip, normalize_nip_text

RECEIPT_QR_PREFIX = "NTTPOS1"
RECEIPT_QR_SEPARATOR = "|"
MAX_MULTIPLIER = 9999
MAX_RECEIPT_NO_LENGTH = 40
_BARCODE_RE = re.compile(r"[0-9]{8}|[0-9]{12,13}", re.ASCII)
# Receipt numbers look like "5371-01-20261128-0001"; allow a short run of capitals, digits and - / _.
# Capitals only, so that reading back after a Caps Lock case swap (upper-casing) gives the same number.
_RECEIPT_NO_RE = re.compile(r"[A-Z0-9][A-Z0-9/_-]*", re.ASCII)
_MULTIPLIER_RE = re.compile(r"\s*(?P<qty>[^*]*?)\s*\*\s*(?P<code>.*?)\s*", re.DOTALL)

ScanKind = Literal["nip", "barcode", "receipt", "unknown"]


class InvalidScan(DomainError):
    """A receipt QR or a quantity prefix that cannot be read; the message is in Bahasa Indonesia."""


@dataclass(frozen=True, slots=True)
class ReceiptQr:
    """What our receipt QR carries: the printed receipt number and the sale's UUID (canonical form)."""

    receipt_no: str
    sale_uuid: str


@dataclass(frozen=True, slots=True)
class ScanRoute:
    """Where a scan goes: `value` is the normalized code (18 NIP digits, barcode digits, receipt number,
    or the trimmed text); `receipt` is set for receipt QR codes only."""

    kind: ScanKind
    value: str
    receipt: ReceiptQr | None = None


def receipt_qr_payload(receipt_no: str, sale_uuid: str) -> str:
    """The text to print as QR on a receipt: "NTTPOS1|5371-01-20261128-0001|<uuid>"."""
    _check_receipt_no(receipt_no)
    return RECEIPT_QR_SEPARATOR.join((RECEIPT_QR_PREFIX, receipt_no, _canonical_uuid(sale_uuid)))


def parse_receipt_qr(text: str) -> ReceiptQr:
    """Read a receipt QR payload; the prefix is matched case-insensitively because a keyboard-wedge
    scanner with Caps Lock on sends letters with their case swapped."""
    parts = text.strip().split(RECEIPT_QR_SEPARATOR)
    if len(parts) != 3 or parts[0].upper() != RECEIPT_QR_PREFIX:
        raise InvalidScan("bukan QR struk NTT Mart")
    receipt_no, sale_uuid = parts[1].strip().upper(), parts[2].strip()
    _check_receipt_no(receipt_no)
    return ReceiptQr(receipt_no=receipt_no, sale_uuid=_canonical_uuid(sale_uuid))


def route_scan(text: str) -> ScanRoute:
    """Decide what a scanned or typed code is; never raises."""
    cleaned = text.strip()
    if cleaned.upper().startswith(RECEIPT_QR_PREFIX + RECEIPT_QR_SEPARATOR):
        try:
            receipt = parse_receipt_qr(cleaned)
        except InvalidScan:
            return ScanRoute("unknown", cleaned)
        return ScanRoute("receipt", receipt.receipt_no, receipt)
    if _BARCODE_RE.fullmatch(cleaned):
        return ScanRoute("barcode", cleaned)
    if looks_like_nip(cleaned):
        return ScanRoute("nip", normalize_nip_text(cleaned))
    return ScanRoute("unknown", cleaned)


def misread(text: str) -> str | None:
    """Why a scanned `text` cannot be read as a product barcode, a NIP or a receipt QR; None when it can
    (a valid EAN-13 / EAN-8 / UPC-A, 18 NIP digits, our receipt QR) or when it is no attempt at a
    number (a word: an item code label, looked up as such)."""
    route = route_scan(text)
    code = route.value
    if route.kind == "barcode":
        if classify_barcode(code) is None:
            return f"Barcode {code} tidak terbaca (digit pemeriksa salah). Pindai ulang."
        return None
    if route.kind != "unknown" or not code:
        return None
    if code.upper().startswith(RECEIPT_QR_PREFIX + RECEIPT_QR_SEPARATOR):
        return "QR struk tidak terbaca. Pindai ulang."
    digits = sum(ch.isdigit() for ch in code)
    if digits == len(code):
        return (
            f"Barcode tidak terbaca: {len(code)} digit (barcode barang 8, 12 atau 13 digit, "
            f"NIP 18 digit). Pindai ulang."
        )
    if digits * 2 >= len(code):  # mostly digits: a barcode read with letters in it
        letters = "".join(dict.fromkeys(ch for ch in code if not ch.isdigit()))[:5]
        return f"Barcode {code[:24]} tidak terbaca: berisi huruf atau tanda ({letters}). Pindai ulang."
    return None


def split_multiplier(text: str) -> tuple[int, str]:
    """ "3*8991234567891" -> (3, "8991234567891"); without a "*" the quantity is 1 and the text is trimmed.

    The quantity must be a whole number from 1 to 9999 and a code must follow the "*".
    """
    match = _MULTIPLIER_RE.fullmatch(text)
    if match is None:
        return 1, text.strip()
    qty_text, code = match.group("qty"), match.group("code")
    if not re.fullmatch(r"[0-9]{1,4}", qty_text, re.ASCII) or not 1 <= int(qty_text) <= MAX_MULTIPLIER:
        raise InvalidScan(f"jumlah harus 1 sampai {MAX_MULTIPLIER}: '{qty_text[:12]}'")
    if not code or "*" in code:
        raise InvalidScan("kode barang harus ditulis setelah tanda *")
    return int(qty_text), code


def _check_receipt_no(receipt_no: str) -> None:
    if len(receipt_no) > MAX_RECEIPT_NO_LENGTH or _RECEIPT_NO_RE.fullmatch(receipt_no) is None:
        raise InvalidScan("nomor struk tidak valid")


def _canonical_uuid(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise InvalidScan("kode transaksi pada QR struk tidak valid") from None
