"""Users for the admin: add, edit (name, role), deactivate/activate, reset a PIN (a one-time PIN the user
replaces at the next sign-in), and unlock after repeated wrong PINs (a manager may do that too).
`ChangePinDialog` is what the sign-in shows when a user must choose a new PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.application.admin import AdminBackend
from pos.core.errors import DomainError
from pos.core.timeutil import utc_now
from pos.services.context import ROLE_LABELS, Actor, Role
from pos.services.users import UserInfo


class UsersDialog(QDialog):
    def __init__(self, backend: AdminBackend, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Pengguna"))
        self.backend, self.actor = backend, actor
        self.table = QTableWidget(0, 4, objectName="usersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pengguna"), self.tr("Nama"), self.tr("Peran"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()  # the full name gets the room; the rest fit their text
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.username = QLineEdit(objectName="newUsername")
        self.full_name = QLineEdit(objectName="fullName")
        self.role = QComboBox(objectName="roleChoice")
        for role in Role:
            self.role.addItem(ROLE_LABELS[role], role.value)
        self.pin = QLineEdit(objectName="userPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN baru / PIN sementara"))
        self.message = QLabel(objectName="usersMessage", wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Nama lengkap"), self.full_name)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, action in (
            ("add", self.tr("Tambah"), self.add),
            ("save", self.tr("Simpan perubahan"), self.save),
            ("toggle", self.tr("Nonaktifkan/aktifkan"), self.toggle),
            ("reset", self.tr("Reset PIN"), self.reset_pin),
            ("unlock", self.tr("Buka kunci"), self.unlock),
        ):
            button = QPushButton(label, objectName=f"user_{key}")
            button.clicked.connect(action)
            buttons.addWidget(button)
            self.buttons[key] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._selected_to_form)
        self.setMinimumSize(760, 520)
        self.users: list[UserInfo] = []
        self.reload()

    def reload(self) -> None:
        self.users = self.backend.all_users()
        self.table.setRowCount(len(self.users))
        now = utc_now()
        for row, info in enumerate(self.users):
            status = self.tr("aktif") if info.active else self.tr("nonaktif")
            if info.locked_until is not None and info.locked_until > now:
                status += self.tr(" · terkunci")
            if info.must_change_pin:
                status += self.tr(" · harus ganti PIN")
            for column, text in enumerate((info.username, info.full_name, ROLE_LABELS[info.role], status)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> UserInfo | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def select(self, username: str) -> None:
        for row, info in enumerate(self.users):
            if info.username == username:
                self.table.selectRow(row)

    def _selected_to_form(self) -> None:
        info = self.selected()
        if info is not None:
            self.username.setText(info.username)
            self.full_name.setText(info.full_name)
            self.role.setCurrentIndex(self.role.findData(info.role.value))

    def _run(self, work: Callable[[], object], done: str) -> None:
        try:
            work()
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.message.setText(done)
        self.pin.clear()
        chosen = self.username.text().strip().lower()
        self.reload()
        self.select(chosen)

    def _needs_selection(self) -> UserInfo | None:
        info = self.selected()
        if info is None:
            self.message.setText(self.tr("Pilih pengguna di tabel dulu."))
        return info

    def add(self) -> None:
        role = Role(self.role.currentData())
        self._run(
            lambda: self.backend.add_user(
                self.actor, self.username.text(), self.full_name.text(), role, self.pin.text()
            ),
            self.tr("Pengguna ditambahkan."),
        )

    def save(self) -> None:
        if (info := self._needs_selection()) is not None:
            role = Role(self.role.currentData())
            self._run(
                lambda: self.backend.update_user(self.actor, info.user_id, self.full_name.text(), role),
                self.tr("Perubahan disimpan."),
            )

    def toggle(self) -> None:
        if (info := self._needs_selection()) is not None:
            done = self.tr("Pengguna diaktifkan.") if not info.active else self.tr("Pengguna dinonaktifkan.")
            self._run(lambda: self.backend.set_active(self.actor, info.user_id, not info.active), done)

    def reset_pin(self) -> None:
        if (info := self._needs_selection()) is not None:
            self._run(
                lambda: self.backend.reset_pin(self.actor, info.user_id, self.pin.text()),
                self.tr("PIN sementara disimpan: pengguna harus membuat PIN baru saat masuk."),
            )

    def unlock(self) -> None:
        if (info := self._needs_selection()) is not None:
            self._run(lambda: self.backend.unlock(self.actor, info.user_id), self.tr("Kunci dibuka."))


class ChangePinDialog(QDialog):
    """After a PIN reset the user chooses their own PIN before doing anything else."""

    def __init__(self, change: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePinDialog")
        self.setWindowTitle(self.tr("Buat PIN baru"))
        self.change = change
        self.pin = QLineEdit(objectName="newPin", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(objectName="newPinAgain", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="errorText", wordWrap=True)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("PIN Anda direset. Buat PIN baru (4-8 angka, tidak berurutan)."), wordWrap=True)
        )
        form.addRow(self.tr("PIN baru"), self.pin)
        form.addRow(self.tr("Ulangi PIN"), self.again)
        form.addRow(self.error)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.again.returnPressed.connect(self.submit)

    def submit(self) -> None:
        if self.pin.text() != self.again.text():
            self.error.setText(self.tr("PIN dan ulangan PIN tidak sama."))
            return
        try:
            self.change(self.pin.text())
        except DomainError as error:
            self.error.setText(str(error))
            return
        self.accept()
