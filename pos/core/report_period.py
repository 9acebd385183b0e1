"""Report periods: inclusive ranges of business dates (the outlet's calendar, WITA by default).

Every report compares its period with the previous period of the same length: a week with the week
before, 1-10 March with 19-28 February. "This month" is the first of the month up to today, so it is
compared with as many days just before it, not with the whole previous month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pos.core.asn_period import MONTH_NAMES, format_date_id
from pos.core.errors import DomainError

FILLED_DAYS = 366  # up to a year, a report by day lists the days without sales too (charts need them)


class PeriodError(DomainError):
    """The dates do not make a period (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError("Tanggal akhir tidak boleh sebelum tanggal awal.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period | None:
        """The period of the same length that ends the day before this one starts (None before year 1:
        `--from 0001-01-01`, a period meant to cover every sale)."""
        try:
            end = self.start - timedelta(days=1)
            return Period(end - timedelta(days=self.days - 1), end)
        except OverflowError:
            return None

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    @property
    def label(self) -> str:
        if self.start == self.end:
            return format_date_id(self.start)
        return f"{format_date_id(self.start)} - {format_date_id(self.end)}"

    def to_json(self) -> dict[str, object]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "days": self.days}


PRESETS = {"today": "Hari ini", "week": "Minggu ini", "month": "Bulan ini", "last_month": "Bulan lalu"}


def preset(name: str, today: date) -> Period:
    """today; week (Monday to today); month (the 1st to today); last_month (the whole previous month)."""
    if name == "today":
        return Period(today, today)
    if name == "week":
        return Period(today - timedelta(days=today.weekday()), today)
    if name == "month":
        return Period(today.replace(day=1), today)
    if name == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return Period(end.replace(day=1), end)
    raise PeriodError(f"Periode tidak dikenal: {name}.")


def month_period(text: str) -> Period:
    """`YYYY-MM` as the whole calendar month."""
    try:
        year, month = (int(part) for part in text.split("-"))
        start = date(year, month, 1)
    except ValueError:
        raise PeriodError(f"Bulan harus YYYY-MM, bukan {text!r}.") from None
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(start, following - timedelta(days=1))


def month_label(period: Period) -> str:
    return f"{MONTH_NAMES[period.start.month - 1]} {period.start.year}"


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f"{what} harus YYYY-MM-DD, bukan {text!r}.") from None
