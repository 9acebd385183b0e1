"""What a shift's cash drawer should hold, worked out from its rows: one formula for the X and Z reports,
the close and the check that a cash-out never takes the drawer below Rp0.

expected = opening float + cash kept from sales (cash handed over minus change) - refunds paid out
+ cash put in - cash taken out outside a sale (`pos.services.cash_movements`).

Reads the rows itself (no other service), so that `shifts` and `cash_movements` can both use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pos.core.payments import PaymentMethod
from pos.db.models import CashMovement, Payment, Refund, Sale, Shift
from pos.db.uow import UnitOfWork


@dataclass(frozen=True)
class DrawerCash:
    opening_float: int
    cash_sales: int  # cash handed over for the shift's sales minus the change given back
    refunds: int  # refunds are paid out in cash from the drawer of the shift they are made in
    cash_in: int
    cash_out: int

    @property
    def expected(self) -> int:
        return self.opening_float + self.cash_sales - self.refunds + self.cash_in - self.cash_out


def drawer_cash(uow: UnitOfWork, shift: Shift) -> DrawerCash:
    session = uow.session
    cash_paid = session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .join(Sale, Sale.id == Payment.sale_id)
        .where(Sale.shift_id == shift.id, Payment.method == PaymentMethod.CASH.value)
    )
    change = session.scalar(select(func.coalesce(func.sum(Sale.change), 0)).where(Sale.shift_id == shift.id))
    refunds = session.scalar(
        select(func.coalesce(func.sum(Refund.total), 0)).where(Refund.shift_id == shift.id)
    )
    moved: dict[str, int] = {
        direction: int(amount)
        for direction, amount in session.execute(
            select(CashMovement.direction, func.sum(CashMovement.amount))
            .where(CashMovement.shift_id == shift.id)
            .group_by(CashMovement.direction)
        )
    }
    return DrawerCash(
        opening_float=shift.opening_float,
        cash_sales=int(cash_paid or 0) - int(change or 0),
        refunds=int(refunds or 0),
        cash_in=moved.get("in", 0),
        cash_out=moved.get("out", 0),
    )
