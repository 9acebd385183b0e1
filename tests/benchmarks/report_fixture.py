"""A year of a busy outlet for bench_reports.py: the demo outlet (335 products, 35 producers, 200 ASN)
plus 300,000 sales with 1,500,000 lines, their payments and stock movements, 1% refunded, monthly
consignment payouts, written straight with SQL (a benchmark's fixture, not a test: the checkout
service would take hours). The rows follow the checkout's rules (pos.core.pricing): lines add up to
the sale, payments minus change to the total.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.db.engine import Database
from pos.services.demo import open_demo

SALES = 300_000
LINES_PER_SALE = 5
DAYS = 365
FIRST_DAY = date(2025, 12, 1)
WITA = timedelta(hours=8)


def _moments(rng: random.Random) -> Iterator[tuple[date, datetime]]:
    """SALES instants over DAYS days, busier at the end of the month (ASN payday) and at noon."""
    weights = [1.6 if (FIRST_DAY + timedelta(days=d)).day >= 25 else 1.0 for d in range(DAYS)]
    days = sorted(rng.choices(range(DAYS), weights=weights, k=SALES))
    hours = [8, 9, 10, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18, 19, 20]
    for offset in days:
        day = FIRST_DAY + timedelta(days=offset)
        local = datetime(
            day.year, day.month, day.day, rng.choice(hours), rng.randrange(60), rng.randrange(60)
        )
        yield day, (local - WITA).replace(tzinfo=UTC)


def build_year(folder: Path, seed: int = 13) -> Database:
    db, _ = open_demo(folder)
    db.close()
    rng = random.Random(seed)
    con = sqlite3.connect(folder / "till.sqlite3")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    products = con.execute("SELECT id, code, name, supplier_id, price, tax_mode FROM products").fetchall()
    users = [r[0] for r in con.execute("SELECT id FROM users WHERE role = 'cashier'")]
    manager = con.execute("SELECT id FROM users WHERE role = 'manager'").fetchone()[0]
    nips = [r[0] for r in con.execute("SELECT nip FROM asn_registry")]
    sales, lines, payments, moves, refunds, refund_lines = [], [], [], [], [], []
    line_id = 0
    for sale_id, (day, at) in enumerate(_moments(rng), start=1):
        stamp = at.isoformat(timespec="microseconds")
        chosen = rng.sample(products, LINES_PER_SALE)
        discount_pct = 10 if rng.random() < 0.05 else 0
        subtotal = total = discount = 0
        first_line = line_id + 1
        for no, (pid, code, name, supplier, price, _mode) in enumerate(chosen, start=1):
            qty = rng.choice((1, 1, 1, 2, 3))
            gross = qty * price
            off = gross * discount_pct // 100
            line_id += 1
            lines.append(
                (line_id, sale_id, no, pid, code, name, supplier, qty, price, price, 0, off, 0, gross - off)
            )
            moves.append((str(uuid.uuid4()), pid, -qty, "sale", stamp))
            subtotal, discount, total = subtotal + gross, discount + off, total + gross - off
        nip = rng.choice(nips) if rng.random() < 0.3 else None
        method = rng.choice(("cash", "cash", "cash", "qris", "debit", "transfer"))
        paid = -(-total // 50_000) * 50_000 if method == "cash" else total
        receipt = f"5371-01-{day:%Y%m%d}-{sale_id:06d}"
        approver = manager if discount_pct else None
        sales.append(
            (sale_id, str(uuid.uuid4()), receipt, day.isoformat(), stamp, rng.choice(users), nip, approver,
             subtotal, discount, 0, total, paid, paid - total)
        )  # fmt: skip
        payments.append((sale_id, method, paid))
        if rng.random() < 0.01:
            amount = lines[-1][-1]
            refund = (f"R-{sale_id}", sale_id, day.isoformat(), stamp, manager, manager, "rusak", amount)
            refunds.append((str(uuid.uuid4()), *refund))
            refund_lines.append((len(refunds), first_line + LINES_PER_SALE - 1, lines[-1][7], amount))
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO sales (id, uuid, receipt_no, business_date, created_at, cashier_id, buyer_nip,"
        " approved_by, subtotal, discount, tax, total, paid, change) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        sales,
    )
    con.executemany(
        "INSERT INTO sale_lines (id, sale_id, line_no, product_id, product_code, name, supplier_id, qty,"
        " unit_price, list_price, line_discount, sale_discount_share, tax, net, tax_mode)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'none')",
        lines,
    )
    con.executemany("INSERT INTO payments (sale_id, method, amount) VALUES (?,?,?)", payments)
    con.executemany(
        "INSERT INTO stock_movements (uuid, product_id, qty, kind, reason, created_at) VALUES (?,?,?,?,'',?)",
        moves,
    )
    con.executemany(
        "INSERT INTO refunds (id, uuid, refund_no, sale_id, business_date, created_at, user_id, approved_by,"
        " reason, total) VALUES (NULL,?,?,?,?,?,?,?,?,?)",
        refunds,
    )
    con.executemany(
        "INSERT INTO refund_lines (refund_id, sale_line_id, qty, amount) VALUES (?,?,?,?)", refund_lines
    )
    _monthly_payouts(con, manager)
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return Database.open(folder)


def _monthly_payouts(con: sqlite3.Connection, manager: int) -> None:
    """Every consignment producer paid for each month but the last, so 'owed since' is about a month."""
    suppliers = [r[0] for r in con.execute("SELECT id FROM suppliers WHERE consignment")]
    month = FIRST_DAY
    end_of_data = FIRST_DAY + timedelta(days=DAYS - 1)
    while True:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if following > end_of_data.replace(day=1):
            break
        last = following - timedelta(days=1)
        for sid in suppliers:
            con.execute(
                "INSERT INTO supplier_payouts (uuid, supplier_id, period_start, period_end, amount, method,"
                " note, user_id, paid_at) VALUES (?,?,?,?,1,'transfer','',?,?)",
                (str(uuid.uuid4()), sid, month.isoformat(), last.isoformat(), manager,
                 f"{following.isoformat()}T02:00:00.000000+00:00"),
            )  # fmt: skip
        month = following
