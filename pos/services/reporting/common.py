"""What every report shares: the figures of a row, the outlet's name and zone, the manager's right to see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import text

from pos.db.uow import UnitOfWork
from pos.services.context import Actor, Role, require_role


@dataclass(frozen=True)
class Figures:
    """Money in integer rupiah. `gross` is what the sales were charged (sale totals), `refunds` the
    money given back in the period, `net` = gross - refunds."""

    sales: int = 0
    qty: int = 0
    gross: int = 0
    discount: int = 0
    refunds: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.refunds

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.sales + other.sales,
            self.qty + other.qty,
            self.gross + other.gross,
            self.discount + other.discount,
            self.refunds + other.refunds,
        )

    def to_json(self) -> dict[str, int]:
        return {
            "sales": self.sales,
            "qty": self.qty,
            "gross": self.gross,
            "discount": self.discount,
            "refunds": self.refunds,
            "net": self.net,
        }


@dataclass(frozen=True)
class OutletHeader:
    code: str
    name: str
    address: str
    timezone: str


def outlet_header(uow: UnitOfWork) -> OutletHeader:
    row = (
        uow.session.connection()
        .execute(text("SELECT code, name, address, timezone FROM outlets ORDER BY id LIMIT 1"))
        .first()
    )
    if row is None:
        return OutletHeader("", "NTT Mart", "", "Asia/Makassar")
    return OutletHeader(row.code, row.name, row.address or "", row.timezone)


def may_see_reports(actor: Actor | None) -> None:
    """Reports are the manager's. `None` is the command line, run by whoever owns the data folder
    (like `report totals` and `receipt`): it could read the database file directly anyway."""
    if actor is not None:
        require_role(actor, Role.MANAGER, "Melihat laporan")


def utc_offset_minutes(zone: str, day: date) -> int:
    """The zone's offset from UTC on that day. Indonesia's zones keep one offset all year (no DST)."""
    moment = datetime.combine(day, time(12), tzinfo=ZoneInfo(zone))
    offset = moment.utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def utc_bounds(zone: str, start: date, end: date) -> tuple[str, str]:
    """The stored (UTC, ISO text) instants of the outlet's midnight before `start` and after `end`."""
    tz = ZoneInfo(zone)
    first = datetime.combine(start, time(0), tzinfo=tz).astimezone(UTC)
    after = datetime.combine(date.fromordinal(end.toordinal() + 1), time(0), tzinfo=tz).astimezone(UTC)
    return first.isoformat(timespec="microseconds"), after.isoformat(timespec="microseconds")


def local_hour_sql(column: str) -> str:
    """The hour of the day (0-23) in the outlet's zone of a stored UTC time ('2026-12-01T03:15:...+00:00'),
    cut from the text: cheaper than SQLite's date functions over a year of sales. `:offset` in minutes."""
    minutes = f"(CAST(substr({column}, 12, 2) AS INTEGER) * 60 + CAST(substr({column}, 15, 2) AS INTEGER))"
    return f"((({minutes} + :offset) % 1440 + 1440) % 1440 / 60)"
