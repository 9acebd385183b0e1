"""The rules of shared outlet records on one real till: the wire format refuses what is not shared, and
applying pulled records settles a code or barcode claimed by two products the same way on every till
(the incoming record, newer at the province, keeps it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from helpers.real_till import RealTill
from sqlalchemy import select

from pos.db.models import Product, SharedChange
from pos.services import outlet_apply
from pos.services.outlet_share import product_uid_for
from pos.sync.protocol import ProtocolError
from pos.sync.protocol import outlet_records as rec

NOW = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)


def product(code: str, barcode: str | None, name: str, price: int) -> dict[str, Any]:
    return {
        "code": code,
        "barcode": barcode,
        "name": name,
        "category": None,
        "supplier": None,
        "unit": "pcs",
        "price": price,
        "cost": None,
        "consignment_price": None,
        "tax_mode": "none",
        "consignment": True,
        "active": True,
        "min_stock": 0,
    }


def wire(record_type: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"type": record_type, "key": key, "till": "5371-02", "changed_at": NOW.isoformat(), "data": data}


def test_the_wire_format_refuses_what_is_not_shared_or_does_not_match_its_key() -> None:
    good = wire(rec.PRODUCT, product_uid_for("KOPI"), product("KOPI", None, "Kopi", 10_000))
    assert rec.parse_record(good).data["price"] == 10_000
    with pytest.raises(ProtocolError, match="bukan milik bersama"):
        rec.parse_record(wire(rec.SETTING, "printer", {"value": {"kind": "file"}}))
    with pytest.raises(ProtocolError, match="tidak sama"):
        rec.parse_record(wire(rec.CATEGORY, "Kopi", {"name": "Teh"}))
    with pytest.raises(ProtocolError, match="tidak dikenal"):
        rec.parse_record(wire(rec.PRODUCT, product_uid_for("X"), {**product("X", None, "X", 1), "pin": "1"}))
    with pytest.raises(ProtocolError):
        rec.parse_record(
            wire(
                rec.USER,
                "kasir",
                {
                    "username": "kasir",
                    "full_name": "K",
                    "role": "root",
                    "pin_hash": "x",
                    "active": True,
                    "must_change_pin": False,
                },
            )
        )


def records(*items: tuple[str, dict[str, Any]]) -> list[Any]:
    return [
        {"type": rec.PRODUCT, "key": uid, "version": n, "till": "5371-02", "data": data}
        for n, (uid, data) in enumerate(items, start=1)
    ]


def test_a_code_or_barcode_claimed_by_two_products_goes_to_the_newer_record_and_marks_nothing(
    new_till: Callable[..., RealTill],
) -> None:
    till = new_till()
    with till.db.unit_of_work() as uow:
        kopi = uow.session.scalars(select(Product).where(Product.barcode == "8991000000010")).one()
        kopi_code = kopi.code
        kopi.uid = product_uid_for(kopi_code)  # shared already (a product without a uid would take theirs)
        uow.session.execute(SharedChange.__table__.delete())  # type: ignore[attr-defined]
        uow.commit()
    stranger = "0f0e0d0c-0b0a-4909-8807-060504030201"
    with till.db.unit_of_work() as uow:
        outlet_apply.apply_page(
            uow,
            records(
                (stranger, product(kopi_code, "8991000000010", "Kopi dari kasir lain", 90_000)),
                (product_uid_for("NEW-1"), product("NEW-1", "8991000000027", "Produk baru", 5_000)),
            ),
            "5371-01",
        )
        uow.commit()
    with till.db.unit_of_work() as uow:
        rows = {p.code: p for p in uow.session.scalars(select(Product))}
        uow.session.expunge_all()  # read below, after the unit of work
        marked = uow.session.scalars(select(SharedChange)).all()
    assert rows[kopi_code].uid == stranger and rows[kopi_code].price == 90_000
    renamed = [p for code, p in rows.items() if code.startswith(f"{kopi_code}~")]
    assert len(renamed) == 1 and renamed[0].barcode is None and renamed[0].name.startswith("Kopi Arabika")
    assert rows["NEW-1"].barcode == "8991000000027"
    assert next(p for p in rows.values() if p.name.startswith("Madu")).barcode is None
    assert marked == []  # what came from the province is not sent back
