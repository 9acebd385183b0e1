"""The ASN buying programme as a province setting: minimum amount and period (month or campaign).

The rules and period keys come from `pos.core.asn_period`, so a till computes the same period key
("2026-11" or "campaign:Natal 2026") for a sale as the server does for its totals.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, delete, insert, select

from pos.core.asn_period import MONTH_NAMES, AsnPeriod, AsnProgramme, PeriodKind, period_for
from pos.core.errors import DomainError
from pos.province.schema import settings

PROVINCE_ZONE = "Asia/Makassar"
_SETTING_KEY = "programme"
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def month_period(key: str) -> AsnPeriod:
    match = _MONTH_RE.match(key)
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
        raise DomainError(f"Bulan '{key}' tidak sah: gunakan bentuk YYYY-MM")
    year, month = int(match.group(1)), int(match.group(2))
    return AsnPeriod(
        key=key,
        start=date(year, month, 1),
        end=date(year, month, calendar.monthrange(year, month)[1]),
        label=f"{MONTH_NAMES[month - 1]} {year}",
    )


def period_by_key(programme: AsnProgramme, key: str) -> AsnPeriod:
    """A month ("2026-11") always works; "campaign:NAME" only for the configured campaign."""
    if key.startswith("campaign:"):
        if programme.period is PeriodKind.CAMPAIGN and programme.campaign_start is not None:
            campaign = period_for(programme, programme.campaign_start)
            if campaign is not None and campaign.key == key:
                return campaign
        raise DomainError(f"Kampanye '{key[9:]}' bukan kampanye yang sedang diatur")
    return month_period(key)


def current_period(programme: AsnProgramme, today: date) -> AsnPeriod:
    """The period a till should show progress for today (a campaign even before it starts)."""
    found = period_for(programme, today)
    if found is not None:
        return found
    assert programme.campaign_start is not None
    campaign = period_for(programme, programme.campaign_start)
    assert campaign is not None
    return campaign


def province_today() -> date:
    return datetime.now(ZoneInfo(PROVINCE_ZONE)).date()


def load_programme(conn: Connection) -> AsnProgramme:
    raw = conn.execute(select(settings.c.value).where(settings.c.key == _SETTING_KEY)).scalar()
    if raw is None:
        return AsnProgramme()
    data = json.loads(raw)
    start, end = data.get("campaign_start"), data.get("campaign_end")
    return AsnProgramme(
        minimum=int(data["minimum"]),
        period=PeriodKind(data["period"]),
        campaign_name=data.get("campaign_name", ""),
        campaign_start=date.fromisoformat(start) if start else None,
        campaign_end=date.fromisoformat(end) if end else None,
    )


def save_programme(conn: Connection, programme: AsnProgramme) -> None:
    value = json.dumps(
        {
            "minimum": programme.minimum,
            "period": programme.period.value,
            "campaign_name": programme.campaign_name,
            "campaign_start": programme.campaign_start.isoformat() if programme.campaign_start else None,
            "campaign_end": programme.campaign_end.isoformat() if programme.campaign_end else None,
        }
    )
    conn.execute(delete(settings).where(settings.c.key == _SETTING_KEY))
    conn.execute(insert(settings).values(key=_SETTING_KEY, value=value))
