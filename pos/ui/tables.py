"""Tables that give the product name the room and never cut a price.

Money columns are as wide as their widest figure (never narrower than `MONEY_SAMPLE`, so a column
does not jump on the first big sale); the name column takes what is left and elides in the middle,
so "Kopi Arabika Flores Bajawa 250 g" and "... 500 g" stay apart; its tooltip has the full name.
Only the longest text of a column is measured (digits are equally wide), and `keep_fitted` remembers
each width it measured (per font): a scan measures nothing unless a column's widest text is new.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

MONEY_SAMPLE = "Rp9.999.999"
CELL_PADDING = 14  # the cell's text margins (about 4 px a side), with room to spare


def text_width(view: QTableView, text: str) -> int:
    view.ensurePolished()  # the style sheet's font size, before the first show
    return view.fontMetrics().horizontalAdvance(text) + CELL_PADDING


def header_width(view: QTableView, column: int) -> int:
    header = view.horizontalHeader()
    header.ensurePolished()
    text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    return header.fontMetrics().horizontalAdvance(text) + 2 * CELL_PADDING


def stretch_name_column(view: QTableView, column: int) -> None:
    """`column` takes the room left over; long names lose their middle, not their end."""
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(24)


Widths = MutableMapping[tuple[str, int, str], int]  # (font, column, widest text) -> section width


def fit_columns(
    view: QTableView, columns: Iterable[int], sample: str = "", widths: Widths | None = None
) -> None:
    """Each of `columns` as wide as its widest cell or header (at least `sample`); `widths` remembers
    what was measured."""
    model = view.model()
    header = view.horizontalHeader()
    rows = model.rowCount()
    column_texts = getattr(model, "column_texts", None)  # a model that has its texts at hand
    for column in columns:
        if column_texts is not None:
            texts = column_texts(column)
        else:
            texts = (str(model.data(model.index(row, column)) or "") for row in range(rows))
        widest = max(texts, key=len, default=sample)
        if len(sample) >= len(widest):
            widest = sample
        key = (view.font().key(), column, widest)
        width = widths.get(key) if widths is not None else None
        if width is None:
            width = max(text_width(view, widest), header_width(view, column))
            if widths is not None:
                widths[key] = width
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)


def keep_fitted(view: QTableView, money: Iterable[int], others: Iterable[int] = ()) -> None:
    """Fit the money columns (at least `MONEY_SAMPLE`) and `others` now and whenever the rows change."""
    money, others = tuple(money), tuple(others)
    widths: dict[tuple[str, int, str], int] = {}

    def fit() -> None:
        if len(widths) > 2000:  # a long day of new widest texts: start again
            widths.clear()
        fit_columns(view, money, MONEY_SAMPLE, widths)
        fit_columns(view, others, widths=widths)

    model = view.model()
    for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
        signal.connect(fit)
    fit()
