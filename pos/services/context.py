"""Who is acting, and what their role allows; every service checks permissions here, not in widgets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pos.core.errors import DomainError


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


ROLE_RANK = {Role.CASHIER: 0, Role.MANAGER: 1, Role.ADMIN: 2}
ROLE_LABELS = {Role.CASHIER: "Kasir", Role.MANAGER: "Manajer", Role.ADMIN: "Admin"}


class PermissionDenied(DomainError):
    """The acting user's role does not allow the action."""


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    full_name: str
    role: Role

    def at_least(self, role: Role) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


def require_role(actor: Actor, role: Role, action: str) -> None:
    if not actor.at_least(role):
        raise PermissionDenied(f"{action} hanya boleh dilakukan oleh {ROLE_LABELS[role].lower()} ke atas.")
