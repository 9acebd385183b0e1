"""What the dashboard pages show, as small typed queries over the summary tables (pos.province.summaries).

Every function takes a connection and a period key ("2026-11", or the configured "campaign:NAME"), reads
summaries only (never the raw sales), and returns frozen dataclasses. Money is int rupiah. Who may see
what is the caller's business: a `Scope` narrows a query to one agency or one outlet, and the web layer
picks the scope from the signed-in user.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, case, func, insert, select, update
from sqlalchemy.sql.elements import ColumnElement

from pos.core.asn_period import AsnPeriod
from pos.province.dashboard_types import (
    PROVINCE,
    AgencyCompliance,
    AsnCounts,
    AsnMember,
    DayPoint,
    KabupatenCompliance,
    KabupatenMonth,
    MembersPage,
    MonthSummary,
    OutletMonth,
    ProducerSales,
    Scope,
    TillStatus,
)
from pos.province.programme import PROVINCE_ZONE, load_programme, month_period, period_by_key
from pos.province.schema import (
    asn,
    asn_period_totals,
    outlets,
    producer_day_totals,
    rejected_events,
    settings,
    till_day_totals,
    tills,
)

__all__ = [
    "PROVINCE",
    "AgencyCompliance",
    "AsnCounts",
    "AsnMember",
    "DayPoint",
    "KabupatenCompliance",
    "KabupatenMonth",
    "MembersPage",
    "MonthSummary",
    "OutletMonth",
    "ProducerSales",
    "Scope",
    "TillStatus",
    "agency_compliance",
    "agency_members_below_minimum",
    "asn_person",
    "kabupaten_compliance",
    "monthly_target",
    "outlet_status",
    "period_of",
    "producer_sales",
    "save_monthly_target",
    "summary_month",
]

TARGET_KEY = "monthly_target"
DEFAULT_MONTHLY_TARGET = 150_000_000_000  # the province's aim: Rp150-200 miliar a month (domain notes)
SILENT_AFTER = timedelta(hours=24)
PAYDAY_PEAK = 1.5  # a day selling 1.5x the period's daily mean is a peak (ASN salaries land on the 1st)
MEMBER_SORTS = ("amount", "-amount", "name", "nip")


def period_of(conn: Connection, key: str) -> AsnPeriod:
    """A month "YYYY-MM" always; "campaign:NAME" only for the configured campaign (else DomainError)."""
    return period_by_key(load_programme(conn), key)


def monthly_target(conn: Connection) -> int:
    raw = conn.execute(select(settings.c.value).where(settings.c.key == TARGET_KEY)).scalar()
    return DEFAULT_MONTHLY_TARGET if raw is None else int(raw)


def save_monthly_target(conn: Connection, amount: int) -> None:
    if amount <= 0:
        raise ValueError("target harus lebih dari Rp0")
    changed = conn.execute(update(settings).where(settings.c.key == TARGET_KEY).values(value=str(amount)))
    if not changed.rowcount:
        conn.execute(insert(settings).values(key=TARGET_KEY, value=str(amount)))


def _in(period: AsnPeriod, column: Any) -> ColumnElement[bool]:
    return and_(column >= period.start, column <= period.end)


def _asn_totals(key: str) -> Any:
    return select(asn_period_totals.c.nip, asn_period_totals.c.amount, asn_period_totals.c.sales).where(
        asn_period_totals.c.period_key == key
    )


def summary_month(conn: Connection, month: str, scope: Scope = PROVINCE) -> MonthSummary:
    """Ringkasan of a period: totals, per outlet and kabupaten, daily series (with the previous month),
    ASN share, and how many ASN met the minimum."""
    programme = load_programme(conn)
    period = period_by_key(programme, month)
    by_outlet = [] if scope.agency else outlet_months(conn, period, scope.outlet)
    kabupaten: dict[str, list[int]] = {}
    for row in by_outlet:
        entry = kabupaten.setdefault(row.kabupaten, [0, 0, 0, 0])
        for index, value in enumerate((1, row.sales, row.net, row.asn_net)):
            entry[index] += value
    previous: list[DayPoint] = []
    if not scope.agency and not month.startswith("campaign:"):
        before = period.start - timedelta(days=1)
        previous = _daily(conn, month_period(f"{before.year:04d}-{before.month:02d}"), scope.outlet)
    return MonthSummary(
        period_key=period.key,
        label=period.label,
        start=period.start,
        end=period.end,
        minimum=programme.minimum,
        target=monthly_target(conn) if scope == PROVINCE else None,
        sales=sum(r.sales for r in by_outlet),
        gross=sum(r.gross for r in by_outlet),
        refunded=sum(r.refunded for r in by_outlet),
        net=sum(r.net for r in by_outlet),
        asn_net=sum(r.asn_net for r in by_outlet),
        outlets=by_outlet,
        kabupaten=[KabupatenMonth(k, *v) for k, v in sorted(kabupaten.items())],
        daily=[] if scope.agency else _daily(conn, period, scope.outlet),
        previous_daily=previous,
        asn=None if scope.outlet else _asn_counts(conn, period.key, programme.minimum, scope.agency),
    )


def outlet_months(conn: Connection, period: AsnPeriod, outlet: str | None) -> list[OutletMonth]:
    """Per outlet in the period, from the per-till daily totals (refunds netted in `net`)."""
    t = till_day_totals.c
    sums = (
        select(
            t.outlet_id,
            func.sum(t.sales).label("sales"),
            func.sum(t.gross).label("gross"),
            func.sum(t.refunded).label("refunded"),
            func.sum(t.asn_gross - t.asn_refunded).label("asn_net"),
        )
        .where(_in(period, t.business_date))
        .group_by(t.outlet_id)
        .subquery()
    )
    query = select(
        outlets.c.code,
        outlets.c.name,
        outlets.c.kabupaten,
        func.coalesce(sums.c.sales, 0),
        func.coalesce(sums.c.gross, 0),
        func.coalesce(sums.c.refunded, 0),
        func.coalesce(sums.c.asn_net, 0),
    ).select_from(outlets.outerjoin(sums, sums.c.outlet_id == outlets.c.id))
    if outlet is not None:
        query = query.where(outlets.c.code == outlet)
    return [
        OutletMonth(code, name, kab, int(n), int(gross), int(back), int(gross) - int(back), int(asn_net))
        for code, name, kab, n, gross, back, asn_net in conn.execute(query.order_by(outlets.c.code))
    ]


def _daily(conn: Connection, period: AsnPeriod, outlet: str | None) -> list[DayPoint]:
    t = till_day_totals.c
    query = (
        select(
            t.business_date,
            func.sum(t.sales),
            func.sum(t.gross - t.refunded),
            func.sum(t.asn_gross - t.asn_refunded),
        )
        .where(_in(period, t.business_date))
        .group_by(t.business_date)
        .order_by(t.business_date)
    )
    if outlet is not None:
        query = query.where(
            t.outlet_id == select(outlets.c.id).where(outlets.c.code == outlet).scalar_subquery()
        )
    rows = [(day, int(n), int(net), int(asn_net)) for day, n, net, asn_net in conn.execute(query)]
    mean = sum(r[2] for r in rows) / len(rows) if rows else 0
    return [
        DayPoint(day, n, net, asn_net, bool(mean) and net >= PAYDAY_PEAK * mean)
        for day, n, net, asn_net in rows
    ]


def _met_columns(minimum: int, amount: Any) -> tuple[Any, ...]:
    met = func.sum(case((amount >= minimum, 1), else_=0))
    return func.count(), met, func.coalesce(func.sum(amount), 0)


def _asn_counts(conn: Connection, key: str, minimum: int, agency: str | None) -> AsnCounts:
    totals = _asn_totals(key).subquery()
    query = (
        select(*_met_columns(minimum, totals.c.amount))
        .select_from(asn.outerjoin(totals, totals.c.nip == asn.c.nip))
        .where(asn.c.active.is_(True))
    )
    if agency is not None:
        query = query.where(asn.c.agency == agency)
    count, met, amount = conn.execute(query).one()
    return AsnCounts(int(count), int(met or 0), int(amount))


def agency_compliance(conn: Connection, month: str, agency: str | None = None) -> list[AgencyCompliance]:
    """Kepatuhan ASN per agency (active ASN, met, not met, amount), or only `agency`; by agency name."""
    return [AgencyCompliance(*row) for row in _compliance_by(conn, month, asn.c.agency, agency)]


def kabupaten_compliance(
    conn: Connection, month: str, agency: str | None = None
) -> list[KabupatenCompliance]:
    """Kepatuhan ASN per kabupaten of the ASN (as the registry has it), optionally of one agency."""
    return [KabupatenCompliance(*row) for row in _compliance_by(conn, month, asn.c.kabupaten, agency)]


def _compliance_by(conn: Connection, month: str, column: Any, agency: str | None) -> list[tuple[Any, ...]]:
    programme = load_programme(conn)
    period = period_by_key(programme, month)
    totals = _asn_totals(period.key).subquery()
    query = (
        select(column, *_met_columns(programme.minimum, totals.c.amount))
        .select_from(asn.outerjoin(totals, totals.c.nip == asn.c.nip))
        .where(asn.c.active.is_(True))
        .group_by(column)
        .order_by(column)
    )
    if agency is not None:
        query = query.where(asn.c.agency == agency)
    return [
        (name, int(count), int(met or 0), int(amount)) for name, count, met, amount in conn.execute(query)
    ]


def agency_members_below_minimum(
    conn: Connection,
    month: str,
    agency: str,
    page: int = 1,
    sort: str = "amount",
    per_page: int = 50,
    include_met: bool = False,
) -> MembersPage:
    """An agency's active ASN below the minimum (all of them with `include_met`), a page at a time.
    `sort`: "amount" (least bought first), "-amount", "name" or "nip"; ties by NIP."""
    if sort not in MEMBER_SORTS:
        raise ValueError(f"urutan tidak dikenal: {sort}")
    page, per_page = max(1, page), max(1, min(per_page, 1000))
    programme = load_programme(conn)
    period = period_by_key(programme, month)
    totals = _asn_totals(period.key).subquery()
    amount = func.coalesce(totals.c.amount, 0)
    where = and_(asn.c.active.is_(True), asn.c.agency == agency)
    if not include_met:
        where = and_(where, amount < programme.minimum)
    joined = asn.outerjoin(totals, totals.c.nip == asn.c.nip)
    total = conn.execute(select(func.count()).select_from(joined).where(where)).scalar_one()
    order = {"amount": amount, "-amount": amount.desc(), "name": asn.c.name, "nip": asn.c.nip}[sort]
    rows = conn.execute(
        select(asn.c.nip, asn.c.name, asn.c.agency, asn.c.kabupaten, amount, func.coalesce(totals.c.sales, 0))
        .select_from(joined)
        .where(where)
        .order_by(order, asn.c.nip)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    items = [
        AsnMember(nip, name, ag, kab, int(bought), int(n), max(0, programme.minimum - int(bought)))
        for nip, name, ag, kab, bought, n in rows
    ]
    return MembersPage(
        agency, period.key, period.label, programme.minimum, sort, page, per_page, int(total), items
    )


def asn_person(conn: Connection, nip: str, month: str) -> AsnMember | None:
    """One ASN by NIP (the admin's NIP search): registry data and what they bought in the period."""
    programme = load_programme(conn)
    period = period_by_key(programme, month)
    found = conn.execute(select(asn.c.name, asn.c.agency, asn.c.kabupaten).where(asn.c.nip == nip)).first()
    if found is None:
        return None
    bought = conn.execute(_asn_totals(period.key).where(asn_period_totals.c.nip == nip)).first()
    amount, n = (int(bought.amount), int(bought.sales)) if bought else (0, 0)
    return AsnMember(
        nip, found.name, found.agency, found.kabupaten, amount, n, max(0, programme.minimum - amount)
    )


def outlet_status(conn: Connection, now: datetime, outlet: str | None = None) -> list[TillStatus]:
    """Per outlet and till: this month's sales (WITA calendar month of `now`), last sync, what the till
    last reported (pending, rejected, version), rejections held here, and whether it is silent."""
    today = now.astimezone(ZoneInfo(PROVINCE_ZONE)).date()  # the zone is loaded at first use, not import
    month = month_period(f"{today.year:04d}-{today.month:02d}")
    t = till_day_totals.c
    sums = (
        select(t.till_id, func.sum(t.sales).label("sales"), func.sum(t.gross - t.refunded).label("net"))
        .where(_in(month, t.business_date))
        .group_by(t.till_id)
        .subquery()
    )
    held = (
        select(rejected_events.c.till_id, func.count().label("n"))
        .group_by(rejected_events.c.till_id)
        .subquery()
    )
    query = (
        select(
            outlets.c.code,
            outlets.c.name,
            outlets.c.kabupaten,
            tills.c.terminal,
            func.coalesce(sums.c.sales, 0),
            func.coalesce(sums.c.net, 0),
            tills.c.last_sync_at,
            tills.c.pending,
            tills.c.rejected,
            func.coalesce(held.c.n, 0),
            tills.c.app_version,
            tills.c.revoked_at,
        )
        .select_from(
            tills.join(outlets, outlets.c.id == tills.c.outlet_id)
            .outerjoin(sums, sums.c.till_id == tills.c.id)
            .outerjoin(held, held.c.till_id == tills.c.id)
        )
        .order_by(outlets.c.code, tills.c.terminal)
    )
    if outlet is not None:
        query = query.where(outlets.c.code == outlet)
    rows = conn.execute(query).all()
    return [
        TillStatus(
            code,
            name,
            kab,
            terminal,
            int(n),
            int(net),
            last,
            pending,
            rejected,
            int(held_n),
            version,
            last is None or now - last > SILENT_AFTER,
            revoked is not None,
        )
        for (code, name, kab, terminal, n, net, last, pending, rejected, held_n, version, revoked) in rows
    ]


def producer_sales(conn: Connection, month: str, outlet: str | None = None) -> list[ProducerSales]:
    """Produsen UMKM: per producer and outlet, sales, units, gross, refunds and net in the period;
    by outlet, then net (largest first)."""
    period = period_of(conn, month)
    p = producer_day_totals.c
    query = (
        select(
            p.supplier_code,
            outlets.c.code,
            outlets.c.name,
            func.sum(p.sales),
            func.sum(p.qty - p.refunded_qty),
            func.sum(p.gross),
            func.sum(p.refunded),
        )
        .select_from(producer_day_totals.join(outlets, outlets.c.id == p.outlet_id))
        .where(_in(period, p.business_date))
        .group_by(p.supplier_code, outlets.c.code, outlets.c.name)
    )
    if outlet is not None:
        query = query.where(outlets.c.code == outlet)
    rows = [
        ProducerSales(code, o, name, int(n), int(qty), int(g), int(r), int(g) - int(r))
        for code, o, name, n, qty, g, r in conn.execute(query)
    ]
    return sorted(rows, key=lambda r: (r.outlet, -r.net, r.supplier))
