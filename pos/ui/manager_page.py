"""The till's page for a manager signed in without a cash shift (`shifts.may_work_without_shift`):
the back office and the Admin menu, no cart and no drawer. "Buka shift" opens one to sell after all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pos.services.context import ROLE_LABELS, Actor
from pos.ui.shift_dialogs import open_shift_dialog
from pos.ui.widgets import big_button, run_dialog


class ManagerPage(QWidget):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("managerPage")
        self.window_ = window
        self.actor: Actor | None = None
        self.title = QLabel(objectName="signInTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        note = QLabel(
            self.tr("Tanpa shift: tidak ada penjualan dan laci kas. Untuk menjual, buka shift dulu."),
            objectName="caption",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.backoffice_button = big_button(self.tr("Manajemen toko"), "Ctrl+M", self, primary=True)
        self.backoffice_button.setObjectName("managerBackOffice")
        self.backoffice_button.clicked.connect(lambda: window.admin_menu.open("backoffice"))
        self.open_shift_button = big_button(self.tr("Buka shift untuk menjual"), "Alt+B", self)
        self.open_shift_button.setShortcut("Alt+B")
        self.open_shift_button.clicked.connect(self.open_shift)
        self.sign_out_button = big_button(self.tr("Keluar"), "Alt+K", self)
        self.sign_out_button.setShortcut("Alt+K")
        self.sign_out_button.clicked.connect(self.sign_out)
        card = QFrame(objectName="signInCard")
        card.setFixedWidth(600)
        column = QVBoxLayout(card)
        for widget in (
            self.title,
            note,
            self.backoffice_button,
            self.open_shift_button,
            self.sign_out_button,
        ):
            column.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def enter(self, actor: Actor) -> None:
        """Signed in, no shift: the Admin menu works (it reads the checkout's actor), the cart does not."""
        window = self.window_
        self.actor = actor
        window.checkout.actor, window.checkout.shift = actor, None
        self.title.setText(actor.full_name)
        window.cashier_label.setText(f"{actor.full_name} ({ROLE_LABELS[actor.role]})")
        window.shift_label.setText(self.tr("Tanpa shift (tidak bisa menjual)"))
        window.pages.setCurrentWidget(self)
        window.activateWindow()  # back from the shift dialog; without a window manager nobody else does it

    def open_shift(self) -> None:
        actor = self.actor
        if actor is None:
            return
        dialog = open_shift_dialog(
            lambda amount: self.window_.backend.open_shift(actor, amount), self.window_
        )
        if run_dialog(dialog) and dialog.value is not None:
            self.window_.start_selling(actor, dialog.value)

    def sign_out(self) -> None:
        self.actor = None
        self.window_.checkout.actor = None
        self.window_.show_sign_in()
