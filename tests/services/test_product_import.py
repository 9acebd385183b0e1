"""Product import/export: a file full of faults reports every one, writes nothing; good files round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from backoffice_helpers import audits, count
from openpyxl import Workbook

from pos.core.barcode import is_instore
from pos.db.engine import Database
from pos.db.models import Category, PriceChange, Product
from pos.services import product_import, products
from pos.services.context import Actor, PermissionDenied
from pos.services.product_import import ImportRefused

HEADER = "kode;barcode;nama;kategori;produsen;satuan;harga;harga_pokok;harga_titip;pajak;titip;aktif;stok_min"
FAULTY = [
    "OK-1;;Kopi Baru 100 g;Kopi & Teh;SUP-001;bks;Rp25.000;;;;;;3",  # line 2: fine
    "BAD-1;;Harga Negatif;;SUP-001;pcs;-5000;;;;;;",  # 3
    "BAD-2;8991234567890;Digit Salah;;SUP-001;pcs;1000;;;;;;",  # 4
    "BAD-3;8993473000016;Barcode Dipakai;;SUP-001;pcs;1000;;;;;;",  # 5
    "BAD-4;;Produsen Asing;;SUP-999;pcs;1000;;;;;;",  # 6
    "BAD-5;;;;SUP-001;pcs;1000;;;;;;",  # 7 no name
    "OK-1;;Kode Ganda;;SUP-001;pcs;1000;;;;;;",  # 8 duplicate code in the file
    "BAD-6;;Pajak Aneh;;SUP-001;pcs;1000;;;vat;;;",  # 9
    "BAD-7;;Titip Aneh;;SUP-001;pcs;1000;;;;mungkin;;",  # 10
    "BAD-8;;Stok Min Negatif;;SUP-001;pcs;1000;;;;;;-2",  # 11
    "BAD-9;;Harga Titip Tinggi;;SUP-001;pcs;1000;;2000;;;;",  # 12
    "BAD-10;;Harga Kosong;;SUP-001;pcs;;;;;;;",  # 13
    "BAD-11;;Harga Desimal;;SUP-001;pcs;100,50;;;;;;",  # 14
]
EXPECTED = {
    3: "tidak boleh negatif",
    4: "digit pemeriksa",
    5: "sudah dipakai oleh produk KOP-0001",
    6: "produsen SUP-999 tidak dikenal",
    7: "nama produk kosong",
    8: "sudah ada di baris 2",
    9: "pajak",
    10: "titip harus 'ya' atau 'tidak'",
    11: "stok minimum",
    12: "harga titip melebihi",
    13: "harga wajib diisi",
    14: "rupiah bulat",
}


def _csv(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "produk.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_every_fault_is_reported_with_its_line_and_nothing_written(
    demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    path = _csv(tmp_path, FAULTY)
    before = (count(demo_db, Product), count(demo_db, Category))
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
    assert {e.line for e in checked.errors} == set(EXPECTED)
    for error in checked.errors:
        assert EXPECTED[error.line] in error.reason, str(error)
    assert [r.line for r in checked.rows] == [2] and checked.new_count == 1
    with demo_db.unit_of_work() as uow, pytest.raises(ImportRefused, match="12 baris bermasalah") as refused:
        product_import.import_products(uow, demo_manager, path)
    assert len(refused.value.errors) == 12
    assert (count(demo_db, Product), count(demo_db, Category)) == before
    assert audits(demo_db, "product.import") == []


def test_xlsx_with_faults_is_refused_too(demo_db: Database, demo_manager: Actor, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    sheet.append(["X-1", 2000000000015, "Barcode Angka Excel Salah", None, "SUP-001", "pcs", 1000])
    sheet.append(["X-2", None, "Baik", None, "SUP-001", "pcs", 15000.0])
    path = tmp_path / "produk.xlsx"
    book.save(path)
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
    assert [(e.line, "sudah dipakai" in e.reason) for e in checked.errors] == [(2, True)]
    assert checked.rows[0].values["price"] == 15_000


def test_good_import_adds_updates_and_records_price_history(
    demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    lines = [
        "NEW-1;;Kopi Baru 100 g;Oleh-oleh Kupang;SUP-001;bks;25.000;;20000;;;;3",
        "NEW-2;8991234567891;Teh Kelor Baru;Kopi & Teh;SUP-004;bks;15rb;;;Tanpa PPN;ya;ya;",
        "KOP-0001;;Kopi Arabika Colol 100 g;Kopi & Teh;SUP-001;bks;32000;;;;;;5",
    ]
    progress: list[tuple[int, int]] = []
    with demo_db.unit_of_work() as uow:
        result = product_import.import_products(
            uow, demo_manager, _csv(tmp_path, lines), lambda done, total: progress.append((done, total))
        )
    assert (result.added, result.updated, result.price_changes) == (2, 1, 1)
    assert result.new_categories == ("Oleh-oleh Kupang",) and progress[-1] == (3, 3)
    with demo_db.unit_of_work() as uow:
        new = products.find_product(uow, "NEW-1")
        kopi = products.get_product(uow, 1)
        history = products.price_history(uow, 1)
    assert new is not None and new.barcode is not None and is_instore(new.barcode)
    assert (new.category, new.consignment_price, new.min_stock) == ("Oleh-oleh Kupang", 20_000, 3)
    assert kopi.price == 32_000 and kopi.barcode == "8993473000016"
    assert [(h.old_price, h.new_price, h.changed_by) for h in history] == [(30_000, 32_000, "manajer")]
    assert count(demo_db, PriceChange) == 1
    assert audits(demo_db, "product.import")[0][1]["added"] == 2


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(
    demo_db: Database, demo_manager: Actor, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"katalog{suffix}"
    with demo_db.unit_of_work() as uow:
        written = product_import.export_products(uow, path)
        before = products.list_products(uow, limit=1000)
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
        assert checked.errors == () and checked.update_count == written == len(before) == 335
        result = product_import.import_products(uow, demo_manager, path)
    with demo_db.unit_of_work() as uow:
        assert products.list_products(uow, limit=1000) == before
    assert result.price_changes == 0 and count(demo_db, PriceChange) == 0


def test_unreadable_files_and_cashiers_are_refused(
    demo_db: Database, demo_cashier: Actor, tmp_path: Path
) -> None:
    odd = tmp_path / "produk.pdf"
    odd.write_text("x")
    no_header = tmp_path / "tanpa.csv"
    no_header.write_text("kode,barcode\nA,B\n")
    with demo_db.unit_of_work() as uow:
        with pytest.raises(ImportRefused, match="tidak didukung"):
            product_import.preview(uow, odd)
        with pytest.raises(ImportRefused, match="nama, harga"):
            product_import.preview(uow, no_header)
        with pytest.raises(PermissionDenied):
            product_import.import_products(uow, demo_cashier, no_header)
