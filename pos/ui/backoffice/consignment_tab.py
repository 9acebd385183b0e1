"""Consignment settlement screen: a producer and a period, the figures per product, payouts, statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.core.money import format_rupiah
from pos.services.consignment import PAYOUT_METHODS, Settlement
from pos.services.suppliers import format_percent
from pos.ui.backoffice.common import MessageLine, amount, ask_save_path, attempt, fill_table, make_table
from pos.ui.backoffice.pdf import write_document_pdf


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ConsignmentTab(QWidget):
    def __init__(self, backend: BackOfficeBackend, print_document: Callable[..., Any] | None) -> None:
        super().__init__()
        self.backend = backend
        self.print_document = print_document
        self.ask_save_path = ask_save_path
        self.settlement: Settlement | None = None
        self.message = MessageLine()
        self.supplier = QComboBox()
        self.reload_choices()
        first, today = backend.default_period()  # the outlet's dates (WITA), not the machine's
        self.start = QDateEdit(_qdate(first))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.settle_button = QPushButton("Hitung")
        self.settle_button.clicked.connect(self.settle)
        self.table = make_table()
        self.figures = QLabel()
        self.figures.setStyleSheet("font-size: 15px;")
        self.pay_amount, self.reference = QLineEdit(), QLineEdit()
        self.method = QComboBox()
        for key, label in PAYOUT_METHODS.items():
            self.method.addItem(label, key)
        self.pay_button = QPushButton("Catat pembayaran")
        self.pay_button.clicked.connect(self.pay)
        self.print_button = QPushButton("Cetak laporan")
        self.print_button.clicked.connect(self.print_statement)
        self.pdf_button = QPushButton("Laporan PDF")
        self.pdf_button.clicked.connect(self.statement_pdf)

        top = QHBoxLayout()
        for widget in (
            QLabel("Produsen"),
            self.supplier,
            QLabel("Dari"),
            self.start,
            QLabel("s/d"),
            self.end,
        ):
            top.addWidget(widget)
        top.addWidget(self.settle_button)
        pay = QFormLayout()
        pay.addRow("Jumlah dibayar", self.pay_amount)
        pay.addRow("Cara bayar", self.method)
        pay.addRow("Referensi transfer", self.reference)
        buttons = QHBoxLayout()
        for button in (self.pay_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.figures)
        layout.addLayout(pay)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def reload_choices(self) -> None:
        chosen = self.supplier.currentData()
        self.supplier.clear()
        for s in self.backend.suppliers():
            if s.consignment:
                self.supplier.addItem(f"{s.name} ({s.code}) {format_percent(s.commission_bp)}", s.supplier_id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(chosen)))

    def period(self) -> tuple[date, date]:
        start, end = self.start.date(), self.end.date()
        return date(start.year(), start.month(), start.day()), date(end.year(), end.month(), end.day())

    def settle(self) -> Settlement | None:
        start, end = self.period()
        found: Settlement | None = attempt(
            self.message, lambda: self.backend.settle(self.supplier.currentData(), start, end)
        )
        if found is None:
            return None
        self.settlement = found
        fill_table(
            self.table,
            ("Kode", "Produk", "Terjual", "Penjualan kotor", "Harga beli titip"),
            [
                (line.code, line.name, line.qty, format_rupiah(line.gross),
                 "" if line.purchase_price is None else format_rupiah(line.purchase_price))
                for line in found.lines
            ],
        )  # fmt: skip
        self.figures.setText(
            f"Terjual {found.qty} | Kotor {format_rupiah(found.gross)} | "
            f"Komisi {format_rupiah(found.commission)} | "
            f"Hak produsen {format_rupiah(found.owed)} | Sudah dibayar {format_rupiah(found.paid)} | "
            f"Sisa {format_rupiah(found.balance)}"
        )
        self.pay_amount.setText(str(max(found.balance, 0)))
        return found

    def pay(self) -> None:
        if self.settlement is None:
            self.message.error("Hitung dulu penyelesaiannya.")
            return
        start, end = self.period()
        settlement = self.settlement

        def work() -> Any:
            value = amount(self.pay_amount.text(), "Jumlah dibayar")
            assert value is not None
            return self.backend.record_payout(
                settlement.supplier_id, start, end, value, self.method.currentData(), self.reference.text()
            )

        done = attempt(self.message, work)
        if done is not None:
            self.reference.clear()
            self.settle()
            self.message.ok(
                f"Pembayaran {format_rupiah(done.amount)} ke {settlement.supplier_name} tercatat."
            )

    def print_statement(self) -> None:
        if self.settlement is None or self.print_document is None:
            self.message.error(
                "Hitung dulu penyelesaiannya." if self.settlement is None else "Printer belum diatur."
            )
            return
        self.print_document(
            self.backend.statement_paper(self.settlement), title=f"Titip jual {self.settlement.supplier_code}"
        )

    def statement_pdf(self) -> None:
        if self.settlement is None:
            self.message.error("Hitung dulu penyelesaiannya.")
            return
        s = self.settlement
        path = self.ask_save_path(
            self,
            "Simpan laporan PDF",
            f"titip-jual-{s.supplier_code}-{s.period_start:%Y%m%d}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            write_document_pdf(
                self.backend.statement_paper(s, 48), path, f"Laporan titip jual {s.supplier_name}"
            )
            self.message.ok(f"Laporan disimpan: {path}")
