"""The cart as a Qt table: one row per cart line, money formatted as Rp100.000.

The model owns no money logic: it renders `pos.core.cart.Cart` and its priced lines from
`pos.core.pricing.price_cart`, and is told to refresh after every change the checkout makes.

Its cells live in Qt (a `QStandardItemModel`, `data` not overridden in Python): Qt asks about seven
roles of every visible cell at each repaint of the cart, that is at every scan (~350 questions), and
each one answered in Python cost a call through PySide. A refresh sets only the cells whose text
changed and tells the view once: a scan that adds a line inserts one row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from pos.core.cart import Cart
from pos.core.money import format_rupiah
from pos.core.pricing import Totals, price_cart

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGNMENT = (_CENTER, _LEFT, _CENTER, _RIGHT, _RIGHT, _RIGHT)  # per column
_PRICE = 3
_OVERRIDDEN = QBrush(QColor("#b45309"))  # a changed price stands out for the supervisor's eye
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole

Row = tuple[str, ...]


class CartTableModel(QStandardItemModel):
    """Columns: No, Barang, Jumlah, Harga, Diskon, Total."""

    COLUMNS = ("No", "Barang", "Jml", "Harga", "Diskon", "Total")

    def __init__(self, cart: Cart, parent: Any = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("No"),
                self.tr("Barang"),
                self.tr("Jml"),
                self.tr("Harga"),
                self.tr("Diskon"),
                self.tr("Total"),
            ]
        )
        self._cart = cart
        self._totals: Totals = price_cart(cart)
        self._texts: list[Row] = []
        self._marks: list[tuple[str, bool]] = []  # per row: the tooltip and whether the price was changed
        self._reset()

    @property
    def cart(self) -> Cart:
        return self._cart

    @property
    def totals(self) -> Totals:
        return self._totals

    def set_cart(self, cart: Cart) -> None:
        self._cart = cart
        self._totals = price_cart(cart)
        self._reset()

    def refresh(self, changed_row: int | None = None) -> None:
        """Re-price after a change. Only the cells whose text changed are set and announced once (the
        texts themselves say what changed; `changed_row` is what the caller changed)."""
        self._totals = price_cart(self._cart)
        old_texts, old_marks = self._texts, self._marks
        texts, marks = self._rows()
        self._texts, self._marks = texts, marks  # what the column fitting reads when the signals go
        old, new = len(old_texts), len(texts)
        if new < old:  # lines removed: the last rows go, the rows before them are compared below
            self.removeRows(new, old - new)
        changed = [
            row
            for row in range(min(old, new))
            if (texts[row], marks[row]) != (old_texts[row], old_marks[row])
        ]
        if changed:
            self.blockSignals(True)  # one dataChanged for the rows that changed, not one per cell
            try:
                for row in changed:
                    self._set_row(row, texts[row], marks[row])
            finally:
                self.blockSignals(False)
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(self.COLUMNS) - 1))
        for row in range(old, new):  # a scan's new line: one rowsInserted
            self.appendRow(self._items(texts[row], marks[row]))

    def column_texts(self, column: int) -> list[str]:
        """The display texts of one column, every row (pos.ui.tables sizes the column by the widest)
        without a call through Qt per cell at every scan."""
        return [texts[column] for texts in self._texts]

    def _reset(self) -> None:
        texts, marks = self._rows()
        self.beginResetModel()
        self.blockSignals(True)  # the items below arrive with the reset, not one insert each
        try:
            self.setRowCount(0)
            for row_texts, mark in zip(texts, marks, strict=True):
                self.appendRow(self._items(row_texts, mark))
        finally:
            self.blockSignals(False)
        self._texts, self._marks = texts, marks
        self.endResetModel()

    def _rows(self) -> tuple[list[Row], list[tuple[str, bool]]]:
        texts: list[Row] = []
        marks: list[tuple[str, bool]] = []
        for row, priced in enumerate(self._totals.lines):
            line = self._cart.lines[row]
            texts.append(
                (
                    str(row + 1),
                    priced.product.name,
                    str(priced.qty),
                    format_rupiah(priced.unit_price),
                    format_rupiah(-priced.discount) if priced.discount else "",
                    format_rupiah(priced.amount_due),
                )
            )
            marks.append((f"{line.product.name}\n{line.product.code}", line.price_overridden))
        return texts, marks

    def _items(self, texts: Row, mark: tuple[str, bool]) -> list[QStandardItem]:
        items = []
        for column, text in enumerate(texts):
            item = QStandardItem(text)
            item.setEditable(False)
            item.setDropEnabled(False)
            item.setTextAlignment(_ALIGNMENT[column])
            items.append(item)
        tooltip, overridden = mark
        items[1].setToolTip(tooltip)
        if overridden:
            items[_PRICE].setForeground(_OVERRIDDEN)
        return items

    def _set_row(self, row: int, texts: Row, mark: tuple[str, bool]) -> None:
        for column, text in enumerate(texts):
            item = self.item(row, column)
            if item.text() != text:
                item.setText(text)
        tooltip, overridden = mark
        self.item(row, 1).setData(tooltip, _TOOLTIP)
        self.item(row, _PRICE).setData(_OVERRIDDEN if overridden else None, _FOREGROUND)
