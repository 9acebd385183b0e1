"""The ASN minimum-purchase programme: civil servants must buy UMKM goods for at least a minimum
amount per period. Sources disagree on the period (a calendar month, or "before Christmas and New
Year"), so both the minimum and the period are settings: a calendar month, or a named campaign with
inclusive start and end dates.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pos.core.errors import DomainError
from pos.core.money import format_rupiah

DEFAULT_MINIMUM = 100_000

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


class AsnProgrammeError(DomainError):
    """The programme settings are not usable (message in Bahasa Indonesia)."""


class PeriodKind(StrEnum):
    MONTH = "month"
    CAMPAIGN = "campaign"


def format_date_id(day: date) -> str:
    """A date the Indonesian way: `1 Desember 2026`."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class AsnProgramme:
    """Programme settings. For a campaign, name, start and end are required; for a month they are unused
    and must be left empty, so a half-configured campaign is not silently read as monthly."""

    minimum: int = DEFAULT_MINIMUM
    period: PeriodKind = PeriodKind.MONTH
    campaign_name: str = ""
    campaign_start: date | None = None
    campaign_end: date | None = None

    def __post_init__(self) -> None:
        if isinstance(self.minimum, bool) or not isinstance(self.minimum, int) or self.minimum <= 0:
            raise AsnProgrammeError("minimum belanja ASN harus lebih dari Rp0")
        try:
            object.__setattr__(self, "period", PeriodKind(self.period))
        except ValueError:
            raise AsnProgrammeError(f"jenis periode ASN tidak dikenal: {self.period}") from None
        object.__setattr__(self, "campaign_name", (self.campaign_name or "").strip())
        if self.period is PeriodKind.MONTH:
            if self.campaign_name or self.campaign_start or self.campaign_end:
                raise AsnProgrammeError("periode bulanan tidak memakai nama dan tanggal kampanye")
            return
        if not self.campaign_name:
            raise AsnProgrammeError("nama kampanye ASN wajib diisi")
        if self.campaign_start is None or self.campaign_end is None:
            raise AsnProgrammeError("tanggal mulai dan selesai kampanye ASN wajib diisi")
        if self.campaign_start > self.campaign_end:
            raise AsnProgrammeError("tanggal mulai kampanye ASN tidak boleh setelah tanggal selesai")


@dataclass(frozen=True)
class AsnPeriod:
    """One period of the programme. `key` identifies it in storage and sync ("2026-11" or
    "campaign:Natal 2026"); `start` and `end` are inclusive business dates."""

    key: str
    start: date
    end: date
    label: str

    def contains(self, business_date: date) -> bool:
        return self.start <= business_date <= self.end


def period_for(programme: AsnProgramme, business_date: date) -> AsnPeriod | None:
    """The period `business_date` falls in, or None when a campaign is set and the date is outside it."""
    if programme.period is PeriodKind.MONTH:
        year, month = business_date.year, business_date.month
        last_day = calendar.monthrange(year, month)[1]
        return AsnPeriod(
            key=f"{year:04d}-{month:02d}",
            start=date(year, month, 1),
            end=date(year, month, last_day),
            label=f"{MONTH_NAMES[month - 1]} {year}",
        )
    assert programme.campaign_start is not None and programme.campaign_end is not None
    if not programme.campaign_start <= business_date <= programme.campaign_end:
        return None
    return AsnPeriod(
        key=f"campaign:{programme.campaign_name}",
        start=programme.campaign_start,
        end=programme.campaign_end,
        label=programme.campaign_name,
    )


@dataclass(frozen=True)
class AsnProgress:
    """How far a buyer is towards the minimum after this sale. `fraction` is 0..1 (capped at 1)."""

    total: int
    minimum: int
    remaining: int
    met: bool
    fraction: float
    met_by_this_sale: bool

    def describe(self) -> str:
        """One receipt line, e.g. `Target ASN tercapai` or `Kurang Rp40.000 dari Rp100.000`."""
        if self.met:
            return "Target belanja ASN tercapai"
        return f"Kurang {format_rupiah(self.remaining)} dari {format_rupiah(self.minimum)}"


def asn_progress(programme: AsnProgramme, period_total_before: int, this_sale: int) -> AsnProgress:
    """Progress after adding `this_sale` to what the buyer already bought in the period (all outlets)."""
    for amount in (period_total_before, this_sale):
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise DomainError("jumlah belanja ASN tidak boleh negatif")
    total = period_total_before + this_sale
    minimum = programme.minimum
    met = total >= minimum
    return AsnProgress(
        total=total,
        minimum=minimum,
        remaining=max(0, minimum - total),
        met=met,
        fraction=min(1.0, total / minimum),
        met_by_this_sale=met and period_total_before < minimum,
    )
