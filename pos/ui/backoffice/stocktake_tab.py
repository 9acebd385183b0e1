"""Stock opname screen: start a count, scan (each scan adds one) or type a quantity, see the differences,
post them to the ledger or cancel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.application.backoffice import BackOfficeBackend
from pos.core.errors import DomainError
from pos.core.receipt import zone_name
from pos.services.stocktake import CountLine, PostedStocktake
from pos.ui.backoffice.common import MessageLine, attempt, fill_table, make_table, whole_number
from pos.ui.i18n import fill
from pos.ui.widgets import confirm

HEADERS = (
    QT_TRANSLATE_NOOP("BackOfficeTable", "Kode"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Nama"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Dihitung"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Menurut sistem"),
    QT_TRANSLATE_NOOP("BackOfficeTable", "Selisih"),
)


class StocktakeTab(QWidget):
    def __init__(self, backend: BackOfficeBackend) -> None:
        super().__init__()
        self.backend = backend
        self.message = MessageLine()
        self.status = QLabel()
        self.start_button = QPushButton(self.tr("Mulai stok opname"))
        self.start_button.clicked.connect(self.start)
        self.scan = QLineEdit(placeholderText=self.tr("Pindai barcode (tiap pindai +1), Enter"))
        self.scan.returnPressed.connect(self.scanned)
        self.typed_code, self.typed_qty = (
            QLineEdit(placeholderText=self.tr("Kode/barcode")),
            QLineEdit(placeholderText=self.tr("Jumlah")),
        )
        self.typed_qty.returnPressed.connect(self.typed)
        self.table = make_table()
        self.post_button = QPushButton(self.tr("Posting selisih"))
        self.post_button.clicked.connect(self.post)
        self.cancel_button = QPushButton(self.tr("Batalkan opname"))
        self.cancel_button.clicked.connect(self.cancel)
        typed = QHBoxLayout()
        typed.addWidget(self.typed_code)
        typed.addWidget(self.typed_qty)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.post_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.scan)
        layout.addLayout(typed)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    def _current_id(self) -> int:
        current = self.backend.current_stocktake()
        if current is None:
            raise DomainError(self.tr("Belum ada stok opname yang berjalan: mulai dulu."))
        return current.stocktake_id

    def refresh(self) -> list[CountLine]:
        current = self.backend.current_stocktake()
        lines = self.backend.stocktake_lines(current.stocktake_id) if current else []
        if current is None:
            self.status.setText(self.tr("Tidak ada stok opname yang berjalan."))
        else:
            started = self.backend.outlet_time(current.started_at)  # the outlet's clock (WITA)
            running = self.tr("Stok opname berjalan sejak {0} {1}, {2} barang dihitung.")
            self.status.setText(fill(running, f"{started:%d-%m-%Y %H:%M}", zone_name(started), len(lines)))
        fill_table(
            self.table,
            HEADERS,
            [
                (c.code, c.name, c.counted, c.expected, f"{c.difference:+d}" if c.difference else "0")
                for c in lines
            ],
        )
        return lines

    def start(self) -> None:
        if attempt(self.message, lambda: self.backend.start_stocktake("")) is not None:
            self.message.ok(self.tr("Stok opname dimulai. Pindai barang di rak."))
        self.refresh()

    def on_scan(self, code: str) -> None:
        """A scan on this tab counts one of the item, wherever the focus is (after clicking "Mulai
        stok opname" it is on that button); into the typed count when its code field has the focus."""
        if self.typed_code.hasFocus():
            self.typed_code.setText(code)
            self.typed_qty.setFocus()
            return
        self.scan.setText(code)
        self.scanned()
        self.scan.setFocus()

    def scanned(self) -> None:
        code = self.scan.text()
        self.scan.clear()
        line = attempt(self.message, lambda: self.backend.count_scanned(self._current_id(), code))
        if line is not None:
            self.message.ok(f"{line.name}: {line.counted}")
        self.refresh()

    def typed(self) -> None:
        def work() -> CountLine:
            found = self.backend.find_product(self.typed_code.text())
            if found is None:
                unknown = self.tr("Barcode atau kode {0} tidak dikenal.")
                raise DomainError(fill(unknown, self.typed_code.text().strip()))
            qty = whole_number(self.typed_qty.text(), self.tr("Jumlah"))
            return self.backend.count_typed(self._current_id(), found.product_id, qty)

        line = attempt(self.message, work)
        if line is not None:
            self.message.ok(f"{line.name}: {line.counted}")
            self.typed_code.clear()
            self.typed_qty.clear()
        self.refresh()

    def post(self) -> PostedStocktake | None:
        posted: PostedStocktake | None = attempt(
            self.message, lambda: self.backend.post_stocktake(self._current_id())
        )
        if posted is not None:
            done = self.tr("Stok opname diposting: {0} barang disesuaikan, total {1}.")
            self.message.ok(fill(done, posted.adjusted, f"{posted.net_change:+d}"))
        self.refresh()
        return posted

    def cancel(self) -> None:
        """Cancelling throws away every count of this opname: asked first, "Tidak" keeps it running."""
        try:
            stocktake_id = self._current_id()
            counted = len(self.backend.stocktake_lines(stocktake_id))
            question = fill(
                self.tr("Batalkan stok opname ini? {0} barang yang sudah dihitung akan dibuang."), counted
            )
            if not confirm(self, self.tr("Batalkan opname"), question):
                self.message.ok(self.tr("Stok opname tetap berjalan."))
                return
            self.backend.cancel_stocktake(stocktake_id)
        except DomainError as error:
            self.message.error(str(error))
            return
        self.message.ok(self.tr("Stok opname dibatalkan; stok tidak berubah."))
        self.refresh()
