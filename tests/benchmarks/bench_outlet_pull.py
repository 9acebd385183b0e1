"""Benchmark: a new till joining an outlet with 20,000 products, then an incremental pull of 100 changes.

Run: .venv/bin/python tests/benchmarks/bench_outlet_pull.py
Goals (issue 15): the full catalog into a new till <= 10 s; an incremental pull of 100 changes <= 1 s.

The province (SQLite, served on loopback by uvicorn) holds the outlet's records as `store_records`
keeps them when till 01 syncs: 20 producers, 40 categories, 2 users, 20,000 products, 20,000 opening
movements (the records are stored directly: this measures the pull, not till 01's push). The new till
is set up by the first-run service, then does what `ntt-pos init ... --server` does after it
(pos.sync.outlet_join: fetch every page over HTTP, apply each page with its cursor). The increment is
60 product edits and 40 movements from till 01, pulled by a sync round's `pull_outlet`.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for helpers

from sqlalchemy import func, select, text

from pos.db.engine import Database
from pos.db.models import Product
from pos.province.api import create_app
from pos.province.database import create_province_engine, upgrade
from pos.province.outlet_data import store_records
from pos.province.outlets import add_outlet, add_till, authenticate
from pos.province.server import BackgroundServer
from pos.services import setup
from pos.services.outlet_share import product_uid_for
from pos.services.users import hasher
from pos.sync import outlet_join, outlet_pull
from pos.sync.client import ProvinceClient
from pos.sync.protocol import outlet_records as rec

PRODUCTS = 20_000
FULL_GOAL = 10.0
INCREMENT = 100
INCREMENT_GOAL = 1.0


def record(record_type: str, key: str, data: dict[str, object], at: datetime) -> rec.OutletRecord:
    return rec.OutletRecord(record_type, key, "5371-01", at, data)


def catalog_records(now: datetime) -> list[rec.OutletRecord]:
    pin_hash = hasher().hash("2468")
    out = [
        record(
            rec.USER,
            name,
            {
                "username": name,
                "full_name": name.title(),
                "role": role,
                "pin_hash": pin_hash,
                "active": True,
                "must_change_pin": False,
            },
            now,
        )
        for name, role in (("admin", "admin"), ("kasir1", "cashier"))
    ]
    out += [record(rec.CATEGORY, f"Kategori {n}", {"name": f"Kategori {n}"}, now) for n in range(40)]
    out += [
        record(
            rec.SUPPLIER,
            f"SUP-{n:03d}",
            {
                "code": f"SUP-{n:03d}",
                "name": f"Produsen {n}",
                "owner": "",
                "kabupaten": "Kota Kupang",
                "kabupaten_code": "5371",
                "village": "",
                "phone": "",
                "bank_account": "",
                "consignment": True,
                "commission_bp": 1500,
                "active": True,
            },
            now,
        )
        for n in range(20)
    ]
    for n in range(PRODUCTS):
        code = f"P{n:06d}"
        data = {
            "code": code,
            "barcode": f"899{n:010d}",
            "name": f"Produk UMKM nomor {n}",
            "category": f"Kategori {n % 40}",
            "supplier": f"SUP-{n % 20:03d}",
            "unit": "pcs",
            "price": 10_000 + n,
            "cost": None,
            "consignment_price": None,
            "tax_mode": "none",
            "consignment": True,
            "active": True,
            "min_stock": 2,
        }
        out.append(record(rec.PRODUCT, product_uid_for(code), data, now))
    for n in range(PRODUCTS):
        data = {
            "product": product_uid_for(f"P{n:06d}"),
            "qty": 10 + n % 7,
            "kind": "opening",
            "reason": "stok awal",
            "ref": None,
            "user": "admin",
            "created_at": now.isoformat(),
        }
        out.append(record(rec.MOVEMENT, str(uuid.uuid4()), data, now))
    return out


def increment_records(now: datetime) -> list[rec.OutletRecord]:
    out = []
    for n in range(60):
        code = f"P{n * 97:06d}"
        data = {
            "code": code,
            "barcode": f"899{n * 97:010d}",
            "name": f"Produk UMKM nomor {n * 97} (baru)",
            "category": "Kategori 1",
            "supplier": "SUP-001",
            "unit": "pcs",
            "price": 99_000 + n,
            "cost": None,
            "consignment_price": None,
            "tax_mode": "none",
            "consignment": True,
            "active": True,
            "min_stock": 2,
        }
        out.append(record(rec.PRODUCT, product_uid_for(code), data, now))
    for n in range(INCREMENT - 60):
        data = {
            "product": product_uid_for(f"P{n:06d}"),
            "qty": -1,
            "kind": "sale",
            "reason": "nota",
            "ref": None,
            "user": "kasir1",
            "created_at": now.isoformat(),
        }
        out.append(record(rec.MOVEMENT, str(uuid.uuid4()), data, now))
    return out


def trade_and_sync(folder: Path) -> str:
    """What sharing adds to a till's own sync: 1,000 sales of 3 lines through the real checkout, each a
    sale event plus 3 movement and 3 sale-line records, pushed in one round (no goal: a figure to know)."""
    from helpers.real_till import make_real_till
    from helpers.sales import KOPI, MADU, SEI

    from pos.sync.runner import Connection, save_connection, sync_once

    engine = create_province_engine(f"sqlite:///{folder}/trade.sqlite3")
    upgrade(engine)
    with engine.begin() as conn:
        token = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
    till = make_real_till(folder / "trade-till")
    with BackgroundServer(create_app(engine)) as server, ProvinceClient(server.url, token) as client:
        save_connection(till.db, Connection(server.url, token, "5371-01"))
        sync_once(till.db, client)
        for _ in range(1_000):
            till.sell(till.cart((KOPI, 1), (MADU, 1), (SEI, 1)))
        started = time.perf_counter()
        summary = sync_once(till.db, client)
        seconds = time.perf_counter() - started
    till.db.close()
    engine.dispose()
    return (
        f"a till's own sync after 1,000 sales of 3 lines: {summary.accepted:,} events accepted "
        f"(1,000 sales + 6,000 shared records) in {seconds:.2f} s"
    )


def main() -> int:
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        engine = create_province_engine(f"sqlite:///{folder}/province.sqlite3")
        upgrade(engine)
        with engine.begin() as conn:
            token_01 = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
            _label, token_02 = add_till(conn, "5371")
        with engine.connect() as conn:
            till_01 = authenticate(conn, token_01)
        assert till_01 is not None
        records = catalog_records(now)
        started = time.perf_counter()
        with engine.begin() as conn:
            for start in range(0, len(records), 500):  # as 500-event batches arrive
                store_records(conn, till_01, records[start : start + 500], now)
        stored = time.perf_counter() - started
        db = Database.open(Path(folder) / "till02", create=True)
        setup.initialize_outlet(
            db,
            setup.OutletSetup(
                outlet_code="5371",
                name="NTT Mart Kota Kupang",
                kabupaten_code="5371",
                address="Jl. El Tari 1",
                admin_username="admin",
                admin_pin="2468",
                terminal="02",
            ),
        )
        with BackgroundServer(create_app(engine)) as server:
            started = time.perf_counter()
            snapshot = outlet_join.fetch(server.url, token_02)
            fetched = time.perf_counter() - started
            outlet_join.join(db, snapshot, "admin")
            full = time.perf_counter() - started
            with engine.begin() as conn:
                store_records(conn, till_01, increment_records(now), now)
            with ProvinceClient(server.url, token_02) as client:
                started = time.perf_counter()
                pulled = outlet_pull.pull_outlet(db, client)
                incremental = time.perf_counter() - started
        with db.unit_of_work() as uow:
            products = uow.session.scalar(select(func.count()).select_from(Product))
            on_hand = uow.session.execute(text("SELECT SUM(qty) FROM stock_movements")).scalar()
            renamed = uow.session.scalar(select(func.count()).where(Product.name.like("%(baru)")))
        db.close()
        engine.dispose()
    expected_stock = sum(10 + n % 7 for n in range(PRODUCTS)) - (INCREMENT - 60)
    full_ok = full <= FULL_GOAL and products == PRODUCTS
    increment_ok = (
        incremental <= INCREMENT_GOAL and pulled == INCREMENT and renamed == 60 and on_hand == expected_stock
    )
    print(
        f"full catalog into a new till: {PRODUCTS:,} products + {PRODUCTS:,} movements + producers, "
        f"categories, users in {full:.2f} s (fetch over HTTP {fetched:.2f} s, apply {full - fetched:.2f} s); "
        f"goal <= {FULL_GOAL:.0f} s: {'OK' if full_ok else 'FAILED'}"
    )
    print(
        f"incremental pull of {pulled} changes (60 product edits, 40 movements): "
        f"{incremental * 1000:.0f} ms; goal <= {INCREMENT_GOAL * 1000:.0f} ms: "
        f"{'OK' if increment_ok else 'FAILED'}"
    )
    print(
        f"(setting up the province's records, not measured against a goal: {stored:.2f} s; stock {on_hand:,})"
    )
    with tempfile.TemporaryDirectory() as folder:
        print(trade_and_sync(Path(folder)))
    return 0 if full_ok and increment_ok else 1


if __name__ == "__main__":
    sys.exit(main())
