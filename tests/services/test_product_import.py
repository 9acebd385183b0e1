"""Product import/export: a file full of faults reports every one, writes nothing; good files round-trip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from backoffice_helpers import audits, count, events
from openpyxl import Workbook, load_workbook

from pos.core.barcode import is_instore
from pos.db.engine import Database
from pos.db.models import Category, PriceChange, Product
from pos.services import product_import, product_table, products, setup, users
from pos.services import suppliers as supplier_service
from pos.services.context import Actor, PermissionDenied
from pos.services.product_import import ImportRefused, RowError
from pos.services.setup import OutletSetup

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


# --- producers by code or name, the round trip into a new outlet, formula cells, bad cells ---------


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    """A real outlet as `ntt-pos init` makes it: no products, no producers, one admin."""
    db = Database.open(tmp_path / "baru", create=True)
    setup.initialize_outlet(
        db, OutletSetup("5310", "NTT Mart by Dekranasda Sikka", "5310", "Maumere", "admin", "4826")
    )
    with db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "4826")
    yield db, admin
    db.close()


def test_producers_by_code_or_name_and_unknown_names_are_created_once(
    demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    with demo_db.unit_of_work() as uow:
        sup1 = next(s for s in supplier_service.list_suppliers(uow) if s.code == "SUP-001")
    path = _csv(tmp_path, [
        f"P-1;;Kopi Lewat Nama;;{sup1.name.upper()};bks;1000;;;;;;",
        "P-2;;Kopi Lewat Kode;;sup-001;bks;1000;;;;;;",
        "P-3;;Tenun Baru;;Tenun Ina  Ndao;lbr;1000;;;;;;",
        "P-4;;Tenun Baru 2;;tenun ina ndao;lbr;1000;;;;tidak;;",
        "P-5;;Madu Baru;;Madu Hutan Amfoang;btl;1000;;;;;;",
    ])  # fmt: skip
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
        assert checked.errors == ()
        assert checked.new_producers == ("Tenun Ina Ndao", "Madu Hutan Amfoang")
        result = product_import.import_products(uow, demo_manager, path)
    made = {p.name: p for p in result.new_producers}
    assert set(made) == {"Tenun Ina Ndao", "Madu Hutan Amfoang"}
    assert all(p.consignment and p.code.startswith("SUP-") for p in made.values())
    with demo_db.unit_of_work() as uow:
        found = {code: products.find_product(uow, code) for code in ("P-1", "P-2", "P-3", "P-4")}
    assert found["P-1"].supplier_id == found["P-2"].supplier_id == sup1.supplier_id  # type: ignore[union-attr]
    assert found["P-3"].supplier_id == found["P-4"].supplier_id == made["Tenun Ina Ndao"].supplier_id  # type: ignore[union-attr]
    assert (found["P-3"].consignment, found["P-4"].consignment) == (True, False)  # type: ignore[union-attr]
    # Each new producer goes to the province like one added by hand (the event's layout is the sync's).
    queued = json.dumps(events(demo_db, "supplier"))
    assert (
        len(events(demo_db, "supplier")) == 2
        and "Tenun Ina Ndao" in queued
        and "Madu Hutan Amfoang" in queued
    )
    assert sorted(d["name"] for _, d in audits(demo_db, "supplier.create")) == sorted(made)
    assert sorted(audits(demo_db, "product.import")[0][1]["new_producers"]) == sorted(
        p.code for p in result.new_producers
    )


def test_an_ambiguous_name_or_an_unknown_till_code_is_a_row_error(
    demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    with demo_db.unit_of_work() as uow:
        twin = supplier_service.create_supplier(
            uow, demo_manager, supplier_service.SupplierInput(name="Kembar")
        )
        supplier_service.create_supplier(uow, demo_manager, supplier_service.SupplierInput(name="kembar"))
    path = _csv(tmp_path, ["A-1;;Satu;;Kembar;pcs;1000;;;;;;", "A-2;;Dua;;SUP-777;pcs;1000;;;;;;"])
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
    assert [(e.line, e.reason) for e in checked.errors] == [
        (2, f"nama produsen 'Kembar' dipakai 2 produsen ({twin.code}, SUP-{int(twin.code[4:]) + 1:03d}): "
            "tulis kodenya"),
        (3, "produsen SUP-777 tidak dikenal"),
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.slow
def test_export_imports_into_a_new_outlet_and_exports_again_identically(
    demo_db: Database, demo_manager: Actor, fresh: tuple[Database, Actor], tmp_path: Path, suffix: str
) -> None:
    with demo_db.unit_of_work() as uow:  # names a spreadsheet would run as formulas, and a quote
        for name in ('=HYPERLINK("http://x")', "+62 Kopi", "-Madu", "@Tenun", "'=bukan rumus"):
            products.create_product(uow, demo_manager, products.ProductInput(name=name, price=5000))
    db, admin = fresh
    first, second = tmp_path / f"satu{suffix}", tmp_path / f"dua{suffix}"
    with demo_db.unit_of_work() as uow:
        written = product_import.export_products(uow, first)
    with db.unit_of_work() as uow:
        result = product_import.import_products(uow, admin, first)
    assert (result.added, result.updated, written) == (340, 0, 340)
    assert len(result.new_producers) == 35
    with db.unit_of_work() as uow:
        assert product_import.export_products(uow, second) == written
    if suffix == ".csv":
        assert second.read_bytes() == first.read_bytes()
        assert "'=HYPERLINK" in first.read_text(encoding="utf-8-sig")
    else:
        assert _cells(second) == _cells(first)
        assert not any(kind == "f" for row in _cells(first) for _, kind in row)
    with db.unit_of_work() as uow:
        assert {products.find_product(uow, p.code).name for p in products.list_products(uow, limit=1000)} >= {  # type: ignore[union-attr]
            '=HYPERLINK("http://x")',
            "-Madu",
            "'=bukan rumus",
        }


def _cells(path: Path) -> list[list[tuple[object, str]]]:
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


def test_only_text_cells_are_escaped_in_csv_and_xlsx(tmp_path: Path) -> None:
    row: list[str | int] = ["=1+1", "-5", -5, "+62", "@a", "'=x", "'biasa", "Kopi", 0, "", "ya", "ya", 3]
    product_table.write_table(tmp_path / "a.csv", [row])
    product_table.write_table(tmp_path / "a.xlsx", [row])
    lines = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1] == "'=1+1,'-5,-5,'+62,'@a,''=x,'biasa,Kopi,0,,ya,ya,3"
    written = _cells(tmp_path / "a.xlsx")[1]
    assert written[:7] == [("=1+1", "s"), ("-5", "s"), (-5, "n"), ("+62", "s"), ("@a", "s"), ("''=x", "s"),
                           ("'biasa", "s")]  # fmt: skip
    for name in ("a.csv", "a.xlsx"):
        [(_, cells)] = list(product_table.read_table(tmp_path / name))
        assert [cells[c] for c in product_table.COLUMNS[:7]] == [
            "=1+1",
            "-5",
            "-5",
            "+62",
            "@a",
            "'=x",
            "'biasa",
        ]


SUPERSCRIPT_TWO = "\u00b2"  # "²": str.isdigit() is True, int() refuses it
HUGE = "123456789012345678901234"  # 24 digits


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bad_cells_are_row_errors(demo_db: Database, tmp_path: Path, suffix: str) -> None:
    rows: list[list[object]] = [
        ["C-1", None, "Stok Pangkat", None, None, "pcs", 1000, None, None, None, None, None, SUPERSCRIPT_TWO],
        ["C-2", None, "Stok Raksasa", None, None, "pcs", 1000, None, None, None, None, None, HUGE],
        ["C-3", None, "Harga Raksasa", None, None, "pcs", HUGE, None, None, None, None, None, None],
        ["C-4", HUGE, "Barcode Raksasa", None, None, "pcs", 1000, None, None, None, None, None, None],
        ["C-5", None, "Pokok Raksasa", None, None, "pcs", 1000, float(HUGE), None, None, None, None, None],
        ["C-6", None, "Harga Negatif", None, None, "pcs", -1000, None, None, None, None, None, None],
        ["C-7", None, "Stok Raksasa Angka", None, None, "pcs", 1000, None, None, None, None, None, 1e23],
        ["C-8", None, "Baik", None, None, "pcs", 1000, None, None, None, None, None, 7],
    ]
    path = tmp_path / f"sel{suffix}"
    if suffix == ".csv":
        text = [";".join(product_table.COLUMNS)] + [
            ";".join("" if v is None else str(v) for v in r) for r in rows
        ]
        path.write_text("\n".join(text), encoding="utf-8")
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(list(product_table.COLUMNS))
        for values in rows:
            sheet.append(values)
        book.save(path)
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
    reasons = {e.line: e.reason for e in checked.errors}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 8] and [r.line for r in checked.rows] == [9]
    assert "stok minimum" in reasons[2] and "bilangan bulat" in reasons[2]
    assert "terlalu besar" in reasons[3] and "harga" in reasons[4] and "barcode" in reasons[5]
    assert "harga pokok" in reasons[6] and "negatif" in reasons[7] and "stok minimum" in reasons[8]


def test_empty_and_broken_xlsx_and_a_csv_in_another_encoding(
    demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    empty = tmp_path / "kosong.xlsx"
    Workbook().save(empty)
    random_bytes = tmp_path / "acak.xlsx"
    random_bytes.write_bytes(bytes(range(256)) * 40)
    whole = tmp_path / "utuh.xlsx"
    with demo_db.unit_of_work() as uow:
        product_import.export_products(uow, whole)
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    latin = _csv(tmp_path, ["L-1;;Kopi Tidak Rusak;;;pcs;1000;;;;;;", "L-2;;Caf\u00e9 Ende;;;pcs;1000;;;;;;"])
    latin.write_bytes(latin.read_text(encoding="utf-8").encode("cp1252"))
    utf16 = tmp_path / "unicode.csv"
    utf16.write_text(HEADER + "\nU-1;;Caf\u00e9 Ende;;;pcs;1000;;;;;;\n", encoding="utf-16")
    with demo_db.unit_of_work() as uow:
        assert product_import.preview(uow, empty).errors == (RowError(1, "file tidak berisi baris produk"),)
        for broken in (random_bytes, truncated, tmp_path / "zero.xlsx"):
            broken.touch()
            with pytest.raises(ImportRefused, match=f"File {broken.name} rusak atau bukan file Excel"):
                product_import.preview(uow, broken)
        checked = product_import.preview(uow, latin)
        assert [e.line for e in checked.errors] == [3] and "bukan UTF-8" in checked.errors[0].reason
        assert product_import.preview(uow, utf16).rows[0].values["name"] == "Caf\u00e9 Ende"
        with pytest.raises(ImportRefused, match="1 baris bermasalah") as refused:
            product_import.import_products(uow, demo_manager, latin)
    assert refused.value.errors == checked.errors


def test_a_row_without_code_cannot_take_a_code_already_used(demo_db: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        ["8991234567891;;Kode Dulu;;;pcs;1000;;;;;;", ";8991234567891;Kode Dari Barcode;;;pcs;1000;;;;;;"],
    )
    with demo_db.unit_of_work() as uow:
        checked = product_import.preview(uow, path)
    assert [(e.line, "sudah dipakai oleh baris 2" in e.reason) for e in checked.errors] == [(3, True)]
