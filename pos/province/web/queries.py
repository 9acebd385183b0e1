"""What the dashboard reads besides pos.province.dashboard_queries (which reads the summary tables):
what each ASN bought (for an agency's list and the NIP search) and the registry search. Both touch only
the few NIPs on a page, through the sales' buyer index."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, case, func, select

from pos.core.asn_period import AsnPeriod
from pos.province import dashboard_queries
from pos.province.schema import asn, asn_period_totals, refunds, sale_lines, sales


def purchases_of(conn: Connection, nips: list[str], period: AsnPeriod) -> dict[str, list[tuple[str, int]]]:
    """Per NIP: (product name, units) bought in the period and not refunded, most units first."""
    units: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, str] = {}
    in_period = (sales.c.business_date >= period.start, sales.c.business_date <= period.end)
    for start in range(0, len(nips), 500):
        chunk = nips[start : start + 500]
        rows = conn.execute(
            select(
                sales.c.buyer_nip, sale_lines.c.product_code, sale_lines.c.name, func.sum(sale_lines.c.qty)
            )
            .select_from(sale_lines.join(sales, sales.c.id == sale_lines.c.sale_id))
            .where(sales.c.buyer_nip.in_(chunk), *in_period)
            .group_by(sales.c.buyer_nip, sale_lines.c.product_code, sale_lines.c.name)
        )
        for nip, code, name, qty in rows:
            units[nip][code] += int(qty)
            names[code] = name
        refunded = conn.execute(
            select(sales.c.buyer_nip, refunds.c.lines)
            .select_from(refunds.join(sales, sales.c.id == refunds.c.sale_id))
            .where(sales.c.buyer_nip.in_(chunk), *in_period)
        )
        for nip, lines in refunded:
            for line in json.loads(lines):
                units[nip][line["product_code"]] -= int(line["qty"])
    return {
        nip: sorted(((names[c], q) for c, q in items.items() if q > 0), key=lambda i: (-i[1], i[0]))
        for nip, items in units.items()
    }


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


def compliance_grid(conn: Connection, period_key: str, minimum: int) -> list[dict[str, Any]]:
    """Active ASN per (agency, kabupaten): count, how many met the minimum, amount bought; one pass over
    the registry and the period's per-ASN totals (the province page's two tables both come from it)."""
    totals = (
        select(asn_period_totals.c.nip, asn_period_totals.c.amount)
        .where(asn_period_totals.c.period_key == period_key)
        .subquery()
    )
    amount = func.coalesce(totals.c.amount, 0)
    rows = conn.execute(
        select(
            asn.c.agency,
            asn.c.kabupaten,
            func.count(),
            func.sum(case((amount >= minimum, 1), else_=0)),
            func.sum(amount),
        )
        .select_from(asn.outerjoin(totals, totals.c.nip == asn.c.nip))
        .where(asn.c.active.is_(True))
        .group_by(asn.c.agency, asn.c.kabupaten)
    )
    return [
        {"agency": a, "kabupaten": k, "asn": int(n), "met": int(met or 0), "amount": int(total or 0)}
        for a, k, n, met, total in rows
    ]


def roll_up(grid: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The grid added up by `key` ("agency" or "kabupaten"), sorted by it, with not_met and percent."""
    sums: dict[str, dict[str, Any]] = {}
    for cell in grid:
        entry = sums.setdefault(cell[key], {key: cell[key], "asn": 0, "met": 0, "amount": 0})
        for field in ("asn", "met", "amount"):
            entry[field] += cell[field]
    result = [sums[name] for name in sorted(sums)]
    for entry in result:
        entry["not_met"] = entry["asn"] - entry["met"]
        entry["percent"] = 100.0 * entry["met"] / entry["asn"] if entry["asn"] else 0.0
    return result


def outlet_months(conn: Connection, period: AsnPeriod, outlet: str | None) -> list[dict[str, Any]]:
    """Per outlet in the period (dashboard_queries.outlet_months) as table rows, with the ASN share."""
    return [
        {
            "outlet": row.outlet,
            "name": row.name,
            "kabupaten": row.kabupaten,
            "sales": row.sales,
            "net": row.net,
            "asn_net": row.asn_net,
            "asn_share": 100.0 * row.asn_net / row.net if row.net else 0.0,
        }
        for row in dashboard_queries.outlet_months(conn, period, outlet)
    ]
