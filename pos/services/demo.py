"""Seeding the demo outlet: NTT Mart by Dekranasda Kota Kupang with its producers, catalog and staff.

`open_demo` opens the demo till database, seeding it on first use (what `ntt-pos --demo` and
`ntt-pos init --demo` do); `seed_demo` fills an empty till database in the caller's transaction.
Everything random comes from one seeded `random.Random`, UUIDs included, so two seeded databases hold
the same rows (only the argon2 PIN hashes differ: their salts must stay random). Rows are written with
bulk inserts, the fast path.
"""

from __future__ import annotations

import binascii
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from pos.core.barcode import ean13_check_digit, make_instore_ean13
from pos.core.errors import DomainError
from pos.core.regions import region
from pos.db.engine import Database
from pos.db.models import (
    AsnRegistryEntry,
    Category,
    Outlet,
    Product,
    Setting,
    StockMovement,
    Supplier,
    User,
)
from pos.db.uow import UnitOfWork
from pos.services import users
from pos.services.demo_catalog import CATEGORIES, PRODUCERS, Producer, ProductLine
from pos.services.demo_people import STAFF, make_asn_registry

DEMO_SEED = 5371
ASN_COUNT = 200

OUTLET = {
    "code": "5371",
    "name": "NTT Mart by Dekranasda Kota Kupang",
    "kabupaten": "Kota Kupang",
    "kabupaten_code": "5371",
    "address": "Jl. El Tari No. 52, Kel. Oebobo, Kec. Oebobo, Kota Kupang 85111",
    "phone": "(0380) 833 512",
    "npwp": None,
    "terminal": "01",
    "timezone": "Asia/Makassar",
    "receipt_footer": "Terima kasih telah membeli produk UMKM NTT. Tuhan memberkati!",
}

QRIS_MERCHANT_NAME = "NTT MART DEKRANASDA KPG"  # tag 59 allows 25 characters
QRIS_NMID = "ID1023270443219"


@dataclass(frozen=True)
class DemoSummary:
    outlet_code: str
    products: int
    suppliers: int
    users: tuple[tuple[str, str, str], ...]  # (username, role, PIN) to show a newcomer how to sign in
    asn_entries: int


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"QRIS tag {tag} too long")
    return f"{tag}{len(value):02d}{value}"


def demo_qris_payload() -> str:
    """The outlet's static QRIS (EMVCo merchant-presented, as printed by its bank), CRC included."""
    bank_account = (
        _tlv("00", "ID.CO.BANKNTT.WWW")
        + _tlv("01", "936001130000537101")
        + _tlv("02", "000005371001")
        + _tlv("03", "UMI")
    )
    qris_account = _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", QRIS_NMID) + _tlv("03", "UMI")
    body = "".join(
        (
            _tlv("00", "01"),
            _tlv("01", "11"),
            _tlv("26", bank_account),
            _tlv("51", qris_account),
            _tlv("52", "5999"),
            _tlv("53", "360"),
            _tlv("58", "ID"),
            _tlv("59", QRIS_MERCHANT_NAME),
            _tlv("60", "KUPANG"),
            _tlv("61", "85111"),
            _tlv("62", _tlv("07", "A01")),
            "6304",
        )
    )
    # binascii.crc_hqx with init 0xFFFF is CRC-16/CCITT-FALSE (poly 0x1021, no reflection, no xor-out).
    return body + f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


def demo_settings() -> dict[str, Any]:
    return {
        "asn.minimum": 100_000,
        "asn.period": {"kind": "month"},
        "tax.ppn_enabled": False,
        "receipt.paper": 58,
        "qris.static": demo_qris_payload(),
        "discount.manager_pin_above_percent": 10,
    }


def _round_price(price: float) -> int:
    step = 500 if price < 20_000 else 1_000
    return max(step, round(price / step) * step)


def _phone(rng: random.Random) -> str:
    operator = rng.choice(("0812", "0813", "0821", "0852", "0853"))  # Telkomsel and friends, common in NTT
    return f"{operator}-{rng.randint(3000, 9999)}-{rng.randint(0, 9999):04d}"


def _bank_account(rng: random.Random, bank: str, owner: str) -> str:
    if bank == "BRI":
        branch, serial = rng.randint(1000, 9999), rng.randint(0, 999999)
        number = f"{branch}-01-{serial:06d}-{rng.randint(10, 59)}-{rng.randint(1, 9)}"
    else:
        number = f"{rng.randint(1, 99):03d}.01.02.{rng.randint(0, 999999):06d}-{rng.randint(0, 9)}"
    return f"{bank} {number} a.n. {owner}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ensure_empty(uow: UnitOfWork) -> None:
    session = uow.session
    for model in (Outlet, User, Product, Supplier):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise DomainError("database sudah berisi data")


def _supplier_rows(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for index, producer in enumerate(PRODUCERS, start=1):
        rows.append(
            {
                "id": index,
                "code": f"SUP-{index:03d}",
                "name": producer.name,
                "owner": producer.owner,
                "kabupaten": region(producer.kabupaten).short,
                "kabupaten_code": region(producer.kabupaten).code,
                "village": producer.village,
                "phone": _phone(rng),
                "bank_account": _bank_account(rng, producer.bank, producer.owner),
                "consignment": producer.commission_bp is not None,
                "commission_bp": producer.commission_bp or 0,
                "active": True,
            }
        )
    return rows


def _expand(producer: Producer) -> Iterable[tuple[ProductLine, int, str, int]]:
    """(line, name index within line, product name, listed price) for every product of a producer."""
    for line in producer.lines:
        for name_index, name in enumerate(line.names):
            for label, price in line.variants:
                yield line, name_index, f"{name} {label}", price


def _product_rows(rng: random.Random, now: datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Products and their opening stock movements."""
    category_ids = {name: index for index, (name, _prefix) in enumerate(CATEGORIES, start=1)}
    prefixes = dict(CATEGORIES)
    sku_counters = dict.fromkeys(prefixes, 0)
    gs1_companies = rng.sample(range(1000, 10000), len(PRODUCERS))
    products: list[dict[str, Any]] = []
    movements: list[dict[str, Any]] = []
    instore_number = 0
    for supplier_id, producer in enumerate(PRODUCERS, start=1):
        gs1_item = 0
        # One nudge per name within a line: a robusta is not priced like the arabika next to it.
        nudges: dict[tuple[int, int], float] = {}
        for line_index, line in enumerate(producer.lines):
            for name_index in range(len(line.names)):
                nudges[(line_index, name_index)] = 1.0 if name_index == 0 else rng.uniform(0.85, 1.1)
        for line, name_index, name, listed in _expand(producer):
            line_index = producer.lines.index(line)
            price = _round_price(listed * nudges[(line_index, name_index)])
            sku_counters[line.category] += 1
            if producer.gs1:
                gs1_item += 1
                first12 = f"899{gs1_companies[supplier_id - 1]}{gs1_item:05d}"
                barcode = first12 + ean13_check_digit(first12)
            else:
                instore_number += 1
                barcode = make_instore_ean13(instore_number)
            product_id = len(products) + 1
            products.append(
                {
                    "id": product_id,
                    "code": f"{prefixes[line.category]}-{sku_counters[line.category]:04d}",
                    "barcode": barcode,
                    "name": name,
                    "category_id": category_ids[line.category],
                    "supplier_id": supplier_id,
                    "unit": line.unit,
                    "price": price,
                    # The outlet knows a cost only for goods it bought outright.
                    "cost": None if producer.commission_bp is not None else _round_price(price * 0.75),
                    "tax_mode": "none",
                    "consignment": producer.commission_bp is not None,
                    "active": True,
                    "min_stock": line.min_stock,
                    "updated_at": now,
                }
            )
            movements.append(
                {
                    "uuid": _uuid(rng),
                    "product_id": product_id,
                    "qty": rng.randint(*line.stock),
                    "kind": "opening",
                    "reason": "Stok awal outlet demo",
                    "ref": None,
                    "user_id": None,
                    "created_at": now,
                }
            )
    return products, movements


def seed_demo(uow: UnitOfWork, *, now: datetime | None = None) -> DemoSummary:
    """Fill an empty till database with the demo outlet; the caller commits."""
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("seed_demo needs an aware datetime")
    _ensure_empty(uow)
    rng = random.Random(DEMO_SEED)
    session = uow.session

    session.execute(insert(Outlet), [{**OUTLET, "created_at": now}])
    hasher = users.hasher()
    session.execute(
        insert(User),
        [
            {
                "username": staff.username,
                "full_name": staff.full_name,
                "role": staff.role.value,
                "pin_hash": hasher.hash(staff.pin),
                "active": True,
                "failed_attempts": 0,
                "locked_until": None,
                "must_change_pin": False,
                "created_at": now,
            }
            for staff in STAFF
        ],
    )
    session.execute(
        insert(Category), [{"id": i, "name": name} for i, (name, _p) in enumerate(CATEGORIES, start=1)]
    )
    suppliers = _supplier_rows(rng)
    session.execute(insert(Supplier), suppliers)
    products, movements = _product_rows(rng, now)
    session.execute(insert(Product), products)
    session.execute(insert(StockMovement), movements)

    # NIPs are checked against the outlet's own date, as the till will check a buyer's NIP.
    today = now.astimezone(ZoneInfo(str(OUTLET["timezone"]))).date()
    registry = make_asn_registry(rng, ASN_COUNT, today)
    session.execute(
        insert(AsnRegistryEntry),
        [
            {
                "nip": a.nip,
                "name": a.name,
                "agency": a.agency,
                "kabupaten": a.kabupaten,
                "active": True,
                "updated_at": now,
            }
            for a in registry
        ],
    )
    session.execute(insert(Setting), [{"key": k, "value": v} for k, v in demo_settings().items()])
    session.flush()
    return DemoSummary(
        outlet_code=str(OUTLET["code"]),
        products=len(products),
        suppliers=len(suppliers),
        users=tuple((s.username, s.role, s.pin) for s in STAFF),
        asn_entries=len(registry),
    )


def open_demo(data_dir: Path) -> tuple[Database, bool]:
    """Open the demo till database in `data_dir`, created and seeded on first use; (db, seeded now)."""
    db = Database.open(data_dir, create=True)
    with db.unit_of_work() as uow:
        if uow.session.scalar(select(Outlet.id).limit(1)) is not None:
            return db, False
        seed_demo(uow)
        uow.commit()
    return db, True
