"""Benchmark: server ingest rate (sales with 5 lines, batches of 500 over HTTP) on SQLite and PostgreSQL.

Run: .venv/bin/python tests/benchmarks/bench_province_ingest.py
Goal: a week's backlog of one outlet (10,000 sales) in <= 10 s end to end, i.e. >= 1,000 sales/s here;
22 outlets catching up at once need the same rate in total.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers

import requests
from helpers.sales import NIP_A
from helpers.wire_sales import wire_sale, wire_sale_envelope
from sqlalchemy import text

from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.outlets import add_outlet
from pos.province.server import BackgroundServer
from pos.sync.protocol import batch_request_body

SALES = 10_000
BATCH = 500
GOAL_RATE = 1_000
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _events() -> list[str]:
    """Sales of 5 lines as the till's outbox stores them (protocol dataclasses, each checked by the
    server's parser): tests/helpers/wire_sales.py."""
    now = datetime.now(UTC)
    return [
        wire_sale_envelope(
            wire_sale(
                number,
                (15_000,) * 5,
                nip=NIP_A if number % 4 == 0 else None,
                created_at=now - timedelta(days=number % 7),
            )
        )
        for number in range(SALES)
    ]


def measure(url: str, label: str, events: list[str]) -> bool:
    engine = create_province_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        token = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    accepted = 0
    with BackgroundServer(create_app(engine)) as server:
        started = time.perf_counter()
        for start in range(0, SALES, BATCH):
            body = batch_request_body("5371", "01", events[start : start + BATCH], app_version="bench")
            answer = session.post(f"{server.url}/api/v1/events", data=body, timeout=60)
            answer.raise_for_status()
            accepted += sum(r["status"] == "accepted" for r in answer.json()["results"])
        seconds = time.perf_counter() - started
    engine.dispose()
    rate = SALES / seconds
    ok = rate >= GOAL_RATE and accepted == SALES
    print(
        f"ingest on {label}: {SALES} sales in {seconds:.2f} s = {rate:,.0f} sales/s, {accepted} accepted; "
        f"goal >= {GOAL_RATE:,}/s: "
        f"{'OK' if ok else 'FAILED'}"
    )
    return ok


def main() -> int:
    results = []
    events = _events()
    with tempfile.TemporaryDirectory() as folder:
        results.append(measure(f"sqlite:///{folder}/province.sqlite3", "SQLite", events))
    name = f"ntt_bench_ingest_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"ingest on PostgreSQL: skipped, server unreachable ({error.__class__.__name__})")
        return 0 if all(results) else 1
    try:
        results.append(measure(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", "PostgreSQL", events))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
