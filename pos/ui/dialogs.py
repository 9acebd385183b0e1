"""Small modal dialogs of the checkout: a manager's PIN, a quantity, a discount, a price, a reason.

Each returns plain values; the checkout applies them to the cart and the services check the rules.
Enter confirms and Esc cancels everywhere; a scanner's Enter is swallowed before it gets here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.services.context import Actor, Role
from pos.services.users import UserInfo
from pos.ui.i18n import fill
from pos.ui.widgets import big_button


class FormDialog(QDialog):
    """A titled form with an error line and OK (Enter) / Batal (Esc) buttons."""

    def __init__(self, title: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading = QLabel(title, objectName="dialogTitle")  # also for frameless kiosk screens
        self.form = QFormLayout()
        self.error = QLabel(objectName="errorText")
        self.error.setWordWrap(True)
        self.ok_button = big_button(self.tr("OK"), "Enter", self, primary=True)
        self.cancel_button = big_button(self.tr("Batal"), "Esc", self)
        self.ok_button.clicked.connect(self.try_accept)
        self.cancel_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(460)

    def add_field(self, label: str, widget: Any) -> Any:
        self.form.addRow(label, widget)
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.try_accept)
        return widget

    def validate(self) -> None:
        """Raise DomainError with the reason to keep the dialog open."""

    def try_accept(self) -> None:
        try:
            self.validate()
        except DomainError as error:
            self.error.setText(str(error))
            return
        self.accept()


class ManagerPinDialog(FormDialog):
    """A manager or admin approves one action with their own PIN (checked by users.authorize)."""

    def __init__(
        self,
        action: str,
        managers: Sequence[UserInfo],
        approve: Callable[[str, str, str], Actor],
        parent: Any = None,
    ) -> None:
        super().__init__(self.tr("Persetujuan manajer"), parent)
        self.setObjectName("managerPinDialog")
        self.action = action
        self._approve = approve
        self.approver: Actor | None = None
        self.form.addRow(QLabel(fill(self.tr("Perlu PIN manajer untuk: {0}"), action)))
        self.user = self.add_field(self.tr("Manajer"), QComboBox())
        # managers first
        for info in sorted(managers, key=lambda u: (u.role is not Role.MANAGER, u.full_name)):
            self.user.addItem(f"{info.full_name} ({info.username})", info.username)
        self.pin = self.add_field(self.tr("PIN"), QLineEdit(objectName="managerPin"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setFocus()

    def validate(self) -> None:
        self.approver = self._approve(str(self.user.currentData()), self.pin.text(), self.action)

    def try_accept(self) -> None:
        super().try_accept()
        self.pin.clear()


class TextDialog(FormDialog):
    """One line of text checked by `parse` (which raises DomainError); `value` holds the result."""

    def __init__(
        self, title: str, label: str, parse: Callable[[str], Any], parent: Any = None, text: str = ""
    ) -> None:
        super().__init__(title, parent)
        self._parse = parse
        self.value: Any = None
        self.field = self.add_field(label, QLineEdit(text, objectName="dialogField"))
        self.field.selectAll()
        self.field.setFocus()

    def validate(self) -> None:
        self.value = self._parse(self.field.text())


class ReasonDialog(FormDialog):
    """A value (amount or percent) with a required reason, for discounts and voids."""

    def __init__(self, title: str, label: str, parse: Callable[[str], Any], parent: Any = None) -> None:
        super().__init__(title, parent)
        self._parse = parse
        self.value: Any = None
        self.field = self.add_field(label, QLineEdit(objectName="dialogField"))
        self.reason = self.add_field(self.tr("Alasan"), QLineEdit(objectName="reasonField"))
        self.field.setFocus()

    def validate(self) -> None:
        self.value = self._parse(self.field.text())
        if not self.reason.text().strip():
            raise DomainError(self.tr("Alasan wajib diisi."))


class PreviewDialog(QDialog):
    """A receipt or report as the printer would print it, in a fixed-width font."""

    def __init__(self, title: str, text: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("previewDialog")
        self.text = QPlainTextEdit(text, objectName="receiptPreview")
        self.text.setReadOnly(True)
        close = big_button(self.tr("Tutup"), "Esc", self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.resize(520, 680)


class BuyerDialog(FormDialog):
    """F4: type or scan a NIP; while typing, the dialog says whether it is valid, and whose it is."""

    def __init__(self, look_up: Callable[[str], Any], parent: Any = None, current: str | None = None) -> None:
        super().__init__(self.tr("Pembeli ASN (F4)"), parent)
        self.setObjectName("buyerDialog")
        self._look_up = look_up
        self.value: Any = None
        self.cleared = False  # "Hapus NIP": the sale has no ASN buyer after all (a wrong card scanned)
        self.clear_button = big_button(self.tr("Hapus NIP"), "Alt+H", self)
        self.clear_button.setObjectName("clearBuyerButton")
        self.clear_button.setShortcut("Alt+H")
        self.clear_button.clicked.connect(self.clear_buyer)
        self.clear_button.setVisible(current is not None)  # `current`: the masked NIP on the sale now
        self.buttons.insertWidget(0, self.clear_button)
        self.field = self.add_field(self.tr("NIP"), QLineEdit(objectName="dialogField"))
        self.field.setPlaceholderText(self.tr("18 angka; spasi, titik, dan tulisan NIP boleh"))
        self.field.setMinimumWidth(420)
        self.info = QLabel(objectName="buyerCheck")
        self.info.setWordWrap(True)
        self.form.addRow(self.info)
        if current is not None:
            self.info.setText(fill(self.tr("Pembeli sekarang: {0}"), current))
        self.field.textChanged.connect(self._check)
        self.field.setFocus()

    def clear_buyer(self) -> None:
        self.cleared = True
        self.accept()

    def on_scan(self, code: str) -> None:
        """A NIP scanned from an ID card while the dialog is open."""
        self.field.setText(code)

    def _check(self, text: str) -> None:
        self.error.clear()
        digits = sum(ch.isdigit() for ch in text)
        if digits < 18:
            self.info.setText(fill(self.tr("{0} dari 18 angka"), str(digits)))
            return
        try:
            buyer = self._look_up(text)
        except DomainError as error:
            self.info.setText("")
            self.error.setText(str(error))
            return
        who = (
            f"<b>{buyer.name}</b> · {buyer.agency or ''}"
            if buyer.name
            else self.tr("<b>NIP sah, belum terdaftar</b>")
        )
        progress = self.tr("{0}: {1} dari minimal {2}, termasuk transaksi ini")
        progress = fill(
            progress, buyer.period_label, format_rupiah(buyer.total), format_rupiah(buyer.minimum)
        )
        self.info.setText(f"{buyer.masked}<br>{who}<br>{progress}")

    def validate(self) -> None:
        self.value = self._look_up(self.field.text())
