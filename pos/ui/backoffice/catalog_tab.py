"""Catalog screen: products filtered in SQL, a form to add or change one, labels, import and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.core.money import format_rupiah
from pos.printing.labels import ShelfLabel, shelf_labels_document, write_labels_pdf
from pos.services.products import TAX_LABELS, ProductDetail, ProductInput
from pos.ui.backoffice.categories_dialog import CategoriesDialog
from pos.ui.backoffice.common import (
    BackgroundJob,
    MessageLine,
    amount,
    ask_open_path,
    ask_save_path,
    attempt,
    fill_table,
    make_table,
    whole_number,
)
from pos.ui.backoffice.import_dialog import ImportPreviewDialog
from pos.ui.i18n import fill

HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Barcode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Nama"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Produsen"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kategori"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Harga"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Stok"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Min"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Aktif"),
)


class CatalogTab(QWidget):
    def __init__(self, backend: BackOfficeBackend, print_document: Callable[..., Any] | None) -> None:
        super().__init__()
        self.backend = backend
        self.print_document = print_document
        self.ask_save_path = ask_save_path
        self.ask_open_path = ask_open_path
        self.confirm_import: Callable[[Any], bool] = self._confirm_import
        self.rows: list[ProductDetail] = []
        self.editing: int | None = None
        self.job: BackgroundJob | None = None

        self.search = QLineEdit(placeholderText=self.tr("Cari nama, kode atau barcode..."))
        self.search.textChanged.connect(self.refresh)
        self.table = make_table()
        self.table.itemSelectionChanged.connect(self._selected)
        self.message = MessageLine()

        self.name, self.barcode, self.code = QLineEdit(), QLineEdit(), QLineEdit()
        self.barcode.setPlaceholderText(self.tr("Pindai, atau kosongkan untuk barcode toko baru"))
        self.price, self.cost, self.consignment_price = QLineEdit(), QLineEdit(), QLineEdit()
        self.unit, self.min_stock = QLineEdit("pcs"), QLineEdit("0")
        self.supplier, self.category, self.tax = QComboBox(), QComboBox(), QComboBox()
        for mode, label in TAX_LABELS.items():
            self.tax.addItem(label, mode)
        self.consigned, self.active = QCheckBox(self.tr("Titip jual")), QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        self.supplier_terms: dict[int, bool] = {}  # producer id -> supplies on consignment
        self.supplier.currentIndexChanged.connect(self._supplier_chosen)
        for field in (self.price, self.cost, self.consignment_price):
            field.setPlaceholderText(self.tr("mis. 45rb atau Rp45.000"))
        self.categories_button = QPushButton(self.tr("Kategori..."))
        self.categories_button.clicked.connect(self.edit_categories)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category, 1)
        category_row.addWidget(self.categories_button)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Nama"), self.name), (self.tr("Barcode"), self.barcode),
            (self.tr("Kode (SKU)"), self.code), (self.tr("Produsen"), self.supplier),
            (self.tr("Kategori"), category_row), (self.tr("Satuan"), self.unit),
            (self.tr("Harga jual"), self.price), (self.tr("Harga pokok (beli putus)"), self.cost),
            (self.tr("Harga beli titip / unit"), self.consignment_price), (self.tr("Pajak"), self.tax),
            (self.tr("Stok minimum"), self.min_stock), ("", self.consigned), ("", self.active),
        ):  # fmt: skip
            form.addRow(label, widget)
        self.save_button = QPushButton(self.tr("Simpan produk"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Produk baru"))
        self.new_button.clicked.connect(self.clear_form)
        self.label_button = QPushButton(self.tr("Cetak label"))
        self.label_button.clicked.connect(self.print_labels)
        self.label_pdf_button = QPushButton(self.tr("Label PDF (A4)"))
        self.label_pdf_button.clicked.connect(self.labels_pdf)
        self.import_button = QPushButton(self.tr("Impor CSV/XLSX..."))
        self.import_button.clicked.connect(self.start_import)
        self.export_button = QPushButton(self.tr("Ekspor..."))
        self.export_button.clicked.connect(self.start_export)

        right = QVBoxLayout()
        right.addLayout(form)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch()
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table)
        tools = QGridLayout()  # two by two: the form beside it keeps its room on a 1024 px screen
        for number, button in enumerate(
            (self.label_button, self.label_pdf_button, self.import_button, self.export_button)
        ):
            tools.addWidget(button, number // 2, number % 2)
        left.addLayout(tools)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.reload_choices()
        self.refresh()

    def reload_choices(self) -> None:
        """Fresh producer and category lists that keep what the form shows (switching tabs and back
        must not turn the product's producer into "(tanpa produsen)")."""
        supplier, category = self.supplier.currentData(), self.category.currentData()
        self.supplier.clear()
        self.supplier.addItem(self.tr("(tanpa produsen)"), None)
        self.supplier_terms.clear()
        for s in self.backend.suppliers():
            self.supplier.addItem(f"{s.name} ({s.code})", s.supplier_id)
            self.supplier_terms[s.supplier_id] = s.consignment
        self.category.clear()
        self.category.addItem(self.tr("(tanpa kategori)"), None)
        for c in self.backend.categories():
            self.category.addItem(c.name, c.category_id)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(supplier)))
        self.category.setCurrentIndex(max(0, self.category.findData(category)))

    def _supplier_chosen(self) -> None:
        """A new product follows its producer's terms: titip jual for a consignment producer."""
        if self.editing is None:
            self.consigned.setChecked(self.supplier_terms.get(self.supplier.currentData(), False))

    def edit_categories(self) -> None:
        dialog = CategoriesDialog(self.backend, self)
        dialog.exec()
        chosen = dialog.last_saved.category_id if dialog.last_saved else self.category.currentData()
        self.reload_choices()
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))

    def refresh(self) -> None:
        self.rows = self.backend.products(self.search.text())
        fill_table(
            self.table,
            HEADERS,
            [
                (p.code, p.barcode, p.name, p.supplier_name, p.category, format_rupiah(p.price), p.on_hand,
                 p.min_stock, self.tr("ya") if p.active else self.tr("tidak"))
                for p in self.rows
            ],
        )  # fmt: skip

    def on_scan(self, code: str) -> None:
        """A scan on this tab: into the barcode field when it has the focus, into the search when
        that has it; otherwise a known product is picked in the list and shown, ready for its
        labels, and an unknown barcode goes into a new product's form."""
        if self.barcode.hasFocus():
            self.barcode.setText(code)
            self.message.ok(fill(self.tr("Barcode {0} diisi; simpan untuk memakainya."), code))
            return
        if self.search.hasFocus():
            self.search.setText(code)
            return
        found = self.backend.find_product(code)
        if found is None:
            if self.editing is None:
                self.barcode.setText(code)
                self.message.ok(fill(self.tr("Barcode {0} belum terdaftar: diisi untuk produk baru."), code))
            else:
                self.message.error(fill(self.tr("Barcode {0} tidak dikenal."), code))
            return
        self.search.setText(code)  # the list shows that product; selecting it shows it in the form
        row = next((r for r, p in enumerate(self.rows) if p.product_id == found.product_id), None)
        if row is not None:
            self.table.selectRow(row)
        self.message.ok(fill(self.tr("{0} dipilih (Cetak label untuk labelnya)."), found.name))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.rows[r].product_id for r in rows if r < len(self.rows)]

    def _selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.show_product(self.backend.product(ids[0]))

    def show_product(self, p: ProductDetail) -> None:
        self.editing = p.product_id
        self.name.setText(p.name)
        self.barcode.setText(p.barcode or "")
        self.code.setText(p.code)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(p.supplier_id)))
        self.category.setCurrentIndex(max(0, self.category.findData(p.category_id)))
        self.unit.setText(p.unit)
        self.price.setText(format_rupiah(p.price))
        self.cost.setText("" if p.cost is None else format_rupiah(p.cost))
        titip = p.consignment_price
        self.consignment_price.setText("" if titip is None else format_rupiah(titip))
        self.tax.setCurrentIndex(max(0, self.tax.findData(p.tax_mode)))
        self.min_stock.setText(str(p.min_stock))
        self.consigned.setChecked(p.consignment)
        self.active.setChecked(p.active)

    def clear_form(self) -> None:
        self.editing = None
        for edit in (self.name, self.barcode, self.code, self.price, self.cost, self.consignment_price):
            edit.clear()
        self.unit.setText("pcs")
        self.min_stock.setText("0")
        self.table.clearSelection()
        self.editing = None  # clearing the selection may have shown a product again
        for choice in (self.supplier, self.category, self.tax):
            choice.setCurrentIndex(0)
        self.consigned.setChecked(False)  # follows the producer once one is chosen
        self.active.setChecked(True)
        self.name.setFocus()

    def form_input(self) -> ProductInput:
        price = amount(self.price.text(), self.tr("Harga jual"))
        assert price is not None
        return ProductInput(
            name=self.name.text(),
            price=price,
            supplier_id=self.supplier.currentData(),
            category_id=self.category.currentData(),
            barcode=self.barcode.text() or None,
            code=self.code.text() or None,
            unit=self.unit.text(),
            cost=amount(self.cost.text(), self.tr("Harga pokok"), optional=True),
            consignment_price=amount(
                self.consignment_price.text(), self.tr("Harga beli titip"), optional=True
            ),
            tax_mode=self.tax.currentData(),
            consignment=self.consigned.isChecked(),
            active=self.active.isChecked(),
            min_stock=whole_number(self.min_stock.text() or "0", self.tr("Stok minimum")),
        )

    def save(self) -> ProductDetail | None:
        saved: ProductDetail | None = attempt(
            self.message, lambda: self.backend.save_product(self.editing, self.form_input())
        )
        if saved is not None:
            self.refresh()
            self.show_product(saved)
            producer = saved.supplier_name or self.tr("tanpa produsen")
            terms = self.tr("titip jual") if saved.consignment else self.tr("beli putus")
            done = self.tr("Tersimpan: {0}, barcode {1}, {2}, produsen: {3} ({4}).")
            self.message.ok(
                fill(done, saved.name, saved.barcode, format_rupiah(saved.price), producer, terms)
            )
        return saved

    def _labels(self) -> list[ShelfLabel]:
        ids = self.selected_ids() or ([self.editing] if self.editing else [])
        return [ShelfLabel(d.name, d.price, d.barcode) for d in self.backend.labels(ids)]

    def print_labels(self) -> None:
        labels = self._labels()
        if not labels or self.print_document is None:
            self.message.error(
                self.tr("Pilih produk dulu.") if not labels else self.tr("Printer belum diatur.")
            )
            return
        document = shelf_labels_document(labels, self.backend.paper_columns())
        self.print_document(document, title=fill(self.tr("Label {0} produk"), len(labels)))
        self.message.ok(fill(self.tr("{0} label dikirim ke printer."), len(labels)))

    def labels_pdf(self) -> None:
        labels = self._labels()
        if not labels:
            self.message.error(self.tr("Pilih produk dulu."))
            return
        path = self.ask_save_path(self, self.tr("Simpan label PDF"), "label-rak.pdf", "PDF (*.pdf)")
        if path:
            pages = write_labels_pdf(labels, path)
            self.message.ok(fill(self.tr("{0} label disimpan ({1} halaman): {2}"), len(labels), pages, path))

    # --- import / export: on a worker thread with a progress dialog ------------------------------
    def _run_job(
        self, title: str, work: Callable[[Callable[[int, int], None]], Any], done: Callable[[Any], None]
    ) -> None:
        dialog = QProgressDialog(title, "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(300)
        self.job = BackgroundJob(work, self)

        def progressed(done_rows: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done_rows)

        def succeeded(result: Any) -> None:
            dialog.close()
            done(result)

        def failed(error: Any) -> None:
            dialog.close()
            self.message.error(str(error))

        self.job.progressed.connect(progressed)
        self.job.succeeded.connect(succeeded)
        self.job.failed.connect(failed)
        self.job.start()

    def start_import(self) -> None:
        path = self.ask_open_path(self, self.tr("Impor produk"), "Produk (*.csv *.xlsx)")
        if not path:
            return
        self._run_job(
            self.tr("Memeriksa file..."), lambda progress: self.backend.preview_import(Path(path), progress),
            lambda preview: self._previewed(Path(path), preview),
        )  # fmt: skip

    def _confirm_import(self, preview: Any) -> bool:
        return ImportPreviewDialog(preview, self).exec() == ImportPreviewDialog.DialogCode.Accepted

    def _previewed(self, path: Path, preview: Any) -> None:
        if preview.errors:
            self.message.error(
                fill(self.tr("{0} baris bermasalah, tidak ada yang disimpan:"), len(preview.errors))
                + "\n"
                + "\n".join(str(e) for e in preview.errors[:20])
            )
            self.last_preview = preview
            self.confirm_import(preview)  # shows every fault; accepting is impossible
            return
        if not self.confirm_import(preview):
            self.message.ok(self.tr("Impor dibatalkan; tidak ada yang disimpan."))
            return
        self._run_job(
            self.tr("Mengimpor produk..."),
            lambda progress: self.backend.import_products(path, progress),
            self._imported,
        )

    def _imported(self, result: Any) -> None:
        self.reload_choices()
        self.refresh()
        text = fill(self.tr("Impor selesai: {0} produk baru, {1} diubah."), result.added, result.updated)
        if result.new_producers:
            made = ", ".join(f"{p.code} {p.name}" for p in result.new_producers)
            text += " " + fill(self.tr("Produsen baru (lengkapi di tab Produsen): {0}."), made)
        self.message.ok(text)

    def start_export(self) -> None:
        path = self.ask_save_path(
            self, self.tr("Ekspor produk"), "produk.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if path:
            self._run_job(
                self.tr("Mengekspor produk..."),
                lambda progress: self.backend.export_products(Path(path), progress),
                lambda n: self.message.ok(fill(self.tr("{0} produk diekspor ke {1}."), n, path)),
            )  # fmt: skip
