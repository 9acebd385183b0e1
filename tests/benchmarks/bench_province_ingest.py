"""Benchmark: server ingest rate (sales with 5 lines, batches of 500 over HTTP) on SQLite and PostgreSQL.

Run: .venv/bin/python tests/benchmarks/bench_province_ingest.py [--compare]
Goal: a week's backlog of one outlet (10,000 sales) in <= 10 s end to end, i.e. >= 1,000 sales/s here;
22 outlets catching up at once need the same rate in total.

Issue 14 added the summary tables to the ingest transaction; its goal is an ingest rate not lower than
before. `--compare` switches the summaries off (`ingest._summarise` a no-op: the ingest as it was before issue
14) for every other batch of the same run, so a machine busy with other work slows both sides alike,
and prints each side's rate.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager as ContextManager
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers
sys.path.insert(0, str(Path(__file__).resolve().parent))  # calibration

import requests
from calibration import calibration_line
from helpers.sales import NIP_A
from helpers.wire_sales import wire_sale, wire_sale_envelope
from sqlalchemy import text

import pos.province.ingest as ingest_module
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


def measure(url: str, label: str, events: list[str], compare: bool = False) -> bool:
    """The whole backlog in batches of 500 over HTTP. With `compare`, every other batch runs with the
    summaries switched off (the ingest of before issue 14), and each side's rate is its batches' time."""
    engine = create_province_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        token = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    accepted = 0
    seconds = {"on": 0.0, "off": 0.0}
    summarise = ingest_module._summarise
    with BackgroundServer(create_app(engine)) as server:
        for number, start in enumerate(range(0, SALES, BATCH)):
            side = "off" if compare and number % 2 == 0 else "on"
            ingest_module._summarise = summarise if side == "on" else _no_summaries  # type: ignore[assignment]
            body = batch_request_body("5371", "01", events[start : start + BATCH], app_version="bench")
            started = time.perf_counter()
            answer = session.post(f"{server.url}/api/v1/events", data=body, timeout=60)
            seconds[side] += time.perf_counter() - started
            answer.raise_for_status()
            accepted += sum(r["status"] == "accepted" for r in answer.json()["results"])
    ingest_module._summarise = summarise
    engine.dispose()
    if not compare:
        rate = SALES / seconds["on"]
        ok = rate >= GOAL_RATE and accepted == SALES
        print(
            f"ingest on {label}: {SALES} sales in {seconds['on']:.2f} s = {rate:,.0f} sales/s, {accepted} "
            f"accepted; goal >= {GOAL_RATE:,}/s: {'OK' if ok else 'FAILED'}"
        )
        return ok
    on, off = (SALES / 2 / seconds[side] for side in ("on", "off"))
    ratio = on / off
    ok = on >= GOAL_RATE and ratio >= 0.9 and accepted == SALES
    print(
        f"ingest on {label}, batches alternating: with summaries {on:,.0f} sales/s, without (the ingest "
        f"before issue 14) {off:,.0f} sales/s = {ratio:.2f}x, {accepted} accepted; goal >= {GOAL_RATE:,}/s "
        f"and not lower than before (>= 0.90x: the noise of this machine): {'OK' if ok else 'FAILED'}"
    )
    return ok


def _no_summaries(*_args: object) -> None:
    return None


def run(url_of: Callable[[], ContextManager[str]], label: str, events: list[str], compare: bool) -> bool:
    with url_of() as url:
        return measure(url, label, events, compare)


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{folder}/province.sqlite3"


@contextmanager
def postgres_url() -> Iterator[str]:
    name = f"ntt_bench_ingest_{uuid.uuid4().hex[:8]}"
    admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    compare = "--compare" in sys.argv[1:]
    print(calibration_line())
    events = _events()
    results = [run(sqlite_url, "SQLite", events, compare)]
    try:
        admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect():
            pass
        admin.dispose()
    except Exception as error:
        print(f"ingest on PostgreSQL: skipped, server unreachable ({error.__class__.__name__})")
        return 0 if all(results) else 1
    results.append(run(postgres_url, "PostgreSQL", events, compare))
    print(calibration_line())
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
