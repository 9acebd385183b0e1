"""Province reports as plain data (the CLI prints them as tables or JSON)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, and_, func, select

from pos.core.asn_period import AsnPeriod
from pos.province.asn import spending_query
from pos.province.schema import asn, outlets, refunds, sale_lines, sales, tills


def outlets_report(conn: Connection) -> list[dict[str, Any]]:
    """Per outlet, all its tills added up: number of sales, gross (sum of sale totals), refunds, net,
    the last sync of any till, and how many tills it has (and how many still hold a token)."""
    sale_sums = (
        select(
            sales.c.outlet_id, func.count(sales.c.id).label("sales"), func.sum(sales.c.total).label("gross")
        )
        .group_by(sales.c.outlet_id)
        .subquery()
    )
    refund_sums = (
        select(refunds.c.outlet_id, func.sum(refunds.c.total).label("refunds"))
        .group_by(refunds.c.outlet_id)
        .subquery()
    )
    till_counts = (
        select(
            tills.c.outlet_id,
            func.count(tills.c.id).label("tills"),
            func.count(tills.c.token_hash).label("active_tills"),
        )
        .group_by(tills.c.outlet_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            outlets.c.code,
            outlets.c.name,
            outlets.c.kabupaten,
            outlets.c.last_sync_at,
            func.coalesce(till_counts.c.tills, 0).label("tills"),
            func.coalesce(till_counts.c.active_tills, 0).label("active_tills"),
            func.coalesce(sale_sums.c.sales, 0).label("sales"),
            func.coalesce(sale_sums.c.gross, 0).label("gross"),
            func.coalesce(refund_sums.c.refunds, 0).label("refunds"),
        )
        .select_from(
            outlets.outerjoin(sale_sums, sale_sums.c.outlet_id == outlets.c.id)
            .outerjoin(refund_sums, refund_sums.c.outlet_id == outlets.c.id)
            .outerjoin(till_counts, till_counts.c.outlet_id == outlets.c.id)
        )
        .order_by(outlets.c.code)
    ).all()
    return [
        {
            "outlet": r.code,
            "name": r.name,
            "kabupaten": r.kabupaten,
            "sales": int(r.sales),
            "gross": int(r.gross),
            "refunds": int(r.refunds),
            "net": int(r.gross) - int(r.refunds),
            "last_sync": r.last_sync_at.isoformat() if r.last_sync_at else None,
            "tills": int(r.tills),
            "active_tills": int(r.active_tills),
        }
        for r in rows
    ]


def compliance_report(conn: Connection, period: AsnPeriod, minimum: int) -> dict[str, Any]:
    """Per active ASN: total bought in the period at all outlets and whether it meets the minimum;
    per agency: how many ASN met it. Buyers not in the registry are counted, not listed."""
    totals = spending_query(period).subquery()
    active = select(asn).where(asn.c.active.is_(True)).subquery()
    # one pass: a full join gives registered ASN (with or without purchases) and unregistered buyers
    rows = conn.execute(
        select(
            active.c.nip,
            active.c.name,
            active.c.agency,
            active.c.kabupaten,
            totals.c.amount,
        )
        .select_from(active.join(totals, totals.c.nip == active.c.nip, full=True))
        .order_by(active.c.agency, active.c.nip)
    )
    people: list[dict[str, Any]] = []
    agencies: dict[str, dict[str, Any]] = {}
    unregistered = unregistered_total = 0
    for nip, name, agency_name, kabupaten, amount in rows:
        total = int(amount or 0)
        if nip is None:
            unregistered += 1
            unregistered_total += total
            continue
        met = total >= minimum
        people.append(
            {
                "nip": nip,
                "name": name,
                "agency": agency_name,
                "kabupaten": kabupaten,
                "total": total,
                "met": met,
            }
        )
        agency = agencies.get(agency_name)
        if agency is None:
            agency = agencies[agency_name] = {
                "agency": agency_name,
                "asn": 0,
                "met": 0,
                "not_met": 0,
                "total": 0,
            }
        agency["asn"] += 1
        agency["met" if met else "not_met"] += 1
        agency["total"] += total
    met_count = sum(1 for p in people if p["met"])
    return {
        "period": {
            "key": period.key,
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "minimum": minimum,
        "summary": {
            "asn": len(people),
            "met": met_count,
            "not_met": len(people) - met_count,
            "total": sum(p["total"] for p in people),
            "unregistered_buyers": unregistered,
            "unregistered_total": unregistered_total,
        },
        "agencies": sorted(agencies.values(), key=lambda a: a["agency"]),
        "asn": people,
    }


def suppliers_report(conn: Connection, period: AsnPeriod) -> list[dict[str, Any]]:
    """Per UMKM producer (supplier code on the sale line): units, gross, refunded and net in the period."""
    in_period = and_(sales.c.business_date >= period.start, sales.c.business_date <= period.end)
    rows = conn.execute(
        select(
            sale_lines.c.supplier_code,
            func.sum(sale_lines.c.qty).label("qty"),
            func.sum(sale_lines.c.line_total).label("gross"),
            func.count(func.distinct(sale_lines.c.sale_id)).label("sales"),
        )
        .select_from(sale_lines.join(sales, sales.c.id == sale_lines.c.sale_id))
        .where(in_period)
        .group_by(sale_lines.c.supplier_code)
    ).all()
    report: dict[str, dict[str, Any]] = {
        (r.supplier_code or "-"): {
            "supplier": r.supplier_code or "-",
            "sales": int(r.sales),
            "qty": int(r.qty),
            "gross": int(r.gross),
            "refunded": 0,
        }
        for r in rows
    }
    # Refund lines name a product; the sale's own line tells whose product it was.
    refunded = conn.execute(
        select(refunds.c.sale_id, refunds.c.lines)
        .select_from(refunds.join(sales, sales.c.id == refunds.c.sale_id))
        .where(in_period)
    ).all()
    if refunded:
        supplier_of: dict[tuple[int, str], str] = defaultdict(lambda: "-")
        sale_ids = list({r.sale_id for r in refunded})
        for start in range(0, len(sale_ids), 1000):
            for line in conn.execute(
                select(sale_lines.c.sale_id, sale_lines.c.product_code, sale_lines.c.supplier_code).where(
                    sale_lines.c.sale_id.in_(sale_ids[start : start + 1000])
                )
            ):
                supplier_of[(line.sale_id, line.product_code)] = line.supplier_code or "-"
        for r in refunded:
            for line in json.loads(r.lines):
                code = supplier_of[(r.sale_id, line["product_code"])]
                entry = report.setdefault(
                    code, {"supplier": code, "sales": 0, "qty": 0, "gross": 0, "refunded": 0}
                )
                entry["refunded"] += int(line["amount"])
    result = sorted(report.values(), key=lambda e: e["supplier"])
    for entry in result:
        entry["net"] = entry["gross"] - entry["refunded"]
    return result
