"""Voids before payment and opening the cash drawer without a sale: both go to the audit log.

Whether voiding needs a manager is the setting "void.requires_manager". A manager or admin voiding on
their own till approves themselves; a cashier then needs an approver (from `users.authorize`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pos.core.errors import DomainError
from pos.db.uow import UnitOfWork
from pos.services import audit, settings
from pos.services.context import Actor, Role, require_role

VoidKind = Literal["line", "cart"]
VOID_KINDS: tuple[VoidKind, ...] = ("line", "cart")


class VoidError(DomainError):
    """A void cannot be recorded as asked (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class VoidRecord:
    what: VoidKind
    actor: str
    approved_by: str | None


def void_needs_manager(uow: UnitOfWork, actor: Actor) -> bool:
    """True when the UI must ask for a manager PIN before `actor` may void."""
    return bool(settings.get(uow, "void.requires_manager")) and not actor.at_least(Role.MANAGER)


def record_void(
    uow: UnitOfWork, actor: Actor, approver: Actor | None, what: str, detail: dict[str, Any]
) -> VoidRecord:
    """Check and audit a void of a cart line or the whole cart; the caller changes its cart afterwards."""
    if what not in VOID_KINDS:
        raise VoidError(f"Jenis pembatalan tidak dikenal: {what}.")
    kind: VoidKind = "line" if what == "line" else "cart"
    action = "Membatalkan baris" if kind == "line" else "Membatalkan transaksi"
    if void_needs_manager(uow, actor):
        if approver is None:
            raise VoidError(f"{action} perlu persetujuan PIN manajer.")
        require_role(approver, Role.MANAGER, action)
    elif approver is not None and approver.user_id != actor.user_id:
        require_role(approver, Role.MANAGER, action)
    approved_by = approver.username if approver is not None else None
    audit.record(uow, actor, f"void.{kind}", approved_by=approved_by, **dict(detail))
    uow.commit()
    return VoidRecord(what=kind, actor=actor.username, approved_by=approved_by)


def record_drawer_open(uow: UnitOfWork, actor: Actor, reason: str = "") -> None:
    """Audit opening the cash drawer without a sale (manager or admin only); the caller then kicks it."""
    require_role(actor, Role.MANAGER, "Membuka laci kas tanpa transaksi")
    audit.record(uow, actor, "drawer.open", reason=reason.strip())
    uow.commit()
