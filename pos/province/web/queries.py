"""What the dashboard reads besides pos.province.dashboard_queries (which reads the summary tables):
what each ASN bought (for an agency's list and the NIP search) and the registry search. Both touch only
the few NIPs on a page, through the sales' buyer index."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, func, select

from pos.core.asn_period import AsnPeriod
from pos.province.schema import asn, refunds, sale_lines, sales


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
