"""Outlet settings for the admin: identity and receipt text, time zone, QRIS (checked and shown before
it is saved), the ASN programme (read-only when the province sets it), PPN, and the limits above which
a manager's PIN is needed. One "Simpan" writes everything in one audited transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.application.admin import AdminBackend
from pos.core.asn_period import AsnProgramme, PeriodKind
from pos.core.errors import DomainError
from pos.core.money import format_rupiah, parse_rupiah
from pos.core.timeutil import business_date, utc_now
from pos.services.context import Actor
from pos.ui.i18n import fill
from pos.ui.region_choice import RegionChoice

TIMEZONES = (
    ("Asia/Makassar", "WITA (Asia/Makassar)"),
    ("Asia/Jakarta", "WIB (Asia/Jakarta)"),
    ("Asia/Jayapura", "WIT (Asia/Jayapura)"),
)


INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
DATE_FORMAT = "d MMMM yyyy"  # "2 Desember 2026"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RupiahSpinBox(QSpinBox):
    """Whole rupiah shown the Indonesian way ("Rp100.000") and typed as at the till ("150rb")."""

    def textFromValue(self, value: int) -> str:
        return format_rupiah(value)

    def valueFromText(self, text: str) -> int:
        try:
            return parse_rupiah(text)
        except DomainError:
            return self.value()

    def validate(self, text: str, pos: int) -> QValidator.State:  # type: ignore[override]
        # PySide6 takes the state alone here; its stubs know only the (state, text, pos) form.
        return QValidator.State.Acceptable if text.strip() else QValidator.State.Intermediate


def python_date(edit: QDateEdit) -> date:
    day = edit.date().toPython()  # typed `object` by the stubs: a QDate gives a datetime.date
    assert isinstance(day, date)
    return day


def indonesian_date(day: date | None, today: date) -> QDateEdit:
    """A date field; without a date it shows `today`, the outlet's (WITA), never the machine's."""
    edit: QDateEdit = QDateEdit(_qdate(day or today), calendarPopup=True)
    edit.setLocale(INDONESIAN)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.calendarWidget().setLocale(INDONESIAN)
    return edit


def show_read_only(widgets: tuple[QWidget, ...]) -> None:
    """Fields the admin may look at but not change: not editable, and they look it (grey, no arrows;
    the `readOnly` property in pos/resources/style.qss)."""
    for widget in widgets:
        if isinstance(widget, QAbstractSpinBox):
            widget.setReadOnly(True)
            widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        elif isinstance(widget, QLineEdit):
            widget.setReadOnly(True)
        else:
            widget.setEnabled(False)
        widget.setProperty("readOnly", True)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class SettingsDialog(QDialog):
    def __init__(self, backend: AdminBackend, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Pengaturan outlet"))
        self.backend, self.actor = backend, actor
        self.tabs = QTabWidget()
        self.tabs.addTab(self._outlet_tab(), self.tr("Outlet dan struk"))
        self.tabs.addTab(self._qris_tab(), self.tr("QRIS"))
        self.tabs.addTab(self._asn_tab(), self.tr("Program ASN"))
        self.tabs.addTab(self._rules_tab(), self.tr("Pajak dan batas"))
        self.error = QLabel(objectName="errorText", wordWrap=True)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Save | standard.Cancel)
        buttons.button(standard.Save).setText(self.tr("Simpan"))
        buttons.button(standard.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumSize(720, 520)
        self.saved = False
        for field in self.findChildren(QLineEdit):  # show the start of long addresses, not their end
            field.setCursorPosition(0)

    # --- tabs ---------------------------------------------------------------------------------
    def _outlet_tab(self) -> QWidget:
        found = self.backend.identity()
        self.original = found
        page = QWidget()
        form = QFormLayout(page)
        self.code = QLabel(found.code, objectName="outletCodeLabel")
        self.name = QLineEdit(found.name, objectName="outletName")
        self.kabupaten = RegionChoice()
        self.kabupaten.setObjectName("outletKabupaten")
        self.kabupaten.choose(found.kabupaten_code or found.kabupaten)
        self.address = QLineEdit(found.address, objectName="outletAddress")
        self.phone = QLineEdit(found.phone, objectName="outletPhone")
        self.npwp = QLineEdit(found.npwp, objectName="outletNpwp")
        self.timezone = QComboBox(objectName="timezone")
        for zone, label in TIMEZONES:
            self.timezone.addItem(label, zone)
        if self.timezone.findData(found.timezone) < 0:
            self.timezone.addItem(found.timezone, found.timezone)
        self.timezone.setCurrentIndex(self.timezone.findData(found.timezone))
        self.header = QLineEdit(str(self.backend.get("receipt.header") or ""), objectName="receiptHeader")
        self.footer = QLineEdit(found.receipt_footer, objectName="receiptFooter")
        self.logo = QLineEdit(str(self.backend.get("receipt.logo") or ""), objectName="receiptLogo")
        self.logo.setPlaceholderText(self.tr("path gambar logo (PNG), kosong: tanpa logo"))
        form.addRow(self.tr("Kode outlet"), self.code)
        form.addRow(self.tr("Nama outlet"), self.name)
        form.addRow(self.tr("Kabupaten/kota"), self.kabupaten)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Telepon"), self.phone)
        form.addRow(self.tr("NPWP"), self.npwp)
        form.addRow(self.tr("Zona waktu"), self.timezone)
        form.addRow(self.tr("Kepala struk"), self.header)
        form.addRow(self.tr("Penutup struk"), self.footer)
        form.addRow(self.tr("Logo struk"), self.logo)
        return page

    def _qris_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.original_qris = str(self.backend.get("qris.static") or "")
        layout.addWidget(
            QLabel(
                self.tr("Tempel QRIS statis dari bank, atau klik kolom lalu pindai QR-nya."), wordWrap=True
            )
        )
        self.qris = QPlainTextEdit(self.original_qris, objectName="qrisField")
        self.qris.setFixedHeight(90)
        self.qris.textChanged.connect(lambda: self.qris_info.setText(self.tr("Belum diperiksa.")))
        check = QPushButton(self.tr("Periksa QRIS"), objectName="checkQrisButton")
        check.clicked.connect(self.check_qris)
        self.qris_info: QLabel = QLabel(objectName="qrisInfo", wordWrap=True)
        layout.addWidget(self.qris)
        layout.addWidget(check)
        layout.addWidget(self.qris_info)
        layout.addStretch(1)
        if self.original_qris:
            self.check_qris()
        return page

    def _asn_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        programme = self.backend.programme()
        self.province = self.backend.province_controls_asn()
        self.asn_minimum = RupiahSpinBox(
            objectName="asnMinimum",
            minimum=1_000,
            maximum=100_000_000,
            singleStep=10_000,
            value=programme.minimum,
        )
        self.asn_period = QComboBox(objectName="asnPeriod")
        self.asn_period.addItem(self.tr("Bulan kalender"), PeriodKind.MONTH.value)
        self.asn_period.addItem(self.tr("Kampanye bernama"), PeriodKind.CAMPAIGN.value)
        self.asn_period.setCurrentIndex(self.asn_period.findData(programme.period.value))
        self.campaign_name = QLineEdit(programme.campaign_name, objectName="campaignName")
        today = business_date(utc_now(), self.original.timezone)
        self.campaign_start = indonesian_date(programme.campaign_start, today)
        self.campaign_end = indonesian_date(programme.campaign_end, today)
        self.asn_note = QLabel(objectName="asnNote", wordWrap=True)
        if self.province:
            self.asn_note.setText(
                self.tr("Diatur oleh server provinsi: diperbarui setiap sinkronisasi, tidak diubah di kasir.")
            )
        if self.province:
            show_read_only(
                (
                    self.asn_minimum,
                    self.asn_period,
                    self.campaign_name,
                    self.campaign_start,
                    self.campaign_end,
                )
            )
        form.addRow(self.asn_note)
        form.addRow(self.tr("Minimum belanja"), self.asn_minimum)
        form.addRow(self.tr("Periode"), self.asn_period)
        form.addRow(self.tr("Nama kampanye"), self.campaign_name)
        form.addRow(self.tr("Mulai"), self.campaign_start)
        form.addRow(self.tr("Selesai"), self.campaign_end)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.ppn = QCheckBox(self.tr("Outlet memungut PPN (operator PKP)"), objectName="ppnEnabled")
        self.ppn.setChecked(bool(self.backend.get("tax.ppn_enabled")))
        self.ppn_mode = QComboBox(objectName="ppnMode")
        self.ppn_mode.addItem(self.tr("Termasuk dalam harga"), "included")
        self.ppn_mode.addItem(self.tr("Ditambahkan ke harga"), "added")
        self.ppn_mode.setCurrentIndex(max(0, self.ppn_mode.findData(self.backend.get("tax.ppn_mode"))))
        # The rate is the law's, not a choice: 12% of a base of 11/12 of the price (pos.core.pricing).
        self.ppn_rate = QSpinBox(minimum=11, maximum=11, suffix=" %", objectName="ppnRate", value=11)
        show_read_only((self.ppn_rate,))
        self.ppn_rate.setToolTip(self.tr("PPN 12% dari DPP 11/12 harga = 11% efektif"))
        self.discount = QSpinBox(
            minimum=0,
            maximum=100,
            suffix=" %",
            objectName="discountLimit",
            value=int(self.backend.get("discount.manager_pin_above_percent") or 0),
        )
        self.override = QSpinBox(
            minimum=0,
            maximum=100,
            suffix=" %",
            objectName="overrideLimit",
            value=int(self.backend.get("price_override.manager_pin_above_percent")),
        )
        self.void = QCheckBox(self.tr("Pembatalan barang/transaksi perlu PIN manajer"))
        self.void.setObjectName("voidManager")
        self.void.setChecked(bool(self.backend.get("void.requires_manager")))
        form.addRow(self.ppn)
        form.addRow(self.tr("Cara PPN"), self.ppn_mode)
        form.addRow(self.tr("Tarif efektif"), self.ppn_rate)
        form.addRow(self.tr("Diskon di atas ini perlu PIN manajer"), self.discount)
        form.addRow(self.tr("Ubah harga di atas ini perlu PIN manajer"), self.override)
        form.addRow(self.void)
        return page

    # --- actions ------------------------------------------------------------------------------
    def check_qris(self) -> bool:
        text = self.qris.toPlainText().strip()
        if not text:
            self.qris_info.setText(self.tr("Tanpa QRIS: pembayaran QRIS memakai QR dari aplikasi bank."))
            return True
        try:
            info = self.backend.check_qris(text)
        except DomainError as error:
            self.qris_info.setText(fill(self.tr("QRIS tidak bisa dipakai: {0}"), str(error)))
            return False
        self.qris_info.setText(
            fill(
                self.tr("Periksa sebelum menyimpan. Merchant: {0} · Kota: {1} · NMID: {2}"),
                info.merchant_name or "-",
                info.city or "-",
                info.nmid or "-",
            )
        )
        return True

    def changes(self) -> dict[str, Any]:
        outlet = {
            "name": self.name.text(),
            "kabupaten": self.kabupaten.code(),
            "address": self.address.text(),
            "phone": self.phone.text(),
            "npwp": self.npwp.text(),
            "timezone": str(self.timezone.currentData()),
            "receipt_footer": self.footer.text(),
        }
        result: dict[str, Any] = {
            "outlet": outlet,
            "receipt.header": self.header.text().strip(),
            "receipt.logo": self.logo.text().strip() or None,
            "tax": {
                "ppn_enabled": self.ppn.isChecked(),
                "mode": str(self.ppn_mode.currentData()),
                "rate_percent": self.ppn_rate.value(),
            },
            "limits": {
                "discount_percent": self.discount.value(),
                "price_override_percent": self.override.value(),
                "void_requires_manager": self.void.isChecked(),
            },
        }
        qris = self.qris.toPlainText().strip()
        if qris != self.original_qris:
            result["qris"] = qris or None
        if not self.province:
            campaign = self.asn_period.currentData() == PeriodKind.CAMPAIGN.value
            result["asn"] = AsnProgramme(
                minimum=self.asn_minimum.value(),
                period=PeriodKind(self.asn_period.currentData()),
                campaign_name=self.campaign_name.text() if campaign else "",
                campaign_start=python_date(self.campaign_start) if campaign else None,
                campaign_end=python_date(self.campaign_end) if campaign else None,
            )
        return result

    def save(self) -> None:
        if not self.check_qris():
            self.tabs.setCurrentIndex(1)
            self.error.setText(self.tr("QRIS tidak disimpan: perbaiki atau kosongkan."))
            return
        try:
            self.backend.save_settings(self.actor, self.changes())
        except DomainError as error:
            self.error.setText(str(error))
            return
        self.saved = True
        self.accept()
