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


class CartTableModel(QAbstractTableModel):
    """Columns: No, Barang, Jumlah, Harga, Diskon, Total."""

    COLUMNS = ("No", "Barang", "Jml", "Harga", "Diskon", "Total")

    def __init__(self, cart: Cart, parent: Any = None) -> None:
        super().__init__(parent)
        self._cart = cart
        self._totals: Totals = price_cart(cart)
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
        self._totals = price_cart(cart)
        self.endResetModel()

    def refresh(self, changed_row: int | None = None) -> None:
        """Re-price after a change. A row added at the end is announced as an insert (cheap repaint)."""
        old_count = len(self._totals.lines)
        totals = price_cart(self._cart)
        new_count = len(totals.lines)
        if new_count == old_count + 1 and changed_row == new_count - 1:
            self.beginInsertRows(QModelIndex(), old_count, old_count)
            self._totals = totals
            self.endInsertRows()
            if old_count:  # a sale discount is shared over all lines: their figures may move
                self.dataChanged.emit(self.index(0, 4), self.index(old_count - 1, 5))
        elif new_count == old_count:
            self._totals = totals
            if new_count:
                self.dataChanged.emit(self.index(0, 0), self.index(new_count - 1, len(self.COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._totals = totals
            self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._totals.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._totals.lines):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (0, 2):
                return _CENTER
            return _RIGHT if column >= 3 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            line = self._cart.lines[row]
            return f"{line.product.name}\n{line.product.code}"
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and self._cart.lines[row].price_overridden:
            return QColor("#b45309")  # a changed price stands out for the supervisor's eye
        return None

    def _display(self, row: int, column: int) -> str:
        priced = self._totals.lines[row]
        if column == 0:
            return str(row + 1)
        if column == 1:
            return priced.product.name
        if column == 2:
            return str(priced.qty)
        if column == 3:
            return format_rupiah(priced.unit_price)
        if column == 4:
            return format_rupiah(-priced.discount) if priced.discount else ""
        return format_rupiah(priced.amount_due)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
