"""Fixture data for the till services: a real SQLite till file in tmp_path with a small outlet.

Deliberately independent of the demo seeder: a handful of rows the tests can reason about by hand.
The outlet is made once per session (`till_template`: migrations and PIN hashing are the slow part) and
each test gets its own copy of the database file.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.core.cart import Cart
from pos.core.cart import Product as CartProduct
from pos.core.payments import Payment, PaymentMethod
from pos.db.engine import DB_FILENAME, Database
from pos.db.models import Outlet, Product, StockMovement, Supplier
from pos.services import checkout, users
from pos.services.context import Actor, Role

OPENING_STOCK = 50
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 WITA


@dataclass(frozen=True)
class Till:
    db: Database
    cashier: Actor
    cashier2: Actor
    manager: Actor
    products: dict[str, CartProduct]
    t0: datetime = T0

    def cart(self, *items: tuple[str, int]) -> Cart:
        cart = Cart()
        for code, qty in items:
            cart.add(self.products[code], qty)
        return cart

    def sell(
        self,
        items: Sequence[tuple[str, int]],
        payments: Sequence[Payment] | None = None,
        *,
        actor: Actor | None = None,
        shift_id: int | None = None,
        buyer_nip: str | None = None,
        now: datetime | None = None,
        cart: Cart | None = None,
    ) -> checkout.CompletedSale:
        cart = cart or self.cart(*items)
        if payments is None:
            from pos.core.pricing import price_cart

            payments = [Payment(PaymentMethod.CASH, price_cart(cart).total)]
        with self.db.unit_of_work() as uow:
            return checkout.complete_sale(
                uow, actor or self.cashier, cart, payments, buyer_nip=buyer_nip, shift_id=shift_id, now=now
            )

    def stock(self, code: str) -> int:
        from sqlalchemy import func, select

        with self.db.unit_of_work() as uow:
            pid = self.products[code].product_id
            return int(
                uow.session.scalar(
                    select(func.coalesce(func.sum(StockMovement.qty), 0)).where(
                        StockMovement.product_id == pid
                    )
                )
                or 0
            )


CATALOG = (
    # code, name, price
    ("8991000000011", "Kopi Arabika Manggarai 250 g", 75_000),
    ("8991000000028", "Madu Hutan Timor 500 ml", 120_000),
    ("2000000000015", "Jagung Bose Instan 200 g", 10_000),
    ("2000000000022", "Sabun Minyak Kayu Putih", 7_000),
)


def _seed(db: Database) -> Till:
    with db.unit_of_work() as uow:
        s = uow.session
        s.add(
            Outlet(
                code="5371",
                name="NTT Mart Uji",
                kabupaten="Kota Kupang",
                terminal="01",
                timezone="Asia/Makassar",
                created_at=T0,
            )
        )
        supplier = Supplier(code="SUP-001", name="Kelompok Tani Uji")
        s.add(supplier)
        s.flush()
        for code, name, price in CATALOG:
            product = Product(
                code=code, barcode=code, name=name, price=price, supplier_id=supplier.id, updated_at=T0
            )
            s.add(product)
            s.flush()
            s.add(
                StockMovement(
                    uuid=str(uuid.uuid4()),
                    product_id=product.id,
                    qty=OPENING_STOCK,
                    kind="opening",
                    created_at=T0,
                )
            )
        uow.commit()
        products = {
            p.code: CartProduct(
                product_id=p.id, code=p.code, name=p.name, unit_price=p.price, supplier_id=p.supplier_id
            )
            for p in s.query(Product).all()
        }
    made = {}
    for username, role in (("kasir1", Role.CASHIER), ("kasir2", Role.CASHIER), ("manajer", Role.MANAGER)):
        with db.unit_of_work() as uow:
            info = users.create_user(
                uow,
                None,
                username=username,
                full_name=username.title(),
                role=role,
                pin="1111",
                enforce_pin_rules=False,
            )
            made[username] = Actor(info.user_id, info.username, info.full_name, info.role)
    return Till(db, made["kasir1"], made["kasir2"], made["manajer"], products)


@pytest.fixture(scope="session")
def till_template(tmp_path_factory: pytest.TempPathFactory) -> Till:
    """The seeded outlet, once per session; its `db` is closed: tests use `till`, a copy of the file."""
    folder = tmp_path_factory.mktemp("services-till")
    db = Database.open(folder)
    template = _seed(db)
    db.close()
    # Fold the WAL into the main file so a plain file copy is a complete database.
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return template


@pytest.fixture
def till(till_template: Till, tmp_path: Path) -> Iterator[Till]:
    shutil.copyfile(till_template.db.path, tmp_path / DB_FILENAME)
    db = Database.open(tmp_path, create=False)
    try:
        yield replace(till_template, db=db)
    finally:
        db.close()
