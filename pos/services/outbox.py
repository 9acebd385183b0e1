"""The till's outbox as seen by sync and the manager: what is pending (in commit order), what the
province answered, what it rejected, and when the last successful sync was.

Functions take a UnitOfWork and do not commit: the caller decides the transaction (sync commits the
results of one batch together, so a crash leaves the batch pending and it is simply sent again).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import Table, bindparam, func, select, update

import pos.sync.protocol as protocol
from pos.db.models import OutboxEvent, Setting
from pos.db.prepared import Prepared
from pos.db.uow import UnitOfWork

LAST_SUCCESS_KEY = "sync.last_success"
# Set by pos.sync.runner when the province lost events this till had delivered: {"at", "events", "reason"}
REQUEUE_NOTICE_KEY = "sync.requeue_notice"
Outcome = Literal["accepted", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class PendingEvent:
    id: int
    uuid: str
    kind: str
    payload: str  # the whole envelope as JSON, sent as is


@dataclass(frozen=True, slots=True)
class RejectedEvent:
    id: int
    uuid: str
    kind: str
    created_at: datetime
    attempts: int
    reason: str
    payload: str


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int
    sent: int
    rejected: int


def enqueue(uow: UnitOfWork, payload: Any, now: datetime, outlet: str, terminal: str) -> str:
    """Queue one event (a payload dataclass of `pos.sync.protocol`) in the caller's transaction.

    The envelope is encoded once, here, and sent byte for byte as stored. Its uuid is the payload's
    own where it has one (sale, refund, shift, movement, payout), so a resend is a duplicate."""
    event_uuid = str(getattr(payload, "uuid", None) or uuid.uuid4())
    envelope = protocol.envelope_for(
        payload, uuid=event_uuid, outlet=outlet, terminal=terminal, created_at=now
    )
    _insert_statement().run(
        uow,
        {
            "uuid": event_uuid,
            "kind": envelope.kind,
            "payload": protocol.encode(envelope),
            "created_at": now,
            "status": "pending",
            "attempts": 0,
        },
    )
    return event_uuid


@functools.cache
def _insert_statement() -> Prepared:
    """Run on the DBAPI connection (pos.db.prepared): every sale writes one."""
    keys = ("uuid", "kind", "payload", "created_at", "status", "attempts")
    return Prepared(cast(Table, OutboxEvent.__table__).insert(), keys)


def pending_batch(uow: UnitOfWork, limit: int) -> list[PendingEvent]:
    """The oldest pending events, in commit order (outbox id)."""
    rows = uow.session.execute(
        select(OutboxEvent.id, OutboxEvent.uuid, OutboxEvent.kind, OutboxEvent.payload)
        .where(OutboxEvent.status == "pending")
        .order_by(OutboxEvent.id)
        .limit(limit)
    ).all()
    return [PendingEvent(id=r.id, uuid=r.uuid, kind=r.kind, payload=r.payload) for r in rows]


def mark_results(uow: UnitOfWork, results: Mapping[str, tuple[Outcome, str | None]], now: datetime) -> None:
    """Record the province's answer per event uuid: accepted and duplicate are both delivered."""
    table = cast(Table, OutboxEvent.__table__)
    delivered = [{"b_uuid": u, "sent_at": now} for u, (status, _) in results.items() if status != "rejected"]
    rejected = [
        {"b_uuid": u, "last_error": reason or "ditolak server"}
        for u, (status, reason) in results.items()
        if status == "rejected"
    ]
    conn = uow.session.connection()
    if delivered:
        conn.execute(
            update(table)
            .where(table.c.uuid == bindparam("b_uuid"), table.c.status == "pending")
            .values(
                status="sent", sent_at=bindparam("sent_at"), attempts=table.c.attempts + 1, last_error=None
            ),
            delivered,
        )
    if rejected:
        conn.execute(
            update(table)
            .where(table.c.uuid == bindparam("b_uuid"), table.c.status == "pending")
            .values(status="rejected", last_error=bindparam("last_error"), attempts=table.c.attempts + 1),
            rejected,
        )


def mark_attempt_failed(uow: UnitOfWork, ids: Sequence[int], error: str) -> None:
    """The batch was not delivered (network, timeout, cut-off answer): it stays pending."""
    if not ids:
        return
    uow.session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(list(ids)), OutboxEvent.status == "pending")
        .values(attempts=OutboxEvent.attempts + 1, last_error=error[:500])
    )


def rejected_events(uow: UnitOfWork, limit: int = 500) -> list[RejectedEvent]:
    """What the province refused, oldest first, for the manager's list; never dropped silently."""
    rows = uow.session.scalars(
        select(OutboxEvent).where(OutboxEvent.status == "rejected").order_by(OutboxEvent.id).limit(limit)
    ).all()
    return [
        RejectedEvent(
            id=r.id,
            uuid=r.uuid,
            kind=r.kind,
            created_at=r.created_at,
            attempts=r.attempts,
            reason=r.last_error or "ditolak server",
            payload=r.payload,
        )
        for r in rows
    ]


def requeue_rejected(uow: UnitOfWork, ids: Sequence[int]) -> int:
    """Send rejected events again (after the cause was fixed at the province); returns how many."""
    if not ids:
        return 0
    result = uow.session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(list(ids)), OutboxEvent.status == "rejected")
        .values(status="pending")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def requeue_sent(uow: UnitOfWork) -> int:
    """Queue every delivered event again: the province lost them (restored or recreated database).
    Resending is harmless: the province answers `duplicate` for every event it still holds."""
    result = uow.session.execute(
        update(OutboxEvent).where(OutboxEvent.status == "sent").values(status="pending", sent_at=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def requeue_notice(uow: UnitOfWork) -> dict[str, object] | None:
    """The last time every delivered event was queued again (province reset), for the manager."""
    row = uow.session.get(Setting, REQUEUE_NOTICE_KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else None


def counts(uow: UnitOfWork) -> OutboxCounts:
    statement = select(OutboxEvent.status, func.count()).group_by(OutboxEvent.status)
    found: dict[str, int] = {status: int(n) for status, n in uow.session.execute(statement)}
    return OutboxCounts(
        pending=int(found.get("pending", 0)),
        sent=int(found.get("sent", 0)),
        rejected=int(found.get("rejected", 0)),
    )


def record_success(uow: UnitOfWork, when: datetime) -> None:
    """A sync round that reached the province and got a full answer."""
    row = uow.session.get(Setting, LAST_SUCCESS_KEY)
    if row is None:
        uow.session.add(Setting(key=LAST_SUCCESS_KEY, value=when.isoformat()))
    else:
        row.value = when.isoformat()


def last_success(uow: UnitOfWork) -> datetime | None:
    row = uow.session.get(Setting, LAST_SUCCESS_KEY)
    if row is None or not isinstance(row.value, str):
        return None
    return datetime.fromisoformat(row.value)
