"""Finding products by scan and by typed name on the demo catalog (real SQLite, FTS5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from pos.core.timeutil import utc_now
from pos.db.engine import Database
from pos.db.models import Product
from pos.services import catalog


def test_search_matches_every_word_as_a_prefix(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        found = catalog.search(uow, "kop arab mangg")
    assert found, "expected the Manggarai arabica coffee"
    assert all("kopi" in p.name.lower() and "manggarai" in p.name.lower() for p in found)
    assert all(p.on_hand > 0 and p.price > 0 for p in found)


@pytest.mark.parametrize("typed", ['"', "*", "kopi -", "madu:", "NEAR(", "se'i", "  ", "AND OR NOT"])
def test_search_survives_fts_syntax_in_what_was_typed(demo_db: Database, typed: str) -> None:
    with demo_db.unit_of_work() as uow:
        results = catalog.search(uow, typed)
    assert isinstance(results, list)


def test_search_finds_by_code_prefix_and_limits_results(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        by_code = catalog.search(uow, "KOP", limit=5)
        assert 0 < len(by_code) <= 5
        assert all(p.code.startswith("KOP") or "kop" in p.name.lower() for p in by_code)


def test_find_by_barcode_sku_and_upc_forms(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(Product.barcode.is_not(None)).limit(1)).one()
        assert product.barcode is not None
        assert catalog.find_by_barcode(uow, product.barcode).product_id == product.id  # type: ignore[union-attr]
        assert catalog.find_by_barcode(uow, product.code).product_id == product.id  # type: ignore[union-attr]
        assert catalog.find_by_barcode(uow, "0000000000000") is None
        # A UPC-A product stored as 12 digits is found when a scanner sends the 13-digit EAN form.
        uow.session.execute(update(Product).where(Product.id == product.id).values(barcode="036000291452"))
        found = catalog.find_by_barcode(uow, "0036000291452")
        assert found is not None and found.product_id == product.id


def test_inactive_products_are_not_sold(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(Product.name.like("Madu%")).limit(1)).one()
        product.active = False
        uow.commit()
    with demo_db.unit_of_work() as uow:
        assert catalog.find_by_barcode(uow, product.barcode or product.code) is None
        assert product.id not in {p.product_id for p in catalog.search(uow, product.name)}


def test_renamed_product_is_found_by_its_new_name(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).limit(1)).one()
        product.name = "Tenun Ikat Ndao Istimewa"
        uow.commit()
    with demo_db.unit_of_work() as uow:
        assert [p.product_id for p in catalog.search(uow, "ndao istim")] == [product.id]


def test_search_ranks_a_short_list_and_shows_a_long_one_in_name_order(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bm25 over thousands of matches cost ~15 ms a key on 100,000 products: past RANK_AT_MOST the
    first matches are shown by name, and the next word typed narrows the list."""
    long_name = "Aceh Zanzibar Kain Tenun Panjang Sekali Untuk Upacara Adat"
    with demo_db.unit_of_work() as uow:
        uow.session.add_all(
            Product(code=code, name=name, unit="pcs", price=10_000, updated_at=utc_now())
            for code, name in (("ZNZ-1", "Zanzibar"), ("ZNZ-2", long_name))
        )
        uow.commit()
    with demo_db.unit_of_work() as uow:
        ranked = [p.name for p in catalog.search(uow, "zanzib")]
        monkeypatch.setattr(catalog, "RANK_AT_MOST", 1)
        by_name = [p.name for p in catalog.search(uow, "zanzib")]
    assert ranked == ["Zanzibar", long_name]  # the closer match first
    assert by_name == [long_name, "Zanzibar"]


def test_one_letter_words_are_searched_by_their_two_letter_prefixes_and_nothing_is_missed(
    demo_db: Database,
) -> None:
    """ "k" is asked as ("ka"* OR "kb"* ... OR "k"), the prefix index's way (~0.4 ms instead of 2-3 ms on
    100,000 products); a word whose second letter is none of a-z0-9 is still found (the plain query runs
    when the quick one finds fewer rows than asked)."""
    with demo_db.unit_of_work() as uow:
        uow.session.add(
            Product(code="TEN-9001", name="Xŋa Tenun Alor", unit="pcs", price=10_000, updated_at=utc_now())
        )
        uow.commit()
    with demo_db.unit_of_work() as uow:
        by_k = catalog.search(uow, "k")
        kopi_m = catalog.search(uow, "kopi m")
        by_x = catalog.search(uow, "x")
    assert len(by_k) == 20
    assert all(
        any(word.startswith("k") for word in f"{p.name} {p.code} {p.barcode}".lower().split()) for p in by_k
    )
    assert kopi_m and all("kopi" in p.name.lower() for p in kopi_m)
    assert all(any(w.startswith("m") for w in f"{p.name} {p.code}".lower().split()) for p in kopi_m)
    assert "Xŋa Tenun Alor" in [p.name for p in by_x]
