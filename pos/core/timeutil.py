"""Outlet time: everything is stored in UTC; business dates and receipts use the outlet's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

WITA = "Asia/Makassar"


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_time(at: datetime, zone: str = WITA) -> datetime:
    if at.tzinfo is None:
        raise ValueError("naive datetime: give an aware UTC time")
    return at.astimezone(ZoneInfo(zone))


def business_date(at: datetime, zone: str = WITA) -> date:
    """The shop's calendar day of an instant: a sale at 23:30 WITA belongs to that WITA day."""
    return local_time(at, zone).date()
