"""The cart model tells the view only what changed: a scan's new line is one inserted row (no reset,
so Qt does not lay out and repaint the whole cart), a second scan of the same product one changed row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from pos.core.cart import Cart, Discount, Product
from pos.core.money import format_rupiah
from pos.ui.cart_model import CartTableModel

KOPI = Product(1, "8991234567895", "Kopi Arabika Manggarai 250 g", 75_000)
TENUN = Product(2, "2000000000015", "Tenun Ikat Sumba", 1_250_000)
MADU = Product(3, "2000000000022", "Madu Hutan Timor 500 ml", 120_000)


class Signals:
    def __init__(self, model: CartTableModel) -> None:
        self.seen: list[tuple[Any, ...]] = []
        model.modelReset.connect(lambda: self.seen.append(("reset",)))
        model.rowsInserted.connect(lambda _p, first, last: self.seen.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.seen.append(("removed", first, last)))
        model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.seen.append(("changed", top.row(), bottom.row()))
        )

    def take(self) -> list[tuple[Any, ...]]:
        seen, self.seen = self.seen, []
        return seen


def texts(model: CartTableModel) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def test_each_change_announces_only_the_rows_it_changed(qtmodeltester: Any) -> None:
    cart = Cart()
    model = CartTableModel(cart)
    signals = Signals(model)
    for product in (KOPI, TENUN, MADU):
        row = cart.add(product)
        model.refresh(changed_row=row)
    assert signals.take() == [("inserted", 0, 0), ("inserted", 1, 1), ("inserted", 2, 2)]
    cart.add(TENUN)  # scanned again: its quantity and total change, nothing else
    model.refresh(changed_row=1)
    assert signals.take() == [("changed", 1, 1)]
    assert texts(model)[1] == [
        "2",
        "Tenun Ikat Sumba",
        "2",
        format_rupiah(1_250_000),
        "",
        format_rupiah(2_500_000),
    ]
    cart.override_price(0, 70_000)  # a changed price is shown in another colour
    model.refresh(changed_row=0)
    assert signals.take() == [("changed", 0, 0)]
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole) is None
    cart.remove(0)  # the rows after it are numbered again
    model.refresh()
    assert signals.take() == [("removed", 2, 2), ("changed", 0, 1)]
    assert [row[:2] for row in texts(model)] == [["1", "Tenun Ikat Sumba"], ["2", "Madu Hutan Timor 500 ml"]]
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is None
    assert (
        model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "Madu Hutan Timor 500 ml\n2000000000022"
    )
    cart.set_sale_discount(Discount.of_percent(10, "promo"))  # shared over every line
    model.refresh()
    assert signals.take() == [("changed", 0, 1)]
    assert model.column_texts(4) == [format_rupiah(-250_000), format_rupiah(-12_000)]
    qtmodeltester.check(model, force_py=True)
    model.set_cart(Cart())
    assert signals.take() == [("reset",)] and model.rowCount() == 0 and model.column_texts(1) == []
