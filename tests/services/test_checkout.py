"""Completing sales on a real SQLite file: atomic, exact, numbered, queued for the province."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from pos.core.cart import Cart, Discount
from pos.core.cart import Product as CartProduct
from pos.core.errors import DomainError
from pos.core.nip import InvalidNip
from pos.core.payments import Payment, PaymentError, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import OutboxEvent, Sale, SaleLine, StockMovement
from pos.services import catalog, checkout, sales
from pos.services.checkout import CheckoutError
from pos.services.context import Actor

BUYER = "19860926 201505 1 001"


def counts(db: Database) -> dict[str, int]:
    with db.unit_of_work() as uow:
        return {
            t: int(uow.session.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() or 0)
            for t in ("sales", "sale_lines", "payments", "stock_movements", "outbox", "receipt_counters")
        }


def cart_of(db: Database, *names: str) -> Cart:
    cart = Cart()
    with db.unit_of_work() as uow:
        for name in names:
            found = catalog.search(uow, name, limit=1)
            assert found, name
            cart.add(found[0].as_cart_product())
    return cart


def test_sale_is_written_whole_with_stock_and_outbox(demo_db: Database, demo_cashier: Actor) -> None:
    cart = cart_of(demo_db, "kopi arabika manggarai", "madu hutan", "garam")
    cart.add(cart.lines[0].product)  # scanning again raises the quantity
    with demo_db.unit_of_work() as uow:
        before = {ln.product.product_id: catalog.get_product(uow, ln.product.product_id) for ln in cart.lines}
    with demo_db.unit_of_work() as uow:
        done = checkout.complete_sale(
            uow, demo_cashier, cart, [Payment(PaymentMethod.CASH, 500_000)], buyer_nip=BUYER
        )
    assert done.change == 500_000 - done.total
    assert done.buyer_nip == "198609262015051001"
    with demo_db.unit_of_work() as uow:
        view = sales.find_sale(uow, done.receipt_no)
        assert view.total == done.total == sum(ln.net for ln in view.lines)
        assert [ln.qty for ln in view.lines] == [2, 1, 1]
        for line in cart.lines:
            after = catalog.get_product(uow, line.product.product_id)
            assert after is not None and before[line.product.product_id] is not None
            assert after.on_hand == before[line.product.product_id].on_hand - line.qty  # type: ignore[union-attr]
        event = uow.session.scalars(select(OutboxEvent).where(OutboxEvent.uuid == done.uuid)).one()
        envelope = json.loads(event.payload)
        assert envelope["kind"] == "sale" and envelope["outlet"] == "5371" and event.status == "pending"
        assert envelope["payload"]["total"] == done.total
        assert envelope["payload"]["buyer_nip"] == "198609262015051001"
        assert sum(line["line_total"] for line in envelope["payload"]["lines"]) == done.total
        assert all(line["supplier_code"].startswith("SUP-") for line in envelope["payload"]["lines"])


def test_receipt_numbers_run_per_day_and_are_unique(demo_db: Database, demo_cashier: Actor) -> None:
    numbers = []
    for day in (27, 27, 28, 27):
        moment = datetime(2026, 11, day, 15, 0, tzinfo=UTC)
        cart = cart_of(demo_db, "garam")
        with demo_db.unit_of_work() as uow:
            sale = checkout.complete_sale(
                uow, demo_cashier, cart, [Payment(PaymentMethod.QRIS, price_cart(cart).total)], now=moment
            )
        numbers.append(sale.receipt_no)
    assert numbers == [
        "5371-01-20261127-0001",
        "5371-01-20261127-0002",
        "5371-01-20261128-0001",
        "5371-01-20261127-0003",
    ]
    # 16:30 UTC on the 27th is 00:30 WITA on the 28th: the business day is the shop's day.
    late = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)
    with demo_db.unit_of_work() as uow:
        sale = checkout.complete_sale(
            uow, demo_cashier, cart_of(demo_db, "garam"), [Payment(PaymentMethod.CASH, 100_000)], now=late
        )
    assert sale.receipt_no == "5371-01-20261128-0002"
    assert sale.business_date.isoformat() == "2026-11-28"


@pytest.mark.parametrize(
    ("make_cart", "payments", "nip", "error", "message"),
    [
        (lambda db: Cart(), [Payment(PaymentMethod.CASH, 1000)], None, CheckoutError, "Keranjang kosong"),
        (lambda db: cart_of(db, "tenun"), [Payment(PaymentMethod.CASH, 1000)], None, PaymentError, "kurang"),
        (
            lambda db: cart_of(db, "garam"),
            [Payment(PaymentMethod.QRIS, 10**7)],
            None,
            PaymentError,
            "non-tunai",
        ),
        (lambda db: cart_of(db, "garam"), [], None, PaymentError, "belum ada pembayaran"),
        (
            lambda db: cart_of(db, "garam"),
            [Payment(PaymentMethod.CASH, 10**6)],
            "1986092620150510",
            InvalidNip,
            "18",
        ),
    ],
)
def test_refused_sales_write_nothing(
    demo_db: Database,
    demo_cashier: Actor,
    make_cart,
    payments,
    nip,
    error,
    message,  # type: ignore[no-untyped-def]
) -> None:
    before = counts(demo_db)
    with demo_db.unit_of_work() as uow, pytest.raises(error, match=message):
        checkout.complete_sale(uow, demo_cashier, make_cart(demo_db), payments, buyer_nip=nip)
    assert counts(demo_db) == before


def test_unknown_product_is_refused_and_nothing_written(demo_db: Database, demo_cashier: Actor) -> None:
    cart = Cart()
    cart.add(CartProduct(product_id=999_999, code="2000000000008", name="Barang hantu", unit_price=5000))
    before = counts(demo_db)
    with demo_db.unit_of_work() as uow, pytest.raises(CheckoutError, match="tidak dikenal"):
        checkout.complete_sale(uow, demo_cashier, cart, [Payment(PaymentMethod.CASH, 5000)])
    assert counts(demo_db) == before


def test_failure_midway_rolls_back_everything(
    demo_db: Database, demo_cashier: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A constraint failing after the sale row was inserted (here: a stock movement with a uuid that
    already exists) must leave no sale, line, payment or counter behind."""
    with demo_db.unit_of_work() as uow:
        existing = uow.session.scalar(select(StockMovement.uuid).limit(1))
    before = counts(demo_db)
    original = checkout.uuid.uuid4
    calls = iter(range(100))

    def colliding() -> object:
        # First uuid4 is the sale's; the second (first stock movement) collides with an existing row.
        n = next(calls)
        return existing if n == 1 else original()

    cart = cart_of(demo_db, "garam")
    monkeypatch.setattr(checkout.uuid, "uuid4", colliding)
    with demo_db.unit_of_work() as uow, pytest.raises(Exception, match="UNIQUE"):
        checkout.complete_sale(uow, demo_cashier, cart, [Payment(PaymentMethod.CASH, 10**5)])
    monkeypatch.undo()
    assert counts(demo_db) == before


def test_discounts_and_split_payment_are_stored_exactly(demo_db: Database, demo_cashier: Actor) -> None:
    cart = cart_of(demo_db, "kopi", "madu", "tenun")
    cart.set_line_discount(0, Discount.of_percent(10, "promo kopi"))
    cart.set_sale_discount(Discount.of_rupiah(7_001, "pelanggan setia"))
    total = price_cart(cart).total
    payments = [Payment(PaymentMethod.QRIS, total - 50_000), Payment(PaymentMethod.CASH, 100_000)]
    with demo_db.unit_of_work() as uow:
        sale = checkout.complete_sale(uow, demo_cashier, cart, payments)
    assert sale.change == 50_000
    with demo_db.unit_of_work() as uow:
        row = uow.session.scalars(select(Sale).where(Sale.uuid == sale.uuid)).one()
        nets = uow.session.scalar(select(func.sum(SaleLine.net)).where(SaleLine.sale_id == row.id))
        shares = uow.session.scalar(
            select(func.sum(SaleLine.sale_discount_share)).where(SaleLine.sale_id == row.id)
        )
        assert row.total == nets == total
        assert shares == 7_001
        assert row.paid - row.change == row.total


def test_domain_errors_are_value_errors_with_indonesian_text(demo_db: Database, demo_cashier: Actor) -> None:
    with demo_db.unit_of_work() as uow, pytest.raises(DomainError) as info:
        checkout.complete_sale(uow, demo_cashier, Cart(), [])
    assert isinstance(info.value, ValueError) and "Keranjang" in str(info.value)


def test_manager_approval_is_audited(demo_db: Database) -> None:
    from pos.db.models import AuditEntry
    from pos.services import users
    from pos.services.context import PermissionDenied, Role

    with demo_db.unit_of_work() as uow:
        approver = users.authorize(uow, "manajer", "5555", Role.MANAGER, "Diskon 20%")
    assert approver.username == "manajer"
    with demo_db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        users.authorize(uow, "kasir2", "2222", Role.MANAGER, "Diskon 50%")
    with demo_db.unit_of_work() as uow:
        entries = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "approval.granted")).all()
        granted = [(e.user_id, e.detail["approved"]) for e in entries]
    assert granted == [(approver.user_id, "Diskon 20%")]


@pytest.mark.parametrize(
    ("enabled", "mode", "taxed"), [(False, "added", False), (True, "added", True), (True, "included", True)]
)
def test_outlet_ppn_setting_prices_the_sale_and_refund_gives_added_tax_back(
    demo_db: Database, demo_cashier: Actor, demo_manager: Actor, enabled: bool, mode: str, taxed: bool
) -> None:
    from pos.services import refunds, settings, users
    from pos.services.doctor import run_checks

    with demo_db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
        settings.put(uow, admin, "tax.ppn_enabled", enabled)
        settings.put(uow, admin, "tax.ppn_mode", mode)
        uow.commit()
    cart = cart_of(demo_db, "kopi arabika manggarai")
    totals = price_cart(cart)
    added = mode == "added" and taxed
    gross = totals.subtotal
    assert totals.tax == (0 if not taxed else (gross * 11 + 50) // 100 if added else (gross * 11 + 55) // 111)
    assert totals.total == gross + (totals.tax if added else 0)
    with demo_db.unit_of_work() as uow:
        sale = checkout.complete_sale(uow, demo_cashier, cart, [Payment(PaymentMethod.QRIS, totals.total)])
    with demo_db.unit_of_work() as uow:
        done = refunds.refund_sale(uow, demo_cashier, demo_manager, sale.receipt_no, None, "salah beli", None)
    assert done.total == totals.total  # the customer gets back what they paid, added PPN included
    with demo_db.unit_of_work() as uow:
        assert all(check.ok for check in run_checks(uow))
