"""Consignment settlement screen: a producer and a period, the figures per product, payouts, statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
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
from pos.ui.i18n import fill

HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Produk"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Terjual"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Penjualan kotor"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Harga beli titip"),
)


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
        self.settle_button = QPushButton(self.tr("Hitung"))
        self.settle_button.clicked.connect(self.settle)
        self.table = make_table()
        self.figures = QLabel()
        self.figures.setStyleSheet("font-size: 15px;")
        self.pay_amount, self.reference = QLineEdit(), QLineEdit()
        self.method = QComboBox()
        for key, label in PAYOUT_METHODS.items():
            self.method.addItem(label, key)
        self.pay_button = QPushButton(self.tr("Catat pembayaran"))
        self.pay_button.clicked.connect(self.pay)
        self.print_button = QPushButton(self.tr("Cetak laporan"))
        self.print_button.clicked.connect(self.print_statement)
        self.pdf_button = QPushButton(self.tr("Laporan PDF"))
        self.pdf_button.clicked.connect(self.statement_pdf)

        top = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Produsen")),
            self.supplier,
            QLabel(self.tr("Dari")),
            self.start,
            QLabel(self.tr("s/d")),
            self.end,
        ):
            top.addWidget(widget)
        top.addWidget(self.settle_button)
        pay = QFormLayout()
        pay.addRow(self.tr("Jumlah dibayar"), self.pay_amount)
        pay.addRow(self.tr("Cara bayar"), self.method)
        pay.addRow(self.tr("Referensi transfer"), self.reference)
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
            HEADERS,
            [
                (line.code, line.name, line.qty, format_rupiah(line.gross),
                 "" if line.purchase_price is None else format_rupiah(line.purchase_price))
                for line in found.lines
            ],
        )  # fmt: skip
        figures = self.tr(
            "Terjual {0} | Kotor {1} | Komisi {2} | Hak produsen {3} | Sudah dibayar {4} | Sisa {5}"
        )
        money = (found.gross, found.commission, found.owed, found.paid, found.balance)
        self.figures.setText(fill(figures, found.qty, *(format_rupiah(m) for m in money)))
        self.pay_amount.setText(str(max(found.balance, 0)))
        return found

    def pay(self) -> None:
        if self.settlement is None:
            self.message.error(self.tr("Hitung dulu penyelesaiannya."))
            return
        start, end = self.period()
        settlement = self.settlement

        def work() -> Any:
            value = amount(self.pay_amount.text(), self.tr("Jumlah dibayar"))
            assert value is not None
            return self.backend.record_payout(
                settlement.supplier_id, start, end, value, self.method.currentData(), self.reference.text()
            )

        done = attempt(self.message, work)
        if done is not None:
            self.reference.clear()
            self.settle()
            paid = self.tr("Pembayaran {0} ke {1} tercatat.")
            self.message.ok(fill(paid, format_rupiah(done.amount), settlement.supplier_name))

    def print_statement(self) -> None:
        if self.settlement is None or self.print_document is None:
            self.message.error(
                self.tr("Hitung dulu penyelesaiannya.")
                if self.settlement is None
                else self.tr("Printer belum diatur.")
            )
            return
        self.print_document(
            self.backend.statement_paper(self.settlement),
            title=fill(self.tr("Titip jual {0}"), self.settlement.supplier_code),
        )

    def statement_pdf(self) -> None:
        if self.settlement is None:
            self.message.error(self.tr("Hitung dulu penyelesaiannya."))
            return
        s = self.settlement
        path = self.ask_save_path(
            self,
            self.tr("Simpan laporan PDF"),
            f"titip-jual-{s.supplier_code}-{s.period_start:%Y%m%d}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            write_document_pdf(
                self.backend.statement_paper(s, 48),
                path,
                fill(self.tr("Laporan titip jual {0}"), s.supplier_name),
            )
            self.message.ok(fill(self.tr("Laporan disimpan: {0}"), path))
