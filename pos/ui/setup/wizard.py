"""First run on a new till: a short wizard in Bahasa Indonesia for the store admin.

Outlet (kabupaten/kota, code, name, address, receipt footer) → first admin and PIN → printer (or none,
with a test print) → optional QRIS and provincial server (with "Tes koneksi" in the background).
Every page change saves the answers (never the PIN) to a small JSON draft in the data folder, so the
wizard can be left and resumed; nothing is written to a database until "Selesai", and then all of it
in one transaction through `finish(OutletSetup)` (pos.app opens the database; pos.ui may not).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pos.core.errors import DomainError
from pos.services import settings, setup, users
from pos.services.setup import OutletSetup, ProvinceServer, SetupResult
from pos.sync.client import NotDelivered
from pos.ui.i18n import fill
from pos.ui.region_choice import RegionChoice
from pos.ui.setup.connection_check import ConnectionCheck, check_province
from pos.ui.setup.printer_dialog import PrinterForm, PrinterTester
from pos.ui.tasks import TaskRunner

Finish = Callable[[OutletSetup], SetupResult]
log = logging.getLogger(__name__)


def error_label() -> QLabel:
    label: QLabel = QLabel(objectName="errorText")
    label.setWordWrap(True)
    return label


def describe_qris(payload: str) -> str:
    """What the admin confirms before saving: merchant, city, NMID (or why it is not usable)."""
    info = settings.check_static_qris(payload)
    text = QCoreApplication.translate("QrisCheck", "Merchant: {0} · Kota: {1} · NMID: {2}")
    return fill(text, info.merchant_name or "-", info.city or "-", info.nmid or "-")


class OutletPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Outlet"))
        self.setSubTitle(self.tr("Data outlet ini dicetak di setiap struk."))
        self.kabupaten = RegionChoice()  # the 22 of NTT with their Kemendagri codes (pos.core.regions)
        self.code = QLineEdit(objectName="outletCode")
        self.name = QLineEdit(objectName="outletName")
        self.address = QLineEdit(objectName="outletAddress")
        self.address.setPlaceholderText(self.tr("Jalan, kelurahan, kota"))
        self.footer = QLineEdit(setup.DEFAULT_FOOTER, objectName="receiptFooter")
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Kabupaten/kota"), self.kabupaten)
        form.addRow(self.tr("Kode outlet"), self.code)
        form.addRow(self.tr("Nama outlet"), self.name)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Penutup struk"), self.footer)
        form.addRow(self.error)
        self._auto = ("", "")
        self.kabupaten.currentIndexChanged.connect(self._fill_defaults)

    def _fill_defaults(self) -> None:
        """Suggest the code and the programme's name; never overwrite what the admin typed."""
        code = str(self.kabupaten.currentData())
        auto_code, auto_name = self._auto
        if self.code.text() in ("", auto_code):
            self.code.setText(code)
        if self.name.text() in ("", auto_name):
            self.name.setText(setup.outlet_name_for(code))
        self._auto = (code, setup.outlet_name_for(code))

    def validatePage(self) -> bool:
        if not self.code.text().strip() or not self.name.text().strip() or not self.address.text().strip():
            self.error.setText(self.tr("Kode, nama dan alamat outlet wajib diisi."))
            return False
        self.error.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Admin pertama"))
        self.setSubTitle(self.tr("Admin mengatur outlet, pengguna dan printer. Ingat PIN ini baik-baik."))
        self.username = QLineEdit("admin", objectName="adminUsername")
        self.full_name = QLineEdit(objectName="adminFullName")
        self.pin = QLineEdit(objectName="adminPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(objectName="adminPinAgain", echoMode=QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Nama lengkap"), self.full_name)
        form.addRow(self.tr("PIN (4-8 angka)"), self.pin)
        form.addRow(self.tr("Ulangi PIN"), self.pin_again)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        try:
            if not self.username.text().strip():
                raise DomainError(self.tr("Nama pengguna admin wajib diisi."))
            users.check_pin_rules(self.pin.text())
            if self.pin.text() != self.pin_again.text():
                raise DomainError(self.tr("PIN dan ulangan PIN tidak sama."))
        except DomainError as error:
            self.error.setText(str(error))
            return False
        self.error.clear()
        return True


class PrinterPage(QWizardPage):
    def __init__(self, runner: TaskRunner, outlet_name: Callable[[], str]) -> None:
        super().__init__()
        self.setTitle(self.tr("Printer struk"))
        self.setSubTitle(self.tr('Boleh "Belum ada printer" dulu; bisa diatur nanti di menu Admin.'))
        self.form = PrinterForm({"kind": "none", "paper": 58})
        self.tester = PrinterTester(runner, self.form.value, outlet_name)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.tester)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:
        try:
            self.form.value()
        except ValueError as error:
            self.error.setText(str(error))
            return False
        return True


class ExtrasPage(QWizardPage):
    """QRIS and the provincial server: both optional, both can be set later."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("QRIS dan server provinsi"))
        self.setSubTitle(self.tr("Boleh dilewati: keduanya bisa diatur nanti di menu Admin."))
        self.qris = QPlainTextEdit(objectName="qrisField")
        self.qris.setPlaceholderText(self.tr("Tempel atau pindai QRIS statis outlet dari bank"))
        self.qris.setFixedHeight(64)
        check = QPushButton(self.tr("Periksa QRIS"), objectName="checkQrisButton")
        check.clicked.connect(self.check_qris)
        self.qris_info = QLabel(objectName="qrisInfo", wordWrap=True)
        self.url = QLineEdit(objectName="serverUrl", placeholderText="https://pos.nttprov.go.id")
        self.token = QLineEdit(objectName="serverToken", echoMode=QLineEdit.EchoMode.Password)
        # whose till the server says the token is, from the last successful "Tes koneksi"
        self.tested: ConnectionCheck | None = None
        self.url.textChanged.connect(self._forget_test)
        self.token.textChanged.connect(self._forget_test)
        self.test_button = QPushButton(self.tr("Tes koneksi"), objectName="testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.connection_result = QLabel(objectName="connectionResult", wordWrap=True)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("QRIS statis"), self.qris)
        qris_row = QHBoxLayout()
        qris_row.addWidget(check, 0)
        qris_row.addWidget(self.qris_info, 1)
        form.addRow("", qris_row)
        form.addRow(self.tr("Server provinsi"), self.url)
        form.addRow(self.tr("Token kasir"), self.token)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0)
        test_row.addWidget(self.connection_result, 1)
        form.addRow("", test_row)
        form.addRow(self.error)

    def check_qris(self) -> bool:
        text = self.qris.toPlainText().strip()
        if not text:
            self.qris_info.setText(
                self.tr("Kolom QRIS masih kosong: tempel atau pindai QRIS statis dari bank (boleh dilewati).")
            )
            self.qris_info.setProperty("error", False)
            return True
        try:
            self.qris_info.setText(describe_qris(text))
        except DomainError as error:
            self.qris_info.setText(fill(self.tr("QRIS tidak bisa dipakai: {0}"), str(error)))
            self.qris_info.setProperty("error", True)
            return False
        self.qris_info.setProperty("error", False)
        return True

    def _forget_test(self) -> None:
        self.tested = None

    def test_connection(self) -> None:
        url, token, outlet = self.url.text(), self.token.text(), self.owner.outlet_page.code.text()
        self.test_button.setEnabled(False)
        self.tested = None
        self.connection_result.setText(self.tr("Menghubungi server..."))
        self.owner.runner.run(lambda: check_province(url, token, outlet), self._tested, self._tested)

    def _tested(self, outcome: Any) -> None:
        self.test_button.setEnabled(True)
        text = outcome.message if isinstance(outcome, ConnectionCheck) else str(outcome)
        self.connection_result.setText(text)
        if isinstance(outcome, ConnectionCheck) and outcome.ok:
            self.tested = outcome

    def validatePage(self) -> bool:
        if not self.check_qris():
            self.error.setText(self.tr("Perbaiki QRIS atau kosongkan dulu (bisa diisi nanti di Pengaturan)."))
            return False
        if self.url.text().strip() and self.tested is None:
            # the till takes its terminal number from the token, so the server must have answered
            self.error.setText(
                self.tr('Tekan "Tes koneksi" dulu sampai berhasil, atau kosongkan alamat server.')
            )
            return False
        return self.owner.finish_setup()


class SetupWizard(QWizard):
    def __init__(self, data_dir: Path, finish: Finish, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Menyiapkan kasir NTT Mart"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.data_dir, self._finish = Path(data_dir), finish
        self.result_: SetupResult | None = None
        self.finishing = False  # Selesai's work is running on the runner
        self.finished_ok = False
        self.runner = TaskRunner(self)
        self.outlet_page = OutletPage()
        self.admin_page = AdminPage()
        self.printer_page = PrinterPage(self.runner, lambda: self.outlet_page.name.text())
        self.extras_page = ExtrasPage(self)
        for page in (self.outlet_page, self.admin_page, self.printer_page, self.extras_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal (jawaban disimpan)"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("Keluar sekarang; jawaban (tanpa PIN) disimpan dan muncul lagi saat kasir dibuka.")
        )
        # The same header on every page: its title, then "Langkah n dari 4" and what the page is for.
        for number, shown in enumerate(self.pages_in_order(), start=1):
            step = fill(self.tr("Langkah {0} dari {1}"), number, len(self.pageIds()))
            shown.setSubTitle(f"{step} · {shown.subTitle()}")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(760, 560)
        self.outlet_page._fill_defaults()
        self.restore(setup.load_draft(self.data_dir))
        for field in self.findChildren(QLineEdit):  # show the start of long answers, not their end
            field.setCursorPosition(0)
        self.currentIdChanged.connect(lambda _id: self.save_draft())
        self.rejected.connect(self.save_draft)

    def pages_in_order(self) -> list[QWizardPage]:
        return [self.page(page_id) for page_id in self.pageIds()]

    def step_text(self) -> str:
        """ "Langkah 2 dari 4" for the page shown."""
        return self.currentPage().subTitle().split(" · ")[0] if self.currentPage() else ""

    # --- draft ----------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        o, a, e = self.outlet_page, self.admin_page, self.extras_page
        try:
            printer: dict[str, Any] | None = self.printer_page.form.value()
        except ValueError:
            printer = None
        return {
            "kabupaten": o.kabupaten.currentData(),
            "outlet_code": o.code.text(),
            "name": o.name.text(),
            "address": o.address.text(),
            "footer": o.footer.text(),
            "admin_username": a.username.text(),
            "admin_full_name": a.full_name.text(),
            "printer": printer,
            "qris": e.qris.toPlainText(),
            "server_url": e.url.text(),
            "token": e.token.text(),
        }

    def restore(self, draft: dict[str, Any]) -> None:
        if not draft:
            return
        o, a, e = self.outlet_page, self.admin_page, self.extras_page
        index = o.kabupaten.findData(draft.get("kabupaten"))
        if index >= 0:
            o.kabupaten.setCurrentIndex(index)
        for field, key in (
            (o.code, "outlet_code"),
            (o.name, "name"),
            (o.address, "address"),
            (o.footer, "footer"),
            (a.username, "admin_username"),
            (a.full_name, "admin_full_name"),
            (e.url, "server_url"),
        ):
            if isinstance(draft.get(key), str):
                field.setText(draft[key])
        e.qris.setPlainText(str(draft.get("qris") or ""))
        if isinstance(draft.get("printer"), dict):
            self.printer_page.form.set_value(draft["printer"])

    def save_draft(self) -> None:
        if self.result_ is None:
            setup.save_draft(self.data_dir, self.answers())

    # --- finish ---------------------------------------------------------------------------------
    def outlet_setup(self) -> OutletSetup:
        answers = self.answers()
        server, terminal = None, "01"
        tested = self.extras_page.tested
        if answers["server_url"].strip() and tested is not None:
            terminal = tested.terminal
            server = ProvinceServer(
                answers["server_url"].strip(), answers["token"].strip(), f"{tested.outlet}-{tested.terminal}"
            )
        return OutletSetup(
            outlet_code=answers["outlet_code"].strip(),
            name=answers["name"].strip(),
            kabupaten_code=str(answers["kabupaten"]),
            address=answers["address"].strip(),
            admin_username=answers["admin_username"].strip(),
            admin_full_name=answers["admin_full_name"].strip(),
            admin_pin=self.admin_page.pin.text(),
            receipt_footer=answers["footer"].strip(),
            printer=answers["printer"],
            qris_static=answers["qris"].strip() or None,
            terminal=terminal,
            server=server,
        )

    def finish_setup(self) -> bool:
        """ "Selesai": the answers are checked here, then the slow part (the outlet's data from the
        province, argon2, the new database) runs on the runner, never on the GUI thread. QWizard is told
        False now; `_finished` closes the wizard, and QWizard.done() asks again then: True."""
        if self.finished_ok:
            return True
        if self.finishing:
            return False
        answers = self.outlet_setup()
        try:
            setup.validate(answers)
        except DomainError as error:
            self.extras_page.error.setText(str(error))
            return False
        self._show_finishing(True)
        self.runner.run(lambda: self._finish(answers), self._finished, self._finish_failed)
        return False

    def _show_finishing(self, busy: bool) -> None:
        self.finishing = busy
        buttons = QWizard.WizardButton
        for which in (buttons.BackButton, buttons.FinishButton, buttons.CancelButton):
            self.button(which).setEnabled(not busy)
        message = self.extras_page.error
        message.setText(
            self.tr("Menyiapkan kasir… (bisa beberapa detik dengan server provinsi)") if busy else ""
        )
        message.setProperty("busy", busy)  # a progress line, not an error (style.qss)
        message.style().unpolish(message)
        message.style().polish(message)

    def _finished(self, result: SetupResult) -> None:
        self._show_finishing(False)
        self.finished_ok, self.result_ = True, result
        setup.clear_draft(self.data_dir)
        self.accept()

    def _finish_failed(self, error: Exception) -> None:
        """Everything typed stays (the PIN too); initialize_data_dir left no database file behind."""
        self._show_finishing(False)
        if isinstance(error, NotDelivered):
            # "server provinsi tidak terjangkau (ConnectionError)", "... menjawab 503: ..." and the like
            text = self.tr(
                "Data outlet belum bisa diambil: {0}. Periksa internet outlet lalu tekan Selesai lagi."
            )
            self.extras_page.error.setText(fill(text, str(error)))
        elif isinstance(error, DomainError):
            self.extras_page.error.setText(str(error))
        else:  # a bug or the disk: said, logged, and Selesai can be pressed again
            log.error("set-up failed", exc_info=error)
            text = self.tr("Kasir belum bisa disiapkan: {0}. Jawaban tetap ada; coba tekan Selesai lagi.")
            self.extras_page.error.setText(fill(text, str(error) or error.__class__.__name__))

    def reject(self) -> None:
        if not self.finishing:  # Esc and the window's X wait for the set-up under way, like Batal
            super().reject()

    def done(self, result: int) -> None:
        self.runner.wait(10_000)  # a test print or connection test still running ends first
        super().done(result)
