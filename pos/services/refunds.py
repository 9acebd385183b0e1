"""Refunds of completed sales: whole or some lines, approved by a manager, with a reason.

Amounts are exact ints. A line's money is what the customer paid for it (its `net`, plus PPN added on
top for `ppn_added` products); refunding k of q units after r were refunded already returns
floor(paid * (r + k) / q) - floor(paid * r / q), so refunding a line in any number of pieces returns
exactly what was paid for it, and a full line returns it whole.

One transaction writes the Refund and its lines, the stock coming back (kind 'refund'), the `refund`
outbox event and the audit entry; any error rolls all of it back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from pos.core.errors import DomainError
from pos.core.scan import route_scan
from pos.core.timeutil import business_date, utc_now
from pos.db.models import Refund, RefundLine, Sale, SaleLine, Shift, StockMovement, User
from pos.db.uow import UnitOfWork
from pos.services import audit, checkout, outbox
from pos.services.context import Actor, Role, require_role
from pos.sync.protocol import events as wire


class RefundError(DomainError):
    """The refund cannot be made as asked; nothing was written (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class RefundableLine:
    sale_line_id: int
    line_no: int
    product_id: int
    product_code: str
    name: str
    unit_price: int
    qty_sold: int
    qty_refunded: int
    paid: int  # what the customer paid for the whole line (net, plus any PPN added on top)
    refunded_amount: int

    @property
    def qty_refundable(self) -> int:
        return self.qty_sold - self.qty_refunded

    @property
    def net_per_unit(self) -> int:
        """For the screen; the exact amount of a partial refund comes from `amount_for`."""
        return self.paid // self.qty_sold

    def amount_for(self, qty: int) -> int:
        """Rupiah returned for refunding `qty` more units (pro rata, exact over all pieces)."""
        done = self.qty_refunded
        return self.paid * (done + qty) // self.qty_sold - self.paid * done // self.qty_sold


@dataclass(frozen=True)
class RefundableSale:
    sale_id: int
    uuid: str
    receipt_no: str
    business_date: date
    created_at: datetime
    cashier: str
    buyer_nip: str | None
    total: int
    refunded_total: int
    lines: tuple[RefundableLine, ...]

    @property
    def fully_refunded(self) -> bool:
        return all(line.qty_refundable == 0 for line in self.lines)


@dataclass(frozen=True)
class RefundedLine:
    sale_line_id: int
    product_code: str
    name: str
    qty: int
    amount: int


@dataclass(frozen=True)
class RefundResult:
    refund_id: int
    uuid: str
    refund_no: str
    sale_uuid: str
    sale_receipt_no: str
    business_date: date
    created_at: datetime
    reason: str
    cashier: str
    approved_by: str
    total: int
    lines: tuple[RefundedLine, ...]


def _find_sale(uow: UnitOfWork, text: str) -> Sale:
    route = route_scan(text)
    if route.kind == "receipt" and route.receipt is not None:
        sale = uow.session.scalar(select(Sale).where(Sale.uuid == route.receipt.sale_uuid))
    else:
        receipt_no = text.strip().upper()
        sale = uow.session.scalar(select(Sale).where(Sale.receipt_no == receipt_no)) if receipt_no else None
    if sale is None:
        raise RefundError(f"Struk {route.value or text.strip()} tidak ditemukan di kasir ini.")
    return sale


def _paid_per_line(lines: list[SaleLine]) -> dict[int, int]:
    """What the customer paid for each line: its net, plus its PPN when that was added on top."""
    return {line.id: line.net + (line.tax if line.tax_mode == "ppn_added" else 0) for line in lines}


def _refundable(uow: UnitOfWork, sale: Sale) -> RefundableSale:
    lines = list(
        uow.session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no))
    )
    done = {
        line_id: (int(qty), int(amount))
        for line_id, qty, amount in uow.session.execute(
            select(RefundLine.sale_line_id, func.sum(RefundLine.qty), func.sum(RefundLine.amount))
            .where(RefundLine.sale_line_id.in_([line.id for line in lines]))
            .group_by(RefundLine.sale_line_id)
        )
    }
    paid = _paid_per_line(lines)
    cashier = uow.session.get_one(User, sale.cashier_id)
    refundable_lines = tuple(
        RefundableLine(
            sale_line_id=line.id,
            line_no=line.line_no,
            product_id=line.product_id,
            product_code=line.product_code,
            name=line.name,
            unit_price=line.unit_price,
            qty_sold=line.qty,
            qty_refunded=done.get(line.id, (0, 0))[0],
            paid=paid[line.id],
            refunded_amount=done.get(line.id, (0, 0))[1],
        )
        for line in lines
    )
    return RefundableSale(
        sale_id=sale.id,
        uuid=sale.uuid,
        receipt_no=sale.receipt_no,
        business_date=date.fromisoformat(sale.business_date),
        created_at=sale.created_at,
        cashier=cashier.username,
        buyer_nip=sale.buyer_nip,
        total=sale.total,
        refunded_total=sum(line.refunded_amount for line in refundable_lines),
        lines=refundable_lines,
    )


def find_sale_for_refund(uow: UnitOfWork, receipt_no_or_qr_text: str) -> RefundableSale:
    """A sale by its receipt number or the text of its receipt QR ("NTTPOS1|<receipt_no>|<uuid>")."""
    return _refundable(uow, _find_sale(uow, receipt_no_or_qr_text))


def _chosen(sale: RefundableSale, lines: Mapping[int, int] | None) -> list[tuple[RefundableLine, int]]:
    if lines is None:
        chosen = [(line, line.qty_refundable) for line in sale.lines if line.qty_refundable > 0]
        if not chosen:
            raise RefundError(f"Struk {sale.receipt_no} sudah direfund seluruhnya.")
        return chosen
    by_id = {line.sale_line_id: line for line in sale.lines}
    picked: list[tuple[RefundableLine, int]] = []
    for line_id, qty in lines.items():
        line = by_id.get(line_id)
        if line is None:
            raise RefundError(f"Baris {line_id} bukan bagian dari struk {sale.receipt_no}.")
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
            raise RefundError(f"Jumlah refund {line.name} harus bilangan bulat positif.")
        if qty > line.qty_refundable:
            raise RefundError(
                f"Jumlah refund {line.name} ({qty}) melebihi yang bisa direfund ({line.qty_refundable})."
            )
        if qty:
            picked.append((line, qty))
    if not picked:
        raise RefundError("Pilih paling sedikit satu barang untuk direfund.")
    return sorted(picked, key=lambda pair: pair[0].line_no)


def _check_shift(uow: UnitOfWork, shift_id: int | None) -> None:
    if shift_id is None:
        return
    shift = uow.session.get(Shift, shift_id)
    if shift is None or shift.closed_at is not None:
        raise RefundError("Refund dibayar dari laci shift yang sedang buka; shift ini tidak buka.")


def refund_sale(
    uow: UnitOfWork,
    actor: Actor,
    approver: Actor,
    sale_receipt_no: str,
    lines: Mapping[int, int] | None,
    reason: str,
    shift_id: int | None,
    *,
    now: datetime | None = None,
) -> RefundResult:
    """Refund `lines` ({sale_line_id: qty}; None = everything not yet refunded) of a sale and commit.

    `approver` must be a manager or admin (the UI gets one with `users.authorize`); it may be `actor`.
    """
    require_role(approver, Role.MANAGER, "Menyetujui refund")
    reason = (reason or "").strip()
    if not reason:
        raise RefundError("Alasan refund wajib diisi.")
    sale = find_sale_for_refund(uow, sale_receipt_no)
    chosen = _chosen(sale, lines)
    _check_shift(uow, shift_id)
    amounts = [(line, qty, line.amount_for(qty)) for line, qty in chosen]
    total = sum(amount for _, _, amount in amounts)
    if total <= 0:
        raise RefundError("Barang yang dipilih bernilai Rp0; tidak ada uang yang dikembalikan.")
    try:
        return _write(uow, actor, approver, sale, amounts, total, reason, shift_id, now or utc_now())
    except BaseException:
        uow.rollback()
        raise


def _write(
    uow: UnitOfWork,
    actor: Actor,
    approver: Actor,
    sale: RefundableSale,
    amounts: list[tuple[RefundableLine, int, int]],
    total: int,
    reason: str,
    shift_id: int | None,
    now: datetime,
) -> RefundResult:
    outlet = checkout.outlet_info(uow)
    day = business_date(now, outlet.timezone)
    refund_no = checkout.receipt_number(outlet, day, checkout.next_number(uow, day, "refund"), prefix="R")
    refund = Refund(
        uuid=str(uuid.uuid4()),
        refund_no=refund_no,
        sale_id=sale.sale_id,
        business_date=day.isoformat(),
        created_at=now,
        user_id=actor.user_id,
        approved_by=approver.user_id,
        shift_id=shift_id,
        reason=reason[:240],
        total=total,
    )
    uow.session.add(refund)
    uow.session.flush()
    for line, qty, amount in amounts:
        uow.session.add(
            RefundLine(refund_id=refund.id, sale_line_id=line.sale_line_id, qty=qty, amount=amount)
        )
        uow.session.add(
            StockMovement(
                uuid=str(uuid.uuid4()),
                product_id=line.product_id,
                qty=qty,
                kind="refund",
                reason=refund_no,
                ref=refund.uuid,
                user_id=actor.user_id,
                created_at=now,
            )
        )
    refunded = tuple(
        RefundedLine(line.sale_line_id, line.product_code, line.name, qty, amount)
        for line, qty, amount in amounts
    )
    event = wire.Refund(
        uuid=refund.uuid,
        sale_uuid=sale.uuid,
        receipt_no=refund_no,
        created_at=now,
        business_date=day,
        reason=refund.reason,
        approved_by=approver.username,
        total=total,
        lines=tuple(wire.RefundLine(r.product_code, r.qty, r.amount) for r in refunded),
    )
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)
    audit.record(
        uow,
        actor,
        "sale.refund",
        refund_no=refund_no,
        sale_receipt_no=sale.receipt_no,
        approved_by=approver.username,
        total=total,
        reason=refund.reason,
        lines={str(r.sale_line_id): r.qty for r in refunded},
    )
    uow.session.flush()
    uow.commit()
    return RefundResult(
        refund_id=refund.id,
        uuid=refund.uuid,
        refund_no=refund_no,
        sale_uuid=sale.uuid,
        sale_receipt_no=sale.receipt_no,
        business_date=day,
        created_at=now,
        reason=refund.reason,
        cashier=actor.username,
        approved_by=approver.username,
        total=total,
        lines=refunded,
    )
