"""Benchmark: server ingest rate (sales with 5 lines, batches of 500 over HTTP) on SQLite and PostgreSQL.

Run: .venv/bin/python tests/benchmarks/bench_province_ingest.py
Goal: a week's backlog of one outlet (10,000 sales) in <= 10 s end to end, i.e. >= 1,000 sales/s here;
22 outlets catching up at once need the same rate in total.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid

import requests
from sqlalchemy import text

from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.outlets import add_outlet
from pos.province.server import BackgroundServer

SALES = 10_000
BATCH = 500
GOAL_RATE = 1_000
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _event(number: int) -> str:
    lines = [
        {
            "product_code": f"899123456{k:04d}",
            "name": f"Produk UMKM {k}",
            "supplier_code": f"SUP-{k:03d}",
            "qty": 1,
            "unit_price": 15_000,
            "discount": 0,
            "line_total": 15_000,
        }
        for k in range(5)
    ]
    sale_uuid = str(uuid.uuid4())
    payload = {
        "uuid": sale_uuid,
        "receipt_no": f"5371-01-20261128-{number:05d}",
        "business_date": "2026-11-28",
        "created_at": "2026-11-28T03:04:05+00:00",
        "cashier": "kasir1",
        "buyer_nip": "198609262015051001" if number % 4 == 0 else None,
        "subtotal": 75_000,
        "discount": 0,
        "tax": 0,
        "total": 75_000,
        "change": 0,
        "lines": lines,
        "payments": [{"method": "cash", "amount": 75_000, "reference": None}],
    }
    return json.dumps(
        {
            "uuid": sale_uuid,
            "kind": "sale",
            "outlet": "5371-01",
            "created_at": "2026-11-28T03:04:05+00:00",
            "payload": payload,
        }
    )


def measure(url: str, label: str) -> bool:
    engine = create_province_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        token = add_outlet(conn, "5371-01", "NTT Mart Kota Kupang", "Kota Kupang")
    events = [_event(n) for n in range(SALES)]
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with BackgroundServer(create_app(engine)) as server:
        started = time.perf_counter()
        for start in range(0, SALES, BATCH):
            body = (
                '{"protocol":1,"outlet":"5371-01","events":[' + ",".join(events[start : start + BATCH]) + "]}"
            )
            answer = session.post(f"{server.url}/api/v1/events", data=body, timeout=60)
            answer.raise_for_status()
        seconds = time.perf_counter() - started
    engine.dispose()
    rate = SALES / seconds
    print(
        f"ingest on {label}: {SALES} sales in {seconds:.2f} s = {rate:,.0f} sales/s; "
        f"goal >= {GOAL_RATE:,}/s: "
        f"{'OK' if rate >= GOAL_RATE else 'FAILED'}"
    )
    return rate >= GOAL_RATE


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        results.append(measure(f"sqlite:///{folder}/province.sqlite3", "SQLite"))
    name = f"ntt_bench_ingest_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"ingest on PostgreSQL: skipped, server unreachable ({error.__class__.__name__})")
        return 0 if all(results) else 1
    try:
        results.append(measure(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", "PostgreSQL"))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
