"""The audit log: who did what, when; written in the same transaction as the change it records."""

from __future__ import annotations

from typing import Any

from pos.core.timeutil import utc_now
from pos.db.models import AuditEntry
from pos.db.uow import UnitOfWork
from pos.services.context import Actor


def record(uow: UnitOfWork, actor: Actor | None, action: str, **detail: Any) -> None:
    uow.session.add(
        AuditEntry(at=utc_now(), user_id=actor.user_id if actor else None, action=action, detail=detail)
    )
