"""The receipt printer's settings: how it is connected, paper width, capability profile, drawer kick,
and "Cetak halaman tes" through a real PrintQueue on its own thread, with the outcome in plain words.

`PrinterForm` is the form alone (the wizard uses it too); `PrinterDialog` saves it as the setting
"printer" (PrinterSettings fields as JSON), which pos/app.py reads to build the print queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos.core.document import columns_for
from pos.printing.connection import PrinterSettings
from pos.printing.queue import PrinterStatus, PrintQueue
from pos.printing.test_page import test_page_document
from pos.ui.i18n import fill
from pos.ui.tasks import TaskRunner

KINDS = (
    ("none", QT_TRANSLATE_NOOP("PrinterForm", "Belum ada printer (struk hanya di layar)")),
    ("usb", QT_TRANSLATE_NOOP("PrinterForm", "USB (vendor/product id)")),
    ("network", QT_TRANSLATE_NOOP("PrinterForm", "Jaringan (LAN/Wi-Fi, port 9100)")),
    ("serial", QT_TRANSLATE_NOOP("PrinterForm", "Serial / Bluetooth (COM, /dev/tty...)")),
    ("win32raw", QT_TRANSLATE_NOOP("PrinterForm", "Printer Windows (nama printer)")),
    ("cups", QT_TRANSLATE_NOOP("PrinterForm", "Printer CUPS (Linux, nama printer)")),
    ("file", QT_TRANSLATE_NOOP("PrinterForm", "File atau perangkat (/dev/usb/lp0)")),
)
PROFILES = ("", "POS-5890", "NT-5890K", "ZJ-5870", "RP-F10-58mm", "TM-T20II", "TM-T88V", "TM-T82II")


def describe_connection(value: dict[str, Any]) -> str:
    kind = value.get("kind", "none")
    if kind == "network":
        return f"jaringan {value.get('host')}:{value.get('port', 9100)}"
    if kind == "usb":
        return f"USB {int(value.get('usb_vendor_id', 0)):04x}:{int(value.get('usb_product_id', 0)):04x}"
    if kind == "serial":
        return f"serial {value.get('serial_device')}"
    if kind in ("win32raw", "cups"):
        return f"{kind} {value.get('printer_name')}"
    if kind == "file":
        return f"file {value.get('file_path')}"
    return "tidak ada"


def print_test_page(value: dict[str, Any], outlet_name: str, timeout: float = 15.0) -> str:
    """Print the test page through a PrintQueue and wait for the first outcome (runs off the GUI thread)."""
    settings = PrinterSettings(**value)
    if settings.kind == "none":
        return QCoreApplication.translate(
            "TestPrint", "Belum ada printer dipilih: struk hanya tampil di layar."
        )
    outcome: list[PrinterStatus] = []
    done = threading.Event()

    def on_status(status: PrinterStatus) -> None:
        if (status.kind in ("ready", "offline", "paper_out", "error") and status.job_id is not None) or (
            status.kind == "ready" and outcome
        ):
            outcome.append(status)
            done.set()
        elif status.kind == "printing":
            outcome.append(status)

    queue = PrintQueue(settings, on_status, retry_interval=3600)
    width = columns_for(settings.paper)
    queue.submit(
        test_page_document(outlet_name, describe_connection(value), width, datetime.now()),
        title=QCoreApplication.translate("TestPrint", "Halaman tes"),
    )
    finished = done.wait(timeout)
    queue.stop(timeout=2.0)
    if not finished:
        return QCoreApplication.translate(
            "TestPrint", "Printer tidak menjawab (timeout). Periksa kabel, daya dan pengaturan printer."
        )
    last = outcome[-1]
    if last.kind == "ready":
        return QCoreApplication.translate(
            "TestPrint",
            "Halaman tes terkirim ke printer. Periksa: penggaris pas di tepi kanan, QR dan barcode terbaca.",
        )
    return fill(QCoreApplication.translate("TestPrint", "Gagal mencetak: {0}."), last.message)


class PrinterForm(QWidget):
    def __init__(self, value: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(objectName="printerKind")
        for key, label in KINDS:
            self.kind.addItem(QCoreApplication.translate("PrinterForm", str(label)), key)
        self.vendor = QLineEdit(placeholderText=self.tr("mis. 0416"), objectName="usbVendor")
        self.product = QLineEdit(placeholderText=self.tr("mis. 5011"), objectName="usbProduct")
        self.serial = QLineEdit(placeholderText=self.tr("COM3 atau /dev/ttyUSB0"), objectName="serialDevice")
        self.baud = QComboBox()
        for rate in (9600, 19200, 38400, 115200):
            self.baud.addItem(str(rate), rate)
        self.host = QLineEdit(placeholderText="192.168.1.50", objectName="printerHost")
        self.port = QSpinBox(minimum=1, maximum=65535, value=9100, objectName="printerPort")
        self.printer_name = QLineEdit(
            placeholderText=self.tr("nama printer di sistem"), objectName="printerName"
        )
        self.file_path = QLineEdit(placeholderText="/dev/usb/lp0", objectName="printerFile")
        self.paper = QComboBox(objectName="paperWidth")
        self.paper.addItem(self.tr("58 mm (32 karakter)"), 58)
        self.paper.addItem(self.tr("80 mm (48 karakter)"), 80)
        self.profile = QComboBox(objectName="printerProfile")
        self.profile.setEditable(True)
        for name in PROFILES:
            self.profile.addItem(name or self.tr("(umum)"), name)
        self.drawer = QCheckBox(self.tr("Buka laci uang setelah pembayaran tunai"), objectName="drawerKick")
        self.drawer.setChecked(True)
        self.drawer_wanted = True  # the admin's choice, kept while "Belum ada printer" greys it out
        self.drawer.toggled.connect(self._drawer_toggled)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Sambungan"), self.kind)
        self.rows = {
            "usb": [self.form.rowCount(), self.form.rowCount() + 1],
        }
        self.form.addRow(self.tr("Vendor id USB"), self.vendor)
        self.form.addRow(self.tr("Product id USB"), self.product)
        self.rows["serial"] = [self.form.rowCount(), self.form.rowCount() + 1]
        self.form.addRow(self.tr("Port serial"), self.serial)
        self.form.addRow(self.tr("Baud"), self.baud)
        self.rows["network"] = [self.form.rowCount(), self.form.rowCount() + 1]
        self.form.addRow(self.tr("Alamat (host)"), self.host)
        self.form.addRow(self.tr("Port"), self.port)
        self.rows["win32raw"] = self.rows["cups"] = [self.form.rowCount()]
        self.form.addRow(self.tr("Nama printer"), self.printer_name)
        self.rows["file"] = [self.form.rowCount()]
        self.form.addRow(self.tr("File/perangkat"), self.file_path)
        self.form.addRow(self.tr("Kertas"), self.paper)
        self.form.addRow(self.tr("Profil printer"), self.profile)
        self.form.addRow("", self.drawer)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.set_value(value or {})

    def _show_fields(self) -> None:
        chosen = str(self.kind.currentData())
        for row in range(1, 9):
            self.form.setRowVisible(row, row in self.rows.get(chosen, []))
        # The drawer is opened by the printer: without one it cannot open, so the tick is off.
        has_printer = chosen != "none"
        self.drawer.setEnabled(has_printer)
        self.drawer.blockSignals(True)
        self.drawer.setChecked(has_printer and self.drawer_wanted)
        self.drawer.blockSignals(False)
        hint = self.tr("Laci kas dibuka oleh printer: pilih printer dulu.")
        self.drawer.setToolTip("" if has_printer else hint)

    def _drawer_toggled(self, checked: bool) -> None:
        if self.drawer.isEnabled():
            self.drawer_wanted = checked

    def set_value(self, value: dict[str, Any]) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(value.get("kind", "none"))))
        self.vendor.setText(f"{int(value['usb_vendor_id']):04x}" if value.get("usb_vendor_id") else "")
        self.product.setText(f"{int(value['usb_product_id']):04x}" if value.get("usb_product_id") else "")
        self.serial.setText(str(value.get("serial_device", "")))
        self.baud.setCurrentIndex(max(0, self.baud.findData(int(value.get("baudrate", 9600)))))
        self.host.setText(str(value.get("host", "")))
        self.port.setValue(int(value.get("port", 9100)))
        self.printer_name.setText(str(value.get("printer_name", "")))
        self.file_path.setText(str(value.get("file_path", "")))
        self.paper.setCurrentIndex(max(0, self.paper.findData(int(value.get("paper", 58)))))
        profile = value.get("profile") or ""
        index = self.profile.findData(profile)
        if index >= 0:
            self.profile.setCurrentIndex(index)
        else:
            self.profile.setEditText(profile)
        self.drawer_wanted = bool(value.get("kick_drawer_after_cash", True))
        self.drawer.setChecked(self.drawer_wanted)
        self._show_fields()

    def value(self) -> dict[str, Any]:
        """PrinterSettings fields; raises ValueError (Bahasa Indonesia) when a needed field is empty."""
        kind = str(self.kind.currentData())
        value: dict[str, Any] = {
            "kind": kind,
            "paper": int(self.paper.currentData()),
            "kick_drawer_after_cash": kind != "none" and self.drawer.isChecked(),
        }
        profile_text = self.profile.currentText().strip()
        index = self.profile.findText(profile_text)
        profile = self.profile.itemData(index) if index >= 0 else profile_text
        if profile:
            value["profile"] = profile
        if kind == "usb":
            try:
                value["usb_vendor_id"] = int(self.vendor.text().strip(), 16)
                value["usb_product_id"] = int(self.product.text().strip(), 16)
            except ValueError:
                raise ValueError(
                    self.tr("Isi vendor id dan product id USB (angka heksadesimal, mis. 0416).")
                ) from None
        elif kind == "serial":
            value |= {"serial_device": self._needed(self.serial), "baudrate": int(self.baud.currentData())}
        elif kind == "network":
            value |= {"host": self._needed(self.host), "port": self.port.value()}
        elif kind in ("win32raw", "cups"):
            value["printer_name"] = self._needed(self.printer_name)
        elif kind == "file":
            value["file_path"] = self._needed(self.file_path)
        PrinterSettings(**value)  # unknown fields would fail here rather than at the till's start
        return value

    def _needed(self, field: QLineEdit) -> str:
        text = field.text().strip()
        if not text:
            field.setFocus()
            raise ValueError(self.tr("Lengkapi isian sambungan printer."))
        return text


class PrinterTester(QWidget):
    """ "Cetak halaman tes" and the outcome line; `value_of()` gives the form's current settings."""

    def __init__(
        self,
        runner: TaskRunner,
        value_of: Callable[[], dict[str, Any]],
        outlet_name: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner, self.value_of, self.outlet_name = runner, value_of, outlet_name
        self.button = QPushButton(self.tr("Cetak halaman tes"), objectName="testPrintButton")
        self.button.clicked.connect(self.start)
        self.result = QLabel(objectName="testPrintResult")
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)

    def start(self) -> None:
        try:
            value = self.value_of()
        except ValueError as error:
            self.result.setText(str(error))
            return
        self.button.setEnabled(False)
        self.result.setText(self.tr("Mencetak halaman tes..."))
        name = self.outlet_name()
        self.runner.run(lambda: print_test_page(value, name), self._done, self._done)

    def _done(self, outcome: Any) -> None:
        self.button.setEnabled(True)
        self.result.setText(str(outcome))


class PrinterDialog(QDialog):
    """Edit and save the setting "printer"; `save(value)` persists it (and the app rebuilds its queue)."""

    def __init__(
        self,
        value: dict[str, Any] | None,
        outlet_name: str,
        save: Callable[[dict[str, Any]], None],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printerDialog")
        self.setWindowTitle(self.tr("Pengaturan printer struk"))
        self.save = save
        self.saved: dict[str, Any] | None = None
        self.form = PrinterForm(value, self)
        self.tester = PrinterTester(runner, self.form.value, lambda: outlet_name, self)
        self.error = QLabel(objectName="errorText")
        self.error.setWordWrap(True)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Save | standard.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.tester)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def accept_if_valid(self) -> None:
        try:
            value = self.form.value()
            self.save(value)
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.saved = value
        self.accept()
