"""Benchmark: `report compliance` and the dashboard's queries for 150,000 ASN and 450,000 sales on
PostgreSQL (issue 14: the report <= 0.5 s, each dashboard query <= 300 ms).

Run: .venv/bin/python tests/benchmarks/bench_province_compliance.py
The data is generated inside PostgreSQL (generate_series) in a database created and dropped here: the
sales with one line each (35 producers) and a refund of every 100th sale; the summary tables are then
built from them by `summaries.rebuild_all` (what migration 0004 does on an existing database, timed).
Before the summaries, the report recomputed every ASN's spending from the raw sales: that query is timed
too ("raw"), and `verify` (which recomputes everything) once.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent))  # calibration
from calibration import calibration_line

from pos.province import dashboard_queries as q
from pos.province.asn import spending_query
from pos.province.database import create_province_engine, upgrade
from pos.province.programme import month_period
from pos.province.reports import compliance_report
from pos.province.schema import asn
from pos.province.summaries import rebuild_all
from pos.province.verify import verify

ASN, SALES = 150_000, 450_000
GOAL_SECONDS = 0.5
QUERY_GOAL_SECONDS = 0.300
RUNS = 5
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"

NIP_SQL = (
    "to_char(date '1970-01-01' + (i / 999)::int, 'YYYYMMDD') || '200501' || (1 + i % 2)::text "
    "|| lpad((i % 999 + 1)::text, 3, '0')"
)


def populate(url: str) -> None:
    engine = create_province_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        # 22 outlets (5301..5322, ids 1..22) with one till each (till i of outlet i), as `add-outlet` does
        conn.execute(
            text(
                "INSERT INTO outlets (code, name, kabupaten, created_at) "
                "SELECT '53' || lpad(i::text, 2, '0'), 'NTT Mart ' || i, 'Kab ' || i, now() "
                "FROM generate_series(1, 22) AS i"
            )
        )
        conn.execute(
            text(
                "INSERT INTO tills (outlet_id, terminal, token_hash, token_issued_at, created_at) "
                "SELECT id, '01', md5(code) || md5(code), now(), now() FROM outlets ORDER BY id"
            )
        )
        conn.execute(
            text(
                f"INSERT INTO asn (nip, name, agency, kabupaten, active, seq, updated_at) "
                f"SELECT {NIP_SQL}, 'ASN ' || i, 'OPD ' || (i % 60), 'Kab ' || (i % 22), true, i, now() "
                f"FROM generate_series(0, {ASN - 1}) AS i"
            )
        )
        conn.execute(
            text(
                f"INSERT INTO events (uuid, outlet_id, till_id, kind, created_at, received_at, payload) "
                f"SELECT gen_random_uuid()::text, 1 + i % 22, 1 + i % 22, 'sale', now(), now(), '{{}}' "
                f"FROM generate_series(0, {SALES - 1}) AS i"
            )
        )
        # 4 in 5 sales have an ASN buyer; amounts vary so some ASN meet the minimum and some do not
        conn.execute(
            text(
                "INSERT INTO sales (uuid, event_id, outlet_id, till_id, receipt_no, business_date, "
                "created_at, cashier, buyer_nip, subtotal, discount, tax, total, change) "
                "SELECT e.uuid, e.id, e.outlet_id, e.till_id, 'R' || e.id, "
                "date '2026-11-01' + (e.id % 30)::int, now(), 'kasir', "
                f"CASE WHEN e.id % 5 = 0 THEN NULL ELSE (SELECT {NIP_SQL} "
                f"FROM (SELECT ((e.id * 7919) % {ASN})::int AS i) AS k) END, "
                "(e.id * 37) % 90000 + 5000, 0, 0, (e.id * 37) % 90000 + 5000, 0 FROM events e"
            )
        )
        conn.execute(
            text(
                "INSERT INTO sale_lines (sale_id, product_code, name, supplier_code, qty, unit_price, "
                "discount, line_total, tax_mode, tax) SELECT id, 'P' || (id % 300), 'Produk', "
                "'SUP-' || lpad((id % 35)::text, 3, '0'), 1, total, 0, total, 'none', 0 FROM sales"
            )
        )
        conn.execute(
            text(
                "INSERT INTO events (uuid, outlet_id, till_id, kind, created_at, received_at, payload) "
                "SELECT md5('r' || s.uuid)::uuid::text, s.outlet_id, s.till_id, 'refund', now(), now(), '{}' "
                "FROM sales s WHERE s.id % 100 = 0"
            )
        )
        conn.execute(
            text(
                "INSERT INTO refunds (uuid, event_id, outlet_id, till_id, sale_id, receipt_no, "
                "business_date, created_at, reason, approved_by, total, lines) "
                "SELECT e.uuid, e.id, s.outlet_id, s.till_id, s.id, 'RR' || s.id, s.business_date, now(), "
                "'rusak', 'manajer', s.total / 2, json_build_array(json_build_object("
                "'product_code', 'P' || (s.id % 300), 'qty', 1, 'amount', s.total / 2))::text "
                "FROM events e JOIN sales s ON e.uuid = md5('r' || s.uuid)::uuid::text"
            )
        )
        started = time.perf_counter()
        rebuild_all(conn)
        seconds = time.perf_counter() - started
        print(f"summaries built from the raw sales (migration 0004's backfill) in {seconds:.1f} s")
        conn.execute(text("ANALYZE"))
    engine.dispose()


def timed(run: Callable[[], Any], runs: int = RUNS) -> tuple[float, float, Any]:
    """Best and worst of `runs` (each on a fresh connection from the pool), and the last result."""
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = run()
        timings.append(time.perf_counter() - started)
    return min(timings), max(timings), result


def on(engine: Engine, query: Callable[[Connection], Any]) -> Callable[[], Any]:
    def run() -> Any:
        with engine.connect() as conn:
            return query(conn)

    return run


def dashboard(engine: Engine) -> bool:
    now = datetime(2026, 11, 30, 12, tzinfo=UTC)
    with engine.connect() as conn:
        nip = conn.execute(select(asn.c.nip).where(asn.c.agency == "OPD 7").limit(1)).scalar_one()
    queries: list[tuple[str, Callable[[Connection], Any]]] = [
        ("summary_month (province)", lambda c: q.summary_month(c, "2026-11")),
        ("summary_month (agency)", lambda c: q.summary_month(c, "2026-11", q.Scope(agency="OPD 7"))),
        ("summary_month (outlet)", lambda c: q.summary_month(c, "2026-11", q.Scope(outlet="5307"))),
        ("agency_compliance", lambda c: q.agency_compliance(c, "2026-11")),
        ("kabupaten_compliance", lambda c: q.kabupaten_compliance(c, "2026-11")),
        ("members below minimum p1", lambda c: q.agency_members_below_minimum(c, "2026-11", "OPD 7")),
        (
            "members all p20 by name",
            lambda c: q.agency_members_below_minimum(
                c, "2026-11", "OPD 7", page=20, sort="name", include_met=True
            ),
        ),
        ("outlet_status", lambda c: q.outlet_status(c, now)),
        ("producer_sales", lambda c: q.producer_sales(c, "2026-11")),
        ("asn_person (NIP search)", lambda c: q.asn_person(c, nip, "2026-11")),
    ]
    ok = True
    for name, query in queries:
        best, worst, _ = timed(on(engine, query))
        met = worst <= QUERY_GOAL_SECONDS
        ok = ok and met
        print(
            f"  {name:<28} best {best * 1000:6.1f} ms, worst {worst * 1000:6.1f} ms of {RUNS}; "
            f"goal <= {QUERY_GOAL_SECONDS * 1000:.0f} ms: {'OK' if met else 'FAILED'}"
        )
    return ok


def main() -> int:
    print(calibration_line())
    name = f"ntt_bench_compliance_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"compliance on PostgreSQL: skipped, server unreachable ({error.__class__.__name__})")
        return 0
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        started = time.perf_counter()
        populate(url)
        print(f"generated {ASN:,} ASN and {SALES:,} sales in {time.perf_counter() - started:.1f} s")
        engine = create_province_engine(url)
        period = month_period("2026-11")
        best, worst, report = timed(on(engine, lambda c: compliance_report(c, period, 100_000)), 3)
        started = time.perf_counter()
        size = len(json.dumps(report))
        dump = time.perf_counter() - started
        raw_best, raw_worst, _ = timed(on(engine, lambda c: c.execute(spending_query(period)).all()), 3)
        print("dashboard queries (pos.province.dashboard_queries, 2026-11):")
        queries_ok = dashboard(engine)
        started = time.perf_counter()
        with engine.connect() as conn:
            differences = verify(conn).differences
        verify_seconds = time.perf_counter() - started
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    summary = report["summary"]
    ok = worst <= GOAL_SECONDS and summary["asn"] == ASN
    print(
        f"compliance report 2026-11 ({summary['asn']:,} ASN, {summary['met']:,} met, "
        f"{len(report['agencies'])} agencies): best {best:.2f} s, worst {worst:.2f} s of 3; "
        f"goal <= {GOAL_SECONDS} s: {'OK' if ok else 'FAILED'}; JSON {size / 1e6:.1f} MB in {dump:.2f} s"
    )
    print(
        f"raw recompute of every ASN's spending (the report's query before the summaries): "
        f"best {raw_best:.2f} s, worst {raw_worst:.2f} s of 3"
    )
    print(f"verify (every summary against the raw sales): {verify_seconds:.1f} s, {len(differences)} differ")
    print(calibration_line())
    return 0 if ok and queries_ok and not differences else 1


if __name__ == "__main__":
    sys.exit(main())
