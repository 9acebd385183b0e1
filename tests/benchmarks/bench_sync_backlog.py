"""Benchmark: a week offline (10,000 sales) synced from a till to a local provincial server on SQLite.

Run: .venv/bin/python tests/benchmarks/bench_sync_backlog.py   (goal: <= 10 s)

The till is a real outlet (tests/helpers/real_till.py); its backlog is queued in its outbox as checkout
queues a sale, with payloads built by the protocol's dataclasses and each checked by the server's parser
(tests/helpers/wire_sales.py): 10,000 checkouts would measure the checkout, not the sync.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers

from helpers.real_till import make_real_till
from helpers.sales import NIP_A
from helpers.wire_sales import wire_sale
from sqlalchemy import func, select

from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.outlets import add_outlet
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services import outbox
from pos.sync.client import ProvinceClient
from pos.sync.runner import sync_once

SALES = 10_000
GOAL_SECONDS = 10.0
LINES = (15_000, 30_000, 15_000, 30_000, 15_000)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        till = make_real_till(Path(folder) / "till")
        now = datetime.now(UTC)
        with till.db.unit_of_work() as uow:
            for number in range(SALES):
                sold_at = now - timedelta(days=number % 7, minutes=number % 600)
                nip = NIP_A if number % 4 == 0 else None
                sale = wire_sale(number, LINES, nip=nip, created_at=sold_at)
                outbox.enqueue(uow, sale, sold_at, "5371", "01")
            uow.commit()
        engine = create_province_engine(f"sqlite:///{folder}/province.sqlite3")
        upgrade(engine)
        with engine.begin() as conn:
            token = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
        with BackgroundServer(create_app(engine)) as server, ProvinceClient(server.url, token) as client:
            started = time.perf_counter()
            summary = sync_once(till.db, client)
            seconds = time.perf_counter() - started
        with engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(sales)).scalar_one()
        engine.dispose()
        till.db.close()
    ok = seconds <= GOAL_SECONDS and stored == SALES and summary.pending == 0 and summary.rejected == 0
    print(
        f"backlog of {SALES} sales (5 lines each) synced to SQLite server: {seconds:.2f} s "
        f"({SALES / seconds:,.0f} sales/s); goal <= {GOAL_SECONDS:.0f} s; stored {stored}, "
        f"rejected {summary.rejected}: {'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
