"""UMKM producers: create and change (manager only), clear refusals, audit and `supplier` events."""

from __future__ import annotations

import pytest
from backoffice_helpers import audits, count, events

from pos.db.engine import Database
from pos.db.models import Supplier
from pos.services import suppliers
from pos.services.context import Actor, PermissionDenied
from pos.services.suppliers import SupplierError, SupplierInput

NEW = SupplierInput(
    name="  Tenun  Ikat Sumba Timur ",
    owner="Mama Rambu",
    kabupaten="Sumba Timur",
    village="Prailiu",
    phone="+62 812-3456-7890",
    bank_account="BRI 1234 a.n. Rambu",
    commission_bp=1750,
)


def test_create_gives_next_code_and_is_audited_and_synced(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        made = suppliers.create_supplier(uow, demo_manager, NEW)
    assert made.code == "SUP-036" and made.name == "Tenun Ikat Sumba Timur"
    assert made.terms == "Titip jual 17,5%"
    [(user_id, detail)] = audits(demo_db, "supplier.create")
    assert user_id == demo_manager.user_id and detail["code"] == "SUP-036"
    [event] = events(demo_db, "supplier")
    assert event["payload"]["code"] == "SUP-036" and event["payload"]["commission_bp"] == 1750
    assert "bank_account" not in event["payload"]


def test_cashier_cannot_add_a_producer(demo_db: Database, demo_cashier: Actor) -> None:
    before = count(demo_db, Supplier)
    with demo_db.unit_of_work() as uow, pytest.raises(PermissionDenied, match="manajer"):
        suppliers.create_supplier(uow, demo_cashier, NEW)
    assert count(demo_db, Supplier) == before


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (SupplierInput(name="  "), "Nama produsen wajib"),
        (SupplierInput(name="X", phone="08-abc"), "telepon"),
        (SupplierInput(name="X", commission_bp=-1), "Komisi"),
        (SupplierInput(name="X", commission_bp=10_001), "Komisi"),
        (SupplierInput(name="X", code="sup 1"), "Kode produsen"),
        (SupplierInput(name="X", code="SUP-001"), "sudah dipakai"),
    ],
)
def test_bad_producers_are_refused_and_nothing_saved(
    demo_db: Database, demo_manager: Actor, bad: SupplierInput, message: str
) -> None:
    before = count(demo_db, Supplier)
    with demo_db.unit_of_work() as uow, pytest.raises(SupplierError, match=message):
        suppliers.create_supplier(uow, demo_manager, bad)
    assert count(demo_db, Supplier) == before
    assert events(demo_db, "supplier") == []


def test_update_records_what_changed(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        current = suppliers.get_supplier(uow, 1)
        data = SupplierInput(
            name=current.name,
            owner=current.owner,
            kabupaten=current.kabupaten,
            village=current.village,
            phone=current.phone,
            bank_account=current.bank_account,
            commission_bp=1000,
        )
        changed = suppliers.update_supplier(uow, demo_manager, 1, data)
    assert changed.commission_bp == 1000 and changed.code == "SUP-001"
    [(_, detail)] = audits(demo_db, "supplier.update")
    assert detail["changes"] == {"commission_bp": [1500, 1000]}
    assert events(demo_db, "supplier")[0]["payload"]["action"] == "update"


def test_percent_parsing() -> None:
    assert suppliers.parse_percent("15") == 1500
    assert suppliers.parse_percent("12,5") == 1250
    assert suppliers.parse_percent(" 7.25 % ") == 725
    assert suppliers.format_percent(1250) == "12,5%" and suppliers.format_percent(1500) == "15%"
    for bad in ("abc", "101", "-5", "1,234"):
        with pytest.raises(SupplierError):
            suppliers.parse_percent(bad)


def test_a_producers_kabupaten_comes_from_the_kemendagri_list(demo_db: Database, demo_manager: Actor) -> None:
    from sqlalchemy import text

    from pos.services.suppliers import create_supplier, update_supplier

    with demo_db.unit_of_work() as uow:
        by_code = create_supplier(uow, demo_manager, SupplierInput(name="Tenun Lepo Lorun", kabupaten="5307"))
    assert (by_code.kabupaten, by_code.kabupaten_code) == ("Sikka", "5307")
    with demo_db.unit_of_work() as uow:
        by_name = create_supplier(uow, demo_manager, SupplierInput(name="Garam Nagekeo", kabupaten="nagekeo"))
    assert (by_name.kabupaten, by_name.kabupaten_code) == ("Nagekeo", "5316")
    with demo_db.unit_of_work() as uow, pytest.raises(SupplierError, match="pilih salah satu"):
        create_supplier(uow, demo_manager, SupplierInput(name="UMKM Bandung", kabupaten="Bandung"))
    with demo_db.unit_of_work() as uow:  # an older free-text value is kept while it is not changed
        uow.session.execute(
            text("UPDATE suppliers SET kabupaten='Atambua', kabupaten_code=NULL WHERE id=:i"),
            {"i": by_name.supplier_id},
        )
        uow.commit()
    with demo_db.unit_of_work() as uow:
        kept = update_supplier(
            uow,
            demo_manager,
            by_name.supplier_id,
            SupplierInput(name="Garam Nagekeo Jaya", kabupaten="Atambua"),
        )
    assert (kept.name, kept.kabupaten, kept.kabupaten_code) == ("Garam Nagekeo Jaya", "Atambua", None)
