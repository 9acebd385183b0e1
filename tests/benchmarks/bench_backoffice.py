"""Back office benchmarks: import 20,000 products (goal <= 10 s); settle one producer over a year with
100,000 sale lines (goal <= 200 ms). Run: .venv/bin/python tests/benchmarks/bench_backoffice.py"""

from __future__ import annotations

import csv
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.db.engine import Database
from pos.services import consignment, product_import
from pos.services.context import Actor, Role
from pos.services.demo import seed_demo

INSERT_SALE = (
    "INSERT INTO sales (id, uuid, receipt_no, business_date, created_at, cashier_id, subtotal, discount, tax,"
    " total, paid, change) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
INSERT_LINE = (
    "INSERT INTO sale_lines (sale_id, line_no, product_id, product_code, name, supplier_id, qty, unit_price,"
    " list_price, line_discount, sale_discount_share, tax, net) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
IMPORT_ROWS = 20_000
SALE_LINES = 100_000


def _write_csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(product_import.COLUMNS)
        for i in range(IMPORT_ROWS):
            writer.writerow([f"BM-{i:06d}", "", f"Produk Uji {i}", "Kopi & Teh", "SUP-001", "pcs", 10_000 + i,
                             "", "", "none", "ya", "ya", 2])  # fmt: skip


def _fill_sales(path: Path) -> None:
    """A year of sales of SUP-001's product 1 (plus other producers' lines) written with bare sqlite3."""
    con = sqlite3.connect(path)
    start = datetime(2026, 1, 1, 2, tzinfo=UTC)
    sales, lines = [], []
    for n in range(SALE_LINES // 2):
        at = start + timedelta(minutes=10 * n)
        day = (at + timedelta(hours=8)).date().isoformat()
        sales.append(
            (n + 1, str(uuid.uuid4()), f"B-{n}", day, at.isoformat(), 1, 60_000, 0, 0, 60_000, 60_000, 0)
        )
        lines.append((n + 1, 1, 1, "KOP-0001", "Kopi", 1, 1, 30_000, 30_000, 0, 0, 0, 30_000))
        lines.append((n + 1, 2, 40, "X", "Lain", 6, 1, 30_000, 30_000, 0, 0, 0, 30_000))
    con.executemany(INSERT_SALE, sales)
    con.executemany(INSERT_LINE, lines)
    # double SUP-001's lines so one producer has 100,000 lines in the year
    extra = [(s, 3, 1, "KOP-0001", "Kopi", 1, 1, 30_000, 30_000, 0, 0, 0, 30_000) for s, *_ in lines[::2]]
    con.executemany(INSERT_LINE, extra)
    con.commit()
    con.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-backoffice-"))
    db = Database.open(folder)
    with db.unit_of_work() as uow:
        seed_demo(uow)
        uow.commit()
    manager = Actor(3, "manajer", "Manajer", Role.MANAGER)
    path = folder / "produk.csv"
    _write_csv(path)
    t0 = time.perf_counter()
    with db.unit_of_work() as uow:
        result = product_import.import_products(uow, manager, path)
    took = time.perf_counter() - t0
    print(f"import {result.added:,} products (preview + write, one transaction): {took:.2f} s  goal <= 10 s")

    _fill_sales(db.path)
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        with db.unit_of_work() as uow:
            found = consignment.settle(uow, manager, 1, date(2026, 1, 1), date(2026, 12, 31))
        timings.append(time.perf_counter() - t0)
    best, worst = min(timings) * 1000, max(timings) * 1000
    print(f"settle SUP-001 over 2026 ({found.qty:,} units sold, gross {found.gross:,}): ")
    print(f"  best {best:.1f} ms, worst {worst:.1f} ms   goal <= 200 ms")
    db.close()


if __name__ == "__main__":
    main()
