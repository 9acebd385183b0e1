"""The checkout screen: one always-focused scan field, the cart, the total in large type, and every
function on a big button that shows its key.

The screen keeps the sale being built (a `pos.core.cart.Cart`) and forwards each action to the
`TillBackend`. Scans come from the application's `ScannerFilter` (`on_scan`) or from Enter in the
scan field; both are routed by `pos.core.scan.route_scan`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from pos.ui.checkout_functions import FUNCTION_BUTTONS, Function
from pos.ui.checkout_panel import CheckoutPanel
from pos.ui.i18n import fill
from pos.ui.journal import CartJournal
from pos.ui.tables import keep_fitted, stretch_name_column
from pos.ui.widgets import big_button

# A burst of scans is written once, this long after the last change (a scan never waits for the disk).
JOURNAL_DELAY_MS = 150

FLASH_MS = 600  # an error's message line flashes this long, with the beep (a misread, an unknown code)


class CheckoutScreen(QWidget):
    """Signals carry finished work to the main window (printing, status bar, shift menu)."""

    sale_completed = Signal(object)  # CompletedSale
    function_requested = Signal(object, str)  # a Function and its argument ("" for none)

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

        self.panel = CheckoutPanel(self)
        self.panel.pay_button.clicked.connect(self.pay)
        # the panel's parts, reached through the screen by the main window and the tests
        self.total_label, self.count_label = self.panel.total_label, self.panel.count_label
        self.buyer_label, self.change_label = self.panel.buyer_label, self.panel.change_label
        self.last_sale_label, self.receipt_preview = self.panel.last_sale_label, self.panel.receipt_preview
        self.pay_button = self.panel.pay_button
        self.payment_dialog: Any = None
        self.message = QLabel(objectName="messageText")
        self.message.setWordWrap(True)
        self._unflash = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._unflash.timeout.connect(lambda: self._set_look(self.message, "flash", False))

        grid = QGridLayout()
        self.buttons: dict[Function, Any] = {}
        for number, (function, label, key) in enumerate(FUNCTION_BUTTONS):
            button = big_button(self.tr(str(label)), key, self)
            button.setObjectName(f"{function.value}Button")
            button.clicked.connect(lambda _=False, f=function: self.trigger(f))
            self.buttons[function] = button
            grid.addWidget(button, number // 5, number % 5)
            if key != "Del":  # Del is read from the scan field, where a QShortcut would never see it
                QShortcut(QKeySequence(key), self, lambda f=function: self.trigger(f))
        QShortcut(QKeySequence("F8"), self, self.pay)

        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        left.addLayout(grid)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)  # a quarter for the side panel, within 290-420 px
        layout.addWidget(self.panel, 1)
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
            self.trigger(Function.REFUND, code)
        elif route.kind == "barcode":
            product = self.backend.find_product(route.value)
            if product is None:
                self.say(fill(self.tr("Barcode {0} tidak dikenal."), route.value), error=True)
            else:
                self.add_product(product, qty)
        else:
            product = self.backend.find_product(route.value)
            if product is not None:
                self.add_product(product, qty)
            elif scanned:  # a scan names one thing: searching for it would only hide the misread
                self.say(fill(self.tr("Kode {0} tidak dikenal."), route.value[:40]), error=True)
            else:
                self.trigger(Function.SEARCH, route.value)

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
        field = self.scan_field  # compared by a name of its own: `is` would narrow it to a QObject
        if watched is field and event.type() == QEvent.Type.KeyPress:
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
                self.trigger(Function.REMOVE_LINE)
                return True
        return super().eventFilter(watched, event)

    def step_qty(self, delta: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        qty = self.cart.lines[row].qty + delta
        if qty < 1:
            self.trigger(Function.REMOVE_LINE)
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

    def trigger(self, function: Function, argument: str = "") -> None:
        """Run a function; cart functions live in CheckoutActions, the rest in the main window."""
        self.function_requested.emit(function, argument)

    # --- buyer ------------------------------------------------------------------------------------
    def set_buyer(self, nip_text: str) -> bool:
        """Identify the buyer; an invalid NIP says why and changes nothing."""
        try:
            self.buyer = self.backend.buyer(nip_text, self.model.totals.total)
        except DomainError as error:
            self.say(fill(self.tr("NIP tidak sah: {0}"), str(error)), error=True)
            return False
        self.refresh()
        self.say(fill(self.tr("Pembeli ASN dicatat: {0}"), self.buyer.masked))
        return True

    # --- totals -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        totals = self.model.totals
        self.panel.show_totals(totals)
        self.panel.show_buyer(self.buyer, totals.total)
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
        self.trigger(Function.PAY)

    def show_completed(self, sale: CompletedSale) -> None:
        """The last sale stays on the side panel (change in large type) while the next one starts."""
        self.panel.show_completed(sale)
        self.new_sale()
        self.say(self.tr("Transaksi selesai. Silakan pindai barang pelanggan berikutnya."))
