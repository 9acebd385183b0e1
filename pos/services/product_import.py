"""Importing and exporting the catalog as CSV or XLSX, with a preview and a report of every bad row.

`preview` reads the file and checks every row against the catalog (in memory: one query per table,
not per row) and returns what would be added or changed plus every fault with its line number.
`import_products` checks the file again inside its own transaction and writes all of it or, if any
row is bad, nothing. A row whose `kode` already exists changes that product (a new price goes into
the price history); other rows are new products, and an empty barcode gets an in-store EAN-13.
`produsen` holds a producer's code or its name; a name the outlet does not know yet becomes a new
producer (consignment, as the back office's form starts), created in the same transaction and listed
in the preview and the result. The export writes names where they lead back to the same producer,
so a catalog exported from one outlet imports into a new outlet with its producers.
Long work reports progress through `progress(done, total)` (called on the worker thread).
File reading and writing (and formula escaping) live in `pos.services.product_table`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from pos.core.barcode import InvalidBarcode, is_instore, make_instore_ean13, validate_barcode
from pos.core.errors import DomainError
from pos.core.timeutil import utc_now
from pos.db.models import Category, PriceChange, Product, Supplier
from pos.db.uow import UnitOfWork
from pos.services import audit
from pos.services import suppliers as supplier_service
from pos.services.context import Actor, Role, require_role
from pos.services.product_table import (
    COLUMNS,
    UNREADABLE,
    ImportRefused,
    Progress,
    RowError,
    amount_cell,
    count_cell,
    flag_cell,
    read_table,
    write_table,
)
from pos.services.products import TAX_LABELS, TAX_MODES
from pos.services.suppliers import SupplierInfo, SupplierInput

__all__ = [
    "COLUMNS", "ImportPreview", "ImportRefused", "ImportResult", "ImportRow", "Progress", "RowError",
    "export_products", "import_products", "preview",
]  # fmt: skip
_TAX_BY_LABEL = {label.lower(): mode for mode, label in TAX_LABELS.items()} | {m: m for m in TAX_MODES}
# The till numbers its producers SUP-001, SUP-002...: an unknown value of that shape is a code from
# somewhere else (or a typo), not the name of a new producer.
_TILL_SUPPLIER_CODE = re.compile(r"SUP-[0-9]+", re.ASCII)


@dataclass(frozen=True)
class ImportRow:
    line: int
    action: str  # "baru" or "ubah"
    values: dict[str, Any]
    product_id: int | None = None
    old_price: int | None = None
    new_producer: str | None = None  # the name of a producer this import creates, for this row


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[ImportRow, ...]
    errors: tuple[RowError, ...]
    new_categories: tuple[str, ...] = field(default=())
    new_producers: tuple[str, ...] = field(default=())  # names, as first written in the file

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
    new_producers: tuple[SupplierInfo, ...] = ()


@dataclass
class _Catalog:
    """The catalog's keys in memory; rows seen earlier in the file are added as they are accepted."""

    by_code: dict[str, tuple[int, int]]  # code -> (product id, price)
    barcode_owner: dict[str, str]  # barcode -> code
    suppliers: dict[str, tuple[int, bool]]  # code -> (id, consignment)
    supplier_names: dict[str, list[str]]  # lower name -> codes of the producers with that name
    categories: dict[str, int]  # lower name -> id
    new_categories: dict[str, str] = field(default_factory=dict)  # lower -> as written
    new_producers: dict[str, str] = field(default_factory=dict)  # lower -> as written


def _name_key(name: str) -> str:
    return " ".join(name.split()).lower()


def _load(uow: UnitOfWork) -> _Catalog:
    s = uow.session
    suppliers = s.execute(select(Supplier.id, Supplier.code, Supplier.consignment, Supplier.name)).all()
    names: dict[str, list[str]] = {}
    for _, code, _, name in suppliers:
        names.setdefault(_name_key(name), []).append(code)
    return _Catalog(
        by_code={c: (i, p) for i, c, p in s.execute(select(Product.id, Product.code, Product.price))},
        barcode_owner={b: c for b, c in s.execute(select(Product.barcode, Product.code)) if b},
        suppliers={code: (i, consignment) for i, code, consignment, _ in suppliers},
        supplier_names=names,
        categories={n.lower(): i for i, n in s.execute(select(Category.id, Category.name))},
    )


def _producer(catalog: _Catalog, text: str) -> tuple[tuple[int, bool] | None, str | None]:
    """The (id, consignment) of the producer a `produsen` cell names by code or by name, else the name
    of a producer to create (None, name); (None, None) for an empty cell."""
    written = " ".join(text.split())
    if not written:
        return None, None
    known = catalog.suppliers.get(written.upper())
    if known is not None:
        return known, None
    codes = catalog.supplier_names.get(written.lower(), [])
    if len(codes) == 1:
        return catalog.suppliers[codes[0]], None
    if codes:
        raise DomainError(
            f"nama produsen '{written}' dipakai {len(codes)} produsen "
            f"({', '.join(sorted(codes))}): tulis kodenya"
        )
    if _TILL_SUPPLIER_CODE.fullmatch(written.upper()):
        raise DomainError(f"produsen {written.upper()} tidak dikenal")
    if len(written) > 120:
        raise DomainError("nama produsen lebih dari 120 huruf")
    return None, written


def _row(catalog: _Catalog, line: int, cells: dict[str, str], seen: dict[str, int]) -> ImportRow:
    unreadable = [column for column, text in cells.items() if UNREADABLE in text]
    if unreadable:
        raise DomainError(
            f"huruf tidak terbaca di kolom {', '.join(unreadable)}: file bukan UTF-8; "
            "simpan ulang sebagai 'CSV UTF-8' atau .xlsx"
        )
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
        # A new product without a code takes its barcode as code: that code must be free too.
        if not code and (barcode in catalog.by_code or barcode in seen):
            where = f"baris {seen[barcode]}" if barcode in seen else "produk lain"
            raise DomainError(f"kode {barcode} (dari barcode, karena kode kosong) sudah dipakai oleh {where}")
    supplier, new_producer = _producer(catalog, cells.get("produsen", ""))
    price = amount_cell(cells.get("harga", ""), "harga", optional=False)
    cost = amount_cell(cells.get("harga_pokok", ""), "harga pokok", optional=True)
    consignment_price = amount_cell(cells.get("harga_titip", ""), "harga titip", optional=True)
    assert price is not None
    if consignment_price is not None and consignment_price > price:
        raise DomainError("harga titip melebihi harga jual")
    tax = _TAX_BY_LABEL.get(cells.get("pajak", "").strip().lower() or "none")
    if tax is None:
        raise DomainError(f"pajak '{cells.get('pajak')}' tidak dikenal (none, ppn_included, ppn_added)")
    min_stock = count_cell(cells.get("stok_min", ""), "stok minimum")
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
        # A new producer starts on consignment, as in the back office's form.
        "consignment": flag_cell(cells.get("titip", ""), "titip", supplier[1] if supplier else True),
        "active": flag_cell(cells.get("aktif", ""), "aktif", True),
        "min_stock": min_stock,
    }
    if existing is None:
        return ImportRow(line, "baru", values, new_producer=new_producer)
    return ImportRow(
        line, "ubah", values, product_id=existing[0], old_price=existing[1], new_producer=new_producer
    )


def preview(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ImportPreview:
    """Every row checked; nothing is written. Raises ImportRefused only when the file is unreadable."""
    path = Path(path)
    try:
        table = list(read_table(path))
    except OSError as error:
        raise ImportRefused(f"File {path.name} tidak bisa dibaca ({error.strerror or error}).") from None
    catalog = _load(uow)
    rows: list[ImportRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}  # code (or, without one, the barcode that becomes it) -> line
    for index, (line, cells) in enumerate(table, start=1):
        try:
            row = _row(catalog, line, cells, seen)
        except DomainError as error:
            errors.append(RowError(line, str(error)))
        else:
            rows.append(row)
            code = row.values["code"] or row.values["barcode"]
            if code:
                seen[code] = line
            if row.values["barcode"]:
                catalog.barcode_owner[row.values["barcode"]] = code
            category = row.values["category"]
            if category and category.lower() not in catalog.categories:
                catalog.new_categories.setdefault(category.lower(), category)
            if row.new_producer:
                catalog.new_producers.setdefault(row.new_producer.lower(), row.new_producer)
        if progress is not None and (index % 500 == 0 or index == len(table)):
            progress(index, len(table))
    if not table:
        errors.append(RowError(1, "file tidak berisi baris produk"))
    new_categories, new_producers = catalog.new_categories.values(), catalog.new_producers.values()
    return ImportPreview(tuple(rows), tuple(errors), tuple(new_categories), tuple(new_producers))


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
    # Through the producers service, so each new one is audited and sent to the province like any other.
    producers = {
        written.lower(): supplier_service.add_supplier(uow, actor, SupplierInput(name=written), now=now)
        for written in checked.new_producers
    }
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
        if row.new_producer:
            values["supplier_id"] = producers[row.new_producer.lower()].supplier_id
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
    result = ImportResult(
        len(new_rows), checked.update_count, len(price_rows), checked.new_categories,
        tuple(producers.values()),
    )  # fmt: skip
    audit.record(
        uow, actor, "product.import", file=name, added=result.added, updated=result.updated,
        price_changes=result.price_changes, new_categories=list(result.new_categories),
        new_producers=[p.code for p in result.new_producers],
    )  # fmt: skip
    uow.commit()
    return result


def _producer_cells(uow: UnitOfWork) -> dict[int, str]:
    """What the export writes in `produsen` for each producer id: its name where the import would find
    that same producer by it (a name read back in a new outlet creates the producer), else its code."""
    suppliers = uow.session.execute(select(Supplier.id, Supplier.code, Supplier.name)).all()
    codes = {code for _, code, _ in suppliers}
    uses = Counter(_name_key(name) for _, _, name in suppliers)
    cells: dict[int, str] = {}
    for supplier_id, code, name in suppliers:
        written = " ".join(name.split())
        by_name = (
            uses[written.lower()] == 1 and written.upper() not in codes
            and not _TILL_SUPPLIER_CODE.fullmatch(written.upper())
        )  # fmt: skip
        cells[supplier_id] = written if by_name and written else code
    return cells


def export_products(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> int:
    """Write the whole catalog in the import's columns, `kode` first (CSV or XLSX by the file's suffix),
    so that the file imports back unchanged; returns the number of products."""
    producer = _producer_cells(uow)
    rows = uow.session.execute(
        select(Product, Category.name)
        .outerjoin(Category, Category.id == Product.category_id)
        .order_by(Product.code)
    ).all()
    table = [
        [p.code, p.barcode or "", p.name, category or "",
         producer[p.supplier_id] if p.supplier_id is not None else "", p.unit, p.price,
         "" if p.cost is None else p.cost, "" if p.consignment_price is None else p.consignment_price,
         p.tax_mode, "ya" if p.consignment else "tidak", "ya" if p.active else "tidak", p.min_stock]
        for p, category in rows
    ]  # fmt: skip
    write_table(Path(path), table, progress)
    return len(table)
