"""Stock screen: receive goods from a producer or return them (with a paper for the producer), adjust with
a reason, and see the low-stock and sold-below-zero lists. Lines are added by scanning or typing a code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.core.document import render_text
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.services.stock import ADJUST_REASONS, StockDocumentView, StockLine
from pos.ui.backoffice.common import (
    MessageLine,
    amount,
    ask_save_path,
    attempt,
    fill_table,
    make_table,
    whole_number,
)
from pos.ui.backoffice.pdf import write_document_pdf
from pos.ui.i18n import fill

LOW_HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Nama"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Stok"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Min"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Tanda"),
)
LINE_HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Barang"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Jumlah"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Harga beli / unit"),
)


class StockTab(QWidget):
    def __init__(self, backend: BackOfficeBackend, print_document: Callable[..., Any] | None) -> None:
        super().__init__()
        self.backend = backend
        self.print_document = print_document
        self.ask_save_path = ask_save_path
        self.lines: list[tuple[int, str, int, int | None]] = []  # product id, name, qty, unit cost
        self.last_document: StockDocumentView | None = None
        self.message = MessageLine()

        self.supplier = QComboBox()
        self.reload_choices()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Terima barang titipan"), "consign")
        self.kind.addItem(self.tr("Terima barang beli putus"), "buy")
        self.kind.addItem(self.tr("Retur ke produsen"), "return")
        self.code, self.qty, self.cost, self.note = QLineEdit(), QLineEdit("1"), QLineEdit(), QLineEdit()
        self.code.setPlaceholderText(self.tr("Pindai barcode atau ketik kode, Enter"))
        self.code.returnPressed.connect(self.add_line)
        self.cost.setPlaceholderText(self.tr("rupiah, mis. 380rb atau Rp380.000 (kosong: tanpa harga)"))
        self.lines_table = make_table()
        self.post_button = QPushButton(self.tr("Simpan dokumen"))
        self.post_button.clicked.connect(self.post)
        self.print_button = QPushButton(self.tr("Cetak tanda terima"))
        self.print_button.clicked.connect(self.print_last)
        self.pdf_button = QPushButton(self.tr("Simpan PDF"))
        self.pdf_button.clicked.connect(self.pdf_last)
        self.preview = QLabel()
        self.preview.setStyleSheet("font-family: monospace;")
        docs = QGroupBox(self.tr("Terima / retur barang"))
        form = QFormLayout(docs)
        form.addRow(self.tr("Produsen"), self.supplier)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Barcode/kode"), self.code)
        form.addRow(self.tr("Jumlah"), self.qty)
        form.addRow(self.tr("Harga beli / unit"), self.cost)
        form.addRow(self.lines_table)
        form.addRow(self.tr("Catatan"), self.note)
        row = QHBoxLayout()
        for button in (self.post_button, self.print_button, self.pdf_button):
            row.addWidget(button)
        form.addRow(row)

        self.adjust_code, self.adjust_qty, self.adjust_note = QLineEdit(), QLineEdit(), QLineEdit()
        self.adjust_qty.setPlaceholderText(self.tr("negatif = berkurang, contoh -2"))
        self.reason = QComboBox()
        self.reason.addItems(list(ADJUST_REASONS))
        self.adjust_button = QPushButton(self.tr("Simpan penyesuaian"))
        self.adjust_button.clicked.connect(self.adjust)
        adjust = QGroupBox(self.tr("Penyesuaian stok"))
        aform = QFormLayout(adjust)
        aform.addRow(self.tr("Barcode/kode"), self.adjust_code)
        aform.addRow(self.tr("Perubahan"), self.adjust_qty)
        aform.addRow(self.tr("Alasan"), self.reason)
        aform.addRow(self.tr("Keterangan"), self.adjust_note)
        aform.addRow(self.adjust_button)

        self.low_table = make_table()
        self.refresh_button = QPushButton(self.tr("Perbarui daftar"))
        self.refresh_button.clicked.connect(self.refresh)
        lists = QGroupBox(self.tr("Stok menipis dan terjual di bawah nol"))
        lbox = QVBoxLayout(lists)
        lbox.addWidget(self.low_table)
        lbox.addWidget(self.refresh_button)

        left = QVBoxLayout()
        left.addWidget(docs)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(adjust)
        right.addWidget(lists)
        right.addWidget(self.preview)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.refresh()

    def reload_choices(self) -> None:
        chosen = self.supplier.currentData()
        self.supplier.clear()
        for s in self.backend.suppliers():
            self.supplier.addItem(f"{s.name} ({s.code})", s.supplier_id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(chosen)))

    def refresh(self) -> None:
        flagged = [
            (s.code, s.name, s.on_hand, s.min_stock, self.tr("DI BAWAH NOL"))
            for s in self.backend.below_zero()
        ]
        low = [(s.code, s.name, s.on_hand, s.min_stock, self.tr("menipis")) for s in self.backend.low_stock()]
        seen = {row[0] for row in flagged}
        fill_table(
            self.low_table,
            LOW_HEADERS,
            flagged + [r for r in low if r[0] not in seen],
        )

    def _show_lines(self) -> None:
        fill_table(
            self.lines_table,
            LINE_HEADERS,
            [(n, q, "" if c is None else format_rupiah(c)) for _, n, q, c in self.lines],
        )

    def on_scan(self, code: str) -> None:
        """A scan on this tab (wherever the focus is): into the adjustment when its code field has the
        focus, else a line of the receiving / return document (the same product again adds to it)."""
        if self.adjust_code.hasFocus():
            self.adjust_code.setText(code)
            self.adjust_qty.setFocus()
            return
        self.code.setText(code)
        self.add_line()

    def add_line(self) -> None:
        def work() -> None:
            found = self.backend.find_product(self.code.text())
            if found is None:
                raise DomainError(
                    fill(self.tr("Barcode atau kode {0} tidak dikenal."), self.code.text().strip())
                )
            qty = whole_number(self.qty.text(), self.tr("Jumlah"))
            cost = amount(self.cost.text(), self.tr("Harga beli"), optional=True)
            for index, (pid, name, old, old_cost) in enumerate(self.lines):
                if pid == found.product_id:
                    self.lines[index] = (pid, name, old + qty, cost if cost is not None else old_cost)
                    break
            else:
                self.lines.append((found.product_id, found.name, qty, cost))
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(found.supplier_id)))
            self.code.clear()
            if cost is None:
                self.message.ok(fill(self.tr("{0}: {1} ditambahkan."), found.name, qty))
            else:
                added = self.tr("{0}: {1} ditambahkan @ {2}.")
                self.message.ok(fill(added, found.name, qty, format_rupiah(cost)))

        attempt(self.message, work)
        self._show_lines()

    def post(self) -> StockDocumentView | None:
        lines = [StockLine(pid, qty, cost) for pid, _, qty, cost in self.lines]
        kind = self.kind.currentData()
        supplier_id = self.supplier.currentData()

        def work() -> StockDocumentView:
            if kind == "return":
                return self.backend.return_goods(supplier_id, lines, self.note.text())
            return self.backend.receive(supplier_id, lines, kind == "consign", self.note.text())

        done: StockDocumentView | None = attempt(self.message, work)
        if done is not None:
            self.last_document = done
            self.lines = []
            self._show_lines()
            self.note.clear()
            self.preview.setText(render_text(self.backend.document_paper(done), self.backend.paper_columns()))
            self.message.ok(fill(self.tr("Dokumen {0} tersimpan: {1} barang."), done.number, done.total_qty))
            self.refresh()
        return done

    def print_last(self) -> None:
        if self.last_document is None or self.print_document is None:
            self.message.error(
                self.tr("Belum ada dokumen.")
                if self.last_document is None
                else self.tr("Printer belum diatur.")
            )
            return
        self.print_document(self.backend.document_paper(self.last_document), title=self.last_document.number)

    def pdf_last(self) -> None:
        if self.last_document is None:
            self.message.error(self.tr("Belum ada dokumen."))
            return
        path = self.ask_save_path(
            self, self.tr("Simpan PDF"), f"{self.last_document.number}.pdf", "PDF (*.pdf)"
        )
        if path:
            write_document_pdf(
                self.backend.document_paper(self.last_document, 48), path, self.last_document.number
            )
            self.message.ok(fill(self.tr("PDF disimpan: {0}"), path))

    def adjust(self) -> None:
        def work() -> Any:
            found = self.backend.find_product(self.adjust_code.text())
            if found is None:
                unknown = self.tr("Barcode atau kode {0} tidak dikenal.")
                raise DomainError(fill(unknown, self.adjust_code.text().strip()))
            qty = whole_number(self.adjust_qty.text(), self.tr("Perubahan"), allow_negative=True)
            self.backend.adjust(found.product_id, qty, self.reason.currentText(), self.adjust_note.text())
            return found

        found = attempt(self.message, work)
        if found is not None:
            adjusted = self.tr("Stok {0} disesuaikan ({1}, {2}).")
            self.message.ok(fill(adjusted, found.name, self.adjust_qty.text(), self.reason.currentText()))
            self.adjust_qty.clear()
            self.refresh()
