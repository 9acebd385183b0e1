"""UMKM producers (suppliers): who they are, where, how they are paid, and their consignment terms.

A producer supplies on consignment (titip jual) for a commission in basis points (1500 = 15%), or per
product at a fixed purchase price (`Product.consignment_price`), or sells outright to the outlet.
Creating or changing one is manager work: audited and queued as a `supplier` event for the province.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from pos.core.errors import DomainError
from pos.core.regions import find_region
from pos.core.timeutil import utc_now
from pos.db.models import Supplier
from pos.db.uow import UnitOfWork
from pos.services import audit, checkout, outbox
from pos.services.context import Actor, Role, require_role
from pos.sync.protocol import outlet_events as wire

MAX_COMMISSION_BP = 10_000
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,19}$")
_PERCENT = re.compile(r"^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?\s*%?$")


class SupplierError(DomainError):
    """The producer cannot be saved as given; nothing was written."""


@dataclass(frozen=True)
class SupplierInput:
    """What the manager fills in; `code` None means "give the next SUP-nnn".

    `kabupaten` is a Kemendagri code or a name of one of the 22 kabupaten/kota (pos.core.regions), or
    empty; it is stored as the short name with its code.
    """

    name: str
    owner: str = ""
    kabupaten: str = ""
    village: str = ""
    phone: str = ""
    bank_account: str = ""
    consignment: bool = True
    commission_bp: int = 0
    active: bool = True
    code: str | None = None


@dataclass(frozen=True)
class SupplierInfo:
    supplier_id: int
    code: str
    name: str
    owner: str
    kabupaten: str
    village: str
    phone: str
    bank_account: str
    consignment: bool
    commission_bp: int
    active: bool
    kabupaten_code: str | None = None

    @property
    def terms(self) -> str:
        """The terms in a few words for lists: "Titip jual 15%" or "Beli putus"."""
        if not self.consignment:
            return "Beli putus"
        return f"Titip jual {format_percent(self.commission_bp)}"


def format_percent(bp: int) -> str:
    """1500 -> "15%", 1250 -> "12,5%" (Indonesian decimal comma)."""
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if rest == 0 else f"{whole},{rest:02d}".rstrip("0") + "%"


def parse_percent(text: str) -> int:
    """ "15", "12,5", "12.5 %" -> basis points; refuses anything that is not 0-100 with <= 2 decimals."""
    match = _PERCENT.fullmatch(text.strip())
    if match is None:
        raise SupplierError(f"Komisi '{text.strip()}' tidak valid: tulis persen, contoh 15 atau 12,5.")
    bp = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if bp > MAX_COMMISSION_BP:
        raise SupplierError("Komisi tidak boleh lebih dari 100%.")
    return bp


def _info(row: Supplier) -> SupplierInfo:
    return SupplierInfo(
        supplier_id=row.id,
        code=row.code,
        name=row.name,
        owner=row.owner,
        kabupaten=row.kabupaten,
        village=row.village,
        phone=row.phone,
        bank_account=row.bank_account,
        consignment=row.consignment,
        commission_bp=row.commission_bp,
        active=row.active,
        kabupaten_code=row.kabupaten_code,
    )


def list_suppliers(uow: UnitOfWork, *, text: str = "", active_only: bool = False) -> list[SupplierInfo]:
    query = select(Supplier).order_by(Supplier.name)
    if active_only:
        query = query.where(Supplier.active.is_(True))
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(
            or_(Supplier.name.ilike(like), Supplier.code.ilike(like), Supplier.owner.ilike(like))
        )
    return [_info(row) for row in uow.session.scalars(query)]


def get_supplier(uow: UnitOfWork, supplier_id: int) -> SupplierInfo:
    row = uow.session.get(Supplier, supplier_id)
    if row is None:
        raise SupplierError(f"Produsen #{supplier_id} tidak dikenal.")
    return _info(row)


def next_code(uow: UnitOfWork) -> str:
    codes = uow.session.scalars(select(Supplier.code).where(Supplier.code.like("SUP-%"))).all()
    numbers = [int(c[4:]) for c in codes if c[4:].isdigit()]
    return f"SUP-{max(numbers, default=0) + 1:03d}"


def _kabupaten(text: str, stored: str | None = None) -> tuple[str, str | None]:
    """(short name, Kemendagri code) from the choice list; an older free-text value kept unchanged."""
    cleaned = text.strip()
    if not cleaned:
        return "", None
    found = find_region(cleaned)
    if found is not None:
        return found.short, found.code
    if stored is not None and cleaned == stored:
        return stored, None
    raise SupplierError(f"Kabupaten '{cleaned[:40]}' tidak dikenal: pilih salah satu kabupaten/kota NTT.")


def _clean(data: SupplierInput) -> SupplierInput:
    name = " ".join(data.name.split())
    if not name:
        raise SupplierError("Nama produsen wajib diisi.")
    if len(name) > 120:
        raise SupplierError("Nama produsen terlalu panjang (maksimal 120 huruf).")
    phone = data.phone.strip()
    if phone and not _PHONE.fullmatch(phone):
        raise SupplierError(f"Nomor telepon '{phone}' tidak valid: hanya angka, spasi, +, - dan kurung.")
    bp = data.commission_bp
    if isinstance(bp, bool) or not isinstance(bp, int) or not 0 <= bp <= MAX_COMMISSION_BP:
        raise SupplierError("Komisi harus antara 0% dan 100%.")
    code = data.code.strip().upper() if data.code else None
    if code is not None and not _CODE.fullmatch(code):
        raise SupplierError(
            f"Kode produsen '{code}' tidak valid: huruf besar, angka, titik atau tanda hubung."
        )
    return SupplierInput(
        name=name,
        owner=data.owner.strip()[:120],
        kabupaten=data.kabupaten.strip()[:80],
        village=data.village.strip()[:80],
        phone=phone,
        bank_account=data.bank_account.strip()[:80],
        consignment=bool(data.consignment),
        commission_bp=bp if data.consignment else 0,
        active=bool(data.active),
        code=code,
    )


def _event(uow: UnitOfWork, action: str, row: Supplier, now: datetime) -> None:
    # The bank account stays at the outlet: the province needs who and where, not payment details.
    event = wire.SupplierChange(
        action=action,
        code=row.code,
        name=row.name,
        owner=row.owner,
        kabupaten=row.kabupaten,
        village=row.village,
        consignment=row.consignment,
        commission_bp=row.commission_bp,
        active=row.active,
        changed_at=now,
    )
    outlet = checkout.outlet_info(uow)
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)


def create_supplier(
    uow: UnitOfWork, actor: Actor, data: SupplierInput, *, now: datetime | None = None
) -> SupplierInfo:
    info = add_supplier(uow, actor, data, now=now)
    uow.commit()
    return info


def add_supplier(
    uow: UnitOfWork, actor: Actor, data: SupplierInput, *, now: datetime | None = None
) -> SupplierInfo:
    """`create_supplier` without the commit: the product import adds producers in its one transaction."""
    require_role(actor, Role.MANAGER, "Menambah produsen")
    clean = _clean(data)
    code = clean.code or next_code(uow)
    if uow.session.scalar(select(func.count()).where(Supplier.code == code)):
        raise SupplierError(f"Kode produsen {code} sudah dipakai.")
    now = now or utc_now()
    fields = {k: v for k, v in asdict(clean).items() if k != "code"}
    fields["kabupaten"], kabupaten_code = _kabupaten(clean.kabupaten)
    row = Supplier(code=code, kabupaten_code=kabupaten_code, **fields)
    uow.session.add(row)
    uow.session.flush()
    _event(uow, "create", row, now)
    audit.record(uow, actor, "supplier.create", code=code, name=row.name, commission_bp=row.commission_bp)
    return _info(row)


def update_supplier(
    uow: UnitOfWork, actor: Actor, supplier_id: int, data: SupplierInput, *, now: datetime | None = None
) -> SupplierInfo:
    """Change a producer's details; the code stays (it is on sale lines already synced)."""
    require_role(actor, Role.MANAGER, "Mengubah produsen")
    row = uow.session.get(Supplier, supplier_id)
    if row is None:
        raise SupplierError(f"Produsen #{supplier_id} tidak dikenal.")
    clean = _clean(data)
    before = asdict(_info(row))
    kabupaten, kabupaten_code = _kabupaten(clean.kabupaten, row.kabupaten)
    for key, value in asdict(clean).items():
        if key != "code":
            setattr(row, key, value)
    row.kabupaten, row.kabupaten_code = kabupaten, kabupaten_code
    after = asdict(_info(row))
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if not changes:
        return _info(row)
    now = now or utc_now()
    uow.session.flush()
    _event(uow, "update", row, now)
    audit.record(uow, actor, "supplier.update", code=row.code, changes=changes)
    uow.commit()
    return _info(row)
