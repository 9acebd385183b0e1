"""The F2 search's result rows: texts made once per key typed, the same through Qt's model API."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from pos.core.money import format_rupiah
from pos.core.tax import TaxMode
from pos.db.engine import Database
from pos.services import catalog
from pos.services.catalog import ProductView
from pos.ui.search import ProductSearchDialog, ProductTableModel


def view(product_id: int, name: str, price: int, barcode: str | None, supplier: str | None) -> ProductView:
    return ProductView(
        product_id=product_id,
        code=f"SKU-{product_id}",
        barcode=barcode,
        name=name,
        price=price,
        unit="pcs",
        tax_mode=TaxMode.NONE,
        supplier_id=None,
        supplier_name=supplier,
        on_hand=7,
        active=True,
    )


def test_result_rows_show_code_name_producer_stock_and_price(qtmodeltester: Any) -> None:
    model = ProductTableModel()
    model.set_rows(
        [
            view(1, "Kopi Arabika Manggarai 250 g", 75_000, "8991234567895", "UMKM Kopi Flores"),
            view(2, "Tenun Ikat Sumba", 1_250_000, None, None),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    texts = [[model.data(model.index(row, column)) for column in range(5)] for row in range(2)]
    assert texts == [
        ["8991234567895", "Kopi Arabika Manggarai 250 g", "UMKM Kopi Flores", "7", format_rupiah(75_000)],
        ["SKU-2", "Tenun Ikat Sumba", "", "7", format_rupiah(1_250_000)],
    ]
    assert model.column_texts(4) == [format_rupiah(75_000), format_rupiah(1_250_000)]
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Kopi Arabika Manggarai 250 g"
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) is not None
    model.set_rows([])
    assert model.rowCount() == 0 and model.column_texts(1) == []


def test_the_same_words_again_do_not_ask_the_database(qtbot: Any, demo_db: Database) -> None:
    asked: list[str] = []

    def search(text: str) -> list[ProductView]:
        asked.append(text)
        with demo_db.unit_of_work() as uow:
            return catalog.search(uow, text)

    dialog = ProductSearchDialog(search)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.query, "kopi")
    rows = dialog.model.rowCount()
    qtbot.keyClicks(dialog.query, " ")  # the same word: the same rows
    assert asked == ["k", "ko", "kop", "kopi"] and dialog.model.rowCount() == rows > 0
    qtbot.keyClicks(dialog.query, "m")
    assert asked[-1] == "kopi m" and dialog.model.rowCount() > 0
    dialog.query.clear()
    assert asked[-1] == "kopi m" and dialog.model.rowCount() == 0
