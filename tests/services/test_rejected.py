"""The manager's use cases on events the province refused: role-checked, audited, committed by the
service itself (docs/architecture.md, who commits a unit of work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from pos.core.errors import DomainError
from pos.db.models import AuditEntry
from pos.services import outbox, rejected

if TYPE_CHECKING:
    from conftest import Till


def reject_one_sale(till: Till) -> str:
    sale = till.sell([("8991000000011", 1)])
    with till.db.unit_of_work() as uow:
        (event,) = outbox.pending_batch(uow, 10)
        outbox.mark_results(uow, {event.uuid: ("rejected", "NIP tidak dikenal")}, till.t0)
        uow.commit()
    return sale.receipt_no


def test_a_cashier_neither_sees_nor_requeues_rejected_events(till: Till) -> None:
    reject_one_sale(till)
    with till.db.unit_of_work() as uow, pytest.raises(DomainError):
        rejected.rejected_events(uow, till.cashier)
    with till.db.unit_of_work() as uow:
        (event,) = rejected.rejected_events(uow, till.manager)
    with till.db.unit_of_work() as uow, pytest.raises(DomainError):
        rejected.requeue(uow, till.cashier, [event.id])
    with till.db.unit_of_work() as uow:
        assert [e.id for e in outbox.rejected_events(uow)] == [event.id]


def test_requeue_commits_the_events_and_its_audit_entry_together(till: Till) -> None:
    reject_one_sale(till)
    with till.db.unit_of_work() as uow:
        (event,) = rejected.rejected_events(uow, till.manager)
        assert event.reason == "NIP tidak dikenal"
        assert rejected.requeue(uow, till.manager, [event.id]) == 1
    # a fresh unit of work: what the service committed, not what its session still held
    with till.db.unit_of_work() as uow:
        assert outbox.rejected_events(uow) == []
        assert [e.id for e in outbox.pending_batch(uow, 10)] == [event.id]
        audit = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "sync.requeue")).one()
        assert audit.detail == {"ids": [event.id], "count": 1} and audit.user_id == till.manager.user_id
