"""Province reports as plain data (the CLI prints them as tables or JSON)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, func, select

from pos.core.asn_period import AsnPeriod
from pos.province.schema import asn, asn_period_totals, outlets, producer_day_totals, till_day_totals, tills


def outlets_report(conn: Connection) -> list[dict[str, Any]]:
    """Per outlet, all its tills added up: number of sales, gross (sum of sale totals), refunds, net,
    the last sync of any till, and how many tills it has (and how many still hold a token).
    Read from the per-till daily summary (pos.province.summaries), not the raw sales."""
    day = till_day_totals.c
    sale_sums = (
        select(
            day.outlet_id,
            func.sum(day.sales).label("sales"),
            func.sum(day.gross).label("gross"),
            func.sum(day.refunded).label("refunds"),
        )
        .group_by(day.outlet_id)
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
            func.coalesce(sale_sums.c.refunds, 0).label("refunds"),
        )
        .select_from(
            outlets.outerjoin(sale_sums, sale_sums.c.outlet_id == outlets.c.id).outerjoin(
                till_counts, till_counts.c.outlet_id == outlets.c.id
            )
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
    per agency: how many ASN met it. Buyers not in the registry are counted, not listed.
    Read from the per-ASN period totals kept by ingest (pos.province.summaries)."""
    totals = (
        select(asn_period_totals.c.nip, asn_period_totals.c.amount)
        .where(asn_period_totals.c.period_key == period.key)
        .subquery()
    )
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
    """Per UMKM producer (supplier code on the sale line, all outlets): sales with a line of it, units
    sold, gross, refunded and net in the period (by the sale's business date; from the daily summary)."""
    p = producer_day_totals.c
    rows = conn.execute(
        select(
            p.supplier_code,
            func.sum(p.sales).label("sales"),
            func.sum(p.qty).label("qty"),
            func.sum(p.gross).label("gross"),
            func.sum(p.refunded).label("refunded"),
        )
        .where(and_(p.business_date >= period.start, p.business_date <= period.end))
        .group_by(p.supplier_code)
        .order_by(p.supplier_code)
    ).all()
    return [
        {
            "supplier": r.supplier_code,
            "sales": int(r.sales),
            "qty": int(r.qty),
            "gross": int(r.gross),
            "refunded": int(r.refunded),
            "net": int(r.gross) - int(r.refunded),
        }
        for r in rows
    ]
