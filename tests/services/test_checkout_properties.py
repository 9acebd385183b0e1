"""Generated carts through the real `checkout.complete_sale` on a real SQLite outlet: every committed sale
keeps its invariants, whatever the cart (repeated products, price overrides, 0-100% line and sale
discounts, every PPN mode) and however it is paid (split cash / QRIS / debit / transfer, cash change).

The expected stock and money are worked out here from the generated plan, not read back from the code
under test. One outlet database is built per module and copied per example, so an example costs a file
copy and one sale (~0.1 s), not a seeding with argon2 hashing.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import shutil
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pos.core.cart import Cart, CartError, Discount
from pos.core.cart import Product as CartProduct
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import ppn_added_to, ppn_included_in, price_cart
from pos.core.tax import TaxMode
from pos.db.engine import DB_FILENAME, Database
from pos.db.models import Outlet, Product, StockMovement, Supplier
from pos.services import checkout, doctor, sale_events, users
from pos.services.context import Actor, Role
from pos.sync.protocol.events import parse_sale

OPENING_STOCK = 1_000
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 WITA
BUYER = "198609262015051001"
# Every PPN mode, round and odd prices (odd ones make the percent and PPN roundings and the largest-remainder
# shares do real work), one product without a producer (its sale line has no supplier).
CATALOG: tuple[tuple[str, str, int, TaxMode, bool], ...] = (
    ("8991000000011", "Kopi Arabika Manggarai 250 g", 75_000, TaxMode.NONE, True),
    ("2000000000015", "Jagung Bose Instan 200 g", 7_777, TaxMode.NONE, False),
    ("8991000000028", "Madu Hutan Timor 500 ml", 120_000, TaxMode.PPN_INCLUDED, True),
    ("2000000000022", "Sabun Minyak Kayu Putih", 12_345, TaxMode.PPN_INCLUDED, True),
    ("2000000000039", "Tenun Ikat Sikka Selendang", 350_000, TaxMode.PPN_ADDED, True),
    ("2000000000046", "Garam Beryodium Kupang", 999, TaxMode.PPN_ADDED, True),
)
NON_CASH = (PaymentMethod.QRIS, PaymentMethod.DEBIT, PaymentMethod.TRANSFER)


# --- the outlet, built once per module -----------------------------------------------------------------


@dataclass(frozen=True)
class OutletFile:
    template: Path
    cashier: Actor
    products: tuple[CartProduct, ...]


@pytest.fixture(scope="module")
def outlet(tmp_path_factory: pytest.TempPathFactory) -> OutletFile:
    folder = tmp_path_factory.mktemp("outlet-template")
    db = Database.open(folder)
    try:
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
            for code, name, price, mode, has_supplier in CATALOG:
                row = Product(
                    code=code,
                    barcode=code,
                    name=name,
                    price=price,
                    tax_mode=mode.value,
                    supplier_id=supplier.id if has_supplier else None,
                    updated_at=T0,
                )
                s.add(row)
                s.flush()
                s.add(
                    StockMovement(
                        uuid=str(uuid.uuid4()),
                        product_id=row.id,
                        qty=OPENING_STOCK,
                        kind="opening",
                        created_at=T0,
                    )
                )
            uow.commit()
            products = tuple(
                CartProduct(p.id, p.code, p.name, p.price, TaxMode(p.tax_mode), p.supplier_id)
                for p in s.query(Product).order_by(Product.id)
            )
        with db.unit_of_work() as uow:
            info = users.create_user(
                uow,
                None,
                username="kasir1",
                full_name="Kasir",
                # A manager rings up: any discount or price cut the plan makes is theirs to approve
                # (pos.services.approvals), so every generated cart can be sold.
                role=Role.MANAGER,
                pin="1111",
                enforce_pin_rules=False,
            )
            cashier = Actor(info.user_id, info.username, info.full_name, info.role)
    finally:
        db.close()
    # Fold the WAL into the main file so a plain copy of it is the whole database.
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    assert [p.tax_mode for p in products] == [mode for _, _, _, mode, _ in CATALOG]
    return OutletFile(folder / DB_FILENAME, cashier, products)


_copies = itertools.count()


@contextlib.contextmanager
def fresh_copy(outlet: OutletFile) -> Iterator[Database]:
    """The module's outlet as a new file for one example (a function-scoped tmp_path would be shared by
    every example of a hypothesis test)."""
    folder = outlet.template.parent.parent / f"example-{next(_copies)}"
    folder.mkdir()
    shutil.copyfile(outlet.template, folder / DB_FILENAME)
    db = Database.open(folder)
    try:
        yield db
    finally:
        db.close()
        shutil.rmtree(folder)


# --- a committed sale as stored, with its outbox event ------------------------------------------------


@dataclass(frozen=True)
class StoredSale:
    """One committed sale read back from the database: its rows as plain dicts (column -> value), its
    stock movements, and its outbox event as the JSON envelope the province will receive."""

    sale: dict[str, Any]
    lines: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    movements: list[dict[str, Any]]
    outbox_row: dict[str, Any]
    envelope: dict[str, Any]

    @property
    def payload(self) -> dict[str, Any]:
        return dict(self.envelope["payload"])


def load_committed_sale_with_outbox_event(db: Database, sale_uuid: str) -> StoredSale:
    """Read a committed sale and its single outbox event (the row of `outbox` with the sale's uuid,
    whose `payload` column is the JSON envelope {"uuid", "kind", ..., "payload"}). Raises if the sale or
    its event is missing or doubled, so a caller can compare the two without checking that first."""

    def rows(sql: str, **params: Any) -> list[dict[str, Any]]:
        return [dict(row._mapping) for row in uow.session.execute(text(sql), params)]

    with db.unit_of_work() as uow:
        (sale,) = rows("SELECT * FROM sales WHERE uuid = :uuid", uuid=sale_uuid)
        lines = rows("SELECT * FROM sale_lines WHERE sale_id = :id ORDER BY line_no", id=sale["id"])
        payments = rows("SELECT * FROM payments WHERE sale_id = :id ORDER BY id", id=sale["id"])
        movements = rows("SELECT * FROM stock_movements WHERE ref = :uuid ORDER BY id", uuid=sale_uuid)
        (event,) = rows("SELECT * FROM outbox WHERE uuid = :uuid", uuid=sale_uuid)
    envelope = json.loads(event["payload"])
    assert isinstance(envelope, dict) and isinstance(envelope.get("payload"), dict), envelope
    return StoredSale(sale, lines, payments, movements, event, envelope)


# --- what a cashier might ring up: a plan, so hypothesis can shrink it and @example can spell one out ----


@dataclass(frozen=True)
class Off:
    """A discount: `percent` (0-100, one decimal), or rupiah as per mille of what it applies to."""

    percent: Decimal | None = None
    per_mille: int | None = None

    def discount(self, base: int) -> Discount:
        if self.percent is not None:
            return Discount.of_percent(self.percent, "uji")
        assert self.per_mille is not None
        return Discount.of_rupiah(base * self.per_mille // 1000, "uji")


@dataclass(frozen=True)
class LinePlan:
    product: int  # index into CATALOG
    qty: int
    price: int | None = None  # a price override
    off: Off | None = None


@dataclass(frozen=True)
class SalePlan:
    lines: tuple[LinePlan, ...]
    sale_off: Off | None = None
    # Non-cash tenders, each taking per mille of what is still unpaid; cash pays the rest plus `change`.
    non_cash: tuple[tuple[PaymentMethod, int], ...] = ()
    change: int = 0
    buyer: str | None = None


percents = st.one_of(
    st.sampled_from([Decimal(0), Decimal(100), Decimal("12.5"), Decimal("99.9")]),
    st.integers(0, 1000).map(lambda tenths: Decimal(tenths) / 10),
)
offs = st.one_of(
    st.builds(Off, percent=percents),
    st.builds(Off, per_mille=st.one_of(st.sampled_from([0, 1000]), st.integers(0, 1000))),
)
line_plans = st.builds(
    LinePlan,
    product=st.integers(0, len(CATALOG) - 1),
    qty=st.integers(1, 12),
    price=st.none() | st.sampled_from([0, 1, 9_999]) | st.integers(0, 500_000),
    off=st.none() | offs,
)
sale_plans = st.builds(
    SalePlan,
    lines=st.lists(line_plans, min_size=1, max_size=7).map(tuple),
    sale_off=st.none() | offs,
    non_cash=st.lists(st.tuples(st.sampled_from(NON_CASH), st.integers(0, 1000)), max_size=3).map(tuple),
    change=st.sampled_from([0, 0, 500, 100_000]) | st.integers(0, 250_000),
    buyer=st.none() | st.just(BUYER),
)


def ring_up(plan: SalePlan, products: tuple[CartProduct, ...]) -> tuple[Cart, Counter[int]]:
    """Build the cart as the till would, through the Cart's own operations. Returns it with the units
    scanned per product id, counted here (not from the cart) as the stock that must leave the shelf."""
    cart = Cart()
    scanned: Counter[int] = Counter()
    for line in plan.lines:
        product = products[line.product]
        # Adds to an earlier list-price line of the product; after an override the next scan opens a new line.
        index = cart.add(product, line.qty)
        scanned[product.product_id] += line.qty
        # A change the cart refuses (e.g. a lower price under a line's rupiah discount) leaves it as it was.
        if line.price is not None:
            with contextlib.suppress(CartError):
                cart.override_price(index, line.price)
        if line.off is not None:
            with contextlib.suppress(CartError):
                cart.set_line_discount(index, line.off.discount(cart.lines[index].gross))
    if plan.sale_off is not None:
        cart.set_sale_discount(plan.sale_off.discount(sum(line.after_discount for line in cart.lines)))
    return cart, scanned


def tender(plan: SalePlan, total: int) -> list[Payment]:
    payments = []
    unpaid = total
    for number, (method, per_mille) in enumerate(plan.non_cash, start=1):
        amount = unpaid * per_mille // 1000
        if amount > 0:
            reference = f"TRF-{number:04d}" if method is PaymentMethod.TRANSFER else None
            payments.append(Payment(method, amount, reference))
            unpaid -= amount
    if unpaid + plan.change > 0:
        payments.append(Payment(PaymentMethod.CASH, unpaid + plan.change))
    return payments


# --- the property -------------------------------------------------------------------------------------

KOPI, JAGUNG, MADU, SABUN, TENUN, GARAM = range(len(CATALOG))


@given(plan=sale_plans)
@example(  # the cases: a product on two lines (one overridden), a line at 100%, split payment
    plan=SalePlan(
        lines=(
            LinePlan(KOPI, 2, price=60_000),
            LinePlan(TENUN, 1, off=Off(percent=Decimal(100))),
            LinePlan(KOPI, 3),
            LinePlan(MADU, 1, off=Off(per_mille=1000)),
            LinePlan(GARAM, 7),
        ),
        sale_off=Off(percent=Decimal("12.5")),
        non_cash=((PaymentMethod.QRIS, 400), (PaymentMethod.TRANSFER, 500)),
        change=3_500,
        buyer=BUYER,
    )
)
@example(  # all free: nothing to pay, every unit still leaves the shelf
    plan=SalePlan(
        lines=(LinePlan(SABUN, 2), LinePlan(SABUN, 1, price=0), LinePlan(TENUN, 1)),
        sale_off=Off(percent=Decimal(100)),
    )
)
@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@pytest.mark.slow
def test_every_committed_sale_keeps_its_invariants(outlet: OutletFile, plan: SalePlan) -> None:
    cart, scanned = ring_up(plan, outlet.products)
    payments = tender(plan, price_cart(cart).total)
    # Shown by --hypothesis-show-statistics: how often the cases the issue names were generated.
    codes = [line.product.code for line in cart.lines]
    if len(set(codes)) < len(codes):
        event("a product on two lines")
    if any(line.net == 0 for line in price_cart(cart).lines):
        event("a line worth Rp0")
    if len({p.method for p in payments}) > 1:
        event("split payment")
    event(f"PPN modes in the cart: {len({line.product.tax_mode for line in cart.lines})}")
    with fresh_copy(outlet) as db:
        with db.unit_of_work() as uow:
            done = checkout.complete_sale(uow, outlet.cashier, cart, payments, buyer_nip=plan.buyer, now=T0)
        stored = load_committed_sale_with_outbox_event(db, done.uuid)
        with db.unit_of_work() as uow:
            on_hand = {
                row[0]: row[1]
                for row in uow.session.execute(
                    text("SELECT product_id, SUM(qty) FROM stock_movements GROUP BY product_id")
                )
            }
            receipt_counters = [
                tuple(row) for row in uow.session.execute(text("SELECT * FROM receipt_counters"))
            ]
            sales_count = uow.session.execute(text("SELECT COUNT(*) FROM sales")).scalar()
            problems = [f"{c.name}: {c.detail}" for c in doctor.run_checks(uow) if not c.ok]
            rebuilt = sale_events.sale_event(uow, done.sale_id).to_json()
        # What the province will receive is the sale as stored, and the server's parser accepts it.
        assert stored.payload == rebuilt
        assert parse_sale(stored.payload).total == done.total

    sale, lines = stored.sale, stored.lines

    # Stock moved equals the units scanned, per product, and nothing else moved.
    assert all(m["kind"] == "sale" for m in stored.movements)
    moved: Counter[int] = Counter()
    for movement in stored.movements:
        moved[movement["product_id"]] -= movement["qty"]
    assert moved == scanned
    assert on_hand == {p.product_id: OPENING_STOCK - scanned[p.product_id] for p in outlet.products}

    # The lines are the cart's lines, in order, at the prices charged and in their product's PPN mode.
    assert [
        (ln["line_no"], ln["product_id"], ln["qty"], ln["unit_price"], ln["tax_mode"]) for ln in lines
    ] == [
        (no, ln.product.product_id, ln.qty, ln.unit_price, ln.product.tax_mode.value)
        for no, ln in enumerate(cart.lines, start=1)
    ]

    # The sale's lines add up.
    assert sale["subtotal"] == sum(ln["qty"] * ln["unit_price"] for ln in lines)
    for ln in lines:
        assert ln["net"] == ln["qty"] * ln["unit_price"] - ln["line_discount"] - ln["sale_discount_share"]
        assert (
            ln["net"] >= 0 and ln["line_discount"] >= 0 and ln["sale_discount_share"] >= 0 and ln["tax"] >= 0
        )
        assert ln["tax_mode"] != "none" or ln["tax"] == 0
    assert [ln["line_discount"] for ln in lines] == [line.discount_amount for line in cart.lines]
    after_line_discounts = sum(line.after_discount for line in cart.lines)
    sale_discount = cart.sale_discount.off(after_line_discounts) if cart.sale_discount else 0
    assert sum(ln["sale_discount_share"] for ln in lines) == sale_discount
    assert sale["discount"] == sum(ln["line_discount"] + ln["sale_discount_share"] for ln in lines)
    assert sale["tax"] == sum(ln["tax"] for ln in lines)
    # PPN is worked out on each mode's summed nets (not line by line), then shared to the lines.
    assert sale["tax"] == ppn_included_in(
        sum(ln["net"] for ln in lines if ln["tax_mode"] == "ppn_included")
    ) + ppn_added_to(sum(ln["net"] for ln in lines if ln["tax_mode"] == "ppn_added"))
    added_tax = sum(ln["tax"] for ln in lines if ln["tax_mode"] == "ppn_added")
    assert sale["total"] == sum(ln["net"] for ln in lines) + added_tax
    assert sale["total"] == sale["subtotal"] - sale["discount"] + added_tax
    assert sale["total"] == done.total == price_cart(cart).total  # what the till asked is what was stored

    # Payments minus change equal the total; change is only ever given from cash.
    assert sorted((p["method"], p["amount"], p["reference"]) for p in stored.payments) == sorted(
        (p.method.value, p.amount, p.reference) for p in payments
    )
    assert sale["paid"] == sum(p["amount"] for p in stored.payments)
    assert sale["paid"] - sale["change"] == sale["total"]
    assert sale["change"] == plan.change  # the cash handed over beyond what was left to pay
    assert sale["change"] <= sum(p["amount"] for p in stored.payments if p["method"] == "cash")

    # One sale, one receipt number, one outbox event, and a healthy database.
    assert sales_count == 1 and sale["receipt_no"] == done.receipt_no == "5371-01-20261120-0001"
    assert receipt_counters == [("2026-11-20", "sale", 1)]
    assert sale["buyer_nip"] == plan.buyer
    assert stored.outbox_row["kind"] == "sale" and stored.outbox_row["status"] == "pending"
    assert problems == []
