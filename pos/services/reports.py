"""Till-side figures: sales totals and what is still waiting for the province."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pos.db.models import OutboxEvent, Refund, Sale
from pos.db.uow import UnitOfWork


@dataclass(frozen=True)
class Totals:
    sales: int
    gross: int
    refunds: int
    refunded: int
    unsynced: int  # events not delivered yet: pending or rejected
    rejected: int  # of those, the ones the province refused (a manager must act on them)

    def to_json(self) -> dict[str, int]:
        return {
            "sales": self.sales,
            "gross": self.gross,
            "refunds": self.refunds,
            "refunded": self.refunded,
            "unsynced": self.unsynced,
            "rejected": self.rejected,
        }


def totals(uow: UnitOfWork) -> Totals:
    """All sales on this till: count, gross (sum of sale totals), refunds, events not yet synced."""
    session = uow.session
    count, gross = session.execute(select(func.count(Sale.id), func.coalesce(func.sum(Sale.total), 0))).one()
    r_count, refunded = session.execute(
        select(func.count(Refund.id), func.coalesce(func.sum(Refund.total), 0))
    ).one()
    unsynced = session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.status != "sent")) or 0
    rejected = session.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.status == "rejected")) or 0
    return Totals(int(count), int(gross), int(r_count), int(refunded), int(unsynced), int(rejected))
