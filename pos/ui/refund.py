"""F9: refund a completed sale. Find it by receipt number (or scan its QR), choose what comes back,
give a reason, and a manager approves with their PIN; the refunds service does the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QTableWidget, QVBoxLayout

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.services.refunds import RefundableSale, RefundResult
from pos.ui.i18n import fill
from pos.ui.widgets import big_button


class RefundDialog(QDialog):
    """`find(text)` looks a sale up; `submit(receipt_no, {line_id: qty}, reason)` approves and refunds."""

    def __init__(
        self,
        find: Callable[[str], RefundableSale],
        submit: Callable[[str, dict[int, int], str], RefundResult | None],
        text: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(self.tr("Retur / refund (F9)"))
        self._find, self._submit = find, submit
        self.sale: RefundableSale | None = None
        self.refunded: RefundResult | None = None
        self.receipt_field = QLineEdit(objectName="refundReceipt")
        self.receipt_field.setPlaceholderText(self.tr("Nomor struk atau pindai QR struk, lalu Enter"))
        self.receipt_field.returnPressed.connect(self.look_up)
        self.summary = QLabel(objectName="refundSummary")
        self.table = QTableWidget(0, 4, objectName="refundLines")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Barang"), self.tr("Terjual"), self.tr("Dibayar"), self.tr("Jumlah retur")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.reason = QLineEdit(objectName="refundReason")
        self.reason.setPlaceholderText(self.tr("Alasan retur (wajib)"))
        self.error = QLabel(objectName="errorText")
        self.error.setWordWrap(True)
        # What goes back to the customer, as the refunds service will compute it, before any PIN.
        self.amount_label = QLabel(objectName="refundAmount")
        self.all_button = big_button(self.tr("Semua barang"), "Alt+S", self)
        self.all_button.setShortcut("Alt+S")
        self.all_button.clicked.connect(self.choose_all)
        self.ok_button = big_button(self.tr("Refund (PIN manajer)"), "Ctrl+Enter", self, primary=True)
        self.ok_button.setShortcut("Ctrl+Return")
        self.ok_button.clicked.connect(self.try_refund)
        cancel = big_button(self.tr("Batal"), "Esc", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.receipt_field)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(780, 560)
        self._show_amount()
        if text:
            self.receipt_field.setText(text)
            self.look_up()

    def on_scan(self, code: str) -> None:
        """A receipt QR scanned while the dialog is open fills the receipt field."""
        self.receipt_field.setText(code)
        self.look_up()

    def look_up(self) -> None:
        self.error.clear()
        try:
            self.sale = self._find(self.receipt_field.text().strip())
        except DomainError as error:
            self.sale = None
            self.table.setRowCount(0)
            self.summary.clear()
            self.error.setText(str(error))
            self._show_amount()
            return
        sale = self.sale
        self.summary.setText(
            fill(
                self.tr("Struk {0} · total {1} · sudah direfund {2}"),
                sale.receipt_no,
                format_rupiah(sale.total),
                format_rupiah(sale.refunded_total),
            )
        )
        self.table.setRowCount(len(sale.lines))
        for row, line in enumerate(sale.lines):
            for column, text in enumerate((line.name, str(line.qty_sold), format_rupiah(line.paid))):
                self.table.setCellWidget(row, column, QLabel(text))
            spin = QSpinBox()
            spin.setRange(0, line.qty_refundable)
            spin.valueChanged.connect(self._show_amount)
            self.table.setCellWidget(row, 3, spin)
        self._show_amount()
        self.reason.setFocus()

    def refund_amount(self) -> int:
        """The rupiah the chosen lines give back (the service's own pro-rata rule, `amount_for`)."""
        if self.sale is None:
            return 0
        chosen = self.chosen_lines()
        return sum(
            line.amount_for(chosen[line.sale_line_id])
            for line in self.sale.lines
            if line.sale_line_id in chosen
        )

    def _show_amount(self) -> None:
        self.amount_label.setText(
            fill(self.tr("Kembalikan kepada pelanggan: {0}"), format_rupiah(self.refund_amount()))
        )

    def chosen_lines(self) -> dict[int, int]:
        if self.sale is None:
            return {}
        chosen: dict[int, int] = {}
        for row, line in enumerate(self.sale.lines):
            spin = self.table.cellWidget(row, 3)
            if isinstance(spin, QSpinBox) and spin.value():
                chosen[line.sale_line_id] = spin.value()
        return chosen

    def choose_all(self) -> None:
        for row in range(self.table.rowCount()):
            spin = self.table.cellWidget(row, 3)
            if isinstance(spin, QSpinBox):
                spin.setValue(spin.maximum())

    def try_refund(self) -> None:
        if self.sale is None:
            self.error.setText(self.tr("Cari struknya dulu."))
            return
        try:
            self.refunded = self._submit(self.sale.receipt_no, self.chosen_lines(), self.reason.text())
        except DomainError as error:
            self.error.setText(str(error))
            return
        if self.refunded is not None:
            self.accept()
