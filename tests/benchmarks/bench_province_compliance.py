"""Benchmark: `report compliance` for 150,000 ASN and 450,000 sales on PostgreSQL (goal <= 2 s).

Run: .venv/bin/python tests/benchmarks/bench_province_compliance.py
The data is generated inside PostgreSQL (generate_series) in a database created and dropped here.
"""

from __future__ import annotations

import json
import sys
import time
import uuid

from sqlalchemy import text

from pos.province.database import create_province_engine, upgrade
from pos.province.programme import month_period
from pos.province.reports import compliance_report

ASN, SALES = 150_000, 450_000
GOAL_SECONDS = 2.0
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
        conn.execute(text("ANALYZE"))
    engine.dispose()


def main() -> int:
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
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            with engine.connect() as conn:
                report = compliance_report(conn, month_period("2026-11"), 100_000)
            timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        size = len(json.dumps(report))
        dump = time.perf_counter() - started
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    best, worst = min(timings), max(timings)
    summary = report["summary"]
    ok = worst <= GOAL_SECONDS and summary["asn"] == ASN
    print(
        f"compliance report 2026-11 ({summary['asn']:,} ASN, {summary['met']:,} met, "
        f"{len(report['agencies'])} agencies): best {best:.2f} s, worst {worst:.2f} s of 3; "
        f"goal <= {GOAL_SECONDS:.0f} s: {'OK' if ok else 'FAILED'}; JSON {size / 1e6:.1f} MB in {dump:.2f} s"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
