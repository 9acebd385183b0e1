"""The ASN minimum-purchase programme: periods (month or campaign) and progress to the minimum."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.asn_period import (
    AsnPeriod,
    AsnProgramme,
    AsnProgrammeError,
    AsnProgress,
    PeriodKind,
    asn_progress,
    format_date_id,
    period_for,
)
from pos.core.errors import DomainError

NATAL = AsnProgramme(
    minimum=150_000,
    period=PeriodKind.CAMPAIGN,
    campaign_name="Natal 2026",
    campaign_start=date(2026, 12, 1),
    campaign_end=date(2027, 1, 6),
)


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (date(2026, 11, 28), AsnPeriod("2026-11", date(2026, 11, 1), date(2026, 11, 30), "November 2026")),
        (date(2026, 1, 1), AsnPeriod("2026-01", date(2026, 1, 1), date(2026, 1, 31), "Januari 2026")),
        (date(2028, 2, 29), AsnPeriod("2028-02", date(2028, 2, 1), date(2028, 2, 29), "Februari 2028")),
        (date(2027, 2, 10), AsnPeriod("2027-02", date(2027, 2, 1), date(2027, 2, 28), "Februari 2027")),
        (date(2026, 12, 31), AsnPeriod("2026-12", date(2026, 12, 1), date(2026, 12, 31), "Desember 2026")),
    ],
)
def test_monthly_periods_are_calendar_months(day: date, period: AsnPeriod) -> None:
    assert period_for(AsnProgramme(), day) == period


def test_the_default_programme_is_rp100000_a_month() -> None:
    programme = AsnProgramme()
    assert (programme.minimum, programme.period) == (100_000, PeriodKind.MONTH)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (date(2026, 11, 30), False),
        (date(2026, 12, 1), True),
        (date(2026, 12, 25), True),
        (date(2027, 1, 6), True),
        (date(2027, 1, 7), False),
    ],
)
def test_a_campaign_period_covers_its_dates_inclusive_and_nothing_else(day: date, inside: bool) -> None:
    period = period_for(NATAL, day)
    if not inside:
        assert period is None
        return
    assert period == AsnPeriod("campaign:Natal 2026", date(2026, 12, 1), date(2027, 1, 6), "Natal 2026")
    assert period.contains(day)


def test_a_one_day_campaign_is_allowed() -> None:
    day = date(2026, 8, 17)
    programme = AsnProgramme(
        period=PeriodKind.CAMPAIGN, campaign_name="HUT RI", campaign_start=day, campaign_end=day
    )
    assert period_for(programme, day) is not None
    assert period_for(programme, day + timedelta(days=1)) is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"minimum": 0}, "minimum belanja ASN harus lebih dari Rp0"),
        ({"minimum": -100_000}, "minimum belanja ASN harus lebih dari Rp0"),
        ({"period": "week"}, "jenis periode ASN tidak dikenal: week"),
        ({"period": "campaign", "campaign_start": date(2026, 12, 1), "campaign_end": date(2026, 12, 31)},
         "nama kampanye ASN wajib diisi"),
        ({"period": "campaign", "campaign_name": "Natal", "campaign_start": date(2026, 12, 1)},
         "tanggal mulai dan selesai kampanye ASN wajib diisi"),
        ({"period": "campaign", "campaign_name": "Natal", "campaign_start": date(2026, 12, 31),
          "campaign_end": date(2026, 12, 1)}, "tanggal mulai kampanye ASN tidak boleh setelah"),
        ({"campaign_name": "Natal"}, "periode bulanan tidak memakai"),
        ({"campaign_start": date(2026, 12, 1)}, "periode bulanan tidak memakai"),
    ],
)  # fmt: skip
def test_unusable_settings_are_refused(settings: dict[str, object], message: str) -> None:
    with pytest.raises(AsnProgrammeError, match=message):
        AsnProgramme(**settings)  # type: ignore[arg-type]
    assert issubclass(AsnProgrammeError, DomainError)


def test_the_period_kind_can_come_from_stored_text() -> None:
    programme = AsnProgramme(period="month")  # type: ignore[arg-type]
    assert programme.period is PeriodKind.MONTH


@pytest.mark.parametrize(
    ("before", "sale", "progress"),
    [
        (0, 60_000, AsnProgress(60_000, 100_000, 40_000, False, 0.6, False)),
        (60_000, 40_000, AsnProgress(100_000, 100_000, 0, True, 1.0, True)),
        (100_000, 25_000, AsnProgress(125_000, 100_000, 0, True, 1.0, False)),
        (0, 0, AsnProgress(0, 100_000, 100_000, False, 0.0, False)),
        (99_999, 0, AsnProgress(99_999, 100_000, 1, False, 0.99999, False)),
    ],
)
def test_progress_towards_the_minimum(before: int, sale: int, progress: AsnProgress) -> None:
    assert asn_progress(AsnProgramme(), before, sale) == progress


def test_progress_text_for_the_receipt() -> None:
    assert asn_progress(AsnProgramme(), 20_000, 40_000).describe() == "Kurang Rp40.000 dari Rp100.000"
    assert asn_progress(AsnProgramme(), 20_000, 80_000).describe() == "Target belanja ASN tercapai"


@pytest.mark.parametrize(("before", "sale"), [(-1, 10_000), (0, -10_000), (True, 0)])
def test_progress_refuses_negative_amounts(before: int, sale: int) -> None:
    with pytest.raises(DomainError, match="tidak boleh negatif"):
        asn_progress(AsnProgramme(), before, sale)


def test_dates_are_written_the_indonesian_way() -> None:
    assert format_date_id(date(2026, 12, 1)) == "1 Desember 2026"
    assert format_date_id(date(2027, 8, 17)) == "17 Agustus 2027"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_lies_in_exactly_its_own_month(day: date) -> None:
    period = period_for(AsnProgramme(), day)
    assert period is not None and period.contains(day)
    assert period.start.day == 1 and period.start.month == period.end.month == day.month
    assert (period.end + timedelta(days=1)).month != day.month
    assert period.key == day.strftime("%Y-%m")


@given(st.integers(1, 10**7), st.integers(0, 10**8), st.integers(0, 10**8))
def test_progress_properties(minimum: int, before: int, sale: int) -> None:
    progress = asn_progress(AsnProgramme(minimum=minimum), before, sale)
    assert progress.total == before + sale
    assert progress.remaining == max(0, minimum - progress.total) >= 0
    assert progress.met == (progress.remaining == 0)
    assert 0.0 <= progress.fraction <= 1.0
    assert progress.met_by_this_sale == (progress.met and before < minimum)
