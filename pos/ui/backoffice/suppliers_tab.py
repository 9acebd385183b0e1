"""Producers screen: the UMKM list and a form for their details, bank account and consignment terms."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.core.errors import DomainError
from pos.services.suppliers import SupplierInfo, SupplierInput, format_percent, parse_percent
from pos.ui.backoffice.common import MessageLine, attempt, fill_table, make_table
from pos.ui.i18n import fill
from pos.ui.region_choice import RegionChoice

HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Nama"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Pemilik"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kabupaten"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Desa"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Telepon"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Syarat"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Aktif"),
)


class SuppliersTab(QWidget):
    def __init__(self, backend: BackOfficeBackend) -> None:
        super().__init__()
        self.backend = backend
        self.rows: list[SupplierInfo] = []
        self.editing: int | None = None
        self.table = make_table()
        self.table.itemSelectionChanged.connect(self._selected)
        self.message = MessageLine()
        self.name, self.owner, self.village = QLineEdit(), QLineEdit(), QLineEdit()
        self.kabupaten = RegionChoice(optional=True)
        self.phone, self.bank, self.commission = QLineEdit(), QLineEdit(), QLineEdit("15")
        self.consigned, self.active = QCheckBox(self.tr("Titip jual (komisi)")), QCheckBox(self.tr("Aktif"))
        self.consigned.setChecked(True)
        self.active.setChecked(True)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Nama usaha"), self.name), (self.tr("Pemilik"), self.owner),
            (self.tr("Kabupaten"), self.kabupaten), (self.tr("Desa/kelurahan"), self.village),
            (self.tr("Telepon"), self.phone), (self.tr("Rekening bank"), self.bank),
            ("", self.consigned), (self.tr("Komisi (%)"), self.commission), ("", self.active),
        ):  # fmt: skip
            form.addRow(label, widget)
        self.save_button = QPushButton(self.tr("Simpan produsen"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Produsen baru"))
        self.new_button.clicked.connect(self.clear_form)
        right = QVBoxLayout()
        right.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(right, 2)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.backend.suppliers()
        fill_table(
            self.table,
            HEADERS,
            [
                (
                    s.code,
                    s.name,
                    s.owner,
                    s.kabupaten,
                    s.village,
                    s.phone,
                    s.terms,
                    self.tr("ya") if s.active else self.tr("tidak"),
                )
                for s in self.rows
            ],
        )

    def _selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) == 1:
            s = self.rows[rows.pop()]
            self.editing = s.supplier_id
            self.kabupaten.choose(s.kabupaten_code or s.kabupaten)
            for edit, value in (
                (self.name, s.name), (self.owner, s.owner),
                (self.village, s.village), (self.phone, s.phone), (self.bank, s.bank_account),
                (self.commission, format_percent(s.commission_bp).rstrip("%")),
            ):  # fmt: skip
                edit.setText(value)
            self.consigned.setChecked(s.consignment)
            self.active.setChecked(s.active)

    def clear_form(self) -> None:
        self.editing = None
        for edit in (self.name, self.owner, self.village, self.phone, self.bank):
            edit.clear()
        self.kabupaten.choose(None)
        self.commission.setText("15")
        self.table.clearSelection()

    def form_input(self) -> SupplierInput:
        consigned = self.consigned.isChecked()
        if consigned and not self.commission.text().strip():
            raise DomainError(self.tr("Komisi wajib diisi untuk produsen titip jual."))
        return SupplierInput(
            name=self.name.text(),
            owner=self.owner.text(),
            kabupaten=self.kabupaten.code(),
            village=self.village.text(),
            phone=self.phone.text(),
            bank_account=self.bank.text(),
            consignment=consigned,
            commission_bp=parse_percent(self.commission.text()) if consigned else 0,
            active=self.active.isChecked(),
        )

    def save(self) -> SupplierInfo | None:
        saved: SupplierInfo | None = attempt(
            self.message, lambda: self.backend.save_supplier(self.editing, self.form_input())
        )
        if saved is not None:
            self.editing = saved.supplier_id
            self.refresh()
            self.message.ok(fill(self.tr("Tersimpan: {0} ({1}), {2}."), saved.name, saved.code, saved.terms))
        return saved
