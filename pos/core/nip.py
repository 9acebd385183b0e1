"""NIP (Nomor Induk Pegawai): the 18-digit number of an ASN, PNS or PPPK, checked offline by structure.

Layout (digits counted from 1):
- PNS:  1-8 birth date YYYYMMDD, 9-14 first appointment (TMT CPNS) YYYYMM, 15 gender, 16-18 sequence.
- PPPK: 1-8 birth date, 9-12 appointment year (2019 or later), 13-14 a code (21 regular, 24 part-time
  reported; not a month), 15 gender, 16-18 sequence.

Telling them apart: digits 13-14 in 01-12 read as a month, so the number is a PNS (a PPPK code that
looks like a month cannot be told from a PNS month, and no such code is known). Digits 13-14 in 13-99
with an appointment year of 2019 or later make a PPPK; the set of codes is left open because only 21 and
24 are documented and a till must not refuse a real ASN over a code it has not seen yet. Only the
national BKN system knows whether a number really exists; the province registry says whether it
belongs to a known ASN.

A NIP holds a birth date, which is personal data: `str(nip)` and `repr(nip)` give the masked form
"******** 201505 1 001" (eight asterisks for the birth date, then appointment, gender and sequence
grouped as printed); `nip.digits` gives the full number when it is really needed (the sale record).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from pos.core.errors import DomainError

NIP_LENGTH = 18
PPPK_FIRST_YEAR = 2019
MINIMUM_APPOINTMENT_AGE = 18
EARLIEST_BIRTH_YEAR = 1900

_LABEL_RE = re.compile(r"^\s*(?:NI\s*PPPK|NIP)\s*[.:]?\s*[.:]?\s*", re.IGNORECASE)
# Spaces of every kind (no-break U+00A0, narrow no-break U+202F, figure, thin, ...), dots and hyphens
# as printed in letters, ID cards and spreadsheets.
_SEPARATORS_RE = re.compile(r"[\s.\-\u2010\u2011\u2012\u2013\u00a0\u202f\u2007\u2009\u200b]+")
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_MAX_TEXT_LENGTH = 80


class NipKind(enum.Enum):
    PNS = "PNS"
    PPPK = "PPPK"


class Gender(enum.Enum):
    """Digit 15 of the NIP: 1 laki-laki, 2 perempuan."""

    L = "L"
    P = "P"


class InvalidNip(DomainError):
    """The text is not a structurally valid NIP; the message is a short reason in Bahasa Indonesia."""


@dataclass(frozen=True, slots=True, repr=False)
class Nip:
    """A structurally valid NIP; build it with `parse_nip`.

    `appointment` is the first day of the TMT month for a PNS and January 1 of the appointment year for
    a PPPK (whose NIP carries only the year); `pppk_code` is digits 13-14 for a PPPK, else None.
    """

    digits: str
    kind: NipKind
    birth_date: date
    appointment: date
    gender: Gender
    sequence: int
    pppk_code: str | None = None

    @property
    def appointment_text(self) -> str:
        """ "2015-05" for a PNS, "2023" for a PPPK: only as precise as the number itself."""
        if self.kind is NipKind.PPPK:
            return f"{self.appointment.year:04d}"
        return f"{self.appointment.year:04d}-{self.appointment.month:02d}"

    @property
    def formatted(self) -> str:
        """The usual printed form, 8-6-1-3: "19860926 201505 1 001"."""
        d = self.digits
        return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"

    @property
    def masked(self) -> str:
        """For receipts and screens: the birth date hidden, "******** 201505 1 001"."""
        d = self.digits
        return f"******** {d[8:14]} {d[14]} {d[15:]}"

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"Nip({self.masked!r}, kind={self.kind.value})"


def normalize_nip_text(text: str) -> str:
    """Strip a leading label (NIP, NIP., NIP :, Nip., NI PPPK) and every separator; no validation."""
    without_label = _LABEL_RE.sub("", text, count=1)
    return _SEPARATORS_RE.sub("", without_label)


def looks_like_nip(text: str) -> bool:
    """18 ASCII digits once labels and separators are gone; for routing scans, not a validity check."""
    if len(text) > _MAX_TEXT_LENGTH:
        return False
    normalized = normalize_nip_text(text)
    return len(normalized) == NIP_LENGTH and _DIGITS_RE.fullmatch(normalized) is not None


def parse_nip(text: str, today: date | None = None) -> Nip:
    """Read a NIP in any printed form and check its structure; raise `InvalidNip` with the reason.

    `today` defaults to the machine's date; pass the outlet's business date where it matters.
    """
    today = today or date.today()
    if len(text) > _MAX_TEXT_LENGTH:
        raise InvalidNip("NIP terlalu panjang")
    digits = normalize_nip_text(text)
    if not digits:
        raise InvalidNip("NIP kosong")
    if _DIGITS_RE.fullmatch(digits) is None:
        raise InvalidNip("NIP hanya boleh berisi angka")
    if len(digits) != NIP_LENGTH:
        raise InvalidNip(_length_reason(len(digits)))

    birth_date = _birth_date(digits[:8], today)
    kind, appointment, pppk_code = _appointment(digits[8:12], digits[12:14])
    _check_appointment(kind, appointment, birth_date, today)

    gender_code = digits[14]
    if gender_code not in ("1", "2"):
        raise InvalidNip("kode jenis kelamin harus 1 atau 2")
    sequence = int(digits[15:])
    if sequence == 0:
        raise InvalidNip("nomor urut tidak boleh 000")
    return Nip(
        digits=digits,
        kind=kind,
        birth_date=birth_date,
        appointment=appointment,
        gender=Gender.L if gender_code == "1" else Gender.P,
        sequence=sequence,
        pppk_code=pppk_code,
    )


def _length_reason(length: int) -> str:
    if length == 16:
        return "NIP harus 18 digit (16 digit adalah NIK, bukan NIP)"
    if length == 9:
        return "NIP harus 18 digit (NIP lama 9 digit tidak berlaku lagi)"
    return f"NIP harus 18 digit (tertulis {length} digit)"


def _birth_date(text: str, today: date) -> date:
    try:
        birth = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidNip("tanggal lahir tidak valid") from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise InvalidNip("tanggal lahir tidak valid")
    if birth > today:
        raise InvalidNip("tanggal lahir di masa depan")
    return birth


def _appointment(year_text: str, code: str) -> tuple[NipKind, date, str | None]:
    year, code_number = int(year_text), int(code)
    if year < EARLIEST_BIRTH_YEAR:
        raise InvalidNip("tahun pengangkatan tidak valid")
    if 1 <= code_number <= 12:
        return NipKind.PNS, date(year, code_number, 1), None
    if code_number >= 13 and year >= PPPK_FIRST_YEAR:
        return NipKind.PPPK, date(year, 1, 1), code
    raise InvalidNip("bulan pengangkatan tidak valid")


def _check_appointment(kind: NipKind, appointment: date, birth: date, today: date) -> None:
    # A PPPK number carries only the year: judge it at the most favourable day of that year, so a
    # real appointment late in the year is never refused.
    if kind is NipKind.PPPK:
        latest_possible = date(appointment.year, 12, 31)
        in_future = appointment.year > today.year
    else:
        latest_possible = appointment
        in_future = (appointment.year, appointment.month) > (today.year, today.month)
    if in_future:
        raise InvalidNip("tanggal pengangkatan di masa depan")
    if latest_possible <= birth:
        raise InvalidNip("pengangkatan sebelum tanggal lahir")
    if latest_possible < _add_years(birth, MINIMUM_APPOINTMENT_AGE):
        raise InvalidNip("pengangkatan sebelum usia 18 tahun")


def _add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; February 29 becomes March 1 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)
