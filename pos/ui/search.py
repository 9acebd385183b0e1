"""F2: find a product by name or code as you type; Enter (or a double click) adds it to the cart.

The search runs in SQL (FTS5 prefix match through `pos.services.catalog.search`, LIMIT 50): on the
full catalog it answers in well under a frame, where a QSortFilterProxyModel over 100,000 rows would
take a second (docs/engineering-notes.md). The model just shows the rows it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from pos.core.money import format_rupiah
from pos.services.catalog import ProductView
from pos.ui.tables import keep_fitted, stretch_name_column

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ProductTableModel(QStandardItemModel):
    """Search results: Kode, Nama, Pemasok, Stok, Harga.

    The cells live in Qt (`data` is not answered in Python): each key typed repaints up to 20 rows of 5
    cells, about seven roles each, and every one asked of Python cost a call through PySide (~1 ms a key).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Kode"), self.tr("Nama barang"), self.tr("Pemasok"), self.tr("Stok"), self.tr("Harga")]
        )
        self._rows: list[ProductView] = []
        self._texts: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[ProductView]) -> None:
        self._rows = list(rows)
        self._texts = [
            (
                item.barcode or item.code,
                item.name,
                item.supplier_name or "",
                str(item.on_hand),
                format_rupiah(item.price),
            )
            for item in self._rows
        ]
        self.beginResetModel()
        self.blockSignals(True)  # the rows arrive with the reset, not one insert each
        try:
            self.setRowCount(0)
            for item, texts in zip(self._rows, self._texts, strict=True):
                self.appendRow(self._items(item, texts))
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def column_texts(self, column: int) -> list[str]:
        """One column's display texts (pos.ui.tables sizes the column by the widest, no Qt call per cell)."""
        return [texts[column] for texts in self._texts]

    def product(self, row: int) -> ProductView:
        return self._rows[row]

    @staticmethod
    def _items(item: ProductView, texts: tuple[str, ...]) -> list[QStandardItem]:
        cells = []
        for column, text in enumerate(texts):
            cell = QStandardItem(text)
            cell.setEditable(False)
            cell.setTextAlignment(_RIGHT if column >= 3 else _LEFT)
            cells.append(cell)
        cells[1].setToolTip(item.name)
        if item.supplier_name:
            cells[2].setToolTip(item.supplier_name)
        return cells


class ProductSearchDialog(QDialog):
    """Type to search; Up/Down move in the results while the text keeps focus; Enter picks."""

    def __init__(self, search: Callable[[str], Sequence[ProductView]], text: str = "", parent: Any = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cari barang (F2)"))
        self.resize(900, 560)
        self._search = search
        self._last: tuple[str, Sequence[ProductView]] = ("", [])  # words searched last, their rows
        self.chosen: ProductView | None = None
        self.scanned: str | None = None  # a scan while searching: the checkout adds it, the dialog closes
        self.query = QLineEdit(self)
        self.query.setObjectName("searchField")
        self.query.setPlaceholderText(self.tr("Ketik nama, kode, atau barcode barang..."))
        self.model = ProductTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The name takes the room left, the price is never cut (pos.ui.tables); code and producer
        # keep fixed widths: sizing them to contents would read every result row again on every key.
        stretch_name_column(self.table, 1)
        header = self.table.horizontalHeader()
        for column, width in ((0, 150), (2, 200)):
            header.resizeSection(column, width)
        keep_fitted(self.table, money=(4,), others=(3,))
        self.hint = QLabel(self.tr("Enter: tambahkan  ·  ↑/↓: pilih  ·  Esc: tutup"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.query.textChanged.connect(self._run)
        self.query.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._pick(index.row()))
        self.query.setText(text)

    def _run(self, text: str) -> None:
        # The same words (a space typed after one, a letter's case): the same rows, without the database.
        words = " ".join(text.lower().split())
        if words != self._last[0]:
            self._last = (words, self._search(text) if words else [])
        self.model.set_rows(self._last[1])
        if self.model.rowCount():
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.table.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                rows = self.table.selectionModel().selectedRows()
                if rows:
                    self._pick(rows[0].row())
                return True
        return super().eventFilter(watched, event)

    def _pick(self, row: int) -> None:
        self.chosen = self.model.product(row)
        self.accept()

    def on_scan(self, code: str) -> None:
        """The cashier found the item and scanned it: it goes into the cart (through the checkout's
        scan, so a misread is said there) and the search closes, as Enter on a result would."""
        self.scanned = code
        self.accept()
