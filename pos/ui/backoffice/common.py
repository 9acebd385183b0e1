"""Small pieces every back-office screen uses: an inline message line, tables, amounts, background jobs.

Refusals are shown in a message line under the form rather than a modal box: the manager keeps what
they typed, fixes it and tries again. Long work (import, export) runs on a `BackgroundJob` thread that
reports progress through a queued signal; the screen shows a QProgressDialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QTableWidget, QTableWidgetItem, QWidget

from pos.core.errors import DomainError
from pos.core.money import parse_rupiah
from pos.ui.i18n import fill

TABLE_CONTEXT = "BackOfficeTable"  # column headers: marked QT_TRANSLATE_NOOP("BackOfficeTable", ...)
NAME_HEADERS = frozenset({"Nama", "Barang", "Produk", "Nama barang", "Produsen"})
NAME_WIDTH = 280  # at most, so that a 1024 px screen still shows the figures beside the name


class MessageLine(QLabel):
    """Green for done, red for refused; `text()` is what the manager reads (tests read it too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("message")

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.setText(text)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.setText(text)


def attempt(message: MessageLine, work: Callable[[], Any]) -> Any:
    """Run `work`; a DomainError (a refusal meant for a person) is shown and None returned."""
    try:
        return work()
    except DomainError as error:
        message.error(str(error))
        return None


def fill_table(table: QTableWidget, headers: Sequence[object], rows: Sequence[Sequence[object]]) -> None:
    """`headers` are the Indonesian source texts (QT_TRANSLATE_NOOP, typed `object` by PySide6): shown
    translated, the name column found by its source text."""
    sources = [str(header) for header in headers]
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(sources))
    table.setHorizontalHeaderLabels([QCoreApplication.translate(TABLE_CONTEXT, h) for h in sources])
    table.setRowCount(len(rows))
    name = next((c for c, header in enumerate(sources) if header in NAME_HEADERS), None)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c == name:
                item.setToolTip(item.text())  # the name may be elided in the middle
            table.setItem(r, c, item)
    table.resizeColumnsToContents()  # figures whole; a long name is elided in the middle
    if name is not None:
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setColumnWidth(name, min(table.columnWidth(name), NAME_WIDTH))


def make_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def amount(text: str, label: str, *, optional: bool = False) -> int | None:
    """Rupiah typed by the manager ("25.000", "25rb"); empty is None when optional. `label` is the
    field's name as shown (already translated)."""
    if not text.strip():
        if optional:
            return None
        raise DomainError(fill(QCoreApplication.translate("BackOffice", "{0} wajib diisi."), label))
    try:
        return parse_rupiah(text)
    except DomainError as error:
        raise DomainError(f"{label}: {error}") from None


def whole_number(text: str, label: str, *, allow_negative: bool = False) -> int:
    cleaned = text.strip().replace(".", "")
    body = cleaned[1:] if allow_negative and cleaned.startswith("-") else cleaned
    if not body.isdigit():
        text = (
            QCoreApplication.translate("BackOffice", "{0} harus bilangan bulat.")
            if allow_negative
            else QCoreApplication.translate("BackOffice", "{0} harus bilangan bulat tidak negatif.")
        )
        raise DomainError(fill(text, label))
    return int(cleaned)


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_open_path(parent: QWidget, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


class BackgroundJob(QThread):
    """Runs `work(progress)` off the GUI thread; results and progress arrive as queued signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self, work: Callable[[Callable[[int, int], None]], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit)
        except Exception as error:  # delivered to the GUI thread, which shows it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
