"""After a crash or a power cut: the cart that was in progress and the receipts that never printed.

At the first sign-in after the till started, `Recovery` lists the committed sales whose receipt never
came out of the printer and prints them as originals (they were never handed out, so they are no
"CETAK ULANG"); then a cart left in progress (kept on disk at every change) is offered back: continue
it, or park it in the F11 list. Nothing is thrown away without the cashier deciding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.timeutil import local_time
from pos.services.open_cart import OpenCartView
from pos.services.receipts import UnprintedReceipt
from pos.ui.i18n import fill


class UnprintedDialog(QDialog):
    """Receipts of sales that were committed but never printed; "Cetak sekarang" prints them all."""

    def __init__(self, rows: list[UnprintedReceipt], timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unprintedDialog")
        self.setWindowTitle(self.tr("Struk belum tercetak"))
        intro = QLabel(
            self.tr(
                "Transaksi ini sudah tersimpan, tetapi struknya belum keluar dari printer (kasir berhenti "
                "mendadak, mis. listrik padam). Cetak sekarang sebagai struk asli?"
            ),
            wordWrap=True,
        )
        self.list = QListWidget(objectName="unprintedList")
        for row in rows:
            when = local_time(row.created_at, timezone)
            self.list.addItem(f"{row.receipt_no} · {when:%H:%M} · {format_rupiah(row.total)}")
        self.print_button = QPushButton(self.tr("Cetak sekarang"), objectName="printUnprinted")
        self.later_button = QPushButton(self.tr("Nanti"), objectName="laterUnprinted")
        self.print_button.clicked.connect(self.accept)
        self.later_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.resize(560, 360)


class OpenCartDialog(QDialog):
    """A cart left in progress: "Lanjutkan" (accept) brings it back, "Tahan" (reject) parks it."""

    def __init__(self, view: OpenCartView, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCartDialog")
        self.setWindowTitle(self.tr("Transaksi belum selesai"))
        when = local_time(view.updated_at, timezone)
        text = fill(
            self.tr(
                "Kasir berhenti di tengah transaksi ({0}, pukul {1}): {2} barang, total {3}. "
                "Belum ada pembayaran yang tersimpan untuk transaksi ini."
            ),
            view.cashier,
            f"{when:%H:%M}",
            str(view.item_count),
            format_rupiah(view.total),
        )
        self.text = QLabel(text, objectName="openCartText", wordWrap=True)
        self.resume_button = QPushButton(self.tr("Lanjutkan transaksi"), objectName="resumeCart")
        self.park_button = QPushButton(self.tr("Tahan dulu (F11 untuk memanggil)"), objectName="parkCart")
        self.resume_button.clicked.connect(self.accept)
        self.park_button.clicked.connect(self.reject)
        self.resume_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.park_button)
        buttons.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)


class Recovery:
    """What the main window runs after each sign-in; see the module docstring."""

    def __init__(
        self,
        window: Any,
        run_dialog: Callable[[QDialog], bool],
        print_original: Callable[[str], None],
    ) -> None:
        self.window, self.run_dialog, self.print_original = window, run_dialog, print_original
        self.receipts_checked = False

    def after_sign_in(self) -> None:
        if not self.receipts_checked:
            self.receipts_checked = True
            self.offer_unprinted()
        self.offer_open_cart()

    def offer_unprinted(self) -> None:
        backend = self.window.backend
        queued = set(self.window.receipt_jobs.values())
        rows = [row for row in backend.unprinted_receipts() if row.receipt_no not in queued]
        if not rows:
            return
        if self.run_dialog(UnprintedDialog(rows, self.window.outlet.timezone, self.window)):
            for row in rows:
                self.print_original(row.receipt_no)
            said = QCoreApplication.translate("Recovery", "{0} struk yang belum tercetak dikirim ke printer.")
            self.window.checkout.say(fill(said, len(rows)))

    def offer_open_cart(self) -> None:
        window, checkout = self.window, self.window.checkout
        view = window.backend.left_open_cart()
        if view is None or checkout.actor is None:
            return
        if self.run_dialog(OpenCartDialog(view, window.outlet.timezone, window)):
            checkout.restore(view.cart, view.buyer_nip)
            resumed = QCoreApplication.translate("Recovery", "Transaksi dilanjutkan: {0} barang, {1}.")
            checkout.say(fill(resumed, view.item_count, format_rupiah(view.total)))
            return
        when = local_time(view.updated_at, window.outlet.timezone)
        try:
            parked = window.backend.park(checkout.actor, view.cart, f"Terputus {when:%H:%M}", view.buyer_nip)
        except DomainError as error:
            checkout.say(str(error), error=True)
            return
        parked_text = QCoreApplication.translate("Recovery", "Transaksi ditahan: {0}. Panggil dengan F11.")
        checkout.say(fill(parked_text, parked.label))
