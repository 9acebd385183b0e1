"""Issue 11: a receipt line's unit stays with its quantity ("2 pcs x Rp25.000"), never wrapped onto a
line of its own, on 58 mm (32 columns) and 80 mm (48 columns), with the longest names and units."""

from __future__ import annotations

import pytest
from sample_receipts import receipt

from pos.core.cart import MAX_QTY
from pos.core.document import render_text
from pos.core.receipt import ReceiptLine, ReceiptPayment, receipt_document

LONGEST_NAME = ("Kain Tenun Ikat Sumba Timur Motif Kuda dan Mamuli pewarna alami " * 3)[:160]  # the limit
LONGEST_UNIT = "lembar-selendang"  # 16 characters, the longest a product's unit may be


def line(name: str, qty: int, price: int, unit: str, discount: int = 0) -> ReceiptLine:
    return ReceiptLine(name, qty, price, discount, qty * price - discount, unit)


CASES = [
    line("Kopi Arabika Bajawa 250 g", 2, 25_000, "pcs"),
    line(LONGEST_NAME, 2, 25_000, "pcs"),
    line(LONGEST_NAME, 12, 1_250_000, "botol"),
    line(LONGEST_NAME, 150, 2_750_000, "lembar", discount=50_000),
    line(LONGEST_NAME, MAX_QTY, 1_000_000_000, LONGEST_UNIT),
    line("Madu Hutan Sumba", MAX_QTY, 85_000, LONGEST_UNIT),
    line("Gula Aren", 3, 18_500, "kg"),
]


def text_of(items: list[ReceiptLine], width: int) -> list[str]:
    sale = receipt(tuple(items), (ReceiptPayment("Tunai", 10**15, None),))
    return render_text(receipt_document(sale, width), width).splitlines()


@pytest.mark.parametrize("width", [32, 48])
@pytest.mark.parametrize("item", CASES, ids=lambda item: f"{item.qty}-{item.unit}-{len(item.name)}")
def test_the_unit_stays_on_the_line_of_its_quantity(item: ReceiptLine, width: int) -> None:
    lines = text_of([item], width)
    assert all(len(text) <= width for text in lines)
    holding = [text for text in lines if f"{item.qty} {item.unit}" in text]
    assert len(holding) == 1, lines  # "2 pcs" together, once
    assert not [text for text in lines if text.strip() == item.unit], lines  # never alone
    price = f"x Rp{item.unit_price:,}".replace(",", ".")
    assert any(price in text for text in lines), lines


def test_a_short_line_keeps_quantity_unit_price_and_amount_on_one_line() -> None:
    for width in (32, 48):
        lines = text_of([line("Kopi Arabika Bajawa 250 g", 2, 25_000, "pcs")], width)
        assert any(text.startswith("  2 pcs x Rp25.000") and text.endswith("Rp50.000") for text in lines)


def test_receipts_kept_before_units_print_as_they_did() -> None:
    old = ReceiptLine("Gula Aren", 3, 18_500, 0, 55_500)  # no unit: a snapshot from before
    assert any(text.startswith("  3 x Rp18.500") for text in text_of([old], 32))
