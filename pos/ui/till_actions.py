"""What the till window does beyond the cart: a refund (with a manager's PIN), the X report, and
closing the shift with its Z report. The cart's own functions are `pos.ui.checkout_actions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from pos.application.till import TillBackend
from pos.core.document import Block
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.services.context import Role
from pos.ui.checkout import CheckoutScreen
from pos.ui.dialogs import ManagerPinDialog, PreviewDialog
from pos.ui.i18n import fill
from pos.ui.refund import RefundDialog
from pos.ui.shift_dialogs import CloseShiftDialog
from pos.ui.widgets import run_dialog

SubmitPrint = Callable[[tuple[Block, ...], str], object]  # returns the print job's id


class TillWindow(Protocol):
    """What of the main window these functions use (pos.ui.main_window.MainWindow)."""

    backend: TillBackend
    checkout: CheckoutScreen
    submit_print: SubmitPrint | None

    def show_data_banner(self, text: str, *, error: bool = True) -> None: ...
    def show_sign_in(self) -> None: ...


class TillActions(QObject):
    def __init__(self, window: TillWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent  # the main window again, as the dialogs' parent

    def refund(self, text: str = "") -> None:
        window = self.window
        backend, checkout = window.backend, window.checkout
        actor, shift = checkout.actor, checkout.shift
        if actor is None:
            return

        def submit(receipt_no: str, lines: dict[int, int], reason: str) -> Any:
            if not lines:
                raise DomainError(self.tr("Pilih paling sedikit satu barang untuk diretur."))
            if not reason.strip():
                raise DomainError(self.tr("Alasan retur wajib diisi."))
            managers = [u for u in backend.users() if u.role in (Role.MANAGER, Role.ADMIN)]
            amount = format_rupiah(dialog.refund_amount())
            action = fill(self.tr("Refund struk {0}: kembalikan {1}"), receipt_no, amount)
            pin = ManagerPinDialog(action, managers, backend.approve, dialog)
            if not run_dialog(pin) or pin.approver is None:
                return None
            return backend.refunds.refund(
                actor, pin.approver, receipt_no, lines, reason, shift.shift_id if shift else None
            )

        dialog = RefundDialog(backend.refunds.refundable, submit, text, self.parent_widget)
        if run_dialog(dialog) and dialog.refunded is not None:
            done = dialog.refunded
            checkout.say(
                fill(
                    self.tr("Refund {0} tersimpan: kembalikan {1} tunai kepada pelanggan."),
                    done.refund_no,
                    format_rupiah(done.total),
                )
            )

    def x_report(self) -> None:
        window = self.window
        shift = window.checkout.shift
        if shift is None:
            return
        text = window.backend.shift_report_text(window.backend.shift_summary(shift.shift_id))
        run_dialog(PreviewDialog(self.tr("Laporan X"), text, self.parent_widget))

    def close_shift(self) -> None:
        """The count, then the Z report (printed when there is a printer, always shown), then sign-in."""
        window = self.window
        backend, checkout = window.backend, window.checkout
        actor, shift = checkout.actor, checkout.shift
        if actor is None or shift is None:
            return
        if not checkout.cart.is_empty:
            checkout.say(self.tr("Selesaikan atau tahan transaksi ini sebelum menutup shift."), True)
            return
        summary = backend.shift_summary(shift.shift_id)
        dialog = CloseShiftDialog(
            summary,
            backend.shift_report_text(summary),
            lambda counts: backend.close_shift(actor, shift.shift_id, counts),
            self.parent_widget,
        )
        if not run_dialog(dialog) or dialog.closed is None:
            return
        backup = dialog.closed.backup  # the shift is closed all the same; the backup is the manager's
        if backup is not None and backup.note:
            window.show_data_banner(backup.note, error=backup.error is not None)
        z_text = backend.shift_report_text(dialog.closed)
        if window.submit_print is not None:
            window.submit_print(backend.shift_report(dialog.closed), self.tr("Laporan Z"))
        checkout.shift = None
        run_dialog(PreviewDialog(self.tr("Laporan Z"), z_text, self.parent_widget))
        checkout.actor = None
        window.show_sign_in()
