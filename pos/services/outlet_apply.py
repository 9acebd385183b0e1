"""Records of the outlet's shared data pulled from the province, applied to this till's database.

The province hands an outlet's records in version order (pos.sync.outlet_pull); one page is applied in
one transaction together with the cursor, with a `shared_applying` row present so that the triggers of
migration 0006 mark nothing (what came from the province is not sent back). The rules (docs/sync-
protocol.md, "Shared outlet data"):
- the newest version of a record is the record: it replaces the till's copy, except while this till
  has its own change of that record not yet ordered by the province (`outlet_share.pending_keys`): that
  change will get a newer version and come back to every till;
- a stock movement or price change is inserted once by its uuid (its global id): a till pulling its
  own back, or one page twice, counts nothing twice;
- a product code or barcode that the incoming record claims but another local product holds goes to
  the incoming record; the holder keeps its code with `~` and four characters of its uid, or loses the
  barcode. Every till meets the records in the same order and so decides the same way.

Within a page the records are applied type by type (outlet, settings, categories, producers, users,
products, price changes, movements): a record only names records of earlier types, and those that one
names always have lower versions (outlet_share), so this is the same as applying them one by one; one
named by a record of a newer version than its own is made as a stand-in that its record fills.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos.db.models import (
    Category,
    Outlet,
    PriceChange,
    Product,
    Setting,
    SharedApplying,
    StockMovement,
    Supplier,
    User,
)
from pos.db.uow import UnitOfWork
from pos.services import outlet_sales
from pos.services.outlet_share import pending_keys
from pos.sync.protocol import OutletRecordJson
from pos.sync.protocol import outlet_records as rec

log = logging.getLogger(__name__)
PHASES = (
    rec.OUTLET,
    rec.SETTING,
    rec.CATEGORY,
    rec.SUPPLIER,
    rec.USER,
    rec.PRODUCT,
    rec.PRICE_CHANGE,
    rec.MOVEMENT,
    rec.SALE_LINE,
    rec.REFUND_LINE,
    rec.PAYOUT,
)


@dataclass(slots=True)
class Applied:
    records: int = 0
    kept_local: int = 0  # pulled versions skipped because this till's own change is newer
    skipped: int = 0  # a movement or price change of a product this till does not know


def apply_page(uow: UnitOfWork, records: Sequence[OutletRecordJson], own_till: str) -> Applied:
    """Apply one page of records in the caller's transaction (the caller stores the cursor and commits)."""
    applied = Applied()
    if not records:
        return applied
    session = uow.session
    session.execute(insert(SharedApplying).values(id=1).prefix_with("OR IGNORE"))
    local = pending_keys(uow)
    latest: dict[tuple[str, str], OutletRecordJson] = {}
    for record in records:  # the newest version of each record in the page
        latest[(record["type"], record["key"])] = record
    by_type: dict[str, list[OutletRecordJson]] = {phase: [] for phase in PHASES}
    for (record_type, key), record in latest.items():
        if record_type not in rec.LEDGER_TYPES and (record_type, key) in local:
            applied.kept_local += 1
            continue
        by_type[record_type].append(record)
    _outlet(uow, by_type[rec.OUTLET])
    _settings(uow, by_type[rec.SETTING])
    _categories(uow, by_type[rec.CATEGORY])
    _suppliers(uow, by_type[rec.SUPPLIER])
    _users(uow, by_type[rec.USER])
    _products(uow, by_type[rec.PRODUCT])
    applied.skipped += _price_changes(uow, by_type[rec.PRICE_CHANGE], own_till)
    applied.skipped += _movements(uow, by_type[rec.MOVEMENT], own_till)
    outlet_sales.apply(uow, by_type, own_till, _product_ids)
    applied.records = sum(len(v) for v in by_type.values())
    session.execute(delete(SharedApplying))
    return applied


def _outlet(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    for record in records:
        uow.session.execute(
            update(Outlet)
            .where(Outlet.id == select(Outlet.id).order_by(Outlet.id).limit(1).scalar_subquery())
            .values(**record["data"])
        )


def _settings(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    for record in records:
        value = record["data"]["value"]
        row = uow.session.get(Setting, record["key"])
        if value is None:
            if row is not None:
                uow.session.delete(row)
        elif row is None:
            uow.session.add(Setting(key=record["key"], value=value))
        else:
            row.value = value
    uow.session.flush()


def _categories(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    if records:
        uow.session.execute(
            sqlite_insert(Category).on_conflict_do_nothing(index_elements=["name"]),
            [{"name": r["key"]} for r in records],
        )


def _suppliers(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    if not records:
        return
    statement = sqlite_insert(Supplier)
    columns = list(records[0]["data"])
    uow.session.execute(
        statement.on_conflict_do_update(
            index_elements=["code"], set_={c: statement.excluded[c] for c in columns if c != "code"}
        ),
        [dict(r["data"]) for r in records],
    )


def _users(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    if not records:
        return
    now = datetime.now(UTC)
    statement = sqlite_insert(User)
    columns = ("full_name", "role", "pin_hash", "active", "must_change_pin")
    uow.session.execute(
        statement.on_conflict_do_update(
            index_elements=["username"], set_={c: statement.excluded[c] for c in columns}
        ),
        [{**r["data"], "failed_attempts": 0, "created_at": now} for r in records],
    )


def _reference_ids(uow: UnitOfWork, records: list[OutletRecordJson]) -> tuple[dict[str, int], dict[str, int]]:
    """Category and producer ids by name and code. One that a product names but this till has not got
    yet (its record has a newer version, further on) is made now as a stand-in that its record fills."""
    categories = dict(uow.session.execute(select(Category.name, Category.id)).all())
    suppliers = dict(uow.session.execute(select(Supplier.code, Supplier.id)).all())
    new_categories = {r["data"]["category"] for r in records if r["data"]["category"]} - set(categories)
    new_suppliers = {r["data"]["supplier"] for r in records if r["data"]["supplier"]} - set(suppliers)
    if new_categories:
        uow.session.execute(insert(Category), [{"name": name} for name in sorted(new_categories)])
        categories = dict(uow.session.execute(select(Category.name, Category.id)).all())
    if new_suppliers:
        uow.session.execute(
            insert(Supplier),
            [{"code": code, "name": code, "active": False} for code in sorted(new_suppliers)],
        )
        suppliers = dict(uow.session.execute(select(Supplier.code, Supplier.id)).all())
    return categories, suppliers


def _products(uow: UnitOfWork, records: list[OutletRecordJson]) -> None:
    if not records:
        return
    session = uow.session
    categories, suppliers = _reference_ids(uow, records)
    by_uid: dict[str, int] = {}
    by_code: dict[str, tuple[int, str | None]] = {}
    by_barcode: dict[str, int] = {}
    for row_id, uid, code, barcode in session.execute(
        select(Product.id, Product.uid, Product.code, Product.barcode)
    ):
        if uid:
            by_uid[uid] = row_id
        by_code[code] = (row_id, uid)
        if barcode:
            by_barcode[barcode] = row_id
    now = datetime.now(UTC)
    inserts: dict[int, dict[str, Any]] = {}  # new products of this page, by a negative stand-in id
    updates: dict[int, dict[str, Any]] = {}
    for record in records:
        data, uid = record["data"], record["key"]
        values = {k: v for k, v in data.items() if k not in ("category", "supplier")}
        values["category_id"] = categories.get(data["category"]) if data["category"] else None
        values["supplier_id"] = suppliers.get(data["supplier"]) if data["supplier"] else None
        values |= {"uid": uid, "updated_at": now}
        pid = by_uid.get(uid)
        holder = by_code.get(data["code"])
        if pid is None and holder is not None and holder[1] is None:
            pid = holder[0]  # the same product, kept here before it was shared: it takes the uid
        if pid is None:
            pid = -1 - len(inserts)
            inserts[pid] = values
        else:
            updates[pid] = {**values, "id": pid}
            # the product's old code and barcode are free again
            by_code = {c: h for c, h in by_code.items() if h[0] != pid}
            by_barcode = {b: h for b, h in by_barcode.items() if h != pid}
        if holder is not None and holder[0] != pid:
            renamed = f"{data['code'][:26]}~{(holder[1] or 'lokal')[:4]}"
            _set(session, inserts, updates, holder[0], code=renamed)
            by_code[renamed] = holder
            log.warning("kode produk %s dipakai dua produk; yang lama menjadi %s", data["code"], renamed)
        barcode_holder = by_barcode.get(data["barcode"]) if data["barcode"] else None
        if barcode_holder is not None and barcode_holder != pid:
            _set(session, inserts, updates, barcode_holder, barcode=None)
            log.warning("barcode %s dipakai dua produk; produk lama tanpa barcode", data["barcode"])
        by_code[data["code"]] = (pid, uid)
        if data["barcode"]:
            by_barcode[data["barcode"]] = pid
    if updates:
        # Codes and barcodes may move between the updated products (a swap): free them all first.
        freed = [{"id": pid, "code": f"~{pid}", "barcode": None} for pid in updates]
        session.execute(update(Product), freed)
        session.execute(update(Product), list(updates.values()))
    if inserts:
        session.execute(insert(Product), list(inserts.values()))


def _set(
    session: Any,
    inserts: dict[int, dict[str, Any]],
    updates: dict[int, dict[str, Any]],
    pid: int,
    **values: Any,
) -> None:
    """Change a product this page inserts (negative stand-in id), updates, or one already stored."""
    if pid < 0:
        inserts[pid].update(values)
    elif pid in updates:
        updates[pid].update(values)
    else:
        session.execute(update(Product).where(Product.id == pid).values(**values))


def _product_ids(uow: UnitOfWork, uids: set[str]) -> dict[str | None, int]:
    """Product ids by uid. A product this till has not got yet (its record was changed after the
    movement and so comes further on) is made now as an inactive stand-in that its record fills."""
    found: dict[str | None, int] = {}
    wanted = sorted(uids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(uow.session.execute(select(Product.uid, Product.id).where(Product.uid.in_(chunk))).all())
    missing = [uid for uid in wanted if uid not in found]
    if missing:
        now = datetime.now(UTC)
        uow.session.execute(
            insert(Product),
            [
                {
                    "uid": uid,
                    "code": f"~{uid[:30]}",
                    "name": "(menunggu data produk)",
                    "price": 0,
                    "active": False,
                    "updated_at": now,
                }
                for uid in missing
            ],
        )
        found.update(_product_ids(uow, set(missing)))
    return found


def _usernames(uow: UnitOfWork) -> dict[str, int]:
    return dict(uow.session.execute(select(User.username, User.id)).all())


def _price_changes(uow: UnitOfWork, records: list[OutletRecordJson], own_till: str) -> int:
    if not records:
        return 0
    products = _product_ids(uow, {r["data"]["product"] for r in records})
    people = _usernames(uow)
    rows = []
    for r in records:
        data = r["data"]
        if data["product"] not in products:
            log.warning("perubahan harga %s untuk produk yang tidak dikenal dilewati", r["key"])
            continue
        rows.append(
            {
                "uuid": r["key"],
                "product_id": products[data["product"]],
                "old_price": data["old_price"],
                "new_price": data["new_price"],
                "changed_by": people.get(data["user"] or ""),
                "changed_at": datetime.fromisoformat(data["changed_at"]),
                "till": None if r["till"] == own_till else r["till"],
            }
        )
    if rows:
        uow.session.execute(sqlite_insert(PriceChange).on_conflict_do_nothing(index_elements=["uuid"]), rows)
    return len(records) - len(rows)


def _movements(uow: UnitOfWork, records: list[OutletRecordJson], own_till: str) -> int:
    if not records:
        return 0
    products = _product_ids(uow, {r["data"]["product"] for r in records})
    people = _usernames(uow)
    rows = []
    for r in records:
        data = r["data"]
        if data["product"] not in products:
            log.warning("mutasi stok %s untuk produk yang tidak dikenal dilewati", r["key"])
            continue
        rows.append(
            {
                "uuid": r["key"],
                "product_id": products[data["product"]],
                "qty": data["qty"],
                "kind": data["kind"],
                "reason": data["reason"],
                "ref": data["ref"],
                "user_id": people.get(data["user"] or ""),
                "created_at": datetime.fromisoformat(data["created_at"]),
                "till": None if r["till"] == own_till else r["till"],
            }
        )
    if rows:
        uow.session.execute(
            sqlite_insert(StockMovement).on_conflict_do_nothing(index_elements=["uuid"]), rows
        )
    return len(records) - len(rows)
