"""Outlet settings as typed reads over the `settings` table; writes are audited."""

from __future__ import annotations

from typing import Any

from pos.core.errors import DomainError
from pos.db.models import Outlet, Setting
from pos.db.uow import UnitOfWork
from pos.services import audit
from pos.services.context import Actor, Role, require_role

DEFAULTS: dict[str, Any] = {
    "asn.minimum": 100_000,
    "asn.period": {"kind": "month"},
    "tax.ppn_enabled": False,
    "receipt.paper": 58,
    "receipt.logo": None,  # path of an image; printed only where the printer has graphics
    "qris.static": None,
    "discount.manager_pin_above_percent": 10,
    "void.requires_manager": False,
}


def get(uow: UnitOfWork, key: str) -> Any:
    row = uow.session.get(Setting, key)
    return row.value if row is not None else DEFAULTS.get(key)


def put(uow: UnitOfWork, actor: Actor, key: str, value: Any) -> None:
    require_role(actor, Role.ADMIN, "Mengubah pengaturan")
    row = uow.session.get(Setting, key)
    old = row.value if row is not None else DEFAULTS.get(key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(uow, actor, "setting.change", key=key, old=old, new=value)


def outlet(uow: UnitOfWork) -> Outlet:
    found = uow.session.query(Outlet).order_by(Outlet.id).first()
    if found is None:
        raise DomainError("Outlet belum disiapkan. Jalankan `ntt-pos init`.")
    return found
