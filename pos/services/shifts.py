"""Cashier shifts: open with a float, X report at any time, close with a cash count by denomination.

Cash in the drawer is worked out, never stored while the shift runs (`pos.services.drawer`):
expected = opening float + cash kept from sales (cash handed over minus change) - refunds paid out
+ cash put in - cash taken out outside a sale (`pos.services.cash_movements`, with consignment payouts
paid in cash from the drawer).
Refunds are paid out in cash from the drawer of the shift they are made in (`Refund.shift_id`): a
self-made dynamic QRIS payment cannot be reversed by the till, so cash is the one way a till refunds.
Closing needs no network: the close is one transaction with its `shift_close` outbox event.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select

from pos.core.errors import DomainError
from pos.core.payments import PAYMENT_LABELS, PaymentMethod
from pos.core.report_documents import ShiftReportData
from pos.core.timeutil import business_date, local_time, utc_now
from pos.db.models import Payment, Refund, Sale, Shift, User
from pos.db.uow import UnitOfWork
from pos.services import audit, backups, cash_movements, checkout, outbox
from pos.services.context import Actor, PermissionDenied, Role
from pos.services.drawer import drawer_cash
from pos.sync.protocol import outlet_events as wire

# Indonesian notes and the coins still in use, largest first (the order of the count screen).
DENOMINATIONS: tuple[int, ...] = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
MAX_COUNT_PER_DENOMINATION = 100_000


class ShiftError(DomainError):
    """A shift cannot be opened, found or closed as asked (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class ShiftView:
    shift_id: int
    uuid: str
    user_id: int
    cashier: str
    cashier_name: str
    opened_at: datetime
    opening_float: int
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ShiftSummary:
    """X report data while open, Z report data once closed (then `counted_cash` and `difference` are set).

    `cash_sales` is the cash kept from sales (cash in - change); `gross` is the sum of sale totals;
    `non_cash_by_method` pairs a method ("qris", "debit", "transfer") with its total, in that order;
    `refunds` is the cash paid back for refunds made in this shift; `cash_in` / `cash_out` the cash
    movements, each listed in `movements` as (label, signed amount), oldest first.
    """

    shift_id: int
    uuid: str
    user_id: int
    cashier: str
    cashier_name: str
    opened_at: datetime
    closed_at: datetime | None
    opening_float: int
    sale_count: int
    gross: int
    cash_sales: int
    non_cash_by_method: tuple[tuple[str, int], ...]
    refund_count: int
    refunds: int
    expected_cash: int
    counted_cash: int | None
    counts: tuple[tuple[int, int], ...]
    difference: int | None
    cash_in: int = 0
    cash_out: int = 0
    movements: tuple[tuple[str, int], ...] = ()
    # set by close_shift: the backup taken after the close (its `note` says what failed, for the screen)
    backup: backups.BackupOutcome | None = None

    @property
    def non_cash(self) -> int:
        return sum(amount for _, amount in self.non_cash_by_method)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


def may_work_without_shift(actor: Actor) -> bool:
    """A manager or admin may sign in for the back office and the Admin menu without opening a cash
    shift; a cashier signs in to sell, and selling needs a shift (the till asks for its float)."""
    return actor.at_least(Role.MANAGER)


def _view(shift: Shift, user: User) -> ShiftView:
    return ShiftView(
        shift_id=shift.id,
        uuid=shift.uuid,
        user_id=shift.user_id,
        cashier=user.username,
        cashier_name=user.full_name,
        opened_at=shift.opened_at,
        opening_float=shift.opening_float,
        closed_at=shift.closed_at,
    )


def _check_amount(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ShiftError(f"{what} harus bilangan bulat rupiah, tidak negatif.")
    return value


def _open_shift_of(uow: UnitOfWork, user_id: int) -> Shift | None:
    return uow.session.scalar(
        select(Shift).where(Shift.user_id == user_id, Shift.closed_at.is_(None)).order_by(Shift.id).limit(1)
    )


def open_shift(
    uow: UnitOfWork, actor: Actor, opening_float: int, *, now: datetime | None = None
) -> ShiftView:
    """Open a shift for `actor`; a user has at most one open shift at a time."""
    _check_amount(opening_float, "Modal awal")
    if _open_shift_of(uow, actor.user_id) is not None:
        raise ShiftError("Anda masih punya shift yang terbuka. Tutup shift itu dulu.")
    shift = Shift(
        uuid=str(uuid.uuid4()),
        user_id=actor.user_id,
        opened_at=now or utc_now(),
        opening_float=opening_float,
    )
    uow.session.add(shift)
    uow.session.flush()
    audit.record(uow, actor, "shift.open", shift_id=shift.id, opening_float=opening_float)
    user = uow.session.get_one(User, actor.user_id)
    view = _view(shift, user)
    uow.commit()
    return view


def current_shift(uow: UnitOfWork, actor: Actor) -> ShiftView | None:
    """The actor's open shift, or None (the UI then asks for an opening float)."""
    shift = _open_shift_of(uow, actor.user_id)
    if shift is None:
        return None
    return _view(shift, uow.session.get_one(User, shift.user_id))


def _get_shift(uow: UnitOfWork, shift_id: int) -> Shift:
    shift = uow.session.get(Shift, shift_id)
    if shift is None:
        raise ShiftError(f"Shift {shift_id} tidak ditemukan.")
    return shift


def _ordered_counts(raw: Mapping[str, int] | None) -> tuple[tuple[int, int], ...]:
    if not raw:
        return ()
    return tuple((denomination, int(raw.get(str(denomination), 0))) for denomination in DENOMINATIONS)


def shift_summary(uow: UnitOfWork, shift_id: int) -> ShiftSummary:
    """X report data for an open shift (or the Z report data of a closed one), from the shift's rows."""
    shift = _get_shift(uow, shift_id)
    user = uow.session.get_one(User, shift.user_id)
    session = uow.session
    sale_count, gross = session.execute(
        select(func.count(Sale.id), func.coalesce(func.sum(Sale.total), 0)).where(Sale.shift_id == shift_id)
    ).one()
    by_method: dict[str, int] = {
        method: int(amount)
        for method, amount in session.execute(
            select(Payment.method, func.sum(Payment.amount))
            .join(Sale, Sale.id == Payment.sale_id)
            .where(Sale.shift_id == shift_id)
            .group_by(Payment.method)
        )
    }
    refund_count = session.scalar(select(func.count(Refund.id)).where(Refund.shift_id == shift_id))
    non_cash = tuple(
        (method.value, by_method[method.value])
        for method in PaymentMethod
        if method is not PaymentMethod.CASH and by_method.get(method.value)
    )
    movements = tuple((m.label, m.signed) for m in cash_movements.for_shift(uow, shift_id))
    drawer = drawer_cash(uow, shift)
    closed = shift.closed_at is not None
    return ShiftSummary(
        shift_id=shift.id,
        uuid=shift.uuid,
        user_id=shift.user_id,
        cashier=user.username,
        cashier_name=user.full_name,
        opened_at=shift.opened_at,
        closed_at=shift.closed_at,
        opening_float=shift.opening_float,
        sale_count=int(sale_count),
        gross=int(gross),
        cash_sales=drawer.cash_sales,
        non_cash_by_method=non_cash,
        refund_count=int(refund_count or 0),
        refunds=drawer.refunds,
        cash_in=drawer.cash_in,
        cash_out=drawer.cash_out,
        movements=movements,
        # A closed shift reports what was fixed at its close, even if rows were added afterwards.
        expected_cash=shift.expected_cash if closed and shift.expected_cash is not None else drawer.expected,
        counted_cash=shift.counted_cash if closed else None,
        counts=_ordered_counts(shift.counts) if closed else (),
        difference=(shift.counted_cash - shift.expected_cash)
        if closed and shift.counted_cash is not None and shift.expected_cash is not None
        else None,
    )


def _checked_counts(counts: Mapping[int, int]) -> dict[int, int]:
    checked: dict[int, int] = {}
    for denomination, count in counts.items():
        if denomination not in DENOMINATIONS:
            raise ShiftError(f"Pecahan {denomination} tidak dikenal.")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ShiftError(f"Jumlah pecahan {denomination} harus bilangan bulat, tidak negatif.")
        if count > MAX_COUNT_PER_DENOMINATION:
            raise ShiftError(f"Jumlah pecahan {denomination} tidak masuk akal ({count}).")
        checked[denomination] = count
    return {denomination: checked.get(denomination, 0) for denomination in DENOMINATIONS}


def close_shift(
    uow: UnitOfWork, actor: Actor, shift_id: int, counts: Mapping[int, int], *, now: datetime | None = None
) -> ShiftSummary:
    """Close a shift with the counted cash (notes and coins by denomination); the Z report data.

    A cashier closes their own shift; a manager or admin may close anyone's.
    """
    shift = _get_shift(uow, shift_id)
    if shift.user_id != actor.user_id and not actor.at_least(Role.MANAGER):
        raise PermissionDenied("Kasir hanya boleh menutup shift miliknya sendiri.")
    if shift.closed_at is not None:
        raise ShiftError("Shift ini sudah ditutup.")
    checked = _checked_counts(counts)
    before = shift_summary(uow, shift_id)
    counted = sum(denomination * count for denomination, count in checked.items())
    now = now or utc_now()
    shift.closed_at = now
    shift.expected_cash = before.expected_cash
    shift.counted_cash = counted
    shift.counts = {str(denomination): count for denomination, count in checked.items()}
    shift.closed_by = actor.user_id
    uow.session.flush()
    summary = shift_summary(uow, shift_id)
    audit.record(
        uow,
        actor,
        "shift.close",
        shift_id=shift.id,
        expected=summary.expected_cash,
        counted=counted,
        difference=summary.difference,
    )
    outlet = checkout.outlet_info(uow)
    event = wire.ShiftClose(
        uuid=shift.uuid,
        business_date=business_date(now, outlet.timezone),
        opened_at=shift.opened_at,
        closed_at=now,
        cashier=summary.cashier,
        closed_by=actor.username,
        opening_float=summary.opening_float,
        sale_count=summary.sale_count,
        gross=summary.gross,
        cash_sales=summary.cash_sales,
        non_cash=dict(summary.non_cash_by_method),
        refund_count=summary.refund_count,
        refunds=summary.refunds,
        expected_cash=summary.expected_cash,
        counted_cash=counted,
        difference=counted - summary.expected_cash,
        counts=dict(shift.counts or {}),
    )
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)
    uow.commit()
    # After the commit, never inside it: the close is safe whatever the backup does, and a failed
    # backup is only a banner for the manager (and a log line).
    return replace(summary, backup=backups.after_shift_close(uow))


def report_data(
    summary: ShiftSummary, outlet_name: str, zone: str, *, printed_at: datetime | None = None
) -> ShiftReportData:
    """The printable X (open shift) or Z (closed shift) report of a summary, times in the outlet's zone."""
    kind: Literal["X", "Z"] = "Z" if summary.is_closed else "X"
    return ShiftReportData(
        kind=kind,
        outlet_name=outlet_name,
        shift_id=str(summary.shift_id),
        cashier=summary.cashier_name,
        opened_at=local_time(summary.opened_at, zone),
        closed_at=local_time(summary.closed_at, zone) if summary.closed_at else None,
        opening_float=summary.opening_float,
        cash_sales=summary.cash_sales,
        non_cash_by_method=tuple(
            (PAYMENT_LABELS[PaymentMethod(method)], amount) for method, amount in summary.non_cash_by_method
        ),
        refunds=summary.refunds,
        expected_cash=summary.expected_cash,
        counted_cash=tuple((d, c) for d, c in summary.counts if c),
        cash_movements=summary.movements,
        difference=summary.difference,
        sale_count=summary.sale_count,
        refund_count=summary.refund_count,
        printed_at=local_time(printed_at, zone) if printed_at else None,
    )
