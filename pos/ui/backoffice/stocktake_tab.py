"""Stock opname screen: start a count, scan (each scan adds one) or type a quantity, see the differences,
post them to the ledger or cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.application.backoffice import BackOfficeBackend
from pos.core.errors import DomainError
from pos.core.receipt import zone_name
from pos.services.stocktake import CountLine, PostedStocktake
from pos.ui.backoffice.common import MessageLine, attempt, fill_table, make_table, whole_number
from pos.ui.widgets import confirm


class StocktakeTab(QWidget):
    def __init__(self, backend: BackOfficeBackend) -> None:
        super().__init__()
        self.backend = backend
        self.message = MessageLine()
        self.status = QLabel()
        self.start_button = QPushButton("Mulai stok opname")
        self.start_button.clicked.connect(self.start)
        self.scan = QLineEdit(placeholderText="Pindai barcode (tiap pindai +1), Enter")
        self.scan.returnPressed.connect(self.scanned)
        self.typed_code, self.typed_qty = (
            QLineEdit(placeholderText="Kode/barcode"),
            QLineEdit(placeholderText="Jumlah"),
        )
        self.typed_qty.returnPressed.connect(self.typed)
        self.table = make_table()
        self.post_button = QPushButton("Posting selisih")
        self.post_button.clicked.connect(self.post)
        self.cancel_button = QPushButton("Batalkan opname")
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
            raise DomainError("Belum ada stok opname yang berjalan: mulai dulu.")
        return current.stocktake_id

    def refresh(self) -> list[CountLine]:
        current = self.backend.current_stocktake()
        lines = self.backend.stocktake_lines(current.stocktake_id) if current else []
        if current is None:
            self.status.setText("Tidak ada stok opname yang berjalan.")
        else:
            started = self.backend.outlet_time(current.started_at)  # the outlet's clock (WITA)
            self.status.setText(
                f"Stok opname berjalan sejak {started:%d-%m-%Y %H:%M} {zone_name(started)}, "
                f"{len(lines)} barang dihitung."
            )
        fill_table(
            self.table,
            ("Kode", "Nama", "Dihitung", "Menurut sistem", "Selisih"),
            [
                (c.code, c.name, c.counted, c.expected, f"{c.difference:+d}" if c.difference else "0")
                for c in lines
            ],
        )
        return lines

    def start(self) -> None:
        if attempt(self.message, lambda: self.backend.start_stocktake("")) is not None:
            self.message.ok("Stok opname dimulai. Pindai barang di rak.")
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
                raise DomainError(f"Barcode atau kode {self.typed_code.text().strip()} tidak dikenal.")
            qty = whole_number(self.typed_qty.text(), "Jumlah")
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
            self.message.ok(
                f"Stok opname diposting: {posted.adjusted} barang disesuaikan, total {posted.net_change:+d}."
            )
        self.refresh()
        return posted

    def cancel(self) -> None:
        """Cancelling throws away every count of this opname: asked first, "Tidak" keeps it running."""
        try:
            stocktake_id = self._current_id()
            counted = len(self.backend.stocktake_lines(stocktake_id))
            question = f"Batalkan stok opname ini? {counted} barang yang sudah dihitung akan dibuang."
            if not confirm(self, "Batalkan opname", question):
                self.message.ok("Stok opname tetap berjalan.")
                return
            self.backend.cancel_stocktake(stocktake_id)
        except DomainError as error:
            self.message.error(str(error))
            return
        self.message.ok("Stok opname dibatalkan; stok tidak berubah.")
        self.refresh()
