"""What each checkout function does: the dialogs it opens and the service calls it makes.

Kept apart from the screen's layout so each stays readable. Every cart change goes through
`CheckoutScreen.change_line` (a refused change leaves the cart as it was); every sale is committed
before anything is printed, and printing happens off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QVBoxLayout

from pos.application.till import TillBackend
from pos.core.cart import MAX_QTY, Cart, Discount
from pos.core.errors import DomainError
from pos.core.money import format_rupiah, parse_rupiah
from pos.core.receipt import Receipt
from pos.services.context import Actor, Role
from pos.ui.checkout import CheckoutScreen
from pos.ui.checkout_functions import Function
from pos.ui.dialogs import BuyerDialog, ManagerPinDialog, ReasonDialog, TextDialog
from pos.ui.i18n import fill
from pos.ui.payment import PaymentDialog
from pos.ui.scanner import typed_only
from pos.ui.search import ProductSearchDialog
from pos.ui.tasks import TaskRunner
from pos.ui.widgets import big_button, confirm, run_dialog

PrintReceipt = Callable[[Receipt], None]


def parse_qty(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_QTY:
        raise DomainError(
            fill(QCoreApplication.translate("Checkout", "Jumlah harus angka 1 sampai {0}."), MAX_QTY)
        )
    return int(text)


def parse_discount_value(text: str) -> tuple[str, Any]:
    """`10%` or `12,5%` -> ("percent", Decimal); `5000`, `5rb`, `Rp5.000` -> ("rupiah", 5000)."""
    cleaned = text.strip()
    if cleaned.endswith("%"):
        return "percent", Discount.of_percent(cleaned[:-1], "cek").percent
    return "rupiah", parse_rupiah(cleaned)


class CheckoutActions(QObject):
    def __init__(
        self,
        screen: CheckoutScreen,
        backend: TillBackend,
        runner: TaskRunner,
        print_receipt: PrintReceipt,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.screen, self.backend, self.runner = screen, backend, runner
        self.print_receipt = print_receipt
        self._approval: tuple[Cart, Actor] | None = None  # the cart a manager approved, and who
        self.handlers: dict[Function, Callable[[str], None]] = {
            Function.SEARCH: self.search,
            Function.QTY: lambda _a: self.ask_qty(),
            Function.BUYER: lambda _a: self.ask_buyer(),
            Function.LINE_DISCOUNT: lambda _a: self.ask_discount(whole_sale=False),
            Function.SALE_DISCOUNT: lambda _a: self.ask_discount(whole_sale=True),
            Function.PRICE: lambda _a: self.ask_price(),
            Function.REMOVE_LINE: lambda _a: self.remove_line(),
            Function.VOID_SALE: lambda _a: self.void_sale(),
            Function.PARK: lambda _a: self.park(),
            Function.RECALL: lambda _a: self.recall(),
            Function.PAY: lambda _a: self.pay(),
            Function.REPRINT: lambda _a: self.reprint(),
        }

    def handle(self, function: Function, argument: str = "") -> bool:
        """Carry out a cart function; False for one the main window carries out."""
        handler = self.handlers.get(function)
        if handler is None:
            return False
        handler(argument)
        self.screen.scan_field.setFocus()
        return True

    # --- approval ---------------------------------------------------------------------------------
    def manager_approves(self, action: str) -> bool:
        """A manager at the till approves, or the action is not done. The approver of a cart change is
        kept with that cart and handed to `complete_sale`, which records it on the sale."""
        actor = self.screen.actor
        if actor is not None and actor.at_least(Role.MANAGER):
            return True
        approver = self.ask_manager(action)
        if approver is not None:
            self._approval = (self.screen.cart, approver)
        return approver is not None

    def ask_manager(self, action: str) -> Actor | None:
        """A manager's PIN for `action`: the approving manager, or None when cancelled."""
        managers = [u for u in self.backend.users() if u.role in (Role.MANAGER, Role.ADMIN)]
        dialog = ManagerPinDialog(action, managers, self.backend.approve, self.screen)
        return dialog.approver if run_dialog(dialog) else None

    def approver(self) -> Actor | None:
        """Who approved the cart on screen; another cart (a new sale, a recalled one) has no approver."""
        if self._approval is not None and self._approval[0] is self.screen.cart:
            return self._approval[1]
        return None

    def approved_change(self, action: str, change: Callable[[Cart], None], row: int) -> None:
        """Apply `change`, first asking a manager when it takes the cart above the limits.

        The service decides what is above the limits: the change is tried on a copy of the cart.
        """
        cart = self.screen.cart
        trial = Cart.from_snapshot(cart.snapshot())
        try:
            change(trial)
        except DomainError:
            pass  # the cart refuses it anyway; change_line says why
        else:
            new = set(self.backend.needs_approval(trial)) - set(self.backend.needs_approval(cart))
            if new and not self.manager_approves(action):
                return
        self.screen.change_line(lambda: change(cart), row)

    def audited_void(self, what: str, detail: dict[str, Any]) -> bool:
        """Ask a manager when the setting says so, then write the void to the audit log first."""
        actor = self.screen.actor
        if actor is None:
            return False
        approver = None
        if self.backend.void_needs_manager(actor):
            approver = self.ask_manager(
                self.tr("Hapus baris") if what == "line" else self.tr("Batal transaksi")
            )
            if approver is None:
                return False
        try:
            self.backend.record_void(actor, approver, what, detail)
        except DomainError as error:
            self.screen.say(str(error), error=True)
            return False
        return True

    # --- cart functions ---------------------------------------------------------------------------
    def search(self, text: str = "") -> None:
        dialog = ProductSearchDialog(self.backend.search_products, text, self.screen)
        if not run_dialog(dialog):
            return
        if dialog.scanned is not None:
            self.screen.handle_code(dialog.scanned, scanned=True)
        elif dialog.chosen is not None:
            self.screen.add_product(dialog.chosen)

    def ask_qty(self) -> None:
        row = self.screen.selected_row()
        if row is None:
            return
        line = self.screen.cart.lines[row]
        dialog = TextDialog(
            self.tr("Ubah jumlah (F3)"), line.product.name, parse_qty, self.screen, str(line.qty)
        )
        typed_only(dialog.field)
        if run_dialog(dialog):
            self.screen.change_line(lambda: self.screen.cart.set_qty(row, dialog.value), row)

    def ask_buyer(self) -> None:
        screen = self.screen
        current = screen.buyer.masked if screen.buyer else None
        dialog = BuyerDialog(
            lambda text: self.backend.buyer(text, screen.model.totals.total), screen, current
        )
        if not run_dialog(dialog):
            return
        if dialog.cleared:  # a wrong card was scanned: the sale has no ASN buyer
            screen.buyer = None
            screen.refresh()
            screen.say(self.tr("NIP pembeli dihapus dari transaksi ini."))
        elif dialog.value is not None:
            screen.set_buyer(dialog.value.nip)

    def ask_discount(self, *, whole_sale: bool) -> None:
        row = self.screen.selected_row()
        if row is None:
            return
        title = self.tr("Diskon total (F6)") if whole_sale else self.tr("Diskon baris (F5)")
        dialog = ReasonDialog(
            title, self.tr("Diskon (mis. 10% atau 5000)"), parse_discount_value, self.screen
        )
        if not run_dialog(dialog):
            return
        kind, value = dialog.value
        reason = dialog.reason.text()
        discount = (
            Discount.of_percent(value, reason) if kind == "percent" else Discount.of_rupiah(value, reason)
        )
        if whole_sale:
            self.approved_change(discount.describe(), lambda cart: cart.set_sale_discount(discount), row)
        else:
            self.approved_change(discount.describe(), lambda cart: cart.set_line_discount(row, discount), row)

    def ask_price(self) -> None:
        row = self.screen.selected_row()
        if row is None:
            return
        line = self.screen.cart.lines[row]
        dialog = TextDialog(
            self.tr("Ubah harga (F7)"), line.product.name, parse_rupiah, self.screen, str(line.unit_price)
        )
        typed_only(dialog.field)
        if not run_dialog(dialog):
            return
        price, listed = dialog.value, line.product.unit_price
        action = fill(self.tr("Ubah harga {0} ke {1}"), format_rupiah(listed), format_rupiah(price))
        self.approved_change(action, lambda cart: cart.override_price(row, price), row)

    def remove_line(self) -> None:
        row = self.screen.selected_row()
        if row is None:
            return
        line = self.screen.cart.lines[row]
        detail = {
            "product_code": line.product.code,
            "name": line.product.name,
            "qty": line.qty,
            "amount": line.after_discount,
        }
        if self.audited_void("line", detail):
            self.screen.change_line(lambda: self.screen.cart.remove(row), max(0, row - 1))

    def void_sale(self) -> None:
        screen = self.screen
        if screen.cart.is_empty:
            return
        if not confirm(screen, self.tr("Batal transaksi"), self.tr("Batalkan seluruh transaksi ini?")):
            return
        totals = screen.model.totals
        if self.audited_void(
            "cart", {"lines": len(totals.lines), "items": totals.item_count, "total": totals.total}
        ):
            screen.new_sale()
            screen.say(self.tr("Transaksi dibatalkan."))

    # --- park / recall ----------------------------------------------------------------------------
    def park(self) -> None:
        screen = self.screen
        assert screen.actor is not None
        buyer = screen.buyer.nip if screen.buyer else None
        screen.settle_journal()
        try:
            view = self.backend.park(screen.actor, screen.cart, None, buyer)
        except DomainError as error:
            screen.say(str(error), error=True)
            return
        screen.new_sale()
        screen.say(fill(self.tr("Transaksi ditahan: {0} ({1})."), view.label, format_rupiah(view.total)))

    def recall(self) -> None:
        screen = self.screen
        if not screen.cart.is_empty:
            screen.say(self.tr("Selesaikan atau tahan transaksi ini dulu sebelum memanggil yang lain."), True)
            return
        parked = self.backend.held_sales()
        if not parked:
            screen.say(self.tr("Tidak ada transaksi yang ditahan."))
            return
        dialog = HeldListDialog(parked, screen)
        if not run_dialog(dialog) or dialog.chosen is None:
            return
        assert screen.actor is not None
        screen.settle_journal()
        try:
            recalled = self.backend.recall(screen.actor, dialog.chosen)
        except DomainError as error:
            screen.say(str(error), error=True)
            return
        screen.restore(recalled.cart, recalled.buyer_nip)
        screen.say(fill(self.tr("Transaksi dipanggil: {0}"), recalled.label))

    # --- paying -----------------------------------------------------------------------------------
    def pay(self) -> None:
        screen = self.screen
        if screen.cart.is_empty or screen.actor is None:
            return
        # Before the customer pays: a cart above the limits that no manager approved on this screen
        # (recalled, or restored after a crash) is asked for now, or complete_sale would refuse it.
        approver = self.approver()
        needed = self.backend.needs_approval(screen.cart)
        if needed and approver is None and not screen.actor.at_least(Role.MANAGER):
            approver = self.ask_manager("; ".join(needed))
            if approver is None:
                screen.say(self.tr("Perlu persetujuan manajer sebelum pembayaran."), True)
                return
            self._approval = (screen.cart, approver)
        total = screen.model.totals.total
        screen.settle_journal()  # the cart is on disk while the customer pays
        dialog = PaymentDialog(total, self.backend.setting("qris.static"), screen)
        screen.payment_dialog = dialog
        try:
            if not run_dialog(dialog):
                return
        finally:
            screen.payment_dialog = None
        screen.settle_journal()  # no late write may bring the cart back after the sale's commit
        try:
            sale = self.backend.complete_sale(
                screen.actor,
                screen.cart,
                dialog.payments,
                buyer_nip=screen.buyer.nip if screen.buyer else None,
                shift_id=screen.shift.shift_id if screen.shift else None,
                approved_by=approver,
            )
        except DomainError as error:  # nothing was written: the cart is still there to try again
            screen.say(fill(self.tr("Transaksi belum tersimpan: {0}"), str(error)), True)
            return
        screen.show_completed(sale)
        screen.sale_completed.emit(sale)
        self.send_receipt(sale.receipt_no)

    def send_receipt(self, receipt_no: str, reprint: bool = False) -> None:
        """Build the receipt off the GUI thread, then hand it to the printer (which has its own thread)."""
        self.runner.run(
            lambda: self.backend.receipt(receipt_no, reprint=reprint),
            self.print_receipt,
            lambda error: self.screen.say(fill(self.tr("Struk tidak bisa dibuat: {0}"), str(error)), True),
        )

    def reprint(self) -> None:
        receipt_no = self.backend.last_receipt_no()
        if receipt_no is None:
            self.screen.say(self.tr("Belum ada struk untuk dicetak ulang."))
            return
        self.send_receipt(receipt_no, reprint=True)
        self.screen.say(fill(self.tr("Cetak ulang struk {0}."), receipt_no))


class HeldListDialog(QDialog):
    """Parked sales, oldest first; Enter recalls the highlighted one."""

    def __init__(self, parked: list[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldDialog")
        self.setWindowTitle(self.tr("Panggil transaksi (F11)"))
        self.chosen: int | None = None
        self.list = QListWidget(objectName="heldList")
        for view in parked:
            item = QListWidgetItem(
                f"{view.label} · {view.item_count} barang · {format_rupiah(view.total)} · {view.cashier}"
            )
            item.setData(Qt.ItemDataRole.UserRole, view.held_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.pick())
        ok = big_button(self.tr("Panggil"), "Enter", self, primary=True)
        ok.clicked.connect(self.pick)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(ok)
        self.resize(560, 400)

    def pick(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
