"""Small building blocks shared by the screens: big touch-friendly buttons that show their shortcut,
a message box in Bahasa Indonesia, and money entry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QSizePolicy, QWidget

from pos.ui.screen_fit import fit_to_screen

BUTTON_MIN_HEIGHT = 56  # about 12 mm on a 15" till screen: a fingertip, not a mouse pointer


def big_button(
    label: str, key: str, parent: QWidget | None = None, *, primary: bool = False, checkable: bool = False
) -> QPushButton:
    """A button that says what it does and which key does the same, e.g. "Bayar" over "F8"."""
    label = label.replace("&", "&&")  # a plain ampersand, not a mnemonic marker
    button = QPushButton(f"{label}\n{key}" if key else label, parent)
    button.setMinimumHeight(BUTTON_MIN_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    button.setCheckable(checkable)
    button.setAutoDefault(False)
    button.setProperty("primary", primary)
    button.setProperty("shortcutKey", key)
    return button


def run_dialog(dialog: QDialog) -> bool:
    """exec() a modal dialog, then schedule its deletion and give the keyboard back to its window.

    Read the dialog's results before returning to the event loop (deletion happens there). Without
    a window manager (Xvfb, offscreen) nobody reactivates the main window, so it is done here. The
    dialog is sized and placed to fit the screen first, and kept inside it (pos.ui.screen_fit).
    """
    if not isinstance(dialog, QMessageBox):  # a message box sizes itself when shown
        fit_to_screen(dialog)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    owner = dialog.parentWidget()
    if owner is not None:
        owner.window().activateWindow()
    return accepted


def show_error(parent: Any, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def confirm(parent: Any, title: str, message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, message, parent=parent)
    yes = box.addButton(QCoreApplication.translate("Confirm", "Ya"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("Confirm", "Tidak"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    if parent is not None:
        parent.window().activateWindow()
    return box.clickedButton() is yes
