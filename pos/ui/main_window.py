"""The till's one window: sign-in, then the checkout, with a status bar that is always honest about
the outlet, the cashier, the shift, sync and the printer.

Printer and sync run on their own threads and report through plain callbacks; `printer_status` and
`sync_status` are Qt signals, so emitting them from those threads delivers on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

import pos
from pos.application.till import TillBackend
from pos.core.document import DrawerKick
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.payments import PaymentMethod
from pos.core.receipt import Receipt, receipt_document
from pos.core.timeutil import local_time
from pos.core.versions import is_newer
from pos.services.context import ROLE_LABELS, Actor
from pos.services.shifts import ShiftView, may_work_without_shift
from pos.ui.about import HelpMenu
from pos.ui.checkout import CheckoutScreen
from pos.ui.checkout_actions import CheckoutActions
from pos.ui.checkout_functions import Function
from pos.ui.i18n import fill
from pos.ui.manager_page import ManagerPage
from pos.ui.recovery import Recovery
from pos.ui.scan_routing import route_scan
from pos.ui.scanner import ScannerFilter
from pos.ui.setup.admin_menu import AdminMenu, ensure_own_pin
from pos.ui.shift_dialogs import open_shift_dialog
from pos.ui.signin import SignInScreen
from pos.ui.tasks import TaskRunner
from pos.ui.till_actions import SubmitPrint, TillActions
from pos.ui.type_ahead import TypeAhead
from pos.ui.widgets import confirm, run_dialog
from pos.ui.x11_keys import BlockedKeyRescue


class MainWindow(QMainWindow):
    printer_status = Signal(object)  # pos.printing.queue.PrinterStatus, from the print thread
    sync_status = Signal(object)  # pos.sync.worker.SyncStatus, from the sync thread
    clock_warning = Signal(str)  # "" when the till's clock agrees with the province's

    def __init__(self, backend: TillBackend, submit_print: SubmitPrint | None = None, parent: Any = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.backend = backend
        self.submit_print = submit_print
        self.receipt_jobs: dict[int, str] = {}  # print job id -> receipt no., marked printed when done
        self.runner = TaskRunner(self)
        outlet = backend.outlet()
        self.outlet = outlet
        self.setWindowTitle(fill(self.tr("Kasir {0}"), outlet.name))
        self.signin = SignInScreen(backend, self.runner, outlet.name, self)
        self.checkout = CheckoutScreen(backend, self)
        self.actions_ = CheckoutActions(self.checkout, backend, self.runner, self.print_receipt, self)
        self.till_actions = TillActions(self, self)  # refund, X report, closing the shift
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.signin)
        self.pages.addWidget(self.checkout)
        self.manager_page = ManagerPage(self)  # a manager signed in without a shift
        self.pages.addWidget(self.manager_page)
        # Above every page: a damaged database or a failed backup is the manager's business, shown
        # where anyone signing in sees it, never as a dialog in the cashier's way.
        self.data_banner = QLabel(objectName="dataBanner", wordWrap=True)
        self.data_banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.data_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self.route_scan)
        self.type_ahead = TypeAhead(self, scanner=self.scanner)  # keys typed while F2/F8... open a dialog

        self.outlet_label = QLabel(f"{outlet.code} · {outlet.name}", objectName="statusOutlet")
        self.cashier_label = QLabel(objectName="statusCashier")
        self.shift_label = QLabel(objectName="statusShift")
        self.sync_label = QLabel(self.tr("Sinkronisasi: belum diatur"), objectName="statusSync")
        self.printer_label = QLabel(objectName="statusPrinter")
        for label in (self.outlet_label, self.cashier_label, self.shift_label, self.sync_label):
            self.statusBar().addWidget(label)
        self.update_label = QLabel(objectName="statusUpdate")  # "Versi baru tersedia", only when there is one
        self.update_label.hide()
        self.latest_version: str | None = None  # as the province announced it at the last sync
        self.statusBar().addPermanentWidget(self.update_label)
        self.statusBar().addPermanentWidget(self.printer_label)
        self.printer_label.setText(
            self.tr("Printer: tidak ada (pratinjau)") if submit_print is None else self.tr("Printer siap")
        )
        self.printer_status.connect(self._show_printer)
        self.sync_status.connect(self._show_sync)
        self.clock_warning.connect(self.signin.show_clock_warning)
        self.signin.signed_in.connect(self.on_signed_in)
        self.admin_menu = AdminMenu(self, backend.admin)
        self.help_menu = HelpMenu(self)
        self.checkout.function_requested.connect(self.on_function_key)
        self.recovery = Recovery(self, run_dialog, self.print_original)
        self.show_sign_in()

    # --- scanner ----------------------------------------------------------------------------------
    def install_scanner(self, app: QApplication) -> None:
        app.installEventFilter(self.scanner)
        app.installEventFilter(self.type_ahead)  # after the scanner: it sees held keys first
        self.key_rescue = BlockedKeyRescue.install(app, self.type_ahead)  # X11 only

    def route_scan(self, code: str) -> None:
        """A scan goes to the scan target of the active dialog or window (pos.ui.scan_routing)."""
        route_scan(code, self.scanner.source)

    def on_scan(self, code: str) -> None:
        """This window's scan target: the cart, while the checkout is shown (never from behind
        another window: scans reach it only while it is the active window)."""
        if self.pages.currentWidget() is self.checkout:
            self.checkout.on_scan(code)
        else:
            QApplication.beep()  # sign in first; the PIN field never takes a scan

    def on_function_key(self, function: Function, argument: str) -> None:
        """A function (F2, F8...) may open a dialog: keys typed meanwhile are held and given to it."""
        with self.type_ahead.opening():
            self.on_function(function, argument)

    # --- session ----------------------------------------------------------------------------------
    def show_sign_in(self) -> None:
        self.signin.set_users(self.backend.users())
        self.pages.setCurrentWidget(self.signin)
        self.cashier_label.setText(self.tr("Belum masuk"))
        self.shift_label.clear()
        self.clear_last_session()
        self.signin.reset()

    def clear_last_session(self) -> None:
        """The next user never sees the last cashier's receipt, change or refund note."""
        checkout = self.checkout
        for label in (checkout.change_label, checkout.last_sale_label):
            label.clear()
        checkout.receipt_preview.clear()
        checkout.say("")

    def focus_page(self) -> None:
        """The keyboard goes to the page on show: the scan field, or the PIN after a sign-out or close."""
        if self.pages.currentWidget() is self.checkout:
            self.checkout.scan_field.setFocus()
        else:
            self.signin.pin.setFocus()

    def on_signed_in(self, actor: Actor) -> None:
        if not ensure_own_pin(self, self.backend.admin, actor):  # after a PIN reset: a new PIN first
            self.show_sign_in()
            return
        shift = self.backend.current_shift(actor)
        if shift is None:
            dialog = open_shift_dialog(
                lambda amount: self.backend.open_shift(actor, amount),
                self,
                without_shift=may_work_without_shift(actor),
            )
            if not run_dialog(dialog):
                self.show_sign_in()
                return
            if dialog.value is None:  # a manager for the back office: no cart, no drawer
                self.manager_page.enter(actor)
                return
            shift = dialog.value
        self.start_selling(actor, shift)

    def start_selling(self, actor: Actor, shift: ShiftView) -> None:
        self.cashier_label.setText(f"{actor.full_name} ({ROLE_LABELS[actor.role]})")
        self.shift_label.setText(
            fill(self.tr("Shift #{0} · modal {1}"), str(shift.shift_id), format_rupiah(shift.opening_float))
        )
        self.checkout.start(actor, shift)
        self.pages.setCurrentWidget(self.checkout)
        self.activateWindow()  # back from the shift dialog; without a window manager nobody else does it
        self.recovery.after_sign_in()  # after a crash: receipts that never printed, the cart in progress
        self.checkout.scan_field.setFocus()

    def sign_out(self) -> None:
        if not self.checkout.cart.is_empty:
            self.checkout.say(self.tr("Selesaikan, tahan, atau batalkan transaksi ini sebelum keluar."), True)
            return
        if self.checkout.shift is not None and not confirm(
            self,
            self.tr("Keluar"),
            self.tr("Shift Anda masih terbuka. Keluar tanpa menutup shift? (Shift tetap terbuka.)"),
        ):
            return
        self.checkout.actor = None
        self.checkout.shift = None
        self.show_sign_in()

    # --- functions --------------------------------------------------------------------------------
    def window_functions(self) -> dict[Function, Callable[[str], None]]:
        """The functions this window carries out (the cart's are CheckoutActions')."""
        return {
            Function.REFUND: self.till_actions.refund,
            Function.X_REPORT: lambda _a: self.till_actions.x_report(),
            Function.CLOSE_SHIFT: lambda _a: self.till_actions.close_shift(),
            Function.SIGN_OUT: lambda _a: self.sign_out(),
        }

    def on_function(self, function: Function, argument: str = "") -> None:
        if self.actions_.handle(function, argument):
            return
        self.window_functions()[function](argument)  # a function nobody carries out fails here
        self.focus_page()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the till never loses a sale in progress: it is parked, to be recalled later."""
        checkout = self.checkout
        if checkout.actor is not None and not checkout.cart.is_empty:
            checkout.settle_journal()  # parking drops the open cart: no late write may bring it back
            try:
                buyer = checkout.buyer.nip if checkout.buyer else None
                self.backend.park(checkout.actor, checkout.cart, self.tr("Ditutup otomatis"), buyer)
            except DomainError as error:
                checkout.say(str(error), error=True)
                event.ignore()
                return
        super().closeEvent(event)

    # --- data health (pos.services.health) ---------------------------------------------------------
    def show_data_banner(self, text: str, *, error: bool = True) -> None:
        """The red banner (or a plain notice with `error` False); an empty text hides it."""
        self.data_banner.setText(text)
        self.data_banner.setProperty("error", error)
        self.data_banner.style().polish(self.data_banner)
        self.data_banner.setVisible(bool(text))

    def show_health(self, report: Any) -> None:
        """The background check after start is done: a banner only when something is wrong."""
        text = report.banner()
        if text:
            self.show_data_banner(text, error=report.damaged or report.backup.error is not None)

    # --- printing and status ----------------------------------------------------------------------
    def set_printer(self, submit_print: SubmitPrint | None) -> None:
        """Print through `submit_print` from now on (None: receipts are only shown on screen)."""
        self.submit_print = submit_print
        self.receipt_jobs.clear()  # a new queue numbers its jobs afresh; the old one's are gone
        self.printer_label.setProperty("error", False)
        self.printer_label.style().polish(self.printer_label)
        self.printer_label.setText(
            self.tr("Printer: tidak ada (pratinjau)") if submit_print is None else self.tr("Printer siap")
        )

    def print_original(self, receipt_no: str) -> None:
        """A receipt that never printed (after a crash), as the original; the drawer stays shut."""
        self.runner.run(
            lambda: self.backend.receipt(receipt_no),
            lambda receipt: self.print_receipt(receipt, kick=False),
            lambda error: self.checkout.say(str(error), error=True),
        )

    def print_receipt(self, receipt: Receipt, *, kick: bool = True) -> None:
        """Show the receipt on screen and queue it for the printer (never waits for the printer).

        An original receipt counts as printed once the printer took it (`_show_printer`), or at once on
        a till without a printer, where the screen is the receipt.
        """
        width = self.backend.receipt_width()
        self.checkout.receipt_preview.setPlainText(self.backend.receipt_text(receipt))
        original = not receipt.reprint and not receipt.is_refund
        if self.submit_print is not None:
            document = tuple(receipt_document(receipt, width))
            if kick and self._kicks_drawer(receipt):
                document = (DrawerKick(), *document)  # the drawer opens while the receipt prints
            job = self.submit_print(document, f"Struk {receipt.receipt_no}")
            if original and isinstance(job, int):
                self.receipt_jobs[job] = receipt.receipt_no
        elif original:
            self._mark_printed(receipt.receipt_no)

    def _mark_printed(self, receipt_no: str) -> None:
        try:
            self.backend.mark_printed(receipt_no)
        except DomainError as error:
            self.checkout.say(str(error), error=True)

    def _kicks_drawer(self, receipt: Receipt) -> bool:
        """Cash came in on a new sale and the printer setting asks for the drawer to open."""
        printer = self.backend.setting("printer") or {}
        new_cash_sale = not receipt.reprint and not receipt.is_refund
        # By the tender's method, never its label: a renamed or translated label must not shut the drawer.
        return (
            bool(printer.get("kick_drawer_after_cash"))
            and new_cash_sale
            and any(payment.method == PaymentMethod.CASH.value for payment in receipt.payments)
        )

    def _show_printer(self, status: Any) -> None:
        if status.kind == "ready" and status.job_id in self.receipt_jobs:
            self._mark_printed(self.receipt_jobs.pop(status.job_id))
        waiting = fill(self.tr(" · {0} antre"), str(status.pending)) if status.pending else ""
        self.printer_label.setText(f"{status.message}{waiting}")
        self.printer_label.setProperty("error", status.kind in ("offline", "paper_out", "error"))
        self.printer_label.style().polish(self.printer_label)

    def _show_sync(self, status: Any) -> None:
        when = status.last_success
        last = local_time(when, self.outlet.timezone).strftime("%d/%m %H:%M") if when else "-"
        if status.refused:
            # a refused token, till or version never heals by retrying: name it as a manager's job
            reason = status.message.removeprefix("Sinkronisasi ditolak: ")
            text = fill(self.tr("Sinkron DITOLAK ({0} menunggu): {1}"), status.pending, reason)
        else:
            state = self.tr("online") if status.online else self.tr("offline")
            text = fill(
                self.tr("Sinkron {0}: {1} menunggu · terakhir berhasil {2}"), state, status.pending, last
            )
        if status.rejected:
            text += fill(self.tr(" · {0} ditolak"), str(status.rejected))
        if status.clock_warning:
            text += f" · {status.clock_warning}"
        self.sync_label.setText(text)
        self.sync_label.setToolTip(status.message)
        self.sync_label.setProperty("error", bool(status.rejected or status.refused or status.clock_warning))
        self.clock_warning.emit(status.clock_warning or "")
        self.sync_label.style().polish(self.sync_label)
        self.show_latest_version(status.latest_version)

    def show_latest_version(self, latest: str | None) -> None:
        """The province announced `latest`: say so only when it is newer than this till (as numbers,
        so 0.10 is newer than 0.9); the same or an older release shows nothing."""
        self.latest_version = latest
        newer = latest is not None and is_newer(latest, pos.__version__)
        if newer:
            self.update_label.setText(fill(self.tr("Versi baru tersedia: {0}"), str(latest)))
            self.update_label.setToolTip(
                fill(self.tr("Kasir ini versi {0}. Hubungi TI provinsi untuk memperbarui."), pos.__version__)
            )
        self.update_label.setVisible(newer)
