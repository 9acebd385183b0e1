"""Discount and price-cut limits are enforced by complete_sale, whatever built the cart."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text

from pos.core.cart import Cart, Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.services import approvals, checkout, sales, settings, users
from pos.services.checkout import CheckoutError
from pos.services.context import Actor, Role

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI = "8991000000011"  # Rp75.000
MADU = "8991000000028"  # Rp120.000


def sale_rows(till: Till) -> int:
    with till.db.unit_of_work() as uow:
        return int(uow.session.execute(text("SELECT COUNT(*) FROM sales")).scalar_one())


def test_limits_measure_discounts_and_price_cuts_as_the_till_shows_them(till: Till) -> None:
    cart = till.cart((KOPI, 2), (MADU, 1))
    assert approvals.over_limits(cart, Decimal(10), Decimal(0)) == []
    cart.set_line_discount(0, Discount.of_percent(10, "promo"))  # exactly at the limit: allowed
    cart.set_sale_discount(Discount.of_rupiah(20_000, "langganan"))  # 20.000 of 255.000: 7.8%
    assert approvals.over_limits(cart, Decimal(10), Decimal(0)) == []
    cart.set_line_discount(1, Discount.of_rupiah(12_001, "cacat"))  # 10.0008% of 120.000
    cart.override_price(0, 74_000)  # any cut, with a limit of 0
    assert approvals.over_limits(cart, Decimal(10), Decimal(0)) == [
        "Baris 1: harga Rp75.000 ke Rp74.000",
        "Baris 2: Diskon Rp12.001",
    ]
    cart.override_price(0, 80_000)  # a raise needs nobody
    assert approvals.over_limits(cart, Decimal(10), Decimal(2)) == ["Baris 2: Diskon Rp12.001"]


def test_a_cart_above_the_limit_is_refused_without_an_approver_and_nothing_is_written(till: Till) -> None:
    cart = till.cart((KOPI, 1))
    cart.set_line_discount(0, Discount.of_percent(15, "rusak kemasan"))
    with pytest.raises(CheckoutError, match="Perlu persetujuan manajer untuk: Baris 1: Diskon 15%"):
        till.sell([], cart=cart)
    price_cut = till.cart((MADU, 1))
    price_cut.override_price(0, 100_000)
    with pytest.raises(CheckoutError, match=re.escape("harga Rp120.000 ke Rp100.000")):
        till.sell([], cart=price_cut)
    # another cashier is no approver either
    with till.db.unit_of_work() as uow, pytest.raises(CheckoutError, match="bukan manajer"):
        checkout.complete_sale(uow, till.cashier, cart, [], approved_by=till.cashier2)
    assert sale_rows(till) == 0


def test_the_approving_manager_is_recorded_on_the_sale(till: Till) -> None:
    cart = till.cart((KOPI, 1), (MADU, 1))
    cart.set_sale_discount(Discount.of_percent(20, "pameran"))
    with till.db.unit_of_work() as uow:
        manager = users.authorize(uow, "manajer", "1111", Role.MANAGER, "Diskon 20%")
    with till.db.unit_of_work() as uow:
        done = checkout.complete_sale(uow, till.cashier, cart, _cash(cart), approved_by=manager)
    plain = till.sell([(KOPI, 1)])  # nothing above the limits: no approver, even if one is offered
    with till.db.unit_of_work() as uow:
        assert sales.find_sale(uow, done.receipt_no).to_json()["approved_by"] == "manajer"
        assert sales.find_sale(uow, plain.receipt_no).approved_by is None
    # a manager selling answers for their own cart
    own = till.cart((KOPI, 1))
    own.set_line_discount(0, Discount.of_percent(50, "contoh"))
    by_manager = till.sell([], cart=own, actor=till.manager)
    with till.db.unit_of_work() as uow:
        assert sales.find_sale(uow, by_manager.receipt_no).approved_by == "manajer"


def test_the_limits_are_the_outlet_settings(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        admin_info = users.create_user(
            uow, None, username="admin", full_name="Admin", role=Role.ADMIN, pin="1111",
            enforce_pin_rules=False,
        )  # fmt: skip
        admin = Actor(admin_info.user_id, admin_info.username, admin_info.full_name, admin_info.role)
        settings.put(uow, admin, approvals.DISCOUNT_LIMIT_KEY, 30)
        settings.put(uow, admin, approvals.PRICE_LIMIT_KEY, 20)
        uow.commit()
    cart = till.cart((KOPI, 1), (MADU, 1))
    cart.set_line_discount(0, Discount.of_percent(25, "promo"))
    cart.override_price(1, 100_000)  # 16.7% off
    assert till.sell([], cart=cart).total == 56_250 + 100_000
    # a manager demoted since the PIN was given approves nothing
    with till.db.unit_of_work() as uow:
        users.update_user(uow, admin, till.manager.user_id, full_name="Manajer", role=Role.CASHIER)
        uow.commit()
    over = till.cart((KOPI, 1))
    over.set_line_discount(0, Discount.of_percent(40, "promo"))
    with till.db.unit_of_work() as uow, pytest.raises(CheckoutError, match="bukan manajer aktif"):
        checkout.complete_sale(uow, till.cashier, over, _cash(over), approved_by=till.manager)


def _cash(cart: Cart) -> list[Payment]:
    return [Payment(PaymentMethod.CASH, price_cart(cart).total)]
