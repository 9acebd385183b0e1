"""Outlet settings as typed reads over the `settings` table; writes are audited.

`put`, `update_outlet` and the `set_*` functions are building blocks: they never commit, so several go
into one transaction. `save_outlet_settings` and `save_printer` are the admin's use cases and commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pos.core.asn_period import AsnProgramme, PeriodKind
from pos.core.document import columns_for
from pos.core.errors import DomainError
from pos.core.qris import QrisInfo, parse_qris
from pos.core.regions import region
from pos.db.models import Outlet, Setting
from pos.db.uow import UnitOfWork
from pos.services import audit
from pos.services.context import Actor, Role, require_role

DEFAULTS: dict[str, Any] = {
    "asn.minimum": 100_000,
    "asn.period": {"kind": "month"},
    "tax.ppn_enabled": False,
    # "included": prices already contain PPN (shown on the receipt); "added": PPN added on top.
    "tax.ppn_mode": "included",
    "tax.ppn_rate_percent": 11,  # 12% of a base of 11/12 of the price (docs/domain-notes.md)
    "receipt.header": "",
    "receipt.paper": 58,
    "receipt.logo": None,  # path of an image; printed only where the printer has graphics
    "qris.static": None,
    "discount.manager_pin_above_percent": 10,
    "price_override.manager_pin_above_percent": 0,  # 0: every price override needs a manager
    "void.requires_manager": False,
    # pos.printing.connection.PrinterSettings fields as a dict; None: receipts are only previewed.
    "printer": None,
}


def get(uow: UnitOfWork, key: str) -> Any:
    row = uow.session.get(Setting, key)
    return row.value if row is not None else DEFAULTS.get(key)


def receipt_columns(uow: UnitOfWork) -> int:
    """Characters per line of this till's receipt paper (the `receipt.paper` setting, 58 mm by default)."""
    return columns_for(get(uow, "receipt.paper"))


def put(uow: UnitOfWork, actor: Actor, key: str, value: Any) -> None:
    require_role(actor, Role.ADMIN, "Mengubah pengaturan")
    row = uow.session.get(Setting, key)
    old = row.value if row is not None else DEFAULTS.get(key)
    if old == value:
        return  # nothing changed (a default saved again stays the default): no write, no audit entry
    if value is None:  # the column is NOT NULL: "no value" is no row, which reads as the default
        if row is not None:
            uow.session.delete(row)
    elif row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(uow, actor, "setting.change", key=key, old=old, new=value)


def outlet(uow: UnitOfWork) -> Outlet:
    found = uow.session.query(Outlet).order_by(Outlet.id).first()
    if found is None:
        raise DomainError("Outlet belum disiapkan. Jalankan `ntt-pos init`.")
    return found


# --- the admin's settings screen ------------------------------------------------------------------

OUTLET_FIELDS = ("name", "kabupaten", "address", "phone", "npwp", "timezone", "receipt_footer")
# The till's connection to the provincial server: written by `setup.initialize_outlet` (init, wizard) and
# `pos.sync.runner.save_connection` (connect), read by the sync. With a server set, the sync writes the
# ASN programme from the province's values on every successful run.
SYNC_SERVER_KEY = "sync.server"
SYNC_OUTLET_KEY = "sync.outlet"  # the till's label at the province, e.g. "5371-02"
SYNC_TOKEN_KEY = "sync.token"


@dataclass(frozen=True)
class OutletIdentity:
    code: str
    name: str
    kabupaten: str
    address: str
    phone: str
    npwp: str
    timezone: str
    receipt_footer: str
    kabupaten_code: str | None = None


def identity(uow: UnitOfWork) -> OutletIdentity:
    o = outlet(uow)
    return OutletIdentity(
        o.code,
        o.name,
        o.kabupaten,
        o.address,
        o.phone or "",
        o.npwp or "",
        o.timezone,
        o.receipt_footer,
        o.kabupaten_code,
    )


def update_outlet(uow: UnitOfWork, actor: Actor, **changes: str) -> list[str]:
    """Change outlet identity fields; each changed field is audited with its old and new value.

    The outlet code is not editable: it is in every receipt number and sync event already sent.
    `kabupaten` is a Kemendagri code or a name from pos.core.regions; the official name and the code
    are stored.
    """
    require_role(actor, Role.ADMIN, "Mengubah identitas outlet")
    found = outlet(uow)
    changed: list[str] = []
    for field, raw in changes.items():
        if field not in OUTLET_FIELDS:
            raise DomainError(f"Kolom outlet '{field}' tidak bisa diubah.")
        value = raw.strip()
        if field in ("name", "kabupaten", "timezone") and not value:
            raise DomainError("Nama, kabupaten/kota dan zona waktu outlet wajib diisi.")
        if field == "timezone":
            check_timezone(value)
        if field == "kabupaten":
            chosen = region(value)
            value = chosen.name
            if found.kabupaten_code != chosen.code:
                audit.record(
                    uow,
                    actor,
                    "outlet.change",
                    field="kabupaten_code",
                    old=found.kabupaten_code,
                    new=chosen.code,
                )
                found.kabupaten_code = chosen.code
        old = getattr(found, field) or ""
        if old != value:
            setattr(found, field, value or None if field in ("phone", "npwp") else value)
            audit.record(uow, actor, "outlet.change", field=field, old=old, new=value)
            changed.append(field)
    return changed


def check_timezone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise DomainError(f"Zona waktu '{name}' tidak dikenal (contoh: Asia/Makassar untuk WITA).") from None


def check_static_qris(payload: str) -> QrisInfo:
    """Parse the outlet's QRIS for the admin to confirm; a dynamic one (with an amount) is refused."""
    info = parse_qris(payload.strip())
    if info.point_of_initiation != "static" or info.amount is not None:
        raise DomainError("Ini QRIS dinamis (berisi nominal). Tempelkan QRIS statis outlet dari bank.")
    return info


def set_qris(uow: UnitOfWork, actor: Actor, payload: str | None) -> QrisInfo | None:
    """Save the static QRIS (validated) or clear it with None."""
    if payload is None or not payload.strip():
        put(uow, actor, "qris.static", None)
        return None
    info = check_static_qris(payload)
    put(uow, actor, "qris.static", payload.strip())
    return info


def province_controls_asn(uow: UnitOfWork) -> bool:
    """With a provincial server set, every sync overwrites the ASN programme with the province's values."""
    row = uow.session.get(Setting, SYNC_SERVER_KEY)
    return row is not None and bool(row.value)


def asn_period_value(programme: AsnProgramme) -> dict[str, Any]:
    if programme.period is PeriodKind.MONTH:
        return {"kind": "month"}
    assert programme.campaign_start is not None and programme.campaign_end is not None  # checked by it
    return {
        "kind": "campaign",
        "name": programme.campaign_name,
        "start": programme.campaign_start.isoformat(),
        "end": programme.campaign_end.isoformat(),
    }


def set_asn_programme(uow: UnitOfWork, actor: Actor, programme: AsnProgramme) -> None:
    if province_controls_asn(uow):
        raise DomainError("Program ASN diatur oleh server provinsi; perubahan di kasir akan tertimpa.")
    put(uow, actor, "asn.minimum", programme.minimum)
    put(uow, actor, "asn.period", asn_period_value(programme))


def _percent(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DomainError(f"{what} harus angka 0 sampai 100.")
    return value


def set_limits(
    uow: UnitOfWork,
    actor: Actor,
    *,
    discount_percent: int,
    price_override_percent: int,
    void_requires_manager: bool,
) -> None:
    """Above these a manager's PIN is needed (discount, price override); voids optionally always."""
    put(uow, actor, "discount.manager_pin_above_percent", _percent(discount_percent, "Batas diskon"))
    put(
        uow,
        actor,
        "price_override.manager_pin_above_percent",
        _percent(price_override_percent, "Batas ubah harga"),
    )
    put(uow, actor, "void.requires_manager", bool(void_requires_manager))


def set_tax(uow: UnitOfWork, actor: Actor, *, ppn_enabled: bool, mode: str, rate_percent: int) -> None:
    if mode not in ("included", "added"):
        raise DomainError("Cara PPN harus 'termasuk harga' atau 'ditambahkan'.")
    if ppn_enabled and not 1 <= rate_percent <= 20:
        raise DomainError("Tarif PPN harus 1 sampai 20 persen.")
    put(uow, actor, "tax.ppn_enabled", bool(ppn_enabled))
    put(uow, actor, "tax.ppn_mode", mode)
    put(uow, actor, "tax.ppn_rate_percent", int(rate_percent))


def save_outlet_settings(uow: UnitOfWork, actor: Actor, changes: Mapping[str, Any]) -> None:
    """Everything the settings dialog changed, audited and committed together (all or nothing).

    `changes`: "outlet" (fields for `update_outlet`), "tax" and "limits" (keywords of `set_tax` and
    `set_limits`), and when changed "receipt.header", "receipt.logo", "qris" and "asn"."""
    update_outlet(uow, actor, **changes.get("outlet", {}))
    for key in ("receipt.header", "receipt.logo"):
        if key in changes:
            put(uow, actor, key, changes[key])
    if "qris" in changes:
        set_qris(uow, actor, changes["qris"])
    if "asn" in changes:
        set_asn_programme(uow, actor, changes["asn"])
    set_tax(uow, actor, **changes["tax"])
    set_limits(uow, actor, **changes["limits"])
    uow.commit()


def save_printer(uow: UnitOfWork, actor: Actor, value: dict[str, Any]) -> None:
    """The printer (`pos.printing.connection.PrinterSettings` as a dict) and its paper, committed."""
    put(uow, actor, "printer", value)
    put(uow, actor, "receipt.paper", int(value.get("paper", 80)))
    uow.commit()
