"""Money of a cart: PPN included and added, discounts and their exact allocation, worked by hand."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.cart import Cart, Discount, Product
from pos.core.errors import DomainError
from pos.core.pricing import (
    PPN_RATE_DENOMINATOR,
    PPN_RATE_NUMERATOR,
    Totals,
    allocate,
    ppn_added_to,
    ppn_included_in,
    price_cart,
)
from pos.core.tax import TaxMode


def _product(product_id: int, price: int, mode: TaxMode = TaxMode.NONE) -> Product:
    return Product(product_id, f"20000000{product_id:05d}", f"Barang {product_id}", price, mode)


def _cart(*rows: tuple[int, int, TaxMode]) -> Cart:
    cart = Cart()
    for product_id, (price, qty, mode) in enumerate(rows, start=1):
        cart.add(_product(product_id, price, mode), qty)
    return cart


def _half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def test_ppn_is_effectively_eleven_percent() -> None:
    # 12% of a tax base of 11/12 of the price.
    assert Fraction(PPN_RATE_NUMERATOR, PPN_RATE_DENOMINATOR) == Fraction(12, 100) * Fraction(11, 12)


def test_no_tax_by_default() -> None:
    totals = price_cart(_cart((75_000, 2, TaxMode.NONE)))
    assert (totals.subtotal, totals.discount, totals.tax, totals.total, totals.item_count) == (
        150_000,
        0,
        0,
        150_000,
        2,
    )
    assert _product(1, 1).tax_mode is TaxMode.NONE


@pytest.mark.parametrize(
    ("price", "tax"),
    [
        (11_100, 1_100),  # 11.100 x 11/111 = 1.100 exactly
        (10_000, 991),  # 10.000 x 11/111 = 990,99.. -> 991
        (5_000, 495),  # 5.000 x 11/111 = 495,49.. -> 495
        (75_000, 7_432),  # 75.000 x 11/111 = 7.432,43.. -> 7.432
        (0, 0),
    ],
)
def test_ppn_included_is_inside_the_price_and_does_not_change_the_total(price: int, tax: int) -> None:
    assert ppn_included_in(price) == tax
    assert price - price * 100 / 111 == pytest.approx(price * 11 / 111)
    totals = price_cart(_cart((price, 1, TaxMode.PPN_INCLUDED)))
    assert (totals.tax, totals.tax_included, totals.tax_added, totals.total) == (tax, tax, 0, price)
    assert totals.lines[0].tax == tax and totals.lines[0].amount_due == price


def test_ppn_included_is_computed_on_the_summed_base_not_line_by_line() -> None:
    # Line by line: 495 + 495 = 990. On the base of 10.000: 991, shared 496 + 495 (tie to the first line).
    totals = price_cart(_cart((5_000, 1, TaxMode.PPN_INCLUDED), (5_000, 1, TaxMode.PPN_INCLUDED)))
    assert totals.tax == 991
    assert [line.tax for line in totals.lines] == [496, 495]
    assert totals.total == 10_000


@pytest.mark.parametrize(
    ("net", "tax"),
    [
        (10_000, 1_100),
        (150, 17),  # 16,5 -> 17: half up, not half to even
        (12_345, 1_358),  # 1.357,95 -> 1.358
        (12_340, 1_357),  # 1.357,4 -> 1.357
        (0, 0),
    ],
)
def test_ppn_added_goes_on_top_of_the_net_price(net: int, tax: int) -> None:
    assert ppn_added_to(net) == tax
    totals = price_cart(_cart((net, 1, TaxMode.PPN_ADDED)))
    assert (totals.tax, totals.tax_added, totals.tax_included, totals.total) == (tax, tax, 0, net + tax)
    assert totals.lines[0].net == net and totals.lines[0].amount_due == net + tax


def test_a_mixed_cart_keeps_included_and_added_tax_apart() -> None:
    totals = price_cart(
        _cart((11_100, 1, TaxMode.PPN_INCLUDED), (10_000, 1, TaxMode.PPN_ADDED), (5_000, 1, TaxMode.NONE))
    )
    assert (totals.tax_included, totals.tax_added, totals.tax) == (1_100, 1_100, 2_200)
    assert totals.subtotal == 26_100
    assert totals.total == 11_100 + 10_000 + 1_100 + 5_000
    assert [line.tax for line in totals.lines] == [1_100, 1_100, 0]


def test_tax_is_charged_after_discounts() -> None:
    cart = _cart((100_000, 1, TaxMode.PPN_ADDED))
    cart.set_line_discount(0, Discount.of_percent(10, "promo"))
    totals = price_cart(cart)
    # 100.000 - 10% = 90.000; PPN 11% of 90.000 = 9.900.
    assert (totals.line_discounts, totals.tax, totals.total) == (10_000, 9_900, 99_900)


def test_a_sale_discount_is_shared_over_three_lines_and_adds_up_exactly() -> None:
    cart = _cart((10_000, 1, TaxMode.NONE), (20_000, 1, TaxMode.NONE), (30_000, 1, TaxMode.NONE))
    cart.set_sale_discount(Discount.of_rupiah(10_000, "HUT NTT"))
    totals = price_cart(cart)
    # Exact shares 1.666,67 / 3.333,33 / 5.000: floors 1.666 + 3.333 + 5.000 = 9.999; the missing rupiah
    # goes to the largest remainder (line 1, 0,67).
    assert [line.sale_discount_share for line in totals.lines] == [1_667, 3_333, 5_000]
    assert [line.net for line in totals.lines] == [8_333, 16_667, 25_000]
    assert (totals.subtotal, totals.sale_discount, totals.discount, totals.total) == (
        60_000,
        10_000,
        10_000,
        50_000,
    )


def test_equal_lines_share_a_leftover_rupiah_from_the_first_line() -> None:
    cart = _cart((1_000, 1, TaxMode.NONE), (1_000, 1, TaxMode.NONE), (1_000, 1, TaxMode.NONE))
    cart.set_sale_discount(Discount.of_rupiah(100, "pembulatan"))
    assert [line.sale_discount_share for line in price_cart(cart).lines] == [34, 33, 33]


def test_a_percent_sale_discount_applies_after_line_discounts() -> None:
    cart = _cart((100_000, 1, TaxMode.NONE), (50_000, 1, TaxMode.NONE))
    cart.set_line_discount(0, Discount.of_rupiah(20_000, "cacat"))
    cart.set_sale_discount(Discount.of_percent(10, "promo"))
    totals = price_cart(cart)
    # 10% of (80.000 + 50.000) = 13.000, shared 8.000 / 5.000.
    assert totals.sale_discount == 13_000
    assert [(line.line_discount, line.sale_discount_share, line.net) for line in totals.lines] == [
        (20_000, 8_000, 72_000),
        (0, 5_000, 45_000),
    ]
    assert [line.discount for line in totals.lines] == [28_000, 5_000]
    assert (totals.line_discounts, totals.discount, totals.total) == (20_000, 33_000, 117_000)


def test_a_percent_line_discount_rounds_half_up() -> None:
    cart = _cart((12_345, 1, TaxMode.NONE), (2_469, 5, TaxMode.NONE))
    cart.set_line_discount(0, Discount.of_percent(10, "promo"))  # 1.234,5 -> 1.235
    cart.set_line_discount(1, Discount.of_percent("12.5", "promo"))  # 12,5% of 12.345 = 1.543,125 -> 1.543
    totals = price_cart(cart)
    assert [line.line_discount for line in totals.lines] == [1_235, 1_543]
    assert totals.total == 12_345 + 12_345 - 1_235 - 1_543


def test_an_empty_cart_costs_nothing() -> None:
    assert price_cart(Cart()) == Totals((), 0, 0, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("amount", "weights", "parts"),
    [
        (10, [1, 1, 1], [4, 3, 3]),
        (2, [1, 1, 1], [1, 1, 0]),
        (100, [0, 5, 0], [0, 100, 0]),
        (7, [3, 0, 4], [3, 0, 4]),
        (0, [0, 0], [0, 0]),
        (0, [], []),
    ],
)
def test_allocate_by_largest_remainder(amount: int, weights: list[int], parts: list[int]) -> None:
    assert allocate(amount, weights) == parts


def test_allocate_refuses_what_cannot_be_shared() -> None:
    with pytest.raises(DomainError):
        allocate(5, [0, 0])
    with pytest.raises(DomainError):
        allocate(-1, [1])
    with pytest.raises(DomainError):
        allocate(1, [2, -1])


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**8), min_size=1, max_size=30))
def test_allocation_shares_add_up_and_stay_within_a_rupiah_of_pro_rata(
    amount: int, weights: list[int]
) -> None:
    if sum(weights) == 0:
        amount = 0
    parts = allocate(amount, weights)
    assert sum(parts) == amount
    for part, weight in zip(parts, weights, strict=True):
        exact = Fraction(amount * weight, sum(weights)) if sum(weights) else Fraction(0)
        assert math.floor(exact) <= part <= math.ceil(exact)


_percent = st.integers(0, 1000).map(lambda tenths: Decimal(tenths) / 10)


@st.composite
def carts(draw: st.DrawFn) -> Cart:
    cart = Cart()
    for product_id in range(1, draw(st.integers(0, 8)) + 1):
        price = draw(st.integers(0, 5_000_000))
        index = cart.add(
            _product(product_id, price, draw(st.sampled_from(list(TaxMode)))), draw(st.integers(1, 50))
        )
        line = cart.lines[index]
        if draw(st.booleans()):
            cart.override_price(index, draw(st.integers(0, line.unit_price * 2 + 10)))
            line = cart.lines[index]
        kind = draw(st.sampled_from(["none", "rupiah", "percent"]))
        if kind == "rupiah":
            cart.set_line_discount(index, Discount.of_rupiah(draw(st.integers(0, line.gross)), "acak"))
        elif kind == "percent":
            cart.set_line_discount(index, Discount.of_percent(draw(_percent), "acak"))
    base = sum(line.after_discount for line in cart.lines)
    kind = draw(st.sampled_from(["none", "rupiah", "percent"]))
    if kind == "rupiah":
        cart.set_sale_discount(Discount.of_rupiah(draw(st.integers(0, base)), "acak"))
    elif kind == "percent":
        cart.set_sale_discount(Discount.of_percent(draw(_percent), "acak"))
    return cart


@given(carts())
def test_pricing_invariants_hold_for_any_cart(cart: Cart) -> None:
    totals = price_cart(cart)
    lines = totals.lines
    assert totals.total >= 0
    assert sum(line.net for line in lines) == totals.total - totals.tax_added
    assert sum(line.sale_discount_share for line in lines) == totals.sale_discount
    assert sum(line.tax for line in lines) == totals.tax
    assert sum(line.amount_due for line in lines) == totals.total
    assert totals.subtotal == sum(line.gross for line in lines) == sum(line.gross for line in cart.lines)
    assert totals.subtotal - totals.discount == totals.total - totals.tax_added
    assert totals.item_count == cart.item_count
    for priced in lines:
        assert priced.gross == priced.qty * priced.unit_price
        assert priced.net == priced.gross - priced.line_discount - priced.sale_discount_share
        assert priced.net >= 0 and priced.tax >= 0 and priced.line_discount >= 0
        if priced.product.tax_mode is TaxMode.NONE:
            assert priced.tax == 0
    for mode, rate in ((TaxMode.PPN_INCLUDED, Fraction(11, 111)), (TaxMode.PPN_ADDED, Fraction(11, 100))):
        base = sum(line.net for line in lines if line.product.tax_mode is mode)
        expected = _half_up(base * rate)
        assert (totals.tax_included if mode is TaxMode.PPN_INCLUDED else totals.tax_added) == expected


@given(carts())
def test_price_cart_is_deterministic_and_survives_parking(cart: Cart) -> None:
    first = price_cart(cart)
    assert price_cart(cart) == first
    assert price_cart(Cart.from_snapshot(cart.snapshot())) == first
