"""The till's use cases as the cashier's screens (and `ntt-pos receipt` / `report`) see them.

Widgets never hold a session or touch the database; they call these methods (each a short
transaction on the till's SQLite file) and render what comes back. The services do the rules and
commit. `pos.app` builds one `TillBackend` from the open database and hands it to the windows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pos.application.admin import AdminBackend
from pos.application.unit_of_work import UnitOfWorkFactory
from pos.core.cart import Cart
from pos.core.document import Block, render_text
from pos.core.payments import Payment
from pos.core.receipt import Receipt, receipt_document
from pos.core.report_documents import shift_report_document
from pos.db.uow import UnitOfWork
from pos.services import (
    approvals,
    asn,
    catalog,
    checkout,
    held,
    open_cart,
    receipts,
    refunds,
    reports,
    sales,
    settings,
    shifts,
    users,
    voids,
)
from pos.services.catalog import ProductView
from pos.services.checkout import CompletedSale
from pos.services.context import Actor, Role
from pos.services.shifts import ShiftSummary, ShiftView
from pos.services.users import UserInfo


@dataclass(frozen=True)
class OutletHeader:
    code: str
    name: str
    timezone: str


@dataclass(frozen=True)
class BuyerInfo:
    """What the buyer panel shows after a NIP was accepted; `name` is None when not in the registry."""

    nip: str
    masked: str
    name: str | None
    agency: str | None
    period_label: str
    before: int
    minimum: int
    this_sale: int

    @property
    def total(self) -> int:
        return self.before + self.this_sale

    @property
    def remaining(self) -> int:
        return max(0, self.minimum - self.total)


class TillBackend:
    """One till's services over one database; every method is a complete, short transaction."""

    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work
        self.refunds = RefundBackend(unit_of_work)
        self.admin = AdminBackend(unit_of_work)  # settings, users, rejected sync events (pos.ui.setup)

    # --- people -------------------------------------------------------------------------------
    def users(self) -> list[UserInfo]:
        with self._uow() as uow:
            return users.list_users(uow)

    def sign_in(self, username: str, pin: str) -> Actor:
        """Slow on purpose (argon2): call it through the TaskRunner."""
        with self._uow() as uow:
            return users.authenticate(uow, username, pin)

    def approve(self, username: str, pin: str, action: str) -> Actor:
        """A manager's PIN for one action (refund, big discount, void); raises DomainError if refused."""
        with self._uow() as uow:
            return users.authorize(uow, username, pin, Role.MANAGER, action)

    def outlet(self) -> OutletHeader:
        with self._uow() as uow:
            found = settings.outlet(uow)
            return OutletHeader(found.code, found.name, found.timezone)

    def setting(self, key: str) -> Any:
        with self._uow() as uow:
            return settings.get(uow, key)

    # --- catalog ------------------------------------------------------------------------------
    def find_product(self, code: str) -> ProductView | None:
        with self._uow() as uow:
            return catalog.find_by_barcode(uow, code)

    def search_products(self, text: str, limit: int = 20) -> list[ProductView]:
        with self._uow() as uow:
            return catalog.search(uow, text, limit=limit)

    # --- selling ------------------------------------------------------------------------------
    def complete_sale(
        self,
        actor: Actor,
        cart: Cart,
        payments: Sequence[Payment],
        *,
        buyer_nip: str | None,
        shift_id: int | None,
        approved_by: Actor | None = None,
    ) -> CompletedSale:
        with self._uow() as uow:
            open_cart.discard(uow, commit=False)  # goes with the sale's commit: never sold and offered again
            return checkout.complete_sale(
                uow, actor, cart, payments, buyer_nip=buyer_nip, shift_id=shift_id, approved_by=approved_by
            )

    def needs_approval(self, cart: Cart) -> list[str]:
        """What in the cart is above the discount / price-cut limits (empty: no manager needed)."""
        with self._uow() as uow:
            return approvals.needs_approval(uow, cart)

    def receipt(self, receipt_no: str, *, reprint: bool = False) -> Receipt:
        """The receipt as first issued (kept with the sale); a reprint is marked "CETAK ULANG"."""
        with self._uow() as uow:
            return receipts.receipt(uow, receipt_no, reprint=reprint)

    def mark_printed(self, receipt_no: str) -> None:
        with self._uow() as uow:
            receipts.mark_printed(uow, receipt_no)

    def unprinted_receipts(self) -> list[receipts.UnprintedReceipt]:
        with self._uow() as uow:
            return receipts.unprinted(uow)

    def receipt_text(self, receipt: Receipt) -> str:
        return render_text(receipt_document(receipt, self.receipt_width()), self.receipt_width())

    def receipt_width(self) -> int:
        with self._uow() as uow:
            return settings.receipt_columns(uow)

    def last_receipt_no(self) -> str | None:
        with self._uow() as uow:
            return sales.last_receipt_no(uow)

    def find_sale(self, receipt_no: str) -> sales.SaleView:
        with self._uow() as uow:
            return sales.find_sale(uow, receipt_no)

    def totals(self) -> reports.Totals:
        """Sales, takings, refunds and what is not yet synced, over the whole database."""
        with self._uow() as uow:
            return reports.totals(uow)

    # --- voids (audited) ------------------------------------------------------------------------
    def void_needs_manager(self, actor: Actor) -> bool:
        with self._uow() as uow:
            return voids.void_needs_manager(uow, actor)

    def record_void(self, actor: Actor, approver: Actor | None, what: str, detail: dict[str, Any]) -> None:
        """Audit a void before the cart changes; raises DomainError when it is not allowed."""
        with self._uow() as uow:
            voids.record_void(uow, actor, approver, what, detail)

    # --- parked sales -------------------------------------------------------------------------
    def park(self, actor: Actor, cart: Cart, label: str | None, buyer_nip: str | None) -> held.HeldView:
        with self._uow() as uow:
            open_cart.discard(uow, commit=False)  # parked and no longer in progress, in one commit
            return held.park(uow, actor, cart, label, buyer_nip=buyer_nip)

    def held_sales(self) -> list[held.HeldView]:
        with self._uow() as uow:
            return held.list_held(uow)

    def recall(self, actor: Actor, held_id: int) -> held.RecalledCart:
        with self._uow() as uow:
            return open_cart.recall_parked(uow, actor, held_id)

    # --- the cart in progress, kept across a crash ------------------------------------------------
    def save_open_cart(self, actor: Actor, cart: Cart, buyer_nip: str | None) -> None:
        self.save_open_snapshot(actor, open_cart.snapshot_of(cart, buyer_nip))

    def save_open_snapshot(self, actor: Actor, snapshot: dict[str, Any]) -> None:
        """Called on the journal's thread (pos.ui.journal)."""
        with self._uow() as uow:
            open_cart.save(uow, actor, snapshot)

    def left_open_cart(self) -> open_cart.OpenCartView | None:
        """A cart that was in progress when the till stopped (crash, power cut), or None."""
        with self._uow() as uow:
            return open_cart.load(uow)

    def discard_open_cart(self) -> None:
        with self._uow() as uow:
            open_cart.discard(uow)

    # --- buyer (ASN) --------------------------------------------------------------------------
    def buyer(self, nip_text: str, this_sale: int) -> BuyerInfo:
        """Parse and look up a buyer's NIP; raises InvalidNip (with the reason) for a bad number."""
        with self._uow() as uow:
            return _buyer_info(uow, nip_text, this_sale)

    # --- shifts -------------------------------------------------------------------------------
    def current_shift(self, actor: Actor) -> ShiftView | None:
        with self._uow() as uow:
            return shifts.current_shift(uow, actor)

    def open_shift(self, actor: Actor, opening_float: int) -> ShiftView:
        with self._uow() as uow:
            return shifts.open_shift(uow, actor, opening_float)

    def shift_summary(self, shift_id: int) -> ShiftSummary:
        with self._uow() as uow:
            return shifts.shift_summary(uow, shift_id)

    def close_shift(self, actor: Actor, shift_id: int, counts: Mapping[int, int]) -> ShiftSummary:
        with self._uow() as uow:
            return shifts.close_shift(uow, actor, shift_id, counts)

    def shift_report(self, summary: ShiftSummary) -> tuple[Block, ...]:
        """The X (open shift) or Z (closed) report as a printable document."""
        outlet = self.outlet()
        data = shifts.report_data(summary, outlet.name, outlet.timezone)
        return tuple(shift_report_document(data, self.receipt_width()))

    def shift_report_text(self, summary: ShiftSummary) -> str:
        return render_text(self.shift_report(summary), self.receipt_width())


def _buyer_info(uow: UnitOfWork, nip: str, this_sale: int) -> BuyerInfo:
    found = asn.identify_buyer(uow, nip, this_sale=this_sale)
    return BuyerInfo(
        nip=found.digits,
        masked=found.nip_masked,
        name=found.name if found.registered else None,
        agency=found.agency if found.registered else None,
        period_label=found.period.label if found.period else "",
        before=found.total_before,
        minimum=found.minimum,
        this_sale=this_sale,
    )


class RefundBackend:
    """Refunds, through `pos.services.refunds` (manager approval is checked there too)."""

    def __init__(self, unit_of_work: UnitOfWorkFactory) -> None:
        self._uow = unit_of_work

    def refundable(self, receipt_no_or_qr: str) -> refunds.RefundableSale:
        with self._uow() as uow:
            return refunds.find_sale_for_refund(uow, receipt_no_or_qr)

    def refund(
        self,
        actor: Actor,
        approver: Actor,
        receipt_no: str,
        lines: Mapping[int, int] | None,
        reason: str,
        shift_id: int | None,
    ) -> refunds.RefundResult:
        with self._uow() as uow:
            return refunds.refund_sale(uow, actor, approver, receipt_no, lines, reason, shift_id)
