"""Product barcodes: EAN-13, EAN-8, UPC-A check digits, and in-store EAN-13 for goods without one.

All three are GTINs whose check digit is mod 10 with weights 3 and 1 alternating from the digit next to
the check digit (for EAN-13 that reads as weights 1,3 from the left). Prefixes 20-29 of an EAN-13 are
restricted-circulation numbers: the outlet may assign them to UMKM goods that carry no barcode (tenun,
se'i, honey in reused bottles). Barcodes are strict: only digits, correct length, correct check digit;
internal product codes are a different thing and are not accepted here.
"""

from __future__ import annotations

import enum
import re

from pos.core.errors import DomainError

INSTORE_PREFIXES = range(20, 30)
INSTORE_NUMBER_LIMIT = 10**10
"""An in-store EAN-13 is 2 prefix digits, 10 number digits and the check digit."""
TEST_PAGE_BARCODE = "2999999999991"
"""The last in-store number of prefix 29, printed on the printer test page so a person can check that
the scanner reads it; `validate_barcode` refuses it for products, so scanning the page sells nothing."""

_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_LENGTHS = (8, 12, 13)


class InvalidBarcode(DomainError):
    """Not a valid EAN-13, EAN-8 or UPC-A; the message says why in Bahasa Indonesia."""


class BarcodeKind(enum.Enum):
    EAN13 = "EAN13"
    EAN8 = "EAN8"
    UPCA = "UPCA"
    INSTORE = "INSTORE"
    """An EAN-13 with prefix 20-29, assigned by the outlet itself."""


def _check_digit(body: str, expected_length: int) -> str:
    if len(body) != expected_length or _DIGITS_RE.fullmatch(body) is None:
        raise InvalidBarcode(f"barcode tanpa digit pemeriksa harus {expected_length} angka")
    total = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(reversed(body)))
    return str(-total % 10)


def ean13_check_digit(first12: str) -> str:
    """The 13th digit of an EAN-13 whose first 12 digits are given."""
    return _check_digit(first12, 12)


def ean8_check_digit(first7: str) -> str:
    """The 8th digit of an EAN-8 whose first 7 digits are given."""
    return _check_digit(first7, 7)


def upca_check_digit(first11: str) -> str:
    """The 12th digit of a UPC-A whose first 11 digits are given."""
    return _check_digit(first11, 11)


def _is_valid(code: str, length: int) -> bool:
    if len(code) != length or _DIGITS_RE.fullmatch(code) is None:
        return False
    return _check_digit(code[:-1], length - 1) == code[-1]


def is_valid_ean13(code: str) -> bool:
    return _is_valid(code, 13)


def is_valid_ean8(code: str) -> bool:
    return _is_valid(code, 8)


def is_valid_upca(code: str) -> bool:
    return _is_valid(code, 12)


def is_instore(code: str) -> bool:
    """A valid EAN-13 in the restricted-circulation range 20-29."""
    return is_valid_ean13(code) and int(code[:2]) in INSTORE_PREFIXES


def classify_barcode(text: str) -> BarcodeKind | None:
    """The kind of a valid barcode (surrounding whitespace ignored), or None when it is not one."""
    code = text.strip()
    if is_instore(code):
        return BarcodeKind.INSTORE
    if is_valid_ean13(code):
        return BarcodeKind.EAN13
    if is_valid_upca(code):
        return BarcodeKind.UPCA
    if is_valid_ean8(code):
        return BarcodeKind.EAN8
    return None


def validate_barcode(text: str) -> str:
    """The barcode's digits (surrounding whitespace removed), or `InvalidBarcode` saying what is wrong."""
    code = text.strip()
    if not code:
        raise InvalidBarcode("barcode kosong")
    if _DIGITS_RE.fullmatch(code) is None:
        raise InvalidBarcode("barcode hanya boleh berisi angka")
    if len(code) not in _LENGTHS:
        raise InvalidBarcode(f"panjang barcode harus 8, 12, atau 13 digit (tertulis {len(code)} digit)")
    if classify_barcode(code) is None:
        raise InvalidBarcode("digit pemeriksa barcode salah")
    if code == TEST_PAGE_BARCODE:
        raise InvalidBarcode("barcode ini khusus untuk halaman tes printer, bukan untuk produk")
    return code


def make_instore_ean13(number: int, prefix: int = 20) -> str:
    """The in-store EAN-13 `<prefix><number, 10 digits><check>`, e.g. number 1 -> "2000000000015"."""
    if prefix not in INSTORE_PREFIXES:
        raise InvalidBarcode(f"awalan barcode toko harus 20 sampai 29, bukan {prefix}")
    if not 0 <= number < INSTORE_NUMBER_LIMIT:
        raise InvalidBarcode(f"nomor barcode toko harus 0 sampai {INSTORE_NUMBER_LIMIT - 1}, bukan {number}")
    body = f"{prefix:02d}{number:010d}"
    return body + ean13_check_digit(body)
