"""The import preview: what would be added and changed, and every bad row with its line and reason.

The manager accepts only a clean file; with any fault the "Impor" button stays disabled, so a file
is never half-imported. Producers the file names but the outlet does not know are listed: accepting
creates them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pratinjau impor produk")
        self.resize(640, 480)
        summary = f"{preview.new_count} produk baru, {preview.update_count} produk diubah."
        if preview.new_categories:
            summary += f" Kategori baru: {', '.join(preview.new_categories)}."
        if preview.new_producers:
            # Named here so that a misspelt producer is caught before it becomes a second producer.
            summary += (
                f"\nProdusen baru akan dibuat ({len(preview.new_producers)}, titip jual): "
                f"{', '.join(preview.new_producers)}."
            )
        if preview.errors:
            summary += f"\n{len(preview.errors)} baris bermasalah: perbaiki file lalu impor lagi."
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.errors = QListWidget()
        for error in preview.errors:
            self.errors.addItem(str(error))
        self.buttons = QDialogButtonBox()
        self.accept_button = self.buttons.addButton("Impor", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setEnabled(not preview.errors and bool(preview.rows))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)
