"""Bantuan > Tentang: the version a province IT officer asks for first on the phone, and the notice of a
newer release the province announced (also in the status bar, see MainWindow.show_latest_version)."""

from __future__ import annotations

import platform
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

import pos
from pos.core.versions import is_newer
from pos.ui.i18n import fill
from pos.ui.widgets import run_dialog


def about_text(outlet: str, latest_version: str | None) -> str:
    """What the About box says (translated in the HelpMenu's context, where its menu entries are)."""
    translate = QCoreApplication.translate
    lines = [
        fill(translate("HelpMenu", "NTT Mart POS versi {0}"), pos.__version__),
        translate("HelpMenu", "Kasir offline-first untuk outlet NTT Mart (Dekranasda Provinsi NTT)."),
        "",
        fill(translate("HelpMenu", "Outlet: {0}"), outlet),
        f"Python {platform.python_version()} · Qt/PySide6 {pyside_version} · {platform.system()}",
    ]
    if is_newer(latest_version, pos.__version__):
        newer = translate("HelpMenu", "Versi baru tersedia: {0}. Hubungi TI provinsi untuk memperbarui.")
        lines += ["", fill(newer, latest_version)]
    return "\n".join(lines)


class HelpMenu(QObject):
    """The menu bar's "Bantuan" menu; open to everyone, signed in or not."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None  # the open About box, for tests
        menu = window.menuBar().addMenu(self.tr("Bantuan"))
        menu.setObjectName("helpMenu")
        self.about_action = menu.addAction(self.tr("Tentang NTT Mart POS"))
        self.about_action.triggered.connect(self.show_about)

    def show_about(self) -> None:
        outlet = self.window.outlet
        text = about_text(f"{outlet.code} · {outlet.name}", self.window.latest_version)
        self.box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Tentang NTT Mart POS"),
            text,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        self.box.setObjectName("aboutBox")
        run_dialog(self.box)
        self.box = None
