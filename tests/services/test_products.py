"""Catalog: products with generated in-store barcodes, refusals that save nothing, price history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from backoffice_helpers import audits, count

from pos.core.barcode import is_instore
from pos.db.engine import Database
from pos.db.models import PriceChange, Product
from pos.services import catalog, products
from pos.services.context import Actor, PermissionDenied
from pos.services.products import ProductError, ProductInput

HONEY = ProductInput(
    name="Madu Hutan Mutis 250 ml", price=65_000, supplier_id=6, category_id=3, unit="btl", min_stock=4
)


def test_new_product_gets_the_next_instore_barcode(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        expected = products.next_instore_barcode(uow)
        made = products.create_product(uow, demo_manager, HONEY)
        second = products.create_product(uow, demo_manager, replace(HONEY, name="Madu Hutan Mutis 500 ml"))
    assert made.barcode == expected == "2000000001661" and is_instore(made.barcode)
    assert second.barcode == "2000000001678" and made.code == made.barcode
    assert (made.supplier_code, made.category, made.on_hand, made.unit) == ("SUP-006", "Madu", 0, "btl")
    with demo_db.unit_of_work() as uow:  # the till finds it by scanning the new label
        found = catalog.find_by_barcode(uow, made.barcode)
    assert found is not None and found.name == "Madu Hutan Mutis 250 ml"
    [(user_id, detail)] = audits(demo_db, "product.create")[:1]
    assert user_id == demo_manager.user_id and detail["barcode"] == made.barcode


def test_an_existing_barcode_is_kept(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        made = products.create_product(
            uow, demo_manager, replace(HONEY, barcode=" 8991234567891 ", code="mad-9001")
        )
    assert (made.barcode, made.code) == ("8991234567891", "MAD-9001")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"price": -1}, "Harga jual tidak boleh negatif"),
        ({"cost": -5}, "Harga pokok tidak boleh negatif"),
        ({"barcode": "8991234567890"}, "digit pemeriksa barcode salah"),
        ({"barcode": "12345"}, "panjang barcode"),
        ({"barcode": "8993473000016"}, "sudah dipakai oleh Kopi Arabika Colol"),
        ({"code": "KOP-0001"}, "Kode produk KOP-0001 sudah dipakai"),
        ({"supplier_id": 999}, "Produsen #999 tidak dikenal"),
        ({"category_id": 999}, "Kategori #999 tidak dikenal"),
        ({"name": "   "}, "Nama produk wajib"),
        ({"min_stock": -1}, "Stok minimum"),
        ({"tax_mode": "vat"}, "Mode pajak"),
        ({"consignment_price": 70_000}, "melebihi harga jual"),
    ],
)
def test_bad_products_are_refused_and_nothing_saved(
    demo_db: Database, demo_manager: Actor, change: dict[str, object], message: str
) -> None:
    before = count(demo_db, Product)
    with demo_db.unit_of_work() as uow, pytest.raises(ProductError, match=message):
        products.create_product(uow, demo_manager, replace(HONEY, **change))  # type: ignore[arg-type]
    assert count(demo_db, Product) == before
    assert audits(demo_db, "product.create") == []


def test_cashier_cannot_change_the_catalog(demo_db: Database, demo_cashier: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            products.create_product(uow, demo_cashier, HONEY)
        with pytest.raises(PermissionDenied):
            products.set_price(uow, demo_cashier, 1, 1)


def test_price_changes_keep_who_when_old_and_new(demo_db: Database, demo_manager: Actor) -> None:
    t1 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    t2 = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
    with demo_db.unit_of_work() as uow:
        products.set_price(uow, demo_manager, 1, 32_500, now=t1)
        products.set_price(uow, demo_manager, 1, 31_000, now=t2)
        products.set_price(uow, demo_manager, 1, 31_000, now=t2)  # unchanged: no history line
        history = products.price_history(uow, 1)
        current = products.get_product(uow, 1)
    assert [(h.changed_at, h.changed_by, h.old_price, h.new_price) for h in history] == [
        (t2, "manajer", 32_500, 31_000),
        (t1, "manajer", 30_000, 32_500),
    ]
    assert current.price == 31_000 and count(demo_db, PriceChange) == 2
    assert audits(demo_db, "product.update")[0][1]["changes"] == {"price": [30_000, 32_500]}


def test_update_refuses_a_barcode_of_another_product(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        other = products.get_product(uow, 2)
        mine = products.get_product(uow, 1)
        with pytest.raises(ProductError, match="sudah dipakai"):
            products.update_product(
                uow, demo_manager, 1, replace(mine.as_input(), barcode=other.barcode, price=1)
            )
    with demo_db.unit_of_work() as uow:
        assert products.get_product(uow, 1) == mine


def test_list_filters_in_sql_and_labels(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        coffee = products.list_products(uow, text_filter="arabika colol")
        of_supplier = products.list_products(uow, supplier_id=1)
        labels = products.label_data(uow, [1, 2])
        category = products.add_category(uow, demo_manager, "Oleh-oleh")
        with pytest.raises(ProductError, match="sudah ada"):
            products.add_category(uow, demo_manager, "oleh-oleh")
    assert coffee and all("Arabika Colol" in p.name for p in coffee)
    assert len(of_supplier) == 11 and {p.supplier_id for p in of_supplier} == {1}
    assert labels[0].barcode == "8993473000016" and labels[0].price == 30_000
    assert category.name == "Oleh-oleh"
