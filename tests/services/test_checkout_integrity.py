"""A sale's stock and its outbox event are part of the sale: carts that are easy to get wrong (one product
on two lines, a line worth Rp0) still move every unit, and a sale whose outbox row cannot be written is
not written at all. Real SQLite files in tmp_path; the failures are real database errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import exc, text

from pos.core.cart import Cart, Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.services import doctor

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI = "8991000000011"  # Rp75.000
MADU = "8991000000028"  # Rp120.000
JAGUNG = "2000000000015"  # Rp10.000
OPENING_STOCK = 50  # every product of the `till` fixture starts with 50 units


def problems(till: Till) -> list[str]:
    with till.db.unit_of_work() as uow:
        return [f"{check.name}: {check.detail}" for check in doctor.run_checks(uow) if not check.ok]


def sale_movements(till: Till, sale_uuid: str) -> dict[int, int]:
    """Units taken out of stock by one sale, per product id (positive numbers)."""
    with till.db.unit_of_work() as uow:
        rows = uow.session.execute(
            text(
                "SELECT product_id, -SUM(qty) FROM stock_movements WHERE ref = :ref AND kind = 'sale' "
                "GROUP BY product_id"
            ),
            {"ref": sale_uuid},
        ).all()
    return {int(product_id): int(qty) for product_id, qty in rows}


def pay_exact(cart: Cart) -> list[Payment]:
    total = price_cart(cart).total
    return [Payment(PaymentMethod.CASH, total)] if total else []


# --- one product on two lines -------------------------------------------------------------------------


def _first_line_overridden(till: Till) -> Cart:
    cart = till.cart((KOPI, 2))
    cart.override_price(0, 60_000)
    cart.add(till.products[KOPI], 3)  # the first line's price was changed, so this opens a second line
    return cart


def _both_overridden_around_another_product(till: Till) -> Cart:
    cart = till.cart((KOPI, 1))
    cart.override_price(0, 70_000)
    cart.add(till.products[MADU], 1)
    index = cart.add(till.products[KOPI], 4)
    cart.override_price(index, 65_000)
    return cart


def _overridden_then_set_back_to_the_list_price(till: Till) -> Cart:
    # Two identical lines: setting a changed price back to the list price does not merge the lines again.
    cart = till.cart((KOPI, 2), (MADU, 1))
    cart.override_price(0, 60_000)
    cart.add(till.products[KOPI], 3)
    cart.override_price(0, till.products[KOPI].unit_price)
    assert not any(line.price_overridden for line in cart.lines)
    return cart


@pytest.mark.parametrize(
    "make_cart",
    [
        _first_line_overridden,
        _both_overridden_around_another_product,
        _overridden_then_set_back_to_the_list_price,
    ],
)
def test_the_same_product_on_two_lines_moves_stock_for_both(
    till: Till, make_cart: Callable[[Till], Cart]
) -> None:
    cart = make_cart(till)
    kopi_lines = [line for line in cart.lines if line.product.code == KOPI]
    assert len(kopi_lines) == 2, "the cart must hold the product on two lines for this test to mean anything"
    sold = sum(line.qty for line in kopi_lines)

    # Sold by the manager: the price cuts are above the cashier's limit (pos.services.approvals).
    sale = till.sell([], pay_exact(cart), cart=cart, actor=till.manager)

    assert till.stock(KOPI) == OPENING_STOCK - sold
    moved = sale_movements(till, sale.uuid)
    assert moved[till.products[KOPI].product_id] == sold
    assert sum(moved.values()) == cart.item_count
    assert problems(till) == []


# --- a line worth Rp0 ---------------------------------------------------------------------------------


def _line_discounted_100_percent_beside_a_paid_line(cart: Cart) -> None:
    cart.set_line_discount(0, Discount.of_percent(100, "hadiah"))


def _line_discounted_by_its_whole_price(cart: Cart) -> None:
    cart.set_line_discount(0, Discount.of_rupiah(cart.lines[0].gross, "hadiah"))


def _price_overridden_to_zero(cart: Cart) -> None:
    cart.override_price(0, 0)


def _whole_sale_discounted_100_percent(cart: Cart) -> None:
    cart.set_sale_discount(Discount.of_percent(100, "sampel"))


@pytest.mark.parametrize(
    "make_free",
    [
        _line_discounted_100_percent_beside_a_paid_line,
        _line_discounted_by_its_whole_price,
        _price_overridden_to_zero,
        _whole_sale_discounted_100_percent,
    ],
)
def test_a_line_worth_rp0_still_moves_its_stock(till: Till, make_free: Callable[[Cart], None]) -> None:
    cart = till.cart((JAGUNG, 3), (MADU, 1))
    make_free(cart)
    assert price_cart(cart).lines[0].net == 0

    sale = till.sell([], pay_exact(cart), cart=cart, actor=till.manager)  # a free line needs a manager

    assert till.stock(JAGUNG) == OPENING_STOCK - 3
    assert till.stock(MADU) == OPENING_STOCK - 1
    assert sale_movements(till, sale.uuid) == {
        till.products[JAGUNG].product_id: 3,
        till.products[MADU].product_id: 1,
    }
    assert problems(till) == []


def test_a_sale_of_rp0_alone_still_moves_its_stock(till: Till) -> None:
    cart = till.cart((JAGUNG, 2))
    cart.set_line_discount(0, Discount.of_percent(100, "hadiah"))
    sale = till.sell([], [], cart=cart, actor=till.manager)  # nothing to pay, so no payment at all
    assert sale.total == 0
    assert till.stock(JAGUNG) == OPENING_STOCK - 2
    assert sale_movements(till, sale.uuid) == {till.products[JAGUNG].product_id: 2}
    assert problems(till) == []


# --- the outbox row is part of the sale's transaction -------------------------------------------------

SALE_TABLES = ("sales", "sale_lines", "payments", "stock_movements", "outbox", "receipt_counters")


def table_contents(till: Till) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a sale writes: a rolled-back sale must leave them exactly as they were
    (the receipt counter row is compared by value, since a bump changes no row count)."""
    with till.db.unit_of_work() as uow:
        return {
            table: [tuple(row) for row in uow.session.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))]
            for table in SALE_TABLES
        }


def test_a_sale_whose_outbox_row_cannot_be_written_is_not_written_at_all(till: Till) -> None:
    till.sell([(JAGUNG, 1)], now=till.t0)  # the day's receipt counter row exists, so a bump would show
    with till.db.unit_of_work() as uow:
        # A real database failure on the outbox insert, the last write of a sale (nothing of ours patched).
        uow.session.execute(
            text(
                "CREATE TRIGGER outbox_down BEFORE INSERT ON outbox "
                "BEGIN SELECT RAISE(ABORT, 'outbox down'); END"
            )
        )
        uow.commit()
    before = table_contents(till)
    cart = till.cart((KOPI, 2), (MADU, 1), (JAGUNG, 3))
    total = price_cart(cart).total
    payments = [Payment(PaymentMethod.QRIS, total - 20_000), Payment(PaymentMethod.CASH, 50_000)]

    with pytest.raises(exc.IntegrityError, match="outbox down"):
        till.sell([], payments, cart=cart, now=till.t0)

    assert table_contents(till) == before
    assert till.stock(KOPI) == OPENING_STOCK
    assert problems(till) == []
    # With the outbox back, the same sale goes through and takes the next number: none was burned.
    with till.db.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER outbox_down"))
        uow.commit()
    sale = till.sell([], payments, cart=cart, now=till.t0)
    assert sale.receipt_no.endswith("-0002")
    assert till.stock(KOPI) == OPENING_STOCK - 2
    assert problems(till) == []


def test_doctor_finds_stock_booked_to_the_wrong_product(till: Till) -> None:
    """A movement moved to another product of the same sale leaves every per-sale sum right."""
    codes = list(till.products)
    sold = till.sell([(codes[0], 2), (codes[1], 3)])
    with till.db.unit_of_work() as uow:
        assert all(check.ok for check in doctor.run_checks(uow))
        uow.session.execute(
            text("UPDATE stock_movements SET product_id = :other WHERE ref = :ref AND product_id = :first"),
            {
                "other": till.products[codes[1]].product_id,
                "ref": sold.uuid,
                "first": till.products[codes[0]].product_id,
            },
        )
        uow.commit()
    with till.db.unit_of_work() as uow:
        failed = [check for check in doctor.run_checks(uow) if not check.ok]
    assert [check.name for check in failed] == ["stok keluar sesuai baris penjualan, per produk"]
    assert sold.receipt_no in failed[0].detail
