"""The import preview: what would be added and changed, and every bad row with its line and reason.

The manager accepts only a clean file; with any fault the "Impor" button stays disabled, so a file
is never half-imported. Producers the file names but the outlet does not know are listed: accepting
creates them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from pos.ui.i18n import fill


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau impor produk"))
        self.resize(640, 480)
        summary = fill(
            self.tr("{0} produk baru, {1} produk diubah."), preview.new_count, preview.update_count
        )
        if preview.new_categories:
            summary += " " + fill(self.tr("Kategori baru: {0}."), ", ".join(preview.new_categories))
        if preview.new_producers:
            # Named here so that a misspelt producer is caught before it becomes a second producer.
            made = self.tr("Produsen baru akan dibuat ({0}, titip jual): {1}.")
            summary += "\n" + fill(made, len(preview.new_producers), ", ".join(preview.new_producers))
        if preview.errors:
            summary += "\n" + fill(
                self.tr("{0} baris bermasalah: perbaiki file lalu impor lagi."), len(preview.errors)
            )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.errors = QListWidget()
        for error in preview.errors:
            self.errors.addItem(str(error))
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton(self.tr("Impor"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(not preview.errors and bool(preview.rows))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
