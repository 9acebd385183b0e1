"""Benchmark: a week offline (10,000 sales) synced from a till to a local provincial server on SQLite.

Run: .venv/bin/python tests/benchmarks/bench_sync_backlog.py   (goal: <= 10 s)
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.outlets import add_outlet
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services.checkout import add_outbox_event
from pos.sync.client import ProvinceClient
from pos.sync.protocol import Payment, Sale, SaleLine, sale_to_json
from pos.sync.runner import sync_once

SALES = 10_000
GOAL_SECONDS = 10.0


def _sale(number: int) -> dict[str, object]:
    lines = tuple(
        SaleLine(
            f"899123456{k:04d}",
            f"Produk UMKM {k}",
            f"SUP-{k % 35:03d}",
            1 + k % 2,
            15_000,
            0,
            15_000 * (1 + k % 2),
        )
        for k in range(5)
    )
    total = sum(line.line_total for line in lines)
    day = date(2026, 11, 20 + number % 7)
    return sale_to_json(
        Sale(
            uuid=str(uuid.uuid4()),
            receipt_no=f"5371-01-{day:%Y%m%d}-{number:05d}",
            business_date=day,
            created_at=datetime.now(UTC),
            cashier="kasir1",
            buyer_nip="198609262015051001" if number % 4 == 0 else None,
            subtotal=total,
            discount=0,
            tax=0,
            total=total,
            change=0,
            lines=lines,
            payments=(Payment("cash", total, None),),
        )
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        till = Database.open(Path(folder) / "till", create=True)
        now = datetime.now(UTC)
        with till.unit_of_work() as uow:
            for number in range(SALES):
                add_outbox_event(uow, "sale", "5371-01", _sale(number), now)
            uow.commit()
        engine = create_province_engine(f"sqlite:///{folder}/province.sqlite3")
        upgrade(engine)
        with engine.begin() as conn:
            token = add_outlet(conn, "5371-01", "NTT Mart Kota Kupang", "Kota Kupang")
        with (
            BackgroundServer(create_app(engine)) as server,
            ProvinceClient(server.url, "5371-01", token) as client,
        ):
            started = time.perf_counter()
            summary = sync_once(till, client)
            seconds = time.perf_counter() - started
        with engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(sales)).scalar_one()
        engine.dispose()
        till.close()
    ok = seconds <= GOAL_SECONDS and stored == SALES and summary.pending == 0
    print(
        f"backlog of {SALES} sales (5 lines each) synced to SQLite server: {seconds:.2f} s "
        f"({SALES / seconds:,.0f} sales/s); goal <= {GOAL_SECONDS:.0f} s; stored {stored}: "
        f"{'OK' if ok else 'FAILED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
