"""The "Admin" menu of the till window: settings, users, printer, rejected sync events; and the forced
PIN change after a reset. Who may do what is checked by the services; a refusal is shown in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from pos.core.errors import DomainError
from pos.services.context import Actor, Role, require_role
from pos.ui.setup.admin_backend import AdminBackend
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
        menu = window.menuBar().addMenu(self.tr("Admin"))
        menu.setObjectName("adminMenu")
        self.actions_: dict[str, Any] = {}
        for key, label in (("settings", "Pengaturan outlet..."), ("users", "Pengguna..."),
                           ("printer", "Printer struk..."), ("rejected", "Event sinkron ditolak...")):
            action = menu.addAction(self.tr(label))
            action.triggered.connect(lambda _checked=False, k=key: self.open(k))
            self.actions_[key] = action

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
            needed = Role.MANAGER if key in ("users", "rejected") else Role.ADMIN
            require_role(actor, needed, self.tr("Menu ini"))
        except DomainError as error:
            show_error(self.window, self.tr("Admin"), str(error))
            return
        self.dialog = self.build(key, actor)
        run_dialog(self.dialog)
        if key == "printer" and self.dialog.saved is not None:
            self.printer_changed.emit(self.dialog.saved)

    def build(self, key: str, actor: Actor) -> Any:
        if key == "settings":
            return SettingsDialog(self.backend, actor, self.window)
        if key == "users":
            return UsersDialog(self.backend, actor, self.window)
        if key == "rejected":
            return RejectedEventsDialog(self.backend, actor, self.window.outlet.timezone, self.window)
        return PrinterDialog(
            self.backend.get("printer"), self.window.outlet.name,
            lambda value: self.backend.save_printer(actor, value), self.window.runner, self.window,
        )


def ensure_own_pin(window: Any, backend: AdminBackend, actor: Actor) -> bool:
    """After a PIN reset the user must choose a new PIN before selling; False if they did not."""
    if not backend.needs_new_pin(actor.username):
        return True
    dialog = ChangePinDialog(lambda pin: backend.change_pin(actor, pin), window)
    return run_dialog(dialog)
