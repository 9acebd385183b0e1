"""Rupiah amounts: formatting for people and parsing what cashiers type.

Money is always `int` rupiah. The written form follows the Indonesian style guide: `Rp100.000`
(no space, dots for thousands), negatives `-Rp5.000`.

`parse_rupiah` reads the forms seen at a till: "100000", "100.000", "Rp 100.000", "rp100000",
"100rb", "100 ribu", "100k", "1,5jt", "1.5 juta", "2jt". Rules, chosen so a typo never turns into a
silently wrong charge:
- Without a suffix a dot only groups thousands (groups of exactly three digits) and a comma starts
  the decimals, which must be one or two zeros ("100.000,00"): "100,50" is not whole rupiah, and
  "100,000" (English grouping, or 100 with three decimals?) is refused as ambiguous.
- With a suffix (rb/ribu/k = 1.000, jt/juta = 1.000.000) the number may have one decimal separator,
  dot or comma, followed by one or two digits ("1,5jt", "2.25 juta"); three digits after it
  ("1.500jt": 1,5 juta or 1.500 juta?) are refused as ambiguous. The result must be whole rupiah.
- Negative amounts, letters, empty text and amounts above `MAX_AMOUNT` are refused.
"""

from __future__ import annotations

import re

from pos.core.errors import DomainError

MAX_AMOUNT = 10**12
"""Rp1.000.000.000.000: far above any sale; anything bigger is a typo or a pasted number."""

_SUFFIX_MULTIPLIERS: dict[str, int] = {
    "k": 1_000,
    "rb": 1_000,
    "ribu": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
}

# Whole words before abbreviations so "ribu" and "juta" match as words, not as a prefix plus junk.
_AMOUNT_RE = re.compile(
    r"""
    (?:rp\.?)?\s*                      # optional currency prefix: Rp, Rp., rp
    (?P<number>[0-9][0-9.,]*)          # digits with separators, checked in detail below
    \s*(?P<suffix>ribu|juta|rb|jt|k)?  # optional multiplier word
    """,
    re.VERBOSE | re.ASCII,
)
_GROUPED_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+", re.ASCII)
_SUFFIXED_RE = re.compile(r"(?P<whole>[0-9]+)(?:[.,](?P<fraction>[0-9]{1,2}))?", re.ASCII)
_MAX_TEXT_LENGTH = 40
"""Longer input is not an amount; the cap also keeps `int()` away from huge digit strings."""


class InvalidAmount(DomainError):
    """Text that is not a whole, non-negative rupiah amount; the message quotes what was typed."""

    def __init__(self, text: str, reason: str | None = None) -> None:
        shown = text if len(text) <= _MAX_TEXT_LENGTH else text[:_MAX_TEXT_LENGTH] + "…"
        message = f"jumlah tidak valid: '{shown}'"
        if reason:
            message += f" ({reason})"
        super().__init__(message)


def format_rupiah(amount: int) -> str:
    """`Rp100.000`, `Rp0`, `-Rp5.000`."""
    grouped = f"{abs(amount):,}".replace(",", ".")
    return f"-Rp{grouped}" if amount < 0 else f"Rp{grouped}"


def parse_rupiah(text: str) -> int:
    """Read a typed amount as int rupiah, or raise `InvalidAmount` with a reason in Bahasa Indonesia."""
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip().lower()
    if not cleaned:
        raise InvalidAmount(text, "kosong")
    if len(cleaned) > _MAX_TEXT_LENGTH:
        raise InvalidAmount(text, "terlalu panjang")
    if cleaned.startswith("-") or cleaned.replace(" ", "").startswith(("rp-", "rp.-")):
        raise InvalidAmount(text, "tidak boleh negatif")
    match = _AMOUNT_RE.fullmatch(cleaned)
    if match is None:
        raise InvalidAmount(text, "hanya angka, titik ribuan, dan rb/ribu/k/jt/juta")
    number, suffix = match.group("number"), match.group("suffix")
    amount = _parse_plain(text, number) if suffix is None else _parse_suffixed(text, number, suffix)
    if amount > MAX_AMOUNT:
        raise InvalidAmount(text, "terlalu besar")
    return amount


def _parse_plain(text: str, number: str) -> int:
    whole, comma, fraction = number.partition(",")
    if comma:
        if "," in fraction or "." in fraction:
            raise InvalidAmount(text, "pemisah desimal ganda")
        if len(fraction) == 3:
            raise InvalidAmount(text, "gunakan titik untuk ribuan, contoh 100.000")
        if not fraction or len(fraction) > 2 or fraction.strip("0"):
            raise InvalidAmount(text, "harus rupiah bulat")
    if _GROUPED_RE.fullmatch(whole) is None:
        raise InvalidAmount(text, "titik hanya untuk ribuan, contoh 100.000")
    return int(whole.replace(".", ""))


def _parse_suffixed(text: str, number: str, suffix: str) -> int:
    match = _SUFFIXED_RE.fullmatch(number)
    if match is None:
        if re.fullmatch(r"[0-9]+[.,][0-9]{3}", number, re.ASCII):
            raise InvalidAmount(text, "ambigu: tulis 1,5jt atau 1.500.000")
        raise InvalidAmount(text, "angka sebelum satuan tidak dikenali")
    multiplier = _SUFFIX_MULTIPLIERS[suffix]
    fraction = match.group("fraction") or ""
    scale = int(10 ** len(fraction))
    scaled = int(match.group("whole") + fraction) * multiplier
    if scaled % scale:
        raise InvalidAmount(text, "harus rupiah bulat")
    return scaled // scale
