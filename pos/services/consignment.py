"""Consignment settlement (titip jual): what the outlet owes each producer for a period, and payouts.

For one producer and a period of business dates (inclusive):
- sold = units on the period's sale lines minus units refunded in the period;
- gross = the lines' `net` (what they earned after all discounts) minus the net refunded in the period.
  A refund belongs to the period it happened in, so a refund after a settled month lowers the next one;
  the net refunded for k of q units after r is floor(net*(r+k)/q) - floor(net*r/q), exact over pieces;
- commission = the producer's commission_bp of the gross of products without a purchase price,
  rounded half up (away from zero when negative), plus, for products with a consignment purchase price,
  gross minus sold x that price;
- owed = gross - commission; paid = payouts recorded for periods inside this one; balance = owed - paid.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, text

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.report_documents import ConsignmentLine, ConsignmentStatement
from pos.core.timeutil import business_date, local_time, utc_now
from pos.db.models import Product, Supplier, SupplierPayout, User
from pos.db.uow import UnitOfWork
from pos.services import audit, cash_movements, checkout, outbox, outlet_sales, settings
from pos.services.context import Actor, Role, require_role
from pos.sync.protocol import outlet_events as wire

PAYOUT_METHODS = {"cash": "Tunai", "transfer": "Transfer"}

# One pass over the producer's lines through ix_sale_lines_supplier_sale, each sale found by its key,
# between the period's first and last sale ids (no sale of the period lies outside them, whatever the
# clock did): without them a month's settlement walked the producer's whole history, and SQLite, left
# to choose, walked every sale of the period once per producer (`+` keeps it off the date index).
_SOLD = text(
    """
    SELECT sl.product_id, SUM(sl.qty) AS qty, SUM(sl.net) AS gross
    FROM sale_lines sl JOIN sales s ON s.id = sl.sale_id
    WHERE sl.supplier_id = :sid AND +s.business_date BETWEEN :start AND :end
      AND sl.sale_id BETWEEN (SELECT MIN(id) FROM sales WHERE business_date BETWEEN :start AND :end)
                         AND (SELECT MAX(id) FROM sales WHERE business_date BETWEEN :start AND :end)
    GROUP BY sl.product_id
    """
)
_REFUNDED = text(
    """
    SELECT rl.sale_line_id, rl.qty, r.id AS refund_id, r.business_date, sl.product_id, sl.qty AS sold,
           sl.net
    FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id JOIN sale_lines sl ON sl.id = rl.sale_line_id
    WHERE sl.supplier_id = :sid AND rl.sale_line_id IN (
        SELECT rl2.sale_line_id FROM refund_lines rl2 JOIN refunds r2 ON r2.id = rl2.refund_id
        WHERE r2.business_date BETWEEN :start AND :end)
    ORDER BY rl.sale_line_id, r.id, rl.id
    """
)


class ConsignmentError(DomainError):
    """The settlement or payout cannot be made as asked; nothing was written."""


@dataclass(frozen=True)
class ProductSettlement:
    product_id: int
    code: str
    name: str
    qty: int
    gross: int
    purchase_price: int | None  # per unit sold; None = the producer's commission applies


@dataclass(frozen=True)
class Settlement:
    supplier_id: int
    supplier_code: str
    supplier_name: str
    period_start: date
    period_end: date
    commission_bp: int
    lines: tuple[ProductSettlement, ...]
    commission: int
    paid: int

    @property
    def qty(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def gross(self) -> int:
        return sum(line.gross for line in self.lines)

    @property
    def owed(self) -> int:
        return self.gross - self.commission

    @property
    def balance(self) -> int:
        return self.owed - self.paid


@dataclass(frozen=True)
class PayoutView:
    payout_id: int
    uuid: str
    supplier_code: str
    period_start: date
    period_end: date
    amount: int
    method: str
    reference: str | None
    note: str
    paid_at: datetime
    paid_by: str


def commission_of(gross: int, bp: int) -> int:
    """bp/10000 of gross, rounded half up (half away from zero for a negative gross)."""
    magnitude = (abs(gross) * bp + 5_000) // 10_000
    return magnitude if gross >= 0 else -magnitude


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ConsignmentError("Tanggal akhir periode tidak boleh sebelum tanggal awal.")


def _refunds(uow: UnitOfWork, supplier_id: int, start: str, end: str) -> dict[int, tuple[int, int]]:
    """product_id -> (units, net) refunded in the period, net apportioned exactly per sale line."""
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    done: dict[int, int] = defaultdict(int)
    params = {"sid": supplier_id, "start": start, "end": end}
    for row in uow.session.connection().execute(_REFUNDED, params):
        before = done[row.sale_line_id]
        done[row.sale_line_id] = before + row.qty
        if start <= row.business_date <= end:
            net = row.net * (before + row.qty) // row.sold - row.net * before // row.sold
            out[row.product_id][0] += row.qty
            out[row.product_id][1] += net
    return {pid: (qty, net) for pid, (qty, net) in out.items()}


def default_period(uow: UnitOfWork, now: datetime | None = None) -> tuple[date, date]:
    """The period a settlement screen starts with: the first of this month to today, both business
    dates in the outlet's zone (at 07:30 WITA, 23:30 UTC the day before, today's sales are in it)."""
    today = business_date(now or utc_now(), checkout.outlet_info(uow).timezone)
    return today.replace(day=1), today


def settle(
    uow: UnitOfWork,
    actor: Actor,
    supplier_id: int,
    start: date,
    end: date,
    *,
    sold: Mapping[int, tuple[int, int]] | None = None,
) -> Settlement:
    """`sold` ({product_id: (units, net)} of the producer's sale lines in the period) may come from the
    report summaries (pos.services.reporting.consignment_owed) instead of the sale lines."""
    require_role(actor, Role.MANAGER, "Melihat penyelesaian titip jual")
    _check_period(start, end)
    supplier = uow.session.get(Supplier, supplier_id)
    if supplier is None:
        raise ConsignmentError(f"Produsen #{supplier_id} tidak dikenal.")
    a, b = start.isoformat(), end.isoformat()
    if sold is None:
        sold = {
            row.product_id: (int(row.qty), int(row.gross))
            for row in uow.session.connection().execute(_SOLD, {"sid": supplier_id, "start": a, "end": b})
        }
    refunded = _refunds(uow, supplier_id, a, b)
    # the other tills of the outlet (pos.services.outlet_sales): one settlement for the whole outlet
    sold = outlet_sales.merged(sold, outlet_sales.other_tills_sold(uow, supplier_id, a, b))
    refunded = outlet_sales.merged(refunded, outlet_sales.other_tills_refunded(uow, supplier_id, a, b))
    ids = sorted(set(sold) | set(refunded))
    info = {p.id: p for p in uow.session.scalars(select(Product).where(Product.id.in_(ids)))}
    lines = []
    for pid in ids:
        qty, gross = sold.get(pid, (0, 0))
        back_qty, back_net = refunded.get(pid, (0, 0))
        product = info[pid]
        lines.append(
            ProductSettlement(
                pid, product.code, product.name, qty - back_qty, gross - back_net, product.consignment_price
            )
        )
    lines.sort(key=lambda line: line.name)
    by_rate = sum(line.gross for line in lines if line.purchase_price is None)
    by_price = sum(
        line.gross - line.qty * line.purchase_price for line in lines if line.purchase_price is not None
    )
    return Settlement(
        supplier_id=supplier.id,
        supplier_code=supplier.code,
        supplier_name=supplier.name,
        period_start=start,
        period_end=end,
        commission_bp=supplier.commission_bp,
        lines=tuple(lines),
        commission=commission_of(by_rate, supplier.commission_bp) + by_price,
        paid=_paid(uow, supplier_id, a, b),
    )


def _paid(uow: UnitOfWork, supplier_id: int, start: str, end: str) -> int:
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(SupplierPayout.amount), 0)).where(
                SupplierPayout.supplier_id == supplier_id,
                SupplierPayout.period_start >= start,
                SupplierPayout.period_end <= end,
            )
        )
        or 0
    )


def overview(uow: UnitOfWork, actor: Actor, start: date, end: date) -> list[Settlement]:
    """Every consignment producer's settlement for the period, those with something to settle first."""
    require_role(actor, Role.MANAGER, "Melihat penyelesaian titip jual")
    ids = uow.session.scalars(
        select(Supplier.id).where(Supplier.consignment.is_(True)).order_by(Supplier.name)
    )
    found = [settle(uow, actor, sid, start, end) for sid in ids]
    return sorted(found, key=lambda s: (s.balance == 0 and s.gross == 0, s.supplier_name))


def record_payout(
    uow: UnitOfWork,
    actor: Actor,
    supplier_id: int,
    start: date,
    end: date,
    amount: int,
    method: str,
    reference: str | None = None,
    note: str = "",
    *,
    now: datetime | None = None,
) -> PayoutView:
    """Pay a producer for a period; never more than the balance, a transfer always with its reference.

    Paid in cash, the money comes out of the paying manager's open shift as a cash-out in the same
    transaction (`cash_movements.payout_from_drawer`; with no shift open it came from outside the till
    drawers and no drawer changes). A payout larger than that drawer holds is refused whole.
    """
    require_role(actor, Role.MANAGER, "Mencatat pembayaran produsen")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ConsignmentError("Jumlah pembayaran harus lebih dari Rp0.")
    if method not in PAYOUT_METHODS:
        raise ConsignmentError("Cara bayar harus tunai atau transfer.")
    reference = (reference or "").strip() or None
    if method == "transfer" and reference is None:
        raise ConsignmentError("Nomor referensi transfer wajib diisi.")
    settlement = settle(uow, actor, supplier_id, start, end)
    if amount > settlement.balance:
        raise ConsignmentError(
            f"Pembayaran {format_rupiah(amount)} melebihi sisa yang harus dibayar "
            f"({format_rupiah(settlement.balance)})."
        )
    now = now or utc_now()
    row = SupplierPayout(
        uuid=str(uuid.uuid4()),
        supplier_id=supplier_id,
        period_start=start.isoformat(),
        period_end=end.isoformat(),
        amount=amount,
        method=method,
        reference=reference,
        note=note.strip()[:240],
        user_id=actor.user_id,
        paid_at=now,
    )
    uow.session.add(row)
    uow.session.flush()
    event = wire.Payout(
        uuid=row.uuid,
        supplier_code=settlement.supplier_code,
        period_start=date.fromisoformat(row.period_start),
        period_end=date.fromisoformat(row.period_end),
        gross=settlement.gross,
        commission=settlement.commission,
        amount=amount,
        method=method,
        reference=reference,
        paid_at=now,
        user=actor.username,
    )
    outlet = checkout.outlet_info(uow)
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)
    drawer = None
    if method == "cash":
        note_text = f"{settlement.supplier_code} {row.period_start} s/d {row.period_end}"
        try:
            drawer = cash_movements.payout_from_drawer(uow, actor, amount, note_text, row.id, now)
        except cash_movements.CashMovementError as error:
            raise ConsignmentError(f"Pembayaran tunai dari laci shift Anda: {error}") from None
    audit.record(
        uow,
        actor,
        "supplier.payout",
        supplier=settlement.supplier_code,
        amount=amount,
        method=method,
        reference=reference,
        period=[row.period_start, row.period_end],
        shift_id=drawer.shift_id if drawer else None,
    )
    uow.commit()
    return _payout_view(row, settlement.supplier_code, actor.username)


def _payout_view(row: SupplierPayout, code: str, by: str) -> PayoutView:
    return PayoutView(
        row.id,
        row.uuid,
        code,
        date.fromisoformat(row.period_start),
        date.fromisoformat(row.period_end),
        row.amount,
        row.method,
        row.reference,
        row.note,
        row.paid_at,
        by,
    )


def payouts(uow: UnitOfWork, supplier_id: int) -> list[PayoutView]:
    rows = uow.session.execute(
        select(SupplierPayout, Supplier.code, User.username)
        .join(Supplier, Supplier.id == SupplierPayout.supplier_id)
        .outerjoin(User, User.id == SupplierPayout.user_id)
        .where(SupplierPayout.supplier_id == supplier_id)
        .order_by(SupplierPayout.paid_at.desc(), SupplierPayout.id.desc())
    ).all()
    return [_payout_view(p, code, name or "-") for p, code, name in rows]


def statement(
    uow: UnitOfWork, settlement: Settlement, *, now: datetime | None = None
) -> ConsignmentStatement:
    """The producer's statement as data; `pos.core.report_documents` lays it out for paper or PDF."""
    outlet = settings.outlet(uow)
    any_price = any(line.purchase_price is not None for line in settlement.lines)
    return ConsignmentStatement(
        outlet_name=outlet.name,
        producer_name=settlement.supplier_name,
        period_start=settlement.period_start,
        period_end=settlement.period_end,
        lines=tuple(
            ConsignmentLine(f"{line.name} [{line.code}]", line.qty, line.gross) for line in settlement.lines
        ),
        commission=settlement.commission,
        amount_owed=settlement.owed,
        paid=settlement.paid,
        balance=settlement.balance,
        commission_rate_bp=None if any_price else settlement.commission_bp,
        producer_code=settlement.supplier_code,
        printed_at=local_time(now or utc_now(), outlet.timezone),
    )
