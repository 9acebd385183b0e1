"""The cart a cashier builds: merging scans, limits, overrides, discounts and parking (snapshot)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.cart import MAX_QTY, Cart, CartError, Discount, Product
from pos.core.errors import DomainError
from pos.core.pricing import price_cart
from pos.core.tax import TaxMode

KOPI = Product(1, "8991234567895", "Kopi Arabika Manggarai 250 g", 75_000, supplier_id=7)
MADU = Product(2, "2000000000015", "Madu Hutan Timor 500 ml", 120_000, TaxMode.PPN_INCLUDED)
TENUN = Product(3, "2000000000022", "Selendang Tenun Ikat Sumba", 350_000, TaxMode.PPN_ADDED, supplier_id=3)


def test_scanning_the_same_product_again_raises_the_quantity_of_its_line() -> None:
    cart = Cart()
    assert cart.add(KOPI) == 0
    assert cart.add(MADU, 2) == 1
    assert cart.add(KOPI, 3) == 0
    assert [(line.product.code, line.qty) for line in cart.lines] == [(KOPI.code, 4), (MADU.code, 2)]
    assert cart.item_count == 6
    assert not cart.is_empty


def test_a_line_with_an_overridden_price_is_not_merged_with_a_new_scan() -> None:
    cart = Cart()
    cart.add(KOPI)
    cart.override_price(0, 70_000)
    assert cart.lines[0].price_overridden
    assert cart.add(KOPI) == 1
    assert [(line.unit_price, line.qty) for line in cart.lines] == [(70_000, 1), (75_000, 1)]
    assert cart.add(KOPI) == 1, "the second, unchanged line takes further scans"


def test_overriding_back_to_the_list_price_is_not_an_override() -> None:
    cart = Cart()
    cart.add(KOPI)
    cart.override_price(0, 75_000)
    assert not cart.lines[0].price_overridden
    assert cart.add(KOPI) == 0


def test_a_product_whose_price_changed_mid_sale_gets_its_own_line() -> None:
    cart = Cart()
    cart.add(KOPI)
    repriced = Product(1, KOPI.code, KOPI.name, 80_000)
    assert cart.add(repriced) == 1


@pytest.mark.parametrize("qty", [0, -1, MAX_QTY + 1, True])
def test_quantities_outside_1_to_9999_are_refused(qty: int) -> None:
    cart = Cart()
    with pytest.raises(CartError, match=r"jumlah harus antara 1 dan 9\.999"):
        cart.add(KOPI, qty)
    cart.add(KOPI)
    with pytest.raises(CartError, match=r"jumlah harus antara 1 dan 9\.999"):
        cart.set_qty(0, qty)
    assert cart.lines[0].qty == 1


def test_a_repeat_scan_may_not_push_a_line_past_the_quantity_limit() -> None:
    cart = Cart()
    cart.add(KOPI, MAX_QTY)
    with pytest.raises(CartError, match=r"melebihi 9\.999"):
        cart.add(KOPI)
    assert cart.lines[0].qty == MAX_QTY


def test_a_negative_price_is_refused_and_zero_is_allowed() -> None:
    cart = Cart()
    cart.add(KOPI)
    with pytest.raises(CartError, match="harga tidak boleh negatif"):
        cart.override_price(0, -1)
    cart.override_price(0, 0)
    assert price_cart(cart).total == 0
    with pytest.raises(CartError):
        Product(9, "x", "Barang", -5)


@pytest.mark.parametrize("index", [-1, 1, 5])
def test_a_bad_line_index_is_refused_with_the_line_number_the_cashier_sees(index: int) -> None:
    cart = Cart()
    cart.add(KOPI)
    for action in (
        lambda: cart.set_qty(index, 2),
        lambda: cart.remove(index),
        lambda: cart.override_price(index, 1_000),
        lambda: cart.set_line_discount(index, None),
    ):
        with pytest.raises(CartError, match=f"baris {index + 1} tidak ada"):
            action()
    assert len(cart.lines) == 1


def test_cart_errors_are_domain_errors_and_value_errors() -> None:
    assert issubclass(CartError, DomainError)
    assert issubclass(CartError, ValueError)


def test_a_line_discount_larger_than_the_line_is_refused_and_the_cart_is_unchanged() -> None:
    cart = Cart()
    cart.add(KOPI, 2)
    with pytest.raises(CartError, match=r"diskon baris 1 \(Rp150\.001\) melebihi harga baris \(Rp150\.000\)"):
        cart.set_line_discount(0, Discount.of_rupiah(150_001, "rusak"))
    assert cart.lines[0].discount is None
    cart.set_line_discount(0, Discount.of_rupiah(150_000, "rusak"))
    assert price_cart(cart).total == 0


def test_lowering_qty_or_price_below_a_rupiah_line_discount_is_refused() -> None:
    cart = Cart()
    cart.add(KOPI, 2)
    cart.set_line_discount(0, Discount.of_rupiah(100_000, "grosir"))
    with pytest.raises(CartError, match="melebihi harga baris"):
        cart.set_qty(0, 1)
    with pytest.raises(CartError, match="melebihi harga baris"):
        cart.override_price(0, 40_000)
    assert (cart.lines[0].qty, cart.lines[0].unit_price) == (2, 75_000)


def test_a_sale_discount_larger_than_the_sale_is_refused() -> None:
    cart = Cart()
    cart.add(KOPI)
    cart.add(MADU)
    cart.set_line_discount(1, Discount.of_rupiah(20_000, "kemasan penyok"))
    with pytest.raises(
        CartError, match=r"diskon transaksi \(Rp175\.001\) melebihi total belanja \(Rp175\.000\)"
    ):
        cart.set_sale_discount(Discount.of_rupiah(175_001, "promo"))
    assert cart.sale_discount is None
    cart.set_sale_discount(Discount.of_rupiah(80_000, "promo"))
    with pytest.raises(CartError, match="diskon transaksi"):
        cart.remove(1)
    assert len(cart.lines) == 2, "removing a line may not leave the sale discount bigger than the sale"
    cart.set_sale_discount(None)
    cart.remove(1)
    assert [line.product for line in cart.lines] == [KOPI]


def test_clear_empties_the_cart_and_drops_the_sale_discount() -> None:
    cart = Cart()
    cart.add(KOPI)
    cart.set_sale_discount(Discount.of_percent(10, "promo"))
    cart.clear()
    assert cart.is_empty and cart.item_count == 0 and cart.sale_discount is None
    assert price_cart(cart).total == 0


@pytest.mark.parametrize(
    ("percent", "expected"),
    [(10, Decimal("10.0")), ("12.5", Decimal("12.5")), ("7,5", Decimal("7.5")), (Decimal(100), Decimal(100))],
)
def test_percent_discounts_take_whole_or_one_decimal_percent(percent: int | str, expected: Decimal) -> None:
    assert Discount.of_percent(percent, "promo").percent == expected


@pytest.mark.parametrize(
    ("percent", "message"),
    [
        ("12.25", "satu angka di belakang koma"),
        (-1, "antara 0 dan 100"),
        ("100.1", "antara 0 dan 100"),
        ("sepuluh", "harus angka"),
        ("NaN", "antara 0 dan 100"),
        (True, "harus angka"),
    ],
)
def test_bad_percent_discounts_are_refused(percent: object, message: str) -> None:
    with pytest.raises(CartError, match=message):
        Discount.of_percent(percent, "promo")  # type: ignore[arg-type]


def test_a_discount_needs_a_reason_and_exactly_one_of_amount_or_percent() -> None:
    with pytest.raises(CartError, match="alasan diskon wajib diisi"):
        Discount.of_rupiah(5_000, "  ")
    with pytest.raises(CartError, match="nominal rupiah atau persen"):
        Discount(reason="promo")
    with pytest.raises(CartError, match="nominal rupiah atau persen"):
        Discount(reason="promo", amount=1, percent=Decimal(1))
    with pytest.raises(CartError, match="tidak boleh negatif"):
        Discount.of_rupiah(-5_000, "promo")


@pytest.mark.parametrize(
    ("discount", "base", "off", "text"),
    [
        (Discount.of_rupiah(5_000, "x"), 100_000, 5_000, "Diskon Rp5.000"),
        (Discount.of_percent(10, "x"), 12_345, 1_235, "Diskon 10%"),  # 1.234,5 rounds half up
        (Discount.of_percent(10, "x"), 12_344, 1_234, "Diskon 10%"),  # 1.234,4 rounds down
        (Discount.of_percent("12.5", "x"), 10_000, 1_250, "Diskon 12,5%"),
        (Discount.of_percent("33.3", "x"), 1_000, 333, "Diskon 33,3%"),
        (Discount.of_percent(100, "x"), 7_777, 7_777, "Diskon 100%"),
        (Discount.of_percent(0, "x"), 7_777, 0, "Diskon 0%"),
    ],
)
def test_discount_off_rounds_percent_half_up_to_whole_rupiah(
    discount: Discount, base: int, off: int, text: str
) -> None:
    assert discount.off(base) == off
    assert discount.describe() == text


def _busy_cart() -> Cart:
    cart = Cart()
    cart.add(KOPI, 3)
    cart.add(MADU)
    cart.add(TENUN)
    cart.override_price(2, 325_000)
    cart.set_line_discount(0, Discount.of_percent("12.5", "pelanggan tetap"))
    cart.set_line_discount(1, Discount.of_rupiah(5_000, "label sobek"))
    cart.set_sale_discount(Discount.of_rupiah(10_000, "HUT Dekranasda"))
    return cart


def test_a_parked_cart_survives_json_and_comes_back_identical() -> None:
    cart = _busy_cart()
    parked = json.dumps(cart.snapshot())  # what is written to disk to survive a restart
    recalled = Cart.from_snapshot(json.loads(parked))
    assert recalled.lines == cart.lines
    assert recalled.sale_discount == cart.sale_discount
    assert recalled.snapshot() == cart.snapshot()
    assert price_cart(recalled) == price_cart(cart)
    assert recalled.lines[2].price_overridden
    assert recalled.add(TENUN) == 3, "an overridden line stays overridden after recall"


def test_an_empty_cart_round_trips() -> None:
    assert Cart.from_snapshot(Cart().snapshot()).is_empty


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(version=99),
        lambda d: d.pop("lines"),
        lambda d: d["lines"][0].update(qty=0),
        lambda d: d["lines"][0].update(qty="3"),
        lambda d: d["lines"][0]["product"].pop("code"),
        lambda d: d["lines"][0]["product"].update(tax_mode="ppn_luxury"),
        lambda d: d["lines"][0]["product"].update(product_id="1"),
        lambda d: d["lines"][1].update(unit_price=-1),
        lambda d: d["lines"][1].update(discount={"amount": 999_999, "reason": "x"}),
        lambda d: d["lines"][1].update(discount={"percent": "x", "reason": "x"}),
        lambda d: d.update(sale_discount={"amount": 5}),
        lambda d: d.update(lines=[None]),
    ],
)
def test_damaged_snapshots_are_refused_not_half_loaded(damage: object) -> None:
    data = json.loads(json.dumps(_busy_cart().snapshot()))
    damage(data)  # type: ignore[operator]
    with pytest.raises(CartError):
        Cart.from_snapshot(data)


@given(
    st.lists(
        st.tuples(
            st.integers(1, 6),  # which product
            st.integers(0, 2_000_000),  # its price
            st.integers(1, 99),  # qty
            st.sampled_from(list(TaxMode)),
            st.one_of(st.none(), st.integers(0, 1000).map(lambda t: Decimal(t) / 10)),
        ),
        max_size=8,
    ),
    st.one_of(st.none(), st.integers(0, 1000).map(lambda t: Decimal(t) / 10)),
)
def test_snapshot_round_trip_keeps_every_cart(
    rows: list[tuple[int, int, int, TaxMode, Decimal | None]], sale_percent: Decimal | None
) -> None:
    cart = Cart()
    for product_id, price, qty, mode, percent in rows:
        index = cart.add(Product(product_id, f"SKU-{product_id}", f"Barang {product_id}", price, mode), qty)
        if percent is not None:
            cart.set_line_discount(index, Discount.of_percent(percent, "acak"))
    if sale_percent is not None:
        cart.set_sale_discount(Discount.of_percent(sale_percent, "acak"))
    recalled = Cart.from_snapshot(json.loads(json.dumps(cart.snapshot())))
    assert recalled.lines == cart.lines
    assert recalled.sale_discount == cart.sale_discount
    assert recalled.item_count == cart.item_count == sum(line.qty for line in cart.lines)
