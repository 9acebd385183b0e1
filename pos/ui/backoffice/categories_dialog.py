"""Product categories: add one, or rename the chosen one (its products stay in it). A new shop starts
with none, so this is where "Kopi & Teh", "Tenun & Fashion" and the rest come from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.services.products import CategoryInfo
from pos.ui.backoffice.common import MessageLine, attempt
from pos.ui.i18n import fill


class CategoriesDialog(QDialog):
    def __init__(self, backend: BackOfficeBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Kategori produk"))
        self.backend = backend
        self.last_saved: CategoryInfo | None = None
        self.list = QListWidget(objectName="categoryList")
        self.list.currentItemChanged.connect(self._chosen)
        self.name = QLineEdit(
            objectName="categoryName", placeholderText=self.tr("Nama kategori, mis. Kopi & Teh")
        )
        self.add_button = QPushButton(self.tr("Tambah kategori"), objectName="addCategory")
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Ubah nama"), objectName="renameCategory")
        self.rename_button.clicked.connect(self.rename)
        self.message = MessageLine()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.name)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(420, 420)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.list.clear()
        for category in self.backend.categories():
            item = QListWidgetItem(category.name)
            item.setData(Qt.ItemDataRole.UserRole, category.category_id)
            self.list.addItem(item)
            if category.category_id == select_id:
                self.list.setCurrentItem(item)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _chosen(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.name.setText(item.text())

    def add(self) -> None:
        self._save(None, self.tr("Kategori {0} ditambahkan."))

    def rename(self) -> None:
        chosen = self.chosen_id()
        if chosen is None:
            self.message.error(self.tr("Pilih kategori di daftar dulu."))
            return
        self._save(chosen, self.tr("Nama kategori diubah: {0}."))

    def _save(self, category_id: int | None, done: str) -> None:
        saved: CategoryInfo | None = attempt(
            self.message, lambda: self.backend.save_category(category_id, self.name.text())
        )
        if saved is not None:
            self.last_saved = saved
            self.reload(saved.category_id)
            self.message.ok(fill(done, saved.name))
