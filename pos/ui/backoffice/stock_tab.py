"""Stock screen: receive goods from a producer or return them (with a paper for the producer), adjust with
a reason, and see the low-stock and sold-below-zero lists. Lines are added by scanning or typing a code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
        self.kind.addItem("Terima barang titipan", "consign")
        self.kind.addItem("Terima barang beli putus", "buy")
        self.kind.addItem("Retur ke produsen", "return")
        self.code, self.qty, self.cost, self.note = QLineEdit(), QLineEdit("1"), QLineEdit(), QLineEdit()
        self.code.setPlaceholderText("Pindai barcode atau ketik kode, Enter")
        self.code.returnPressed.connect(self.add_line)
        self.cost.setPlaceholderText("rupiah, mis. 380rb atau Rp380.000 (kosong: tanpa harga)")
        self.lines_table = make_table()
        self.post_button = QPushButton("Simpan dokumen")
        self.post_button.clicked.connect(self.post)
        self.print_button = QPushButton("Cetak tanda terima")
        self.print_button.clicked.connect(self.print_last)
        self.pdf_button = QPushButton("Simpan PDF")
        self.pdf_button.clicked.connect(self.pdf_last)
        self.preview = QLabel()
        self.preview.setStyleSheet("font-family: monospace;")
        docs = QGroupBox("Terima / retur barang")
        form = QFormLayout(docs)
        form.addRow("Produsen", self.supplier)
        form.addRow("Jenis", self.kind)
        form.addRow("Barcode/kode", self.code)
        form.addRow("Jumlah", self.qty)
        form.addRow("Harga beli / unit", self.cost)
        form.addRow(self.lines_table)
        form.addRow("Catatan", self.note)
        row = QHBoxLayout()
        for button in (self.post_button, self.print_button, self.pdf_button):
            row.addWidget(button)
        form.addRow(row)

        self.adjust_code, self.adjust_qty, self.adjust_note = QLineEdit(), QLineEdit(), QLineEdit()
        self.adjust_qty.setPlaceholderText("negatif = berkurang, contoh -2")
        self.reason = QComboBox()
        self.reason.addItems(list(ADJUST_REASONS))
        self.adjust_button = QPushButton("Simpan penyesuaian")
        self.adjust_button.clicked.connect(self.adjust)
        adjust = QGroupBox("Penyesuaian stok")
        aform = QFormLayout(adjust)
        aform.addRow("Barcode/kode", self.adjust_code)
        aform.addRow("Perubahan", self.adjust_qty)
        aform.addRow("Alasan", self.reason)
        aform.addRow("Keterangan", self.adjust_note)
        aform.addRow(self.adjust_button)

        self.low_table = make_table()
        self.refresh_button = QPushButton("Perbarui daftar")
        self.refresh_button.clicked.connect(self.refresh)
        lists = QGroupBox("Stok menipis dan terjual di bawah nol")
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
            (s.code, s.name, s.on_hand, s.min_stock, "DI BAWAH NOL") for s in self.backend.below_zero()
        ]
        low = [(s.code, s.name, s.on_hand, s.min_stock, "menipis") for s in self.backend.low_stock()]
        seen = {row[0] for row in flagged}
        fill_table(
            self.low_table,
            ("Kode", "Nama", "Stok", "Min", "Tanda"),
            flagged + [r for r in low if r[0] not in seen],
        )

    def _show_lines(self) -> None:
        fill_table(
            self.lines_table,
            ("Barang", "Jumlah", "Harga beli / unit"),
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
                raise DomainError(f"Barcode atau kode {self.code.text().strip()} tidak dikenal.")
            qty = whole_number(self.qty.text(), "Jumlah")
            cost = amount(self.cost.text(), "Harga beli", optional=True)
            for index, (pid, name, old, old_cost) in enumerate(self.lines):
                if pid == found.product_id:
                    self.lines[index] = (pid, name, old + qty, cost if cost is not None else old_cost)
                    break
            else:
                self.lines.append((found.product_id, found.name, qty, cost))
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(found.supplier_id)))
            self.code.clear()
            price = f" @ {format_rupiah(cost)}" if cost is not None else ""
            self.message.ok(f"{found.name}: {qty} ditambahkan{price}.")

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
            self.message.ok(f"Dokumen {done.number} tersimpan: {done.total_qty} barang.")
            self.refresh()
        return done

    def print_last(self) -> None:
        if self.last_document is None or self.print_document is None:
            self.message.error(
                "Belum ada dokumen." if self.last_document is None else "Printer belum diatur."
            )
            return
        self.print_document(self.backend.document_paper(self.last_document), title=self.last_document.number)

    def pdf_last(self) -> None:
        if self.last_document is None:
            self.message.error("Belum ada dokumen.")
            return
        path = self.ask_save_path(self, "Simpan PDF", f"{self.last_document.number}.pdf", "PDF (*.pdf)")
        if path:
            write_document_pdf(
                self.backend.document_paper(self.last_document, 48), path, self.last_document.number
            )
            self.message.ok(f"PDF disimpan: {path}")

    def adjust(self) -> None:
        def work() -> Any:
            found = self.backend.find_product(self.adjust_code.text())
            if found is None:
                raise DomainError(f"Barcode atau kode {self.adjust_code.text().strip()} tidak dikenal.")
            qty = whole_number(self.adjust_qty.text(), "Perubahan", allow_negative=True)
            self.backend.adjust(found.product_id, qty, self.reason.currentText(), self.adjust_note.text())
            return found

        found = attempt(self.message, work)
        if found is not None:
            self.message.ok(
                f"Stok {found.name} disesuaikan ({self.adjust_qty.text()}, {self.reason.currentText()})."
            )
            self.adjust_qty.clear()
            self.refresh()
