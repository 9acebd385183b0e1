"""The "Admin" menu of the till window: settings, users, printer, rejected sync events; and the forced
PIN change after a reset. Who may do what is checked by the services; a refusal is shown in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence

from pos.application.admin import AdminBackend
from pos.core.document import DrawerKick
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.services.context import Actor, Role, require_role
from pos.ui.i18n import fill
from pos.ui.screen_fit import fit_to_screen
from pos.ui.setup.cash_dialog import CashMovementDialog
from pos.ui.setup.print_queue_dialog import PrintQueueDialog
from pos.ui.setup.printer_dialog import PrinterDialog
from pos.ui.setup.rejected_dialog import RejectedEventsDialog
from pos.ui.setup.settings_dialog import SettingsDialog
from pos.ui.setup.users_dialog import ChangePinDialog, UsersDialog
from pos.ui.widgets import run_dialog, show_error


class AdminMenu(QObject):
    printer_changed = Signal(object)  # the new "printer" setting; pos.app rebuilds the print queue

    def __init__(self, window: Any, backend: AdminBackend) -> None:
        super().__init__(window)
        self.window, self.backend = window, backend
        self.print_queue: Any = None  # pos.printing.queue.PrintQueue, set by pos.app while one exists
        menu = window.menuBar().addMenu(self.tr("Admin"))
        menu.setObjectName("adminMenu")
        self.actions_: dict[str, Any] = {}
        for key, label, shortcut in (
            (
                "backoffice",
                QT_TRANSLATE_NOOP("AdminMenu", "Manajemen toko: katalog, stok, konsinyasi..."),
                "Ctrl+M",
            ),
            ("drawer", QT_TRANSLATE_NOOP("AdminMenu", "Buka laci kas"), "Ctrl+L"),
            ("cash", QT_TRANSLATE_NOOP("AdminMenu", "Kas masuk / keluar..."), ""),
            ("settings", QT_TRANSLATE_NOOP("AdminMenu", "Pengaturan outlet..."), ""),
            ("users", QT_TRANSLATE_NOOP("AdminMenu", "Pengguna..."), ""),
            ("printer", QT_TRANSLATE_NOOP("AdminMenu", "Printer struk..."), ""),
            ("printqueue", QT_TRANSLATE_NOOP("AdminMenu", "Antrian cetak..."), ""),
            ("rejected", QT_TRANSLATE_NOOP("AdminMenu", "Event sinkron ditolak..."), ""),
        ):
            action = menu.addAction(self.tr(str(label)))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, k=key: self.open(k))
            self.actions_[key] = action
        window.printer_label.installEventFilter(self)  # a click on the printer status opens the queue
        window.printer_label.setToolTip(self.tr("Klik untuk melihat antrian cetak"))
        window.printer_status.connect(self.show_failed_jobs)  # after the window's own status text

    def show_failed_jobs(self, status: Any) -> None:
        """Jobs set aside after failing on their own stay named, in red, while later ones print."""
        if getattr(status, "failed", 0):
            label = self.window.printer_label
            label.setText(label.text() + fill(self.tr(" · {0} gagal"), str(status.failed)))
            label.setProperty("error", True)
            label.style().polish(label)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.window.printer_label and event.type() == QEvent.Type.MouseButtonRelease:
            self.open("printqueue")
            return True
        return False

    def actor(self) -> Actor | None:
        actor: Actor | None = self.window.checkout.actor
        if actor is None:
            show_error(self.window, self.tr("Admin"), self.tr("Masuk dulu sebagai admin atau manajer."))
        return actor

    def open(self, key: str) -> None:
        actor = self.actor()
        if actor is None:
            return
        try:
            manager_keys = ("users", "rejected", "backoffice", "drawer", "cash")
            needed = Role.MANAGER if key in manager_keys else Role.ADMIN
            needed = Role.CASHIER if key == "printqueue" else needed  # the cashier's own receipts
            require_role(actor, needed, self.tr("Menu ini"))
        except DomainError as error:
            show_error(self.window, self.tr("Admin"), str(error))
            return
        if key == "drawer":
            self.open_drawer(actor)
            return
        if key == "printqueue":
            self.open_print_queue(actor)
            return
        if key == "backoffice":
            self.open_backoffice(actor)
            return
        if key == "cash":
            self.open_cash(actor)
            return
        self.dialog = self.build(key, actor)
        run_dialog(self.dialog)
        if key == "printer" and self.dialog.saved is not None:
            self.printer_changed.emit(self.dialog.saved)

    def open_drawer(self, actor: Actor) -> None:
        """Open the cash drawer without a sale: audited first, then the printer pulses the drawer."""
        if self.window.submit_print is None:
            message = self.tr("Printer belum diatur: laci tidak bisa dibuka.")
            show_error(self.window, self.tr("Laci kas"), message)
            return
        try:
            self.backend.record_drawer_open(actor, self.tr("dibuka dari menu Admin"))
        except DomainError as error:
            show_error(self.window, self.tr("Laci kas"), str(error))
            return
        self.window.submit_print((DrawerKick(),), self.tr("Buka laci"))

    def open_cash(self, actor: Actor) -> None:
        """Kas masuk / keluar against the till's open shift; the drawer opens once it is recorded."""
        shift = self.window.checkout.shift
        if shift is None:
            message = self.tr("Buka shift dulu: kas masuk/keluar dicatat pada shift yang terbuka.")
            show_error(self.window, self.tr("Kas masuk / keluar"), message)
            return
        managers = [u for u in self.backend.all_users() if u.active and u.role in (Role.MANAGER, Role.ADMIN)]
        self.dialog = CashMovementDialog(
            self.backend.expected_cash(shift.shift_id),
            managers,
            lambda *args: self.backend.record_cash_movement(actor, shift.shift_id, *args),
            self.window,
        )
        if not run_dialog(self.dialog) or self.dialog.recorded is None:
            return
        recorded = self.dialog.recorded
        if self.window.submit_print is not None:
            self.window.submit_print((DrawerKick(),), self.tr("Buka laci"))
        self.window.checkout.say(
            fill(self.tr("Tercatat: {0} {1}."), recorded.label, format_rupiah(recorded.amount))
        )

    def open_print_queue(self, actor: Actor) -> None:
        """Any signed-in user: "Cetak ulang" / "Buang" per waiting job; Buang is audited with who."""

        def discard(job: Any) -> None:
            receipt_no = self.window.receipt_jobs.pop(job.id, None)
            self.backend.record_print_discard(actor, job.title, job.last_error, receipt_no)

        self.dialog = PrintQueueDialog(self.print_queue, discard, self.window.printer_status, self.window)
        run_dialog(self.dialog)

    def open_backoffice(self, actor: Actor) -> None:
        from pos.ui.backoffice.window import BackOfficeWindow  # loaded when a manager first asks for it

        def submit(document: Any, title: str = "") -> None:
            if self.window.submit_print is not None:
                self.window.submit_print(tuple(document), title)

        printer = submit if self.window.submit_print is not None else None
        self.backoffice = BackOfficeWindow(self.backend.unit_of_work, actor, print_document=printer)
        fit_to_screen(self.backoffice)  # on the till's screen, inside it, and kept inside as it grows
        self.backoffice.show()

    def build(self, key: str, actor: Actor) -> Any:
        if key == "settings":
            return SettingsDialog(self.backend, actor, self.window)
        if key == "users":
            return UsersDialog(self.backend, actor, self.window)
        if key == "rejected":
            return RejectedEventsDialog(self.backend, actor, self.window.outlet.timezone, self.window)
        return PrinterDialog(
            self.backend.get("printer"),
            self.window.outlet.name,
            lambda value: self.backend.save_printer(actor, value),
            self.window.runner,
            self.window,
        )


def ensure_own_pin(window: Any, backend: AdminBackend, actor: Actor) -> bool:
    """After a PIN reset the user must choose a new PIN before selling; False if they did not."""
    if not backend.needs_new_pin(actor.username):
        return True
    dialog = ChangePinDialog(lambda pin: backend.change_pin(actor, pin), window)
    return run_dialog(dialog)
