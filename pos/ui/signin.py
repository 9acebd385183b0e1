"""Sign in by user and PIN. The PIN check (argon2) runs off the GUI thread; five wrong PINs lock the
user for a while (the users service decides and says so in Bahasa Indonesia)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.application.till import TillBackend
from pos.services.context import ROLE_LABELS, ROLE_RANK, Actor
from pos.services.users import UserInfo
from pos.ui.i18n import fill
from pos.ui.tasks import TaskRunner
from pos.ui.widgets import big_button


class UserChoice(QComboBox):
    """The user list; `picked` when its popup closes (a user was chosen with the mouse or Enter)."""

    picked = Signal()

    def hidePopup(self) -> None:
        super().hidePopup()
        self.picked.emit()


class SignInScreen(QWidget):
    signed_in = Signal(object)  # Actor

    def __init__(self, backend: TillBackend, runner: TaskRunner, outlet_name: str, parent: Any = None):
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self.backend, self.runner = backend, runner
        # Explicit lines, not word wrap: a wrapped label under-reports its height and gets clipped.
        title_text = outlet_name.replace(" Dekranasda ", " Dekranasda\n", 1)
        title = QLabel(title_text, objectName="signInTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(
            self.tr("Masuk kasir"), objectName="caption", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.user = UserChoice(objectName="userChoice")
        self.user.setMinimumHeight(48)
        self.pin = QLineEdit(objectName="pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setMinimumHeight(48)
        self.pin.returnPressed.connect(self.submit)
        self.user.picked.connect(self.pin.setFocus)  # after choosing who, the PIN: no extra click
        self.error = QLabel(objectName="errorText", alignment=Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.button = big_button(self.tr("Masuk"), "Enter", self, primary=True)
        self.button.setObjectName("signInButton")
        self.button.clicked.connect(self.submit)
        self.hint = QLabel(objectName="demoHint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.hide()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Pengguna"), self.user)
        form.addRow(self.tr("PIN"), self.pin)
        card = QFrame(objectName="signInCard")
        card.setFixedWidth(600)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(title)
        card_layout.addWidget(subtitle)
        card_layout.addLayout(form)
        card_layout.addWidget(self.error)
        card_layout.addWidget(self.button)
        card_layout.addWidget(self.hint)
        # A banner, never a dialog: the cashier can still sign in and sell with a wrong clock.
        self.clock_banner = QLabel(objectName="clockBanner", alignment=Qt.AlignmentFlag.AlignCenter)
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setProperty("error", True)
        self.clock_banner.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.clock_banner)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.busy = False

    def show_clock_warning(self, text: str) -> None:
        self.clock_banner.setText(text)
        self.clock_banner.setVisible(bool(text))

    def set_users(self, users: Sequence[UserInfo]) -> None:
        self.user.clear()
        # cashiers sign in most: list them first
        for info in sorted(users, key=lambda u: (ROLE_RANK[u.role], u.full_name)):
            self.user.addItem(f"{info.full_name} · {ROLE_LABELS[info.role]}", info.username)

    def show_demo_users(self, staff: Sequence[tuple[str, str, str]]) -> None:
        """On the demo outlet, tell a newcomer how to get in: (username, role, PIN) of the demo staff."""
        lines = " · ".join(
            f"{username}:\u00a0PIN\u00a0{pin}" for username, _role, pin in staff
        )  # no break inside
        self.hint.setText(fill(self.tr("Outlet demo. {0}"), lines))
        self.hint.show()

    def reset(self) -> None:
        self.pin.clear()
        self.show_error("")
        self.pin.setFocus()

    def show_error(self, text: str) -> None:
        """The message under the PIN field, with the room its lines need: the card is centred, so its
        layout never asks a word-wrapped label for more height (the lockout text was drawn under the
        PIN field). Two lines are always kept, so the common messages do not move the form."""
        self.error.setText(text)
        lines = 2 * self.error.fontMetrics().lineSpacing()
        needed = self.error.heightForWidth(self.error.width()) if text else 0
        self.error.setMinimumHeight(max(lines, needed))

    def choose(self, username: str) -> None:
        index = self.user.findData(username)
        if index >= 0:
            self.user.setCurrentIndex(index)

    def submit(self) -> None:
        if self.busy:
            return
        username, pin = str(self.user.currentData()), self.pin.text()
        if not pin:
            self.show_error(self.tr("Masukkan PIN."))
            return
        self.busy = True
        self.button.setEnabled(False)
        self.show_error(self.tr("Memeriksa PIN..."))
        self.runner.run(lambda: self.backend.sign_in(username, pin), self._done, self._failed)

    def _done(self, actor: Actor) -> None:
        self.busy = False
        self.button.setEnabled(True)
        self.pin.clear()
        self.show_error("")
        self.signed_in.emit(actor)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.button.setEnabled(True)
        self.pin.clear()
        self.show_error(
            str(error) if isinstance(error, ValueError) else fill(self.tr("Gagal masuk: {0}"), str(error))
        )
        self.pin.setFocus()
