"""What the dashboard pages read, as plain rows, always narrowed to a scope (an outlet code, an agency).

Sales are net of refunds, a refund counting in the period of the sale it refunds (as the compliance
report and the tills' ASN progress do). Per-ASN compliance comes from pos.province.reports.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, case, func, literal, select, union_all

from pos.core.asn_period import AsnPeriod
from pos.province.schema import asn, outlets, refunds, sale_lines, sales, settings

TARGET_KEY = "monthly_target"


def monthly_target(conn: Connection) -> int:
    """The province's monthly sales target in rupiah (setting `monthly_target`; 0 when not set)."""
    raw = conn.execute(select(settings.c.value).where(settings.c.key == TARGET_KEY)).scalar()
    return int(raw) if raw else 0


def _movements(start: date, end: date, outlet: str | None) -> Any:
    """Sale totals and negative refunds of sales made between start and end, with outlet and buyer."""
    where = [sales.c.business_date >= start, sales.c.business_date <= end]
    if outlet is not None:
        where.append(outlets.c.code == outlet)
    base = sales.join(outlets, outlets.c.id == sales.c.outlet_id)
    sold = (
        select(
            outlets.c.code.label("outlet"),
            sales.c.business_date.label("day"),
            sales.c.buyer_nip.label("nip"),
            sales.c.total.label("amount"),
            literal(1).label("n"),
        )
        .select_from(base)
        .where(and_(*where))
    )
    refunded = (
        select(
            outlets.c.code.label("outlet"),
            sales.c.business_date.label("day"),
            sales.c.buyer_nip.label("nip"),
            (-refunds.c.total).label("amount"),
            literal(0).label("n"),
        )
        .select_from(base.join(refunds, refunds.c.sale_id == sales.c.id))
        .where(and_(*where))
    )
    return union_all(sold, refunded).subquery()


def daily_sales(conn: Connection, start: date, end: date, outlet: str | None) -> dict[date, int]:
    moves = _movements(start, end, outlet)
    rows = conn.execute(select(moves.c.day, func.sum(moves.c.amount)).group_by(moves.c.day))
    return {(r[0] if isinstance(r[0], date) else date.fromisoformat(str(r[0]))): int(r[1]) for r in rows}


def outlet_sales(conn: Connection, period: AsnPeriod, outlet: str | None) -> list[dict[str, Any]]:
    """Per outlet in the period: sales, net amount, and the part bought by identified ASN."""
    moves = _movements(period.start, period.end, outlet)
    sums = (
        select(
            moves.c.outlet,
            func.sum(moves.c.n).label("sales"),
            func.sum(moves.c.amount).label("net"),
            func.sum(case((moves.c.nip.is_not(None), moves.c.amount), else_=0)).label("asn"),
        )
        .group_by(moves.c.outlet)
        .subquery()
    )
    query = select(
        outlets.c.code,
        outlets.c.name,
        outlets.c.kabupaten,
        func.coalesce(sums.c.sales, 0),
        func.coalesce(sums.c.net, 0),
        func.coalesce(sums.c.asn, 0),
    ).select_from(outlets.outerjoin(sums, sums.c.outlet == outlets.c.code))
    if outlet is not None:
        query = query.where(outlets.c.code == outlet)
    return [
        {
            "outlet": r[0],
            "name": r[1],
            "kabupaten": r[2],
            "sales": int(r[3]),
            "net": int(r[4]),
            "asn": int(r[5]),
        }
        for r in conn.execute(query.order_by(outlets.c.code))
    ]


def by_kabupaten(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = totals.setdefault(
            row["kabupaten"], {"kabupaten": row["kabupaten"], "outlets": 0, "sales": 0, "net": 0, "asn": 0}
        )
        entry["outlets"] += 1
        for key in ("sales", "net", "asn"):
            entry[key] += row[key]
    return sorted(totals.values(), key=lambda e: e["kabupaten"])


def purchases_of(conn: Connection, nips: list[str], period: AsnPeriod) -> dict[str, list[tuple[str, int]]]:
    """Per NIP: (product name, units) bought in the period, most units first (refunds not subtracted)."""
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for start in range(0, len(nips), 500):
        chunk = nips[start : start + 500]
        rows = conn.execute(
            select(sales.c.buyer_nip, sale_lines.c.name, func.sum(sale_lines.c.qty))
            .select_from(sale_lines.join(sales, sales.c.id == sale_lines.c.sale_id))
            .where(
                sales.c.buyer_nip.in_(chunk),
                sales.c.business_date >= period.start,
                sales.c.business_date <= period.end,
            )
            .group_by(sales.c.buyer_nip, sale_lines.c.name)
        )
        for nip, name, qty in rows:
            found[nip][name] += int(qty)
    return {nip: sorted(items.items(), key=lambda i: (-i[1], i[0])) for nip, items in found.items()}


def producer_sales(conn: Connection, period: AsnPeriod, outlet: str | None) -> list[dict[str, Any]]:
    """Per UMKM producer (the sale line's supplier code) and outlet: transactions, units, gross."""
    where = [sales.c.business_date >= period.start, sales.c.business_date <= period.end]
    if outlet is not None:
        where.append(outlets.c.code == outlet)
    rows = conn.execute(
        select(
            sale_lines.c.supplier_code,
            outlets.c.code,
            func.count(func.distinct(sale_lines.c.sale_id)),
            func.sum(sale_lines.c.qty),
            func.sum(sale_lines.c.line_total),
        )
        .select_from(
            sale_lines.join(sales, sales.c.id == sale_lines.c.sale_id).join(
                outlets, outlets.c.id == sales.c.outlet_id
            )
        )
        .where(and_(*where))
        .group_by(sale_lines.c.supplier_code, outlets.c.code)
    )
    return [
        {"supplier": r[0] or "-", "outlet": r[1], "sales": int(r[2]), "qty": int(r[3]), "gross": int(r[4])}
        for r in rows
    ]


def find_asn(conn: Connection, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """ASN whose NIP starts with the digits typed, or whose name contains the words typed."""
    text = text.strip()
    if not text:
        return []
    if text.isdigit():
        condition = asn.c.nip.startswith(text)
    else:
        condition = func.lower(asn.c.name).contains(text.lower())
    rows = conn.execute(
        select(asn.c.nip, asn.c.name, asn.c.agency, asn.c.kabupaten, asn.c.active)
        .where(condition)
        .order_by(asn.c.nip)
        .limit(limit)
    )
    return [
        {"nip": r.nip, "name": r.name, "agency": r.agency, "kabupaten": r.kabupaten, "active": bool(r.active)}
        for r in rows
    ]
