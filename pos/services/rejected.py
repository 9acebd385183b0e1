"""The manager's use cases on sync events the province refused: see them, and send them again once the
cause is fixed at the province (audited, committed; `pos.services.outbox` itself never commits)."""

from __future__ import annotations

from collections.abc import Sequence

from pos.db.uow import UnitOfWork
from pos.services import audit, outbox
from pos.services.context import Actor, Role, require_role
from pos.services.outbox import RejectedEvent


def rejected_events(uow: UnitOfWork, actor: Actor) -> list[RejectedEvent]:
    require_role(actor, Role.MANAGER, "Melihat event yang ditolak")
    return outbox.rejected_events(uow)


def requeue(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> int:
    """Rejected events back to pending (the next sync round sends them); returns how many."""
    require_role(actor, Role.MANAGER, "Mengirim ulang event")
    count = outbox.requeue_rejected(uow, ids)
    audit.record(uow, actor, "sync.requeue", ids=list(ids), count=count)
    uow.commit()
    return count
