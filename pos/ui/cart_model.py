"""The cart as a Qt table: one row per cart line, money formatted as Rp100.000.

The model owns no money logic: it renders `pos.core.cart.Cart` and its priced lines from
`pos.core.pricing.price_cart`, and is told to refresh after every change the checkout makes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos.core.cart import Cart
from pos.core.money import format_rupiah
from pos.core.pricing import Totals, price_cart

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGNMENT = (_CENTER, None, _CENTER, _RIGHT, _RIGHT, _RIGHT)  # per column
# Qt hands `data` its role as a plain int: compared with ints, not with Qt.ItemDataRole members.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_TEXT_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value


class CartTableModel(QAbstractTableModel):
    """Columns: No, Barang, Jumlah, Harga, Diskon, Total."""

    COLUMNS = ("No", "Barang", "Jml", "Harga", "Diskon", "Total")

    def __init__(self, cart: Cart, parent: Any = None) -> None:
        super().__init__(parent)
        self._cart = cart
        self._totals: Totals = price_cart(cart)
        self._texts: list[tuple[str, ...] | None] = [None] * len(self._totals.lines)
        self._headers = [
            self.tr("No"),
            self.tr("Barang"),
            self.tr("Jml"),
            self.tr("Harga"),
            self.tr("Diskon"),
            self.tr("Total"),
        ]

    @property
    def cart(self) -> Cart:
        return self._cart

    @property
    def totals(self) -> Totals:
        return self._totals

    def set_cart(self, cart: Cart) -> None:
        self.beginResetModel()
        self._cart = cart
        self._set_totals(price_cart(cart))
        self.endResetModel()

    def _set_totals(self, totals: Totals) -> None:
        self._totals = totals
        self._texts = [None] * len(totals.lines)  # the row texts are made again when Qt asks

    def refresh(self, changed_row: int | None = None) -> None:
        """Re-price after a change. A row added at the end is announced as an insert (cheap repaint)."""
        old_count = len(self._totals.lines)
        totals = price_cart(self._cart)
        new_count = len(totals.lines)
        if new_count == old_count + 1 and changed_row == new_count - 1:
            self.beginInsertRows(QModelIndex(), old_count, old_count)
            self._set_totals(totals)
            self.endInsertRows()
            if old_count:  # a sale discount is shared over all lines: their figures may move
                self.dataChanged.emit(self.index(0, 4), self.index(old_count - 1, 5))
        elif new_count == old_count:
            self._set_totals(totals)
            if new_count:
                self.dataChanged.emit(self.index(0, 0), self.index(new_count - 1, len(self.COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._set_totals(totals)
            self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._totals.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks about seven roles of every visible cell at each repaint of the cart, that is at every
        # scan: the texts of a row are made once per change of the cart, and unknown roles cost little.
        row = index.row()
        if not 0 <= row < len(self._texts) or not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._row_text(row)[column]
        if role == _TEXT_ALIGNMENT:
            return _ALIGNMENT[column]
        if role == _TOOLTIP and column == 1:
            line = self._cart.lines[row]
            return f"{line.product.name}\n{line.product.code}"
        if role == _FOREGROUND and column == 3 and self._cart.lines[row].price_overridden:
            return QColor("#b45309")  # a changed price stands out for the supervisor's eye
        return None

    def column_texts(self, column: int) -> list[str]:
        """The display texts of one column, every row (pos.ui.tables sizes the column by the widest)
        without a call through Qt per cell at every scan."""
        return [self._row_text(row)[column] for row in range(len(self._texts))]

    def _row_text(self, row: int) -> tuple[str, ...]:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self._row_texts(row)
        return texts

    def _row_texts(self, row: int) -> tuple[str, ...]:
        priced = self._totals.lines[row]
        return (
            str(row + 1),
            priced.product.name,
            str(priced.qty),
            format_rupiah(priced.unit_price),
            format_rupiah(-priced.discount) if priced.discount else "",
            format_rupiah(priced.amount_due),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
