"""Voids follow the "void.requires_manager" setting; opening the drawer without a sale is manager-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from pos.db.models import AuditEntry, Setting
from pos.services import voids
from pos.services.context import PermissionDenied
from pos.services.voids import VoidError

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till


def _audit(till: Till) -> list[tuple[str, int | None, dict[str, object]]]:
    with till.db.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("void.%")).order_by(AuditEntry.id)
        )
        return [(row.action, row.user_id, row.detail) for row in rows]


def test_void_without_manager_by_default(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        assert not voids.void_needs_manager(uow, till.cashier)
        record = voids.record_void(uow, till.cashier, None, "line", {"code": "8991000000011", "qty": 2})
    assert record.approved_by is None
    assert _audit(till) == [
        ("void.line", till.cashier.user_id, {"approved_by": None, "code": "8991000000011", "qty": 2})
    ]


def test_void_requires_manager_when_set(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        uow.session.add(Setting(key="void.requires_manager", value=True))
        uow.commit()
    with till.db.unit_of_work() as uow:
        assert voids.void_needs_manager(uow, till.cashier)
        assert not voids.void_needs_manager(uow, till.manager)
        with pytest.raises(VoidError, match="PIN manajer"):
            voids.record_void(uow, till.cashier, None, "cart", {"total": 82_000})
        with pytest.raises(PermissionDenied):
            voids.record_void(uow, till.cashier, till.cashier2, "cart", {"total": 82_000})
        with pytest.raises(VoidError, match="tidak dikenal"):
            voids.record_void(uow, till.cashier, till.manager, "sale", {})
    assert _audit(till) == []
    with till.db.unit_of_work() as uow:
        voids.record_void(uow, till.cashier, till.manager, "cart", {"total": 82_000})
        voids.record_void(uow, till.manager, None, "line", {"code": "x"})
    assert [(a, d["approved_by"]) for a, _, d in _audit(till)] == [
        ("void.cart", "manajer"),
        ("void.line", None),
    ]


def test_drawer_open_is_manager_only(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            voids.record_drawer_open(uow, till.cashier)
        voids.record_drawer_open(uow, till.manager, " tukar uang kecil ")
        entry = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "drawer.open"))
        assert (
            entry is not None
            and entry.user_id == till.manager.user_id
            and entry.detail == {"reason": "tukar uang kecil"}
        )
