"""The checkout screen: one always-focused scan field, the cart, the total in large type, and every
function on a big button that shows its key.

The screen keeps the sale being built (a `pos.core.cart.Cart`) and forwards each action to the
`TillBackend`. Scans come from the application's `ScannerFilter` (`on_scan`) or from Enter in the
scan field; both are routed by `pos.core.scan.route_scan`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.application.till import BuyerInfo, TillBackend
from pos.core.cart import Cart
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.scan import misread, route_scan, split_multiplier
from pos.services.catalog import ProductView
from pos.services.checkout import CompletedSale
from pos.services.context import Actor
from pos.services.shifts import ShiftView
from pos.ui.cart_model import CartTableModel
from pos.ui.journal import CartJournal
from pos.ui.tables import keep_fitted, stretch_name_column
from pos.ui.widgets import big_button

# A burst of scans is written once, this long after the last change (a scan never waits for the disk).
JOURNAL_DELAY_MS = 150

FLASH_MS = 600  # an error's message line flashes this long, with the beep (a misread, an unknown code)

# (object name, label, key) of the function buttons, in screen order.
FUNCTIONS = (
    ("search", QT_TRANSLATE_NOOP("CheckoutScreen", "Cari barang"), "F2"),
    ("qty", QT_TRANSLATE_NOOP("CheckoutScreen", "Ubah jumlah"), "F3"),
    ("buyer", QT_TRANSLATE_NOOP("CheckoutScreen", "Pembeli ASN"), "F4"),
    ("lineDiscount", QT_TRANSLATE_NOOP("CheckoutScreen", "Diskon baris"), "F5"),
    ("saleDiscount", QT_TRANSLATE_NOOP("CheckoutScreen", "Diskon total"), "F6"),
    ("price", QT_TRANSLATE_NOOP("CheckoutScreen", "Ubah harga"), "F7"),
    ("refund", QT_TRANSLATE_NOOP("CheckoutScreen", "Retur"), "F9"),
    ("park", QT_TRANSLATE_NOOP("CheckoutScreen", "Tahan"), "F10"),
    ("recall", QT_TRANSLATE_NOOP("CheckoutScreen", "Panggil"), "F11"),
    ("reprint", QT_TRANSLATE_NOOP("CheckoutScreen", "Cetak ulang"), "F12"),
    ("removeLine", QT_TRANSLATE_NOOP("CheckoutScreen", "Hapus baris"), "Del"),
    ("voidSale", QT_TRANSLATE_NOOP("CheckoutScreen", "Batal transaksi"), "Alt+B"),
    ("xReport", QT_TRANSLATE_NOOP("CheckoutScreen", "Laporan X"), "Alt+X"),
    ("closeShift", QT_TRANSLATE_NOOP("CheckoutScreen", "Tutup shift"), "Alt+T"),
    ("signOut", QT_TRANSLATE_NOOP("CheckoutScreen", "Keluar"), "Alt+K"),
)


class CheckoutScreen(QWidget):
    """Signals carry finished work to the main window (printing, status bar, shift menu)."""

    sale_completed = Signal(object)  # CompletedSale
    function_requested = Signal(str)  # name of a FUNCTIONS entry the main window handles

    def __init__(self, backend: TillBackend, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkoutScreen")
        self.backend = backend
        self.actor: Actor | None = None
        self.shift: ShiftView | None = None
        self.buyer: BuyerInfo | None = None
        self.model = CartTableModel(Cart(), self)
        self._journaled: Any = None  # what the open-cart journal was last given (see `_journal`)
        self.journal = CartJournal(backend.save_open_snapshot)
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self._journal_timer.timeout.connect(self._write_journal)
        self._build()

    # --- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scan_field = QLineEdit(objectName="scanField")
        self.scan_field.setPlaceholderText(
            self.tr("Pindai barcode, NIP, atau QR struk · ketik kode lalu Enter · 3*kode untuk 3 barang")
        )
        self.scan_field.installEventFilter(self)
        self.scan_field.returnPressed.connect(self._typed_enter)
        self.table = QTableView(objectName="cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        # The name takes the room left; money columns as wide as their widest figure (pos.ui.tables:
        # only the longest text is measured, ResizeToContents would read every row on every scan).
        stretch_name_column(self.table, 1)
        keep_fitted(self.table, money=(3, 5), others=(0, 2, 4))  # Diskon: wide only with a discount
        self.table.clicked.connect(lambda _index: self.scan_field.setFocus())

        self.total_label = QLabel(format_rupiah(0), objectName="bigTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = QLabel(objectName="itemCount")
        self.detail_label = QLabel(objectName="totalDetail")
        self.buyer_label = QLabel(objectName="buyerText")
        self.buyer_label.setWordWrap(True)
        self.buyer_progress = QProgressBar(objectName="buyerProgress")
        self.buyer_progress.setTextVisible(True)
        self.buyer_progress.hide()
        self.last_sale_label = QLabel(objectName="lastSale")
        self.last_sale_label.setWordWrap(True)
        self.receipt_preview = QPlainTextEdit(objectName="receiptPreview")
        self.receipt_preview.setReadOnly(True)
        self.receipt_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_preview.setPlaceholderText(self.tr("Pratinjau struk terakhir"))
        self.payment_dialog: Any = None
        self.change_label = QLabel(objectName="bigChange")
        self.message = QLabel(objectName="messageText")
        self.message.setWordWrap(True)
        self._unflash = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._unflash.timeout.connect(lambda: self._set_look(self.message, "flash", False))

        side = QFrame(objectName="sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("TOTAL"), objectName="caption"))
        side_layout.addWidget(self.total_label)
        side_layout.addWidget(self.count_label)
        side_layout.addWidget(self.detail_label)
        side_layout.addSpacing(8)
        side_layout.addWidget(QLabel(self.tr("PEMBELI"), objectName="caption"))
        side_layout.addWidget(self.buyer_label)
        side_layout.addWidget(self.buyer_progress)
        side_layout.addWidget(self.change_label)
        side_layout.addWidget(self.last_sale_label)
        side_layout.addWidget(self.receipt_preview, 1)
        self.pay_button = big_button(self.tr("BAYAR"), "F8", self, primary=True)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setMinimumHeight(84)
        self.pay_button.clicked.connect(self.pay)
        side_layout.addWidget(self.pay_button)
        side.setMinimumWidth(290)  # 1024x768 leaves the cart about 680 px beside it
        side.setMaximumWidth(420)

        grid = QGridLayout()
        self.buttons: dict[str, Any] = {}
        for number, (name, label, key) in enumerate(FUNCTIONS):
            button = big_button(self.tr(label), key, self)
            button.setObjectName(f"{name}Button")
            button.clicked.connect(lambda _=False, n=name: self.trigger(n))
            self.buttons[name] = button
            grid.addWidget(button, number // 5, number % 5)
            if key != "Del":  # Del is read from the scan field, where a QShortcut would never see it
                QShortcut(QKeySequence(key), self, lambda n=name: self.trigger(n))
        QShortcut(QKeySequence("F8"), self, self.pay)

        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        left.addLayout(grid)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)  # a quarter for the side panel, within 290-420 px
        layout.addWidget(side, 1)
        self.refresh()

    # --- session ----------------------------------------------------------------------------------
    def start(self, actor: Actor, shift: ShiftView | None) -> None:
        self.actor, self.shift = actor, shift
        # The empty new sale is not written: a cart left by a crash stays until the cashier decides.
        self._journal_timer.stop()
        self._journaled = self._journal_key()
        self.new_sale()

    def restore(self, cart: Cart, buyer_nip: str | None) -> None:
        """A cart left in progress (or recalled) becomes the sale being built."""
        self.model.set_cart(cart)
        self.buyer = None
        if buyer_nip:
            self.set_buyer(buyer_nip)
        self.refresh()
        self.select_row(self.model.rowCount() - 1)

    def new_sale(self) -> None:
        self.buyer = None
        self.model.set_cart(Cart())
        self.refresh()
        self.scan_field.clear()
        self.scan_field.setFocus()

    @property
    def cart(self) -> Cart:
        return self.model.cart

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.model.rowCount() - 1 if self.model.rowCount() else None

    def select_row(self, row: int | None) -> None:
        if row is not None and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def say(self, text: str, error: bool = False) -> None:
        if error:
            QApplication.beep()  # the cashier is looking at the customer, not at the screen
            self._set_look(self.message, "flash", True)
            self._unflash.start()
        self._set_look(self.message, "error", error)
        self.message.setText(text)

    @staticmethod
    def _set_look(label: QLabel, name: str, on: bool) -> None:
        if bool(label.property(name)) != on:  # re-polishing costs a relayout: only on change
            label.setProperty(name, on)
            label.style().unpolish(label)
            label.style().polish(label)

    # --- scanning ---------------------------------------------------------------------------------
    def on_scan(self, code: str) -> None:
        """A scanner burst (from the ScannerFilter); the scan field may still hold a typed `3*`.
        A misread or unknown code is said in the message line (beep, flash), never a dialog."""
        if not self.isVisible():
            return
        prefix = self.scan_field.text()
        self.scan_field.clear()
        self.handle_code(prefix + code if prefix.rstrip().endswith("*") else code, scanned=True)

    def _typed_enter(self) -> None:
        text = self.scan_field.text()
        self.scan_field.clear()
        if text.strip():
            self.handle_code(text)

    def handle_code(self, text: str, *, scanned: bool = False) -> None:
        try:
            qty, code = split_multiplier(text)
        except DomainError as error:
            self.say(str(error), error=True)
            return
        problem = misread(code) if scanned else None
        if problem is not None:
            self.say(problem, error=True)
            return
        route = route_scan(code)
        if route.kind == "nip":
            self.set_buyer(route.value)
        elif route.kind == "receipt":
            self.function_requested.emit(f"refund:{code}")
        elif route.kind == "barcode":
            product = self.backend.find_product(route.value)
            if product is None:
                self.say(self.tr("Barcode {0} tidak dikenal.").replace("{0}", route.value), error=True)
            else:
                self.add_product(product, qty)
        else:
            product = self.backend.find_product(route.value)
            if product is not None:
                self.add_product(product, qty)
            elif scanned:  # a scan names one thing: searching for it would only hide the misread
                self.say(self.tr("Kode {0} tidak dikenal.").replace("{0}", route.value[:40]), error=True)
            else:
                self.trigger("search", route.value)

    def add_product(self, product: ProductView, qty: int = 1) -> None:
        if self.cart.is_empty:
            self.change_label.clear()  # a new customer: the last change stays in the small line below
        try:
            row = self.cart.add(product.as_cart_product(), qty)
        except DomainError as error:
            self.say(str(error), error=True)
            return
        self.model.refresh(changed_row=row)
        self.select_row(row)
        self.refresh()
        self.say(f"{product.name}  ×{self.cart.lines[row].qty}  {format_rupiah(product.price)}")

    # --- keys in the scan field -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scan_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, empty = event.key(), not self.scan_field.text()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                row = self.selected_row()
                if row is not None:
                    self.select_row(row + (1 if key == Qt.Key.Key_Down else -1))
                return True
            if empty and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
                self.step_qty(1 if key == Qt.Key.Key_Plus else -1)
                return True
            if empty and key == Qt.Key.Key_Delete:
                self.trigger("removeLine")
                return True
        return super().eventFilter(watched, event)

    def step_qty(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        qty = self.cart.lines[row].qty + delta
        if qty < 1:
            self.trigger("removeLine")
            return
        self.change_line(lambda: self.cart.set_qty(row, qty), row)

    def change_line(self, change: Any, row: int | None = None) -> bool:
        """Apply one cart change; a refused change leaves the cart as it was and says why."""
        try:
            change()
        except DomainError as error:
            self.say(str(error), error=True)
            return False
        self.model.refresh()
        self.select_row(row if row is not None else self.selected_row())
        self.refresh()
        return True

    def trigger(self, name: str, argument: str = "") -> None:
        """Run a function by name; cart functions live in CheckoutActions, the rest in the main window."""
        self.function_requested.emit(f"{name}:{argument}" if argument else name)

    # --- buyer ------------------------------------------------------------------------------------
    def set_buyer(self, nip_text: str) -> bool:
        """Identify the buyer; an invalid NIP says why and changes nothing."""
        try:
            self.buyer = self.backend.buyer(nip_text, self.model.totals.total)
        except DomainError as error:
            self.say(self.tr("NIP tidak sah: {0}").replace("{0}", str(error)), error=True)
            return False
        self.refresh()
        self.say(self.tr("Pembeli ASN dicatat: {0}").replace("{0}", self.buyer.masked))
        return True

    def _render_buyer(self) -> None:
        buyer = self.buyer
        if buyer is None:
            self.buyer_label.setText(self.tr("Bukan ASN / belum dipindai (F4)"))
            self.buyer_progress.hide()
            return
        who = (
            f"<b>{buyer.name}</b><br>{buyer.agency or ''}"
            if buyer.name
            else self.tr("<b>NIP sah, belum terdaftar</b>")
        )
        total = buyer.before + self.model.totals.total
        state = (
            self.tr("Minimal tercapai")
            if total >= buyer.minimum
            else self.tr("Kurang {0}").replace("{0}", format_rupiah(buyer.minimum - total))
        )
        self.buyer_label.setText(
            f"{buyer.masked}<br>{who}<br>{buyer.period_label}: {format_rupiah(total)} / "
            f"{format_rupiah(buyer.minimum)} · {state}"
        )
        self.buyer_progress.setRange(0, buyer.minimum)
        self.buyer_progress.setValue(min(total, buyer.minimum))
        self.buyer_progress.setFormat(f"{min(100, total * 100 // max(1, buyer.minimum))}%")
        self.buyer_progress.show()

    # --- totals -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        totals = self.model.totals
        self.total_label.setText(format_rupiah(totals.total))
        fit_font(self.total_label, 48, 24)
        self.count_label.setText(
            self.tr("{0} barang · {1} baris")
            .replace("{0}", str(totals.item_count))
            .replace("{1}", str(len(totals.lines)))
        )
        parts = [self.tr("Subtotal {0}").replace("{0}", format_rupiah(totals.subtotal))]
        if totals.discount:
            parts.append(self.tr("Diskon {0}").replace("{0}", format_rupiah(-totals.discount)))
        if totals.tax:
            parts.append(self.tr("PPN {0}").replace("{0}", format_rupiah(totals.tax)))
        self.detail_label.setText(" · ".join(parts))
        self.pay_button.setEnabled(not self.cart.is_empty)
        self._render_buyer()
        self._journal()

    def _journal_key(self) -> Any:
        return (self.cart.snapshot(), self.buyer.nip if self.buyer else None)

    def _journal(self) -> None:
        """Keep the cart in progress on disk at every change (pos.services.open_cart), like a parked
        sale, so a crash or a power cut in the middle of a sale loses nothing. Written off the GUI
        thread (pos.ui.journal), once per burst of changes; `settle_journal` waits for it."""
        if self.actor is not None:
            self._journal_timer.start()

    def _write_journal(self) -> None:
        if self.actor is None:
            return
        key = self._journal_key()
        if key == self._journaled:
            return
        cart, buyer = key
        self.journal.submit(self.actor, {"cart": cart, "buyer_nip": buyer})
        self._journaled = key

    def settle_journal(self) -> None:
        """The open cart on disk is the one on screen (before paying, parking, recalling, closing)."""
        if self._journal_timer.isActive():
            self._journal_timer.stop()
            self._write_journal()
        if not self.journal.flush():
            self.say(self.tr("Keranjang belum tersimpan ke disk; coba lagi."), error=True)

    # --- paying -----------------------------------------------------------------------------------
    def pay(self) -> None:
        self.function_requested.emit("pay")

    def show_completed(self, sale: CompletedSale) -> None:
        """The last sale stays on the side panel (change in large type) while the next one starts."""
        self.change_label.setText(self.tr("Kembalian {0}").replace("{0}", format_rupiah(sale.change)))
        self.last_sale_label.setText(
            self.tr("Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}")
            .replace("{0}", sale.receipt_no)
            .replace("{1}", format_rupiah(sale.total))
            .replace("{2}", format_rupiah(sale.paid))
            .replace("{3}", format_rupiah(sale.change))
        )
        self.new_sale()
        self.say(self.tr("Transaksi selesai. Silakan pindai barang pelanggan berikutnya."))


def fit_font(label: QLabel, largest_px: int, smallest_px: int) -> None:
    """Shrink a big-number label until its text fits (Rp12.500.000 for a stack of tenun ikat)."""
    width = label.contentsRect().width()
    if width <= 0:
        return
    font = label.font()
    size = largest_px
    while size > smallest_px:
        font.setPixelSize(size)
        if QFontMetrics(font).horizontalAdvance(label.text()) <= width:
            break
        size -= 2
    if label.property("fittedPx") != size:  # a style sheet change re-polishes: only when it changes
        label.setProperty("fittedPx", size)
        label.setStyleSheet(f"font-size: {size}px;")
