"""Cash in and out of a shift's drawer outside a sale (kas masuk / kas keluar).

Every movement has a reason, is approved by a manager (their PIN, `pos.services.users.authorize`; a
manager recording one approves it themselves), is recorded against an open shift, and is written to
the audit log in the same transaction. The shift's expected cash counts it (`pos.services.shifts`)
and the X/Z reports list it.

Movements are not sync events of their own: the province gets their effect in the `shift_close`
event's `expected_cash` and `difference`, which is all it reports on for a shift.

A consignment payout paid in cash (`pos.services.consignment.record_payout`) is a cash-out of the
paying manager's open shift, written with the payout; see `payout_from_drawer` for the rule when the
manager has no shift open.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.timeutil import utc_now
from pos.db.models import CashMovement, Shift, User
from pos.db.uow import UnitOfWork
from pos.services import approvals, audit
from pos.services.context import Actor, PermissionDenied
from pos.services.drawer import drawer_cash

IN: Final = "in"
OUT: Final = "out"
DIRECTION_LABELS: Final = {IN: "Kas masuk", OUT: "Kas keluar"}

# reason -> (label, directions it may take). Petty cash and the change float go both ways: money taken
# for a purchase or a float handed back to the safe, and the unspent rest or a float topped up.
REASONS: Final[dict[str, tuple[str, frozenset[str]]]] = {
    "producer_payout": ("Bayar produsen", frozenset({OUT})),
    "petty_cash": ("Kas kecil", frozenset({IN, OUT})),
    "bank_deposit": ("Setor ke bank", frozenset({OUT})),
    "change_float": ("Uang kembalian", frozenset({IN, OUT})),
}
MAX_NOTE = 240


class CashMovementError(DomainError):
    """The movement cannot be recorded as asked; nothing was written."""


@dataclass(frozen=True)
class CashMovementView:
    movement_id: int
    uuid: str
    shift_id: int
    direction: str
    reason: str
    amount: int
    note: str
    recorded_by: str
    approved_by: str
    created_at: datetime
    payout_id: int | None = None

    @property
    def signed(self) -> int:
        """What it does to the drawer: positive in, negative out."""
        return self.amount if self.direction == IN else -self.amount

    @property
    def label(self) -> str:
        """e.g. `Kas keluar: Setor ke bank (BRI)`, for reports and lists."""
        text = f"{DIRECTION_LABELS[self.direction]}: {REASONS[self.reason][0]}"
        return f"{text} ({self.note})" if self.note else text


def _check(direction: str, reason: str, amount: object) -> int:
    if direction not in DIRECTION_LABELS:
        raise CashMovementError("Arah kas harus masuk atau keluar.")
    if reason not in REASONS:
        raise CashMovementError("Alasan kas tidak dikenal.")
    label, directions = REASONS[reason]
    if direction not in directions:
        only = DIRECTION_LABELS[next(iter(directions))].lower()
        raise CashMovementError(f"{label} hanya bisa sebagai {only}.")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise CashMovementError("Jumlah harus lebih dari Rp0.")
    return amount


def record(
    uow: UnitOfWork,
    actor: Actor,
    approver: Actor,
    shift_id: int,
    direction: str,
    reason: str,
    amount: int,
    note: str = "",
    *,
    payout_id: int | None = None,
    now: datetime | None = None,
    commit: bool = True,
) -> CashMovementView:
    """Record one movement against an open shift; a cash-out never takes the drawer below Rp0.

    `approver` is the manager who gave their PIN (or `actor` when a manager records it).
    """
    amount = _check(direction, reason, amount)
    note = note.strip()[:MAX_NOTE]
    if not approvals.is_active_manager(uow, approver):
        raise PermissionDenied("Kas masuk/keluar harus disetujui manajer.")
    shift = uow.session.get(Shift, shift_id)
    if shift is None or shift.closed_at is not None:
        raise CashMovementError("Kas masuk/keluar hanya bisa dicatat pada shift yang masih terbuka.")
    if direction == OUT:
        in_drawer = drawer_cash(uow, shift).expected
        if amount > in_drawer:
            raise CashMovementError(
                f"Kas keluar {format_rupiah(amount)} melebihi uang di laci ({format_rupiah(in_drawer)})."
            )
    row = CashMovement(
        uuid=str(uuid.uuid4()),
        shift_id=shift_id,
        direction=direction,
        reason=reason,
        amount=amount,
        note=note,
        user_id=actor.user_id,
        approved_by=approver.user_id,
        payout_id=payout_id,
        created_at=now or utc_now(),
    )
    uow.session.add(row)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        f"cash.{direction}",
        shift_id=shift_id,
        reason=reason,
        amount=amount,
        note=note,
        approved_by=approver.username,
        payout_id=payout_id,
    )
    view = _view(row, actor.username, approver.username)
    if commit:
        uow.commit()
    return view


def payout_from_drawer(
    uow: UnitOfWork, manager: Actor, amount: int, note: str, payout_id: int, now: datetime
) -> CashMovementView | None:
    """The cash-out of a consignment payout paid in cash, inside the payout's transaction (no commit).

    The rule: the cash comes out of the paying manager's own open shift, if they have one. With no
    shift open, the cash was paid from money outside any till drawer (the office safe): no drawer
    changes, and the payout's audit entry says so (`shift_id` None). Another cashier's drawer is
    never touched: only its own cashier counts it.
    """
    shift = uow.session.scalar(
        select(Shift).where(Shift.user_id == manager.user_id, Shift.closed_at.is_(None)).order_by(Shift.id)
    )
    if shift is None:
        return None
    return record(
        uow, manager, manager, shift.id, OUT, "producer_payout", amount, note,
        payout_id=payout_id, now=now, commit=False,
    )  # fmt: skip


def for_shift(uow: UnitOfWork, shift_id: int) -> list[CashMovementView]:
    """The shift's movements, oldest first."""
    rows = uow.session.scalars(
        select(CashMovement).where(CashMovement.shift_id == shift_id).order_by(CashMovement.id)
    ).all()
    names = {
        user.id: user.username
        for user in uow.session.scalars(
            select(User).where(User.id.in_({r.user_id for r in rows} | {r.approved_by for r in rows}))
        )
    }
    return [_view(r, names.get(r.user_id, "?"), names.get(r.approved_by, "?")) for r in rows]


def _view(row: CashMovement, by: str, approver: str) -> CashMovementView:
    return CashMovementView(
        movement_id=row.id,
        uuid=row.uuid,
        shift_id=row.shift_id,
        direction=row.direction,
        reason=row.reason,
        amount=row.amount,
        note=row.note,
        recorded_by=by,
        approved_by=approver,
        created_at=row.created_at,
        payout_id=row.payout_id,
    )
