"""Importing and exporting the catalog as CSV or XLSX, with a preview and a report of every bad row.

`preview` reads the file and checks every row against the catalog (in memory: one query per table,
not per row) and returns what would be added or changed plus every fault with its line number.
`import_products` checks the file again inside its own transaction and writes all of it or, if any
row is bad, nothing. A row whose `kode` already exists changes that product (a new price goes into
the price history); other rows are new products, and an empty barcode gets an in-store EAN-13.
Long work reports progress through `progress(done, total)` (called on the worker thread).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from pos.core.barcode import InvalidBarcode, is_instore, make_instore_ean13, validate_barcode
from pos.core.errors import DomainError
from pos.core.money import InvalidAmount, parse_rupiah
from pos.core.timeutil import utc_now
from pos.db.models import Category, PriceChange, Product, Supplier
from pos.db.uow import UnitOfWork
from pos.services import audit
from pos.services.context import Actor, Role, require_role
from pos.services.products import MAX_PRICE, TAX_LABELS, TAX_MODES

COLUMNS = (
    "kode", "barcode", "nama", "kategori", "produsen", "satuan", "harga", "harga_pokok", "harga_titip",
    "pajak", "titip", "aktif", "stok_min",
)  # fmt: skip
REQUIRED = ("nama", "harga")
_YES = {"ya", "y", "1", "true", "benar"}
_NO = {"tidak", "t", "n", "0", "false", "salah", ""}
_TAX_BY_LABEL = {label.lower(): mode for mode, label in TAX_LABELS.items()} | {m: m for m in TAX_MODES}
Progress = Callable[[int, int], None]


class ImportRefused(DomainError):
    """The file cannot be imported; `errors` lists every bad row (nothing was written)."""

    def __init__(self, message: str, errors: tuple[RowError, ...] = ()) -> None:
        super().__init__(message)
        self.errors = errors


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.reason}"


@dataclass(frozen=True)
class ImportRow:
    line: int
    action: str  # "baru" or "ubah"
    values: dict[str, Any]
    product_id: int | None = None
    old_price: int | None = None


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[ImportRow, ...]
    errors: tuple[RowError, ...]
    new_categories: tuple[str, ...] = field(default=())

    @property
    def new_count(self) -> int:
        return sum(1 for row in self.rows if row.action == "baru")

    @property
    def update_count(self) -> int:
        return sum(1 for row in self.rows if row.action == "ubah")


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    price_changes: int
    new_categories: tuple[str, ...]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps barcodes and prices typed as numbers
    return str(value).strip()


def read_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) per data row; the header is line 1. CSV (`,` or `;`) or XLSX."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        yield from _read_csv(path)
    else:
        raise ImportRefused(f"Format {suffix or 'tanpa akhiran'} tidak didukung: pakai .csv atau .xlsx.")


def _header(cells: list[str]) -> list[str]:
    names = [c.strip().lower().replace(" ", "_") for c in cells]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ImportRefused(f"Kolom wajib tidak ada di baris judul: {', '.join(missing)}.")
    return names


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
        fh.seek(0)
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(fh, delimiter=delimiter)
        header = _header(next(reader, []))
        for cells in reader:
            if any(c.strip() for c in cells):
                yield reader.line_num, dict(zip(header, (c.strip() for c in cells), strict=False))


def _read_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook  # only needed when someone imports a spreadsheet

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = workbook.active.iter_rows(values_only=True)
        header = _header([_cell(c) for c in next(rows, ())])
        for number, cells in enumerate(rows, start=2):
            texts = [_cell(c) for c in cells]
            if any(texts):
                yield number, dict(zip(header, texts, strict=False))
    finally:
        workbook.close()


def _amount(text: str, label: str, *, optional: bool) -> int | None:
    if not text:
        if optional:
            return None
        raise DomainError(f"{label} wajib diisi")
    if text.lstrip().startswith("-"):
        raise DomainError(f"{label} tidak boleh negatif ({text})")
    try:
        value = parse_rupiah(text)
    except InvalidAmount as error:
        raise DomainError(f"{label}: {error}") from None
    if value > MAX_PRICE:
        raise DomainError(f"{label} terlalu besar ({text})")
    return value


def _flag(text: str, label: str, default: bool) -> bool:
    low = text.strip().lower()
    if not low:
        return default
    if low in _YES:
        return True
    if low in _NO:
        return False
    raise DomainError(f"{label} harus 'ya' atau 'tidak', bukan '{text}'")


@dataclass
class _Catalog:
    """The catalog's keys in memory; rows seen earlier in the file are added as they are accepted."""

    by_code: dict[str, tuple[int, int]]  # code -> (product id, price)
    barcode_owner: dict[str, str]  # barcode -> code
    suppliers: dict[str, tuple[int, bool]]  # code -> (id, consignment)
    categories: dict[str, int]  # lower name -> id
    new_categories: dict[str, str] = field(default_factory=dict)  # lower -> as written


def _load(uow: UnitOfWork) -> _Catalog:
    s = uow.session
    return _Catalog(
        by_code={c: (i, p) for i, c, p in s.execute(select(Product.id, Product.code, Product.price))},
        barcode_owner={b: c for b, c in s.execute(select(Product.barcode, Product.code)) if b},
        suppliers={
            c: (i, k) for i, c, k in s.execute(select(Supplier.id, Supplier.code, Supplier.consignment))
        },
        categories={n.lower(): i for i, n in s.execute(select(Category.id, Category.name))},
    )


def _row(catalog: _Catalog, line: int, cells: dict[str, str], seen: dict[str, int]) -> ImportRow:
    name = " ".join(cells.get("nama", "").split())
    if not name:
        raise DomainError("nama produk kosong")
    if len(name) > 160:
        raise DomainError("nama produk lebih dari 160 huruf")
    code = cells.get("kode", "").strip().upper()
    if len(code) > 32 or " " in code:
        raise DomainError(f"kode '{code}' tidak valid (tanpa spasi, maksimal 32 huruf)")
    if code and code in seen:
        raise DomainError(f"kode {code} sudah ada di baris {seen[code]}")
    existing = catalog.by_code.get(code) if code else None
    barcode = cells.get("barcode", "").strip()
    if barcode:
        try:
            barcode = validate_barcode(barcode)
        except InvalidBarcode as error:
            raise DomainError(f"barcode {barcode}: {error}") from None
        owner = catalog.barcode_owner.get(barcode)
        if owner is not None and owner != code:
            where = f"baris {seen[owner]}" if owner in seen else f"produk {owner}"
            raise DomainError(f"barcode {barcode} sudah dipakai oleh {where}")
    supplier_code = cells.get("produsen", "").strip().upper()
    supplier = catalog.suppliers.get(supplier_code) if supplier_code else None
    if supplier_code and supplier is None:
        raise DomainError(f"produsen {supplier_code} tidak dikenal")
    price = _amount(cells.get("harga", ""), "harga", optional=False)
    cost = _amount(cells.get("harga_pokok", ""), "harga pokok", optional=True)
    consignment_price = _amount(cells.get("harga_titip", ""), "harga titip", optional=True)
    assert price is not None
    if consignment_price is not None and consignment_price > price:
        raise DomainError("harga titip melebihi harga jual")
    tax = _TAX_BY_LABEL.get(cells.get("pajak", "").strip().lower() or "none")
    if tax is None:
        raise DomainError(f"pajak '{cells.get('pajak')}' tidak dikenal (none, ppn_included, ppn_added)")
    stock_text = cells.get("stok_min", "").strip() or "0"
    if not stock_text.isdigit():
        raise DomainError(f"stok minimum '{stock_text}' harus bilangan bulat tidak negatif")
    unit = cells.get("satuan", "").strip() or "pcs"
    if len(unit) > 16:
        raise DomainError("satuan lebih dari 16 huruf")
    category = " ".join(cells.get("kategori", "").split())
    if len(category) > 80:
        raise DomainError("nama kategori lebih dari 80 huruf")
    values = {
        "code": code or None,
        "barcode": barcode or None,
        "name": name,
        "category": category or None,
        "supplier_id": supplier[0] if supplier else None,
        "unit": unit,
        "price": price,
        "cost": cost,
        "consignment_price": consignment_price,
        "tax_mode": tax,
        "consignment": _flag(cells.get("titip", ""), "titip", supplier[1] if supplier else True),
        "active": _flag(cells.get("aktif", ""), "aktif", True),
        "min_stock": int(stock_text),
    }
    if existing is None:
        return ImportRow(line, "baru", values)
    return ImportRow(line, "ubah", values, product_id=existing[0], old_price=existing[1])


def preview(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ImportPreview:
    """Every row checked; nothing is written. Raises ImportRefused only when the file is unreadable."""
    try:
        table = list(read_table(Path(path)))
    except (OSError, UnicodeDecodeError, csv.Error, KeyError, ValueError) as error:
        if isinstance(error, ImportRefused):
            raise
        raise ImportRefused(f"File tidak bisa dibaca: {error}") from None
    catalog = _load(uow)
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for index, (line, cells) in enumerate(table, start=1):
        try:
            row = _row(catalog, line, cells, seen)
        except DomainError as error:
            errors.append(RowError(line, str(error)))
        else:
            rows.append(row)
            if row.values["code"]:
                seen[row.values["code"]] = line
            if row.values["barcode"]:
                catalog.barcode_owner[row.values["barcode"]] = row.values["code"] or f"#baris{line}"
                if not row.values["code"]:
                    seen[f"#baris{line}"] = line
            category = row.values["category"]
            if category and category.lower() not in catalog.categories:
                catalog.new_categories.setdefault(category.lower(), category)
        if progress is not None and (index % 500 == 0 or index == len(table)):
            progress(index, len(table))
    if not table:
        errors.append(RowError(1, "file tidak berisi baris produk"))
    return ImportPreview(tuple(rows), tuple(errors), tuple(catalog.new_categories.values()))


def import_products(
    uow: UnitOfWork, actor: Actor, path: Path, progress: Progress | None = None
) -> ImportResult:
    """Check the file again and write all of it in this one transaction, or refuse and write nothing."""
    require_role(actor, Role.MANAGER, "Mengimpor produk")
    checked = preview(uow, path)
    if checked.errors:
        raise ImportRefused(
            f"{len(checked.errors)} baris bermasalah; tidak ada yang disimpan.", checked.errors
        )
    try:
        return _write(uow, actor, checked, Path(path).name, progress)
    except BaseException:
        uow.rollback()
        raise


def _write(
    uow: UnitOfWork, actor: Actor, checked: ImportPreview, name: str, progress: Progress | None
) -> ImportResult:
    s = uow.session
    now = utc_now()
    if checked.new_categories:
        s.execute(insert(Category), [{"name": n} for n in checked.new_categories])
    categories = {n.lower(): i for i, n in s.execute(select(Category.id, Category.name))}
    taken = [
        int(b[2:12])
        for b in s.scalars(select(Product.barcode).where(Product.barcode.like("20%")))
        if b and is_instore(b)
    ]
    next_number = max(taken, default=0) + 1
    new_rows: list[dict[str, Any]] = []
    price_rows: list[dict[str, Any]] = []
    total = len(checked.rows)
    for index, row in enumerate(checked.rows, start=1):
        values = dict(row.values)
        category = values.pop("category")
        values["category_id"] = categories[category.lower()] if category else None
        values["updated_at"] = now
        if row.action == "baru":
            if values["barcode"] is None:
                values["barcode"] = make_instore_ean13(next_number)
                next_number += 1
            values["code"] = values["code"] or values["barcode"]
            new_rows.append(values)
        else:
            if values["barcode"] is None:
                del values["barcode"]
            s.execute(update(Product).where(Product.id == row.product_id).values(**values))
            if row.old_price != values["price"]:
                price_rows.append(
                    {"product_id": row.product_id, "old_price": row.old_price, "new_price": values["price"],
                     "changed_by": actor.user_id, "changed_at": now}
                )  # fmt: skip
        if progress is not None and (index % 500 == 0 or index == total):
            progress(index, total)
    if new_rows:
        s.execute(insert(Product), new_rows)
    if price_rows:
        s.execute(insert(PriceChange), price_rows)
    result = ImportResult(len(new_rows), checked.update_count, len(price_rows), checked.new_categories)
    audit.record(
        uow, actor, "product.import", file=name, added=result.added, updated=result.updated,
        price_changes=result.price_changes, new_categories=list(result.new_categories),
    )  # fmt: skip
    uow.commit()
    return result


def export_products(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> int:
    """Write the whole catalog in the import's columns (CSV or XLSX by the file's suffix); returns rows."""
    path = Path(path)
    rows = uow.session.execute(
        select(Product, Supplier.code, Category.name)
        .outerjoin(Supplier, Supplier.id == Product.supplier_id)
        .outerjoin(Category, Category.id == Product.category_id)
        .order_by(Product.code)
    ).all()
    table = [
        [p.code, p.barcode or "", p.name, category or "", supplier or "", p.unit, p.price,
         "" if p.cost is None else p.cost, "" if p.consignment_price is None else p.consignment_price,
         p.tax_mode, "ya" if p.consignment else "tidak", "ya" if p.active else "tidak", p.min_stock]
        for p, supplier, category in rows
    ]  # fmt: skip
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Produk")
        sheet.append(list(COLUMNS))
        for index, values in enumerate(table, start=1):
            sheet.append(values)
            if progress is not None and index % 1000 == 0:
                progress(index, len(table))
        workbook.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            writer.writerows(table)
    else:
        raise ImportRefused("Ekspor hanya ke .csv atau .xlsx.")
    if progress is not None:
        progress(len(table), len(table))
    return len(table)
