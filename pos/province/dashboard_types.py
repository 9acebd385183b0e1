"""The dashboard's figures as frozen dataclasses (returned by pos.province.dashboard_queries).

Money is int rupiah; percentages are floats 0-100; dates are business dates (WITA)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole province (both None), one agency (instansi text as in the registry), or one
    outlet (its code)."""

    agency: str | None = None
    outlet: str | None = None


PROVINCE = Scope()


@dataclass(frozen=True)
class OutletMonth:
    outlet: str
    name: str
    kabupaten: str
    sales: int
    gross: int
    refunded: int
    net: int
    asn_net: int


@dataclass(frozen=True)
class KabupatenMonth:
    kabupaten: str
    outlets: int
    sales: int
    net: int
    asn_net: int


@dataclass(frozen=True)
class DayPoint:
    day: date
    sales: int
    net: int
    asn_net: int
    peak: bool


@dataclass(frozen=True)
class AsnCounts:
    asn: int  # active ASN in the registry (of the scope's agency)
    met: int
    amount: int  # what they bought in the period, refunds netted

    @property
    def not_met(self) -> int:
        return self.asn - self.met

    @property
    def percent(self) -> float:
        return 100.0 * self.met / self.asn if self.asn else 0.0


@dataclass(frozen=True)
class MonthSummary:
    """Ringkasan: the period to date. `target` is the province's monthly target (None for an outlet or
    agency scope); `outlets`, `kabupaten` and the daily series are empty for an agency scope, and `asn` is
    None for an outlet scope (an ASN's spending is not an outlet's business)."""

    period_key: str
    label: str
    start: date
    end: date
    minimum: int
    target: int | None
    sales: int
    gross: int
    refunded: int
    net: int
    asn_net: int
    outlets: list[OutletMonth]
    kabupaten: list[KabupatenMonth]
    daily: list[DayPoint]
    previous_daily: list[DayPoint]  # the previous calendar month (empty for a campaign)
    asn: AsnCounts | None

    @property
    def asn_share(self) -> float:
        """Percent of net sales bought by ASN (buyers who gave a NIP)."""
        return 100.0 * self.asn_net / self.net if self.net else 0.0

    @property
    def target_percent(self) -> float | None:
        return None if not self.target else 100.0 * self.net / self.target


@dataclass(frozen=True)
class AgencyCompliance:
    agency: str
    asn: int
    met: int
    amount: int

    @property
    def not_met(self) -> int:
        return self.asn - self.met

    @property
    def percent(self) -> float:
        return 100.0 * self.met / self.asn if self.asn else 0.0


@dataclass(frozen=True)
class KabupatenCompliance:
    kabupaten: str
    asn: int
    met: int
    amount: int

    @property
    def not_met(self) -> int:
        return self.asn - self.met

    @property
    def percent(self) -> float:
        return 100.0 * self.met / self.asn if self.asn else 0.0


@dataclass(frozen=True)
class AsnMember:
    nip: str
    name: str
    agency: str
    kabupaten: str
    amount: int
    sales: int
    remaining: int  # what is still to buy to meet the minimum (0 when met)


@dataclass(frozen=True)
class MembersPage:
    agency: str
    period_key: str
    label: str
    minimum: int
    sort: str
    page: int
    per_page: int
    total: int  # rows in all pages
    items: list[AsnMember]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class TillStatus:
    outlet: str
    outlet_name: str
    kabupaten: str
    terminal: str
    sales: int  # this calendar month (WITA), by business date
    net: int
    last_sync: datetime | None
    pending: int | None  # as the till last said at its hello
    rejected: int | None
    rejected_at_province: int  # rejected events the province still holds for it
    app_version: str | None
    silent: bool  # no sync for more than 24 hours (or never)
    revoked: bool

    @property
    def till(self) -> str:
        return f"{self.outlet}-{self.terminal}"


@dataclass(frozen=True)
class ProducerSales:
    supplier: str  # the producer's code at that outlet ("-": lines without one)
    outlet: str
    outlet_name: str
    sales: int
    qty: int
    gross: int
    refunded: int
    net: int
