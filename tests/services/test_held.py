"""Park and recall: several parked sales, surviving a fresh open of the database file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from pos.core.cart import Discount
from pos.core.nip import InvalidNip
from pos.db.engine import Database
from pos.db.models import AuditEntry, HeldSale, Product
from pos.services import held
from pos.services.held import HeldSaleError

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI, MADU, JAGUNG = "8991000000011", "8991000000028", "2000000000015"
NIP = "19860926 201505 1 001"


def test_park_two_recall_after_restart(till: Till) -> None:
    first = till.cart((KOPI, 2), (JAGUNG, 1))
    first.set_line_discount(0, Discount.of_percent(10, "kemasan penyok"))
    first.override_price(1, 9_000)
    with till.db.unit_of_work() as uow:
        a = held.park(uow, till.cashier, first, "Ibu baju merah", buyer_nip=NIP)
        b = held.park(uow, till.cashier2, till.cart((MADU, 1)), None, now=till.t0)
    assert a.total == 135_000 + 9_000 and a.item_count == 3 and a.line_count == 2 and a.has_buyer
    assert b.label == "Parkir 10:00" and not b.has_buyer  # 02:00 UTC is 10:00 WITA

    # A price change meanwhile does not touch the parked cart.
    with till.db.unit_of_work() as uow:
        uow.session.scalar(select(Product).where(Product.code == KOPI)).price = 80_000  # type: ignore[union-attr]
        uow.commit()
    path = till.db.path.parent
    till.db.close()

    db = Database.open(path)
    try:
        with db.unit_of_work() as uow:
            listed = held.list_held(uow)
        assert [(v.label, v.cashier, v.total) for v in listed] == [
            ("Ibu baju merah", "kasir1", 144_000),
            ("Parkir 10:00", "kasir2", 120_000),
        ]
        with db.unit_of_work() as uow:
            back = held.recall(uow, till.cashier, a.held_id)
        assert back.buyer_nip == "198609262015051001" and back.label == "Ibu baju merah"
        assert back.cart.snapshot() == first.snapshot()
        assert back.cart.lines[0].unit_price == 75_000
        with db.unit_of_work() as uow:
            assert [v.held_id for v in held.list_held(uow)] == [b.held_id]
            with pytest.raises(HeldSaleError, match="tidak ditemukan"):
                held.recall(uow, till.cashier, a.held_id)
            actions = list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        assert actions[-3:] == ["sale.park", "sale.park", "sale.recall"]
    finally:
        db.close()


def test_refusals_park_nothing(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        with pytest.raises(HeldSaleError, match="kosong"):
            held.park(uow, till.cashier, till.cart(), "x")
        with pytest.raises(InvalidNip):
            held.park(uow, till.cashier, till.cart((KOPI, 1)), "x", buyer_nip="12345")
        uow.commit()
        assert uow.session.scalar(select(func.count(HeldSale.id))) == 0
        assert held.list_held(uow) == []
