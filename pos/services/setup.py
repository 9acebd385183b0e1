"""First run of a real outlet: the answers of the wizard (or `ntt-pos init`), kept as a draft until the
end, then written into the till database in ONE transaction.

A till database counts as set up only when it has an outlet and an active admin (`is_set_up`); the app
never sells from anything less. The draft is a small JSON file in the data folder, never a database, so
leaving the wizard half-way leaves nothing half-configured behind. The admin PIN is never in the draft.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pos.core.errors import DomainError
from pos.core.regions import REGIONS, region, region_by_code
from pos.core.timeutil import utc_now
from pos.db.engine import DB_FILENAME, Database, DatabaseRefused
from pos.db.files import make_private
from pos.db.models import Outlet, Setting, User
from pos.db.uow import UnitOfWork
from pos.services import audit, settings, users
from pos.services.context import Role
from pos.sync.protocol import OUTLET_CODE_RE, TERMINAL_RE

DRAFT_FILENAME = "setup-draft.json"
DEFAULT_FOOTER = "Terima kasih telah membeli produk UMKM NTT."
DEFAULT_TIMEZONE = "Asia/Makassar"  # WITA

# The 22 kabupaten/kota of NTT with their Kemendagri codes (pos.core.regions, docs/regions.md).
KABUPATEN: tuple[tuple[str, str], ...] = tuple((r.code, r.name) for r in REGIONS)

# Before version 0004 this list numbered the regencies in yet another order (neither Kemendagri nor
# BPS). A wizard draft saved then holds such a code: it is read by this old numbering, never as
# Kemendagri, so "5309" in an old draft stays Sikka (now 5307) instead of becoming Ngada.
_PRE_0004_CODES = {
    "5301": "5312", "5302": "5311", "5303": "5301", "5304": "5302", "5305": "5303", "5306": "5304",
    "5307": "5305", "5308": "5306", "5309": "5307", "5310": "5308", "5311": "5309", "5312": "5310",
}  # fmt: skip
DRAFT_VERSION = 2


def kabupaten_name(code: str) -> str:
    return region_by_code(code).name


def kabupaten_code(text: str) -> str:
    """Accept a code ("5371", "53.07") or a name ("Kota Kupang", "Sikka", "kabupaten sikka")."""
    return region(text).code


def outlet_name_for(code: str) -> str:
    """The programme's naming: "NTT Mart by Dekranasda Sikka", "... Kota Kupang"."""
    return f"NTT Mart by Dekranasda {region_by_code(code).short}"


@dataclass(frozen=True)
class ProvinceServer:
    """The provincial server and this till's token; `till` is whose till the server says the token is
    (`5371-02`): it must be the outlet code and terminal being set up."""

    url: str
    token: str
    till: str


@dataclass(frozen=True)
class OutletSetup:
    outlet_code: str
    name: str
    kabupaten_code: str
    address: str
    admin_username: str
    admin_pin: str
    admin_full_name: str = ""
    receipt_footer: str = DEFAULT_FOOTER
    phone: str = ""
    timezone: str = DEFAULT_TIMEZONE
    terminal: str = "01"
    printer: dict[str, Any] | None = None  # pos.printing.connection.PrinterSettings fields; None: no printer
    qris_static: str | None = None
    server: ProvinceServer | None = None
    extra_settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SetupResult:
    outlet_code: str
    outlet_name: str
    admin_username: str
    database: Path


def validate(setup: OutletSetup) -> None:
    """Every check that can fail, before anything is written (a DomainError saying what to fix)."""
    code = setup.outlet_code.strip()
    # The province's rule (pos.sync.protocol): a "-" would be read as the till number (5371-02).
    if not OUTLET_CODE_RE.match(code):
        raise DomainError("Kode outlet wajib diisi: huruf/angka tanpa '-', paling panjang 16 (mis. 5371).")
    if not TERMINAL_RE.match(setup.terminal):
        raise DomainError("Nomor kasir (terminal) harus dua angka (mis. 01).")
    kabupaten_name(setup.kabupaten_code)
    if not setup.name.strip():
        raise DomainError("Nama outlet wajib diisi.")
    if not setup.address.strip():
        raise DomainError("Alamat outlet wajib diisi (dicetak di struk).")
    settings.check_timezone(setup.timezone)
    users.check_pin_rules(setup.admin_pin)
    if setup.qris_static:
        settings.check_static_qris(setup.qris_static)
    if setup.server is not None:
        if not setup.server.url.startswith(("http://", "https://")):
            raise DomainError("Alamat server provinsi harus diawali http:// atau https://.")
        if not setup.server.token.strip():
            raise DomainError("Token kasir dari server provinsi wajib diisi (atau kosongkan alamatnya).")
        if setup.server.till != f"{setup.outlet_code.strip()}-{setup.terminal}":
            raise DomainError(
                f"Token ini milik kasir {setup.server.till} di server provinsi, bukan "
                f"{setup.outlet_code.strip()}-{setup.terminal}."
            )


def is_set_up(uow: UnitOfWork) -> bool:
    has_outlet = uow.session.scalar(select(Outlet.id).limit(1)) is not None
    admin = select(User.id).where(User.role == Role.ADMIN.value, User.active.is_(True)).limit(1)
    return has_outlet and uow.session.scalar(admin) is not None


def data_dir_is_set_up(data_dir: Path) -> bool:
    """True when `data_dir` holds a till database with an outlet and an active admin; creates nothing."""
    path = Path(data_dir) / DB_FILENAME
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        db = Database.open(Path(data_dir), create=False)
    except DatabaseRefused:
        return False
    try:
        with db.unit_of_work() as uow:
            return is_set_up(uow)
    finally:
        db.close()


def initialize_outlet(db: Database, setup: OutletSetup) -> SetupResult:
    """Write outlet, first admin and settings in one transaction: all of it or, on any error, nothing."""
    validate(setup)
    with db.unit_of_work() as uow:
        if uow.session.scalar(select(Outlet.id).limit(1)) is not None:
            raise DomainError("Database ini sudah berisi outlet; set-up awal tidak dijalankan lagi.")
        outlet = Outlet(
            code=setup.outlet_code.strip(),
            name=setup.name.strip(),
            kabupaten=kabupaten_name(setup.kabupaten_code),
            kabupaten_code=region_by_code(setup.kabupaten_code).code,
            address=setup.address.strip(),
            phone=setup.phone.strip() or None,
            npwp=None,
            terminal=setup.terminal,
            timezone=setup.timezone,
            receipt_footer=setup.receipt_footer.strip() or DEFAULT_FOOTER,
            created_at=utc_now(),
        )
        uow.session.add(outlet)
        admin = users.add_user(
            uow,
            None,
            username=setup.admin_username,
            full_name=setup.admin_full_name or setup.admin_username,
            role=Role.ADMIN,
            pin=setup.admin_pin,
        )
        values: dict[str, Any] = dict(setup.extra_settings)
        if setup.printer is not None:
            values["printer"] = setup.printer
            values["receipt.paper"] = int(setup.printer.get("paper", 80))
        if setup.qris_static:
            values["qris.static"] = setup.qris_static.strip()
        if setup.server is not None:
            # The keys pos.sync.runner.save_connection writes too.
            values |= {
                settings.SYNC_SERVER_KEY: setup.server.url.rstrip("/"),
                settings.SYNC_OUTLET_KEY: setup.server.till,
                settings.SYNC_TOKEN_KEY: setup.server.token.strip(),
            }
        for key, value in values.items():
            uow.session.add(Setting(key=key, value=value))
        audit.record(
            uow,
            users.actor_of(admin),
            "setup.initialize",
            outlet=outlet.code,
            name=outlet.name,
            settings=sorted(values),  # never the token or the PIN
        )
        uow.commit()
    return SetupResult(outlet.code, outlet.name, admin.username, db.path)


# --- the wizard's draft ---------------------------------------------------------------------------


def draft_path(data_dir: Path) -> Path:
    return Path(data_dir) / DRAFT_FILENAME


def load_draft(data_dir: Path) -> dict[str, Any]:
    """The answers saved so far; an unreadable draft is treated as none (the wizard just asks again)."""
    try:
        value = json.loads(draft_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(value, dict):
        return {}
    if value.get("draft_version") != DRAFT_VERSION and isinstance(value.get("kabupaten"), str):
        value["kabupaten"] = _PRE_0004_CODES.get(value["kabupaten"], value["kabupaten"])
    value["draft_version"] = DRAFT_VERSION
    return value


def save_draft(data_dir: Path, answers: dict[str, Any]) -> None:
    """Write atomically (a power cut leaves the old or the new draft); PINs and tokens are never kept."""
    kept = {k: v for k, v in answers.items() if "pin" not in k.lower() and "token" not in k.lower()}
    kept["draft_version"] = DRAFT_VERSION
    path = draft_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    make_private(temporary, 0o600)
    os.replace(temporary, path)


def clear_draft(data_dir: Path) -> None:
    draft_path(data_dir).unlink(missing_ok=True)
