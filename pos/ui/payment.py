"""F8: taking payment. Cash with quick tenders, QRIS (a dynamic QR for the amount), debit/EDC and
transfer with a reference; several tenders may split one sale. The dialog only collects tenders:
`pos.core.payments.settle` decides whether they pay the sale, and the checkout commits it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.core.errors import DomainError
from pos.core.money import format_rupiah, parse_rupiah
from pos.core.payments import PAYMENT_LABELS, Payment, PaymentMethod, quick_tenders, remaining, settle
from pos.core.qris import dynamic_qris
from pos.ui.i18n import fill
from pos.ui.qr_image import qr_image
from pos.ui.scanner import typed_only
from pos.ui.widgets import big_button

QR_SIZE = 330  # pixels; a phone reads it from across the counter
METHOD_KEYS = {
    PaymentMethod.CASH: "F9",
    PaymentMethod.QRIS: "F10",
    PaymentMethod.DEBIT: "F11",
    PaymentMethod.TRANSFER: "F12",
}


class PaymentDialog(QDialog):
    """Collects tenders until the sale is paid; `payments` holds them when the dialog is accepted."""

    def __init__(self, total: int, static_qris: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Pembayaran (F8)"))
        self.total = total
        self.static_qris = static_qris
        self.payments: list[Payment] = []
        self.method = PaymentMethod.CASH
        self.qris_payload: str | None = None

        self.total_label = QLabel(objectName="payTotal")
        self.remaining_label = QLabel(objectName="payRemaining")
        self.change_label = QLabel(objectName="payChange")
        self.message = QLabel(objectName="errorText")
        self.message.setWordWrap(True)
        self.amount = QLineEdit(objectName="amountField")
        typed_only(self.amount)  # 1500000 typed fast is an amount, not a scan
        self.amount.setPlaceholderText(self.tr("Jumlah diterima, mis. 100000 atau 100rb (kosong = pas)"))
        self.reference = QLineEdit(objectName="referenceField")
        self.reference.setPlaceholderText(self.tr("Nomor referensi / trace EDC"))
        self.tendered = QListWidget(objectName="tenderList")
        self.tendered.setMaximumHeight(150)
        self.tendered.hide()
        self.tendered.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.method_buttons: dict[PaymentMethod, QPushButton] = {}
        methods = QHBoxLayout()
        for method, key in METHOD_KEYS.items():
            button = big_button(f"{PAYMENT_LABELS[method]}", key, self, checkable=True)
            button.clicked.connect(lambda _=False, m=method: self.choose(m))
            self.method_buttons[method] = button
            methods.addWidget(button)
        if not static_qris:
            self.method_buttons[PaymentMethod.QRIS].setEnabled(False)
            self.method_buttons[PaymentMethod.QRIS].setToolTip(self.tr("QRIS statis outlet belum diatur"))

        self.quick_box = QWidget()
        self.quick_layout = QGridLayout(self.quick_box)
        self.quick_layout.setContentsMargins(0, 0, 0, 0)
        self.quick_layout.setAlignment(Qt.AlignmentFlag.AlignTop)  # the notes right under the amount
        self.qr_label = QLabel(objectName="qrImage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr_caption = QLabel(objectName="qrCaption", alignment=Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QR_SIZE, QR_SIZE)  # sized for QRIS from the start: no growing later
        self.qr_caption.setWordWrap(True)
        qris_page = QWidget()
        qris_layout = QVBoxLayout(qris_page)
        qris_layout.addWidget(self.qr_label, 1)
        qris_layout.addWidget(self.qr_caption)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.quick_box)
        self.pages.addWidget(qris_page)
        self.pages.addWidget(QWidget())  # debit / transfer: the reference field is enough

        self.add_button = big_button(self.tr("Terima"), "Enter", self, primary=True)
        self.add_button.clicked.connect(self.add_tender)
        self.cancel_button = big_button(self.tr("Batal"), "Esc", self)
        self.cancel_button.clicked.connect(self.reject)
        self.undo_button = big_button(self.tr("Hapus bayaran"), "Del", self)
        self.undo_button.clicked.connect(self.remove_payment)
        for button in (self.add_button, self.cancel_button, self.undo_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.add_button)

        # Two columns under the methods, so that a split payment (its tenders listed on the left)
        # never makes the dialog taller than a 1024x768 or 1366x768 screen: what is typed and taken on
        # the left, the quick tenders or the QR on the right.
        layout = QVBoxLayout(self)
        totals = QHBoxLayout()
        totals.addWidget(self.total_label, 1)
        totals.addWidget(self.remaining_label, 1)
        layout.addLayout(totals)
        layout.addLayout(methods)
        entry = QVBoxLayout()
        entry.addWidget(self.amount)
        entry.addWidget(self.reference)
        entry.addWidget(self.change_label)  # right under the amount the cashier types
        entry.addWidget(self.tendered)
        entry.addWidget(self.message)
        entry.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(entry, 1)
        middle.addWidget(self.pages, 1)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

        for method, key in METHOD_KEYS.items():
            QShortcut(QKeySequence(key), self, lambda m=method: self.choose(m))
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.remove_payment)
        for field in (self.amount, self.reference):  # a line edit keeps Del for itself: read it there
            field.installEventFilter(self)
        self.quick_amounts: list[int] = []
        for number in range(1, 7):
            QShortcut(QKeySequence(f"F{number}"), self, lambda n=number: self.quick_tender_number(n))
        self.amount.returnPressed.connect(self.add_tender)
        self.amount.textChanged.connect(self._preview_change)
        self.reference.returnPressed.connect(self.add_tender)
        self.setMinimumWidth(820)
        for button in (self.undo_button, self.cancel_button, self.add_button):
            button.setMinimumWidth(170)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.choose(PaymentMethod.CASH)

    # --- state ----------------------------------------------------------------------------------
    @property
    def remaining(self) -> int:
        return remaining(self.total, self.payments)

    def choose(self, method: PaymentMethod) -> None:
        if method is PaymentMethod.QRIS and not self.static_qris:
            self.message.setText(self.tr("QRIS belum bisa dipakai: QRIS statis outlet belum diatur."))
            return
        self.method = method
        for other, button in self.method_buttons.items():
            button.setChecked(other is method)
        self.reference.setVisible(method in (PaymentMethod.DEBIT, PaymentMethod.TRANSFER))
        self.pages.setCurrentIndex({PaymentMethod.CASH: 0, PaymentMethod.QRIS: 1}.get(method, 2))
        self.amount.clear()
        self.message.clear()
        if method is PaymentMethod.QRIS:
            self.show_qris(self.remaining)
        self._render()
        self.amount.setFocus()

    def show_qris(self, amount: int) -> None:
        """Draw the dynamic QR for `amount`; the customer scans it, the cashier confirms with Enter."""
        if amount <= 0 or not self.static_qris:
            self.qr_label.clear()
            self.qris_payload = None
            return
        try:
            self.qris_payload = dynamic_qris(self.static_qris, amount)
        except DomainError as error:
            self.qris_payload = None
            self.message.setText(fill(self.tr("QRIS statis outlet tidak sah: {0}"), str(error)))
            return
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(self.qris_payload, QR_SIZE)))
        self.qr_caption.setText(
            fill(
                self.tr("Pindai dengan aplikasi bank/e-wallet: {0}. Tekan Enter setelah pembayaran masuk."),
                format_rupiah(amount),
            )
        )

    def add_tender(self) -> None:
        """Take the typed amount (blank = what is still due) for the chosen method."""
        self.message.clear()
        try:
            text = self.amount.text().strip()
            amount = parse_rupiah(text) if text else self.remaining
            payment = Payment(self.method, amount, self.reference.text() or None)
            if self.method is PaymentMethod.QRIS and amount != self.remaining:
                self.show_qris(amount)  # a split QRIS needs the QR for that part
            self._check_alone(payment)
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.payments.append(payment)
        self.amount.clear()
        self.reference.clear()
        self._render()
        if self.remaining == 0:
            self.accept()
        elif self.method is PaymentMethod.QRIS:
            self.show_qris(self.remaining)

    def _check_alone(self, payment: Payment) -> None:
        """A partial tender is checked as if it were the last, minus the underpayment rule."""
        if payment.amount <= 0:
            raise DomainError(self.tr("Jumlah pembayaran harus lebih dari Rp0"))
        settle(self.total, [*self.payments, payment, Payment(PaymentMethod.CASH, self.total)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del in an empty amount or reference field removes a payment line (while typing, it edits)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and watched in (self.amount, self.reference)
            and not watched.text()  # type: ignore[attr-defined]
        ):
            self.remove_payment()
            return True
        return super().eventFilter(watched, event)

    def remove_payment(self) -> None:
        """Remove the payment line chosen in the list (a click), else the last one."""
        if self.payments:
            row = self.tendered.currentRow()
            self.payments.pop(row if 0 <= row < len(self.payments) else -1)
            self._render()
            if self.method is PaymentMethod.QRIS:
                self.show_qris(self.remaining)

    def accept(self) -> None:
        try:
            settle(self.total, self.payments)  # never closes while underpaid
        except DomainError as error:
            self.message.setText(str(error))
            return
        super().accept()

    @property
    def change(self) -> int:
        return settle(self.total, self.payments).change if self.remaining == 0 else 0

    def _preview_change(self, text: str) -> None:
        """While the cashier types the cash handed over, show the change it would give, large."""
        try:
            given = parse_rupiah(text) if text.strip() else 0
        except DomainError:
            given = 0
        due = self.remaining
        if self.method is PaymentMethod.CASH and given >= due > 0:
            self.change_label.setText(fill(self.tr("Kembalian {0}"), format_rupiah(given - due)))
        else:
            self.change_label.clear()

    def _render(self) -> None:
        self.total_label.setText(fill(self.tr("Total {0}"), format_rupiah(self.total)))
        self.remaining_label.setText(fill(self.tr("Sisa {0}"), format_rupiah(self.remaining)))
        self.tendered.clear()
        self.tendered.setVisible(bool(self.payments))
        for payment in self.payments:
            ref = f" ({payment.reference})" if payment.reference else ""
            self.tendered.addItem(f"{payment.label}{ref}: {format_rupiah(payment.amount)}")
        self._render_quick_tenders()

    def _render_quick_tenders(self) -> None:
        """Buttons for the likely notes; F1-F6 are bound once in __init__ and read `quick_amounts`.
        Each fills the amount field; Enter (or "Terima") takes it."""
        while self.quick_layout.count():
            item = self.quick_layout.takeAt(0)
            button = item.widget() if item is not None else None
            if button is not None:
                button.deleteLater()
        self.quick_amounts = quick_tenders(self.remaining)[:6]
        for number, amount in enumerate(self.quick_amounts, start=1):
            label = format_rupiah(amount) + (self.tr(" (pas)") if number == 1 else "")
            button = big_button(label, f"F{number}", self.quick_box)
            button.setObjectName(f"quickTender{number}")
            button.clicked.connect(lambda _=False, a=amount: self.quick_tender(a))
            # two columns: 'Rp1.320.000 (pas)' stays whole in the dialog's right half
            self.quick_layout.addWidget(button, (number - 1) // 2, (number - 1) % 2)

    def quick_tender_number(self, number: int) -> None:
        if 1 <= number <= len(self.quick_amounts):
            self.quick_tender(self.quick_amounts[number - 1])

    def quick_tender(self, amount: int) -> None:
        """F1-F6 (or a click) only FILL the amount; Enter takes it. One key never commits a sale: F2 is
        "Cari barang" on the checkout screen, and a habit must not complete a payment."""
        if self.method is not PaymentMethod.CASH:
            self.choose(PaymentMethod.CASH)
        self.amount.setText(format_rupiah(amount))
        self.amount.setFocus()
        self.amount.selectAll()
