"""`ntt-pos-province verify`: the summary tables recomputed from the raw sales and refunds, compared.

The reference is the raw computation the reports used before the summaries existed
(`asn.spending_query`, `summaries.raw_till_days`, `summaries.raw_producer_days`). A missing row and a row
of zeros are the same figure. Every difference names the ASN, till or producer, the field and both
figures, so an operator can see what drifted before repairing it (`verify --repair`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, select, text

from pos.core.asn_period import AsnPeriod, PeriodKind, period_for
from pos.core.money import format_rupiah
from pos.province import summaries
from pos.province.asn import spending_query
from pos.province.programme import load_programme, month_period
from pos.province.schema import asn_period_totals, outlets, producer_day_totals, till_day_totals, tills

SHOWN = 50  # differences printed; --json has them all


@dataclass(frozen=True)
class Difference:
    what: str  # "ASN 1986... periode 2026-11", "kasir 5371-01 tanggal 2026-11-03", ...
    field: str
    summary: int
    raw: int

    def describe(self) -> str:
        money = self.field not in ("sales", "asn_sales", "qty", "refunded_qty")
        shown = format_rupiah if money else str
        return f"{self.what}, {self.field}: ringkasan {shown(self.summary)}, dari penjualan {shown(self.raw)}"


@dataclass(frozen=True)
class VerifyResult:
    checked: int  # summary rows and raw groups compared
    differences: list[Difference]


def verify(conn: Connection, month: str | None = None) -> VerifyResult:
    """Compare every summary (or those of one month "YYYY-MM") with the raw sales."""
    programme = load_programme(conn)
    periods: list[AsnPeriod]
    window: AsnPeriod | None = None
    if month is not None:
        window = month_period(month)
        periods = [window]
    else:
        known = {row[0] for row in conn.execute(select(asn_period_totals.c.period_key).distinct())}
        periods = summaries.sale_months(conn) + [
            month_period(key) for key in sorted(known) if not key.startswith("campaign:")
        ]
        periods = list({p.key: p for p in periods}.values())
    if programme.period is PeriodKind.CAMPAIGN:
        assert programme.campaign_start is not None
        campaign = period_for(programme, programme.campaign_start)
        assert campaign is not None
        if window is None or (campaign.start <= window.end and window.start <= campaign.end):
            periods.append(campaign)
    checked, found = 0, list[Difference]()
    for period in periods:
        n, diffs = _asn(conn, period)
        checked, found = checked + n, found + diffs
    n, diffs = _tills(conn, window)
    checked, found = checked + n, found + diffs
    n, diffs = _producers(conn, window)
    return VerifyResult(checked + n, found + diffs)


def _compare(
    what: Callable[[tuple[Any, ...]], str],
    fields: tuple[str, ...],
    kept: dict[tuple[Any, ...], tuple[int, ...]],
    raw: dict[tuple[Any, ...], tuple[int, ...]],
) -> tuple[int, list[Difference]]:
    zeros = (0,) * len(fields)
    found = []
    for key in sorted(set(kept) | set(raw), key=str):
        ours, truth = kept.get(key, zeros), raw.get(key, zeros)
        for name, a, b in zip(fields, ours, truth, strict=True):
            if a != b:
                found.append(Difference(what(key), name, a, b))
    return len(set(kept) | set(raw)), found


def _asn(conn: Connection, period: AsnPeriod) -> tuple[int, list[Difference]]:
    t = asn_period_totals.c
    kept: dict[tuple[Any, ...], tuple[int, ...]] = {
        (nip,): (int(amount), int(n))
        for nip, amount, n in conn.execute(select(t.nip, t.amount, t.sales).where(t.period_key == period.key))
    }
    raw_rows = spending_query(period).subquery()
    raw: dict[tuple[Any, ...], tuple[int, ...]] = {
        (nip,): (int(amount), int(n))
        for nip, amount, n in conn.execute(select(raw_rows.c.nip, raw_rows.c.amount, raw_rows.c.sales))
    }
    return _compare(lambda key: f"ASN {key[0]} periode {period.key}", ("amount", "sales"), kept, raw)


def _till_names(conn: Connection) -> dict[int, str]:
    rows = conn.execute(select(tills.c.id, outlets.c.code, tills.c.terminal).join(outlets))
    return {till_id: f"{code}-{terminal}" for till_id, code, terminal in rows}


def _tills(conn: Connection, window: AsnPeriod | None) -> tuple[int, list[Difference]]:
    d = till_day_totals.c
    fields = ("sales", "gross", "refunded", "asn_sales", "asn_gross", "asn_refunded")
    query = select(d.business_date, d.till_id, *(d[f] for f in fields))
    if window is not None:
        query = query.where(and_(d.business_date >= window.start, d.business_date <= window.end))
    kept = {(row[0], row[1]): tuple(int(v) for v in row[2:]) for row in conn.execute(query)}
    raw_rows = summaries.raw_till_days(*((window.start, window.end) if window else (None, None))).subquery()
    raw = {
        (row[0], row[1]): tuple(int(v) for v in row[2:])
        for row in conn.execute(
            select(raw_rows.c.business_date, raw_rows.c.till_id, *(raw_rows.c[f] for f in fields))
        )
    }
    names = _till_names(conn)
    return _compare(
        lambda key: f"kasir {names.get(key[1], key[1])} tanggal {key[0].isoformat()}", fields, kept, raw
    )


def _producers(conn: Connection, window: AsnPeriod | None) -> tuple[int, list[Difference]]:
    p = producer_day_totals.c
    fields = ("sales", "qty", "gross", "refunded_qty", "refunded")
    query = select(p.business_date, p.outlet_id, p.supplier_code, *(p[f] for f in fields))
    if window is not None:
        query = query.where(and_(p.business_date >= window.start, p.business_date <= window.end))
    kept = {tuple(row[:3]): tuple(int(v) for v in row[3:]) for row in conn.execute(query)}
    deltas = summaries.raw_producer_days(conn, *((window.start, window.end) if window else (None, None)))
    raw = {key: tuple(values) for key, values in deltas.producer.items()}
    codes = {outlet_id: code for outlet_id, code in conn.execute(select(outlets.c.id, outlets.c.code))}
    return _compare(
        lambda key: f"produsen {key[2]} di outlet {codes.get(key[1], key[1])} tanggal {key[0].isoformat()}",
        fields,
        kept,
        raw,
    )


def rebuild(conn: Connection) -> None:
    """Every summary rebuilt from the raw sales. On PostgreSQL, ingest waits meanwhile (SHARE lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE sales, refunds IN SHARE MODE"))
    summaries.rebuild_all(conn)


def run_verify(engine: Engine, month: str | None, *, as_json: bool, repair: bool) -> int:
    """The `verify` command: 0 when every summary equals the raw sales, 1 when any differs (each named;
    with --repair the summaries are then rebuilt and checked again)."""
    with engine.connect() as conn:
        result = verify(conn, month)
    repaired = False
    if result.differences and repair:
        with engine.begin() as conn:
            rebuild(conn)
        with engine.connect() as conn:
            repaired = not verify(conn, month).differences
    if as_json:
        rows = [
            {"what": d.what, "field": d.field, "summary": d.summary, "raw": d.raw} for d in result.differences
        ]
        print(
            json.dumps(
                {"checked": result.checked, "differences": rows, "repaired": repaired}, ensure_ascii=False
            )
        )
        return 1 if result.differences else 0
    scope = f"bulan {month}" if month else "semua bulan"
    if not result.differences:
        print(f"Ringkasan cocok dengan penjualan ({scope}): {result.checked} baris diperiksa.")
        return 0
    print(
        f"Ringkasan TIDAK cocok dengan penjualan ({scope}): {len(result.differences)} selisih.",
        file=sys.stderr,
    )
    for difference in result.differences[:SHOWN]:
        print(difference.describe(), file=sys.stderr)
    if len(result.differences) > SHOWN:
        print(f"... dan {len(result.differences) - SHOWN} selisih lagi (--json: semuanya)", file=sys.stderr)
    if repair:
        print(
            "Ringkasan dibangun ulang dari penjualan: " + ("cocok." if repaired else "MASIH berbeda."),
            file=sys.stderr,
        )
    return 1
