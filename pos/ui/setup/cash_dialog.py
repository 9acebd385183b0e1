"""Kas masuk / kas keluar from the Admin menu: cash put into or taken out of the open shift's drawer.

The dialog only gathers what was done and a manager's PIN; `pos.services.cash_movements` checks the
rules (reason and direction, enough cash in the drawer, a manager's approval) and writes the audit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from pos.core.money import format_rupiah, parse_rupiah
from pos.services.cash_movements import DIRECTION_LABELS, IN, OUT, REASONS, CashMovementView
from pos.services.context import Role
from pos.services.users import UserInfo
from pos.ui.dialogs import FormDialog
from pos.ui.i18n import fill

# (direction, reason, amount, note, manager username, PIN) -> the recorded movement; DomainError if refused
Submit = Callable[[str, str, int, str, str, str], CashMovementView]


class CashMovementDialog(FormDialog):
    def __init__(
        self, expected_cash: int, managers: Sequence[UserInfo], submit: Submit, parent: Any = None
    ) -> None:
        super().__init__(self.tr("Kas masuk / kas keluar"), parent)
        self.setObjectName("cashMovementDialog")
        self._submit = submit
        self.recorded: CashMovementView | None = None
        self.form.addRow(QLabel(fill(self.tr("Uang di laci sekarang: {0}"), format_rupiah(expected_cash))))
        self.direction = self.add_field(self.tr("Arah"), QComboBox(objectName="cashDirection"))
        for direction in (OUT, IN):
            self.direction.addItem(self.tr(DIRECTION_LABELS[direction]), direction)
        self.reason = self.add_field(self.tr("Alasan"), QComboBox(objectName="cashReason"))
        self.amount = self.add_field(self.tr("Jumlah"), QLineEdit(objectName="cashAmount"))
        self.amount.setPlaceholderText(self.tr("mis. 250000 atau 250rb"))
        self.note = self.add_field(self.tr("Keterangan"), QLineEdit(objectName="cashNote"))
        self.manager = self.add_field(self.tr("Disetujui manajer"), QComboBox(objectName="cashManager"))
        for info in sorted(managers, key=lambda u: (u.role is not Role.MANAGER, u.full_name)):
            self.manager.addItem(f"{info.full_name} ({info.username})", info.username)
        self.pin = self.add_field(self.tr("PIN manajer"), QLineEdit(objectName="cashManagerPin"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.direction.currentIndexChanged.connect(lambda _i: self._fill_reasons())
        self._fill_reasons()
        self.amount.setFocus()

    def _fill_reasons(self) -> None:
        """Only the reasons that go this way (a bank deposit is never cash in)."""
        direction = self.direction.currentData()
        self.reason.clear()
        for key, (label, directions) in REASONS.items():
            if direction in directions:
                self.reason.addItem(self.tr(label), key)

    def validate(self) -> None:
        amount = parse_rupiah(self.amount.text())
        try:
            self.recorded = self._submit(
                str(self.direction.currentData()),
                str(self.reason.currentData()),
                amount,
                self.note.text(),
                str(self.manager.currentData()),
                self.pin.text(),
            )
        finally:
            self.pin.clear()  # never left in the field, accepted or refused
