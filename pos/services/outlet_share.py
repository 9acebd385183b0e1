"""What this till changed of the outlet's shared data, queued for the province as `record` events.

SQLite triggers (migration 0006) write a `shared_changes` row in the same transaction as every change of
a product, category, producer, user, shared setting, the outlet's identity, stock movement or price
change, whichever service (or bulk import) made it. `queue_changes` turns those rows into outbox events
(one per record, its whole current state) and deletes them, in one transaction: a crash leaves either
the rows or the events. It runs at the start of each sync round, before the push.

A record changed twice before a sync is sent once, with its latest state, at the place of its first
change: a product is always sent before the movements and price changes that name it, so a till
applying the province's records in version order never meets a movement of a product it lacks.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, literal, select, update

from pos.db.models import (
    Category,
    OutboxEvent,
    Outlet,
    PriceChange,
    Product,
    RefundLine,
    SaleLine,
    Setting,
    SharedChange,
    StockMovement,
    Supplier,
    SupplierPayout,
    User,
)
from pos.db.uow import UnitOfWork
from pos.services import outbox, outlet_sales, settings
from pos.sync.protocol import outlet_records as rec
from pos.sync.protocol import till_label

# uuid5 namespace of product uids: a product first shared with code C gets uuid5(NS, C), so two tills
# that had the same catalog before they shared it (the same CSV imported on each) agree on every uid.
PRODUCT_NAMESPACE = uuid.UUID("6f1c2b5e-8d0a-4f47-9a31-5e2d7c1b0a15")
PUBLISHED_KEY = "sync.outlet_published"  # this till's whole shared data was queued once
CHUNK = 500


def product_uid_for(code: str) -> str:
    return str(uuid.uuid5(PRODUCT_NAMESPACE, code))


def own_label(uow: UnitOfWork) -> str:
    row = uow.session.execute(select(Outlet.code, Outlet.terminal).order_by(Outlet.id).limit(1)).first()
    if row is None:
        raise ValueError("outlet belum disiapkan")
    return till_label(row.code, row.terminal)


def mark_everything(uow: UnitOfWork) -> None:
    """Mark every shared record of this till, once: its data before sharing began (or before this
    version of the app) reaches the province too. Movements pulled from other tills are theirs."""
    conn = uow.session.connection()
    order = [
        (rec.OUTLET, select(Outlet.id).order_by(Outlet.id).limit(1)),
        (rec.CATEGORY, select(Category.id).order_by(Category.id)),
        (rec.SUPPLIER, select(Supplier.id).order_by(Supplier.id)),
        (rec.USER, select(User.id).order_by(User.id)),
        (rec.PRODUCT, select(Product.id).order_by(Product.id)),
        (rec.PRICE_CHANGE, select(PriceChange.id).where(PriceChange.till.is_(None)).order_by(PriceChange.id)),
        (
            rec.MOVEMENT,
            select(StockMovement.id).where(StockMovement.till.is_(None)).order_by(StockMovement.id),
        ),
        (rec.SALE_LINE, select(SaleLine.id).order_by(SaleLine.id)),
        (rec.REFUND_LINE, select(RefundLine.id).order_by(RefundLine.id)),
        (
            rec.PAYOUT,
            select(SupplierPayout.id).where(SupplierPayout.till.is_(None)).order_by(SupplierPayout.id),
        ),
    ]
    for record_type, ids in order:
        conn.execute(
            insert(SharedChange).from_select(
                ["type", "row_id"], select(literal(record_type), ids.subquery().c.id)
            )
        )
    conn.execute(
        insert(SharedChange).from_select(
            ["type", "key"],
            select(literal(rec.SETTING), Setting.key).where(Setting.key.in_(sorted(rec.SHARED_SETTING_KEYS))),
        )
    )
    settings_row = uow.session.get(Setting, PUBLISHED_KEY)
    if settings_row is None:
        uow.session.add(Setting(key=PUBLISHED_KEY, value=True))


def forget_unshared_changes(uow: UnitOfWork) -> None:
    """Before a till's first contact with its outlet's data: its marks of records (not of ledger lines)
    are dropped, so the outlet's versions replace its copies; `mark_everything` marks them again after."""
    uow.session.execute(delete(SharedChange).where(SharedChange.type.not_in(sorted(rec.LEDGER_TYPES))))


def is_published(uow: UnitOfWork) -> bool:
    row = uow.session.get(Setting, PUBLISHED_KEY)
    return row is not None and row.value is True


def queue_changes(uow: UnitOfWork, now: datetime) -> int:
    """Every marked change as one outbox event per record (latest state, first place); returns how many.
    The caller commits."""
    markers = uow.session.execute(
        select(SharedChange.id, SharedChange.type, SharedChange.row_id, SharedChange.key).order_by(
            SharedChange.id
        )
    ).all()
    if not markers:
        return 0
    order: list[tuple[str, Any]] = []
    seen: set[tuple[str, Any]] = set()
    for marker in markers:
        ident = (marker.type, marker.key if marker.type == rec.SETTING else marker.row_id)
        if ident not in seen:
            seen.add(ident)
            order.append(ident)
    label = own_label(uow)
    built = _build(uow, order, label, now)
    outlet = uow.session.execute(select(Outlet.code, Outlet.terminal).order_by(Outlet.id).limit(1)).one()
    queued = 0
    for ident in order:
        record = built.get(ident)
        if record is not None:
            # A ledger line is the same event whenever it is queued (its own time, not the queue's):
            # queued again after a restore, the province answers `duplicate`, not a conflict.
            at = record.changed_at if record.type in rec.LEDGER_TYPES else now
            outbox.enqueue(uow, record, at, outlet.code, outlet.terminal)
            queued += 1
    uow.session.execute(delete(SharedChange).where(SharedChange.id <= markers[-1].id))
    return queued


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _ids(order: list[tuple[str, Any]], record_type: str) -> list[int]:
    return [ident for kind, ident in order if kind == record_type]


def _build(
    uow: UnitOfWork, order: list[tuple[str, Any]], label: str, now: datetime
) -> dict[tuple[str, Any], rec.OutletRecord]:
    session = uow.session
    out: dict[tuple[str, Any], rec.OutletRecord] = {}

    def put(record_type: str, ident: Any, key: str, data: dict[str, Any], at: datetime | None = None) -> None:
        out[(record_type, ident)] = rec.OutletRecord(record_type, key, label, at or now, data)

    product_ids = set(_ids(order, rec.PRODUCT))
    for chunk in _chunks(_ids(order, rec.MOVEMENT)):
        product_ids.update(
            session.scalars(select(StockMovement.product_id).where(StockMovement.id.in_(chunk)))
        )
    for chunk in _chunks(_ids(order, rec.PRICE_CHANGE)):
        product_ids.update(session.scalars(select(PriceChange.product_id).where(PriceChange.id.in_(chunk))))
    product_ids.update(outlet_sales.product_ids_of(uow, _ids(order, rec.SALE_LINE)))
    uids = assign_product_uids(uow, sorted(product_ids))
    ledger = {t: _ids(order, t) for t in (rec.SALE_LINE, rec.REFUND_LINE, rec.PAYOUT)}
    outlet_sales.build(uow, ledger, label, uids, put)
    for chunk in _chunks(_ids(order, rec.OUTLET)):
        for o in session.scalars(select(Outlet).where(Outlet.id.in_(chunk))):
            put(rec.OUTLET, o.id, "outlet", outlet_data(o))
    for chunk in _chunks(_ids(order, rec.CATEGORY)):
        for c in session.scalars(select(Category).where(Category.id.in_(chunk))):
            put(rec.CATEGORY, c.id, c.name, {"name": c.name})
    for chunk in _chunks(_ids(order, rec.SUPPLIER)):
        for s in session.scalars(select(Supplier).where(Supplier.id.in_(chunk))):
            put(rec.SUPPLIER, s.id, s.code, supplier_data(s))
    for chunk in _chunks(_ids(order, rec.USER)):
        for u in session.scalars(select(User).where(User.id.in_(chunk))):
            put(rec.USER, u.id, u.username, user_data(u))
    for key in [ident for kind, ident in order if kind == rec.SETTING]:
        put(rec.SETTING, key, key, {"value": settings.get(uow, key)})
    for chunk in _chunks(_ids(order, rec.PRODUCT)):
        rows = session.execute(
            select(Product, Category.name, Supplier.code)
            .outerjoin(Category, Category.id == Product.category_id)
            .outerjoin(Supplier, Supplier.id == Product.supplier_id)
            .where(Product.id.in_(chunk))
        ).all()
        for p, category, supplier in rows:
            put(rec.PRODUCT, p.id, uids[p.id], product_data(p, category, supplier))
    for chunk in _chunks(_ids(order, rec.MOVEMENT)):
        moves = session.execute(
            select(StockMovement, User.username)
            .outerjoin(User, User.id == StockMovement.user_id)
            .where(StockMovement.id.in_(chunk))
        ).all()
        for m, username in moves:
            data = {
                "product": uids[m.product_id],
                "qty": m.qty,
                "kind": m.kind,
                "reason": m.reason[:120],
                "ref": m.ref,
                "user": username,
                "created_at": m.created_at.isoformat(),
            }
            put(rec.MOVEMENT, m.id, m.uuid, data, m.created_at)
    for chunk in _chunks(_ids(order, rec.PRICE_CHANGE)):
        changes = session.execute(
            select(PriceChange, User.username)
            .outerjoin(User, User.id == PriceChange.changed_by)
            .where(PriceChange.id.in_(chunk))
        ).all()
        for pc, username in changes:
            if pc.uuid is None:  # its global id: this till and its local id, the same if queued again
                pc.uuid = str(uuid.uuid5(PRODUCT_NAMESPACE, f"{label}:price_change:{pc.id}"))
            data = {
                "product": uids[pc.product_id],
                "old_price": pc.old_price,
                "new_price": pc.new_price,
                "user": username,
                "changed_at": pc.changed_at.isoformat(),
            }
            put(rec.PRICE_CHANGE, pc.id, pc.uuid, data, pc.changed_at)
    session.flush()
    return out


def assign_product_uids(uow: UnitOfWork, product_ids: list[int]) -> dict[int, str]:
    """Each product's uid, giving one (uuid5 of its code, or a random one if that is taken) to those that
    have none yet. Setting the uid marks nothing: it is no shared field."""
    found: dict[int, str] = {}
    missing: list[tuple[int, str]] = []
    for chunk in _chunks(product_ids):
        for pid, uid, code in uow.session.execute(
            select(Product.id, Product.uid, Product.code).where(Product.id.in_(chunk))
        ):
            if uid is None:
                missing.append((pid, code))
            else:
                found[pid] = uid
    if missing:
        wanted = {pid: product_uid_for(code) for pid, code in missing}
        taken: set[str | None] = set()
        for chunk in _chunks(list(wanted.values())):
            taken.update(uow.session.scalars(select(Product.uid).where(Product.uid.in_(chunk))))
        for pid, uid in wanted.items():
            if uid in taken:
                wanted[pid] = str(uuid.uuid4())
        uow.session.execute(update(Product), [{"id": pid, "uid": uid} for pid, uid in wanted.items()])
        found |= wanted
    return found


def outlet_data(o: Outlet) -> dict[str, Any]:
    return {
        "name": o.name,
        "address": o.address,
        "npwp": o.npwp,
        "phone": o.phone,
        "timezone": o.timezone,
        "receipt_footer": o.receipt_footer,
    }


def supplier_data(s: Supplier) -> dict[str, Any]:
    return {
        "code": s.code,
        "name": s.name,
        "owner": s.owner,
        "kabupaten": s.kabupaten,
        "kabupaten_code": s.kabupaten_code,
        "village": s.village,
        "phone": s.phone,
        "bank_account": s.bank_account,
        "consignment": s.consignment,
        "commission_bp": s.commission_bp,
        "active": s.active,
    }


def user_data(u: User) -> dict[str, Any]:
    return {
        "username": u.username,
        "full_name": u.full_name,
        "role": u.role,
        "pin_hash": u.pin_hash,
        "active": u.active,
        "must_change_pin": u.must_change_pin,
    }


def product_data(p: Product, category: str | None, supplier: str | None) -> dict[str, Any]:
    return {
        "code": p.code,
        "barcode": p.barcode,
        "name": p.name,
        "category": category,
        "supplier": supplier,
        "unit": p.unit,
        "price": p.price,
        "cost": p.cost,
        "consignment_price": p.consignment_price,
        "tax_mode": p.tax_mode,
        "consignment": p.consignment,
        "active": p.active,
        "min_stock": p.min_stock,
    }


def pending_keys(uow: UnitOfWork) -> set[tuple[str, str]]:
    """(type, key) of every record this till changed and the province has not yet ordered: marked, or
    queued and not yet delivered. A pulled version of one of them is older than the local change, which
    will get a newer version when it arrives, so the till keeps its own until then."""
    import json

    keys: set[tuple[str, str]] = set()
    rows = uow.session.execute(
        select(OutboxEvent.payload).where(OutboxEvent.status == "pending", OutboxEvent.kind == "record")
    ).scalars()
    for payload in rows:
        body = json.loads(payload)["payload"]
        keys.add((body["type"], body["key"]))
    markers = uow.session.execute(select(SharedChange.type, SharedChange.row_id, SharedChange.key)).all()
    for marker in markers:
        if marker.type == rec.SETTING and marker.key:
            keys.add((rec.SETTING, marker.key))
        elif marker.type == rec.OUTLET:
            keys.add((rec.OUTLET, "outlet"))
        elif marker.type in (rec.PRODUCT, rec.CATEGORY, rec.SUPPLIER, rec.USER) and marker.row_id:
            keys.add((marker.type, _marker_key(uow, marker.type, marker.row_id)))
    return keys


def _marker_key(uow: UnitOfWork, record_type: str, row_id: int) -> str:
    if record_type == rec.PRODUCT:
        row = uow.session.execute(select(Product.uid, Product.code).where(Product.id == row_id)).first()
        return "" if row is None else (row.uid or product_uid_for(row.code))
    column = {rec.CATEGORY: Category.name, rec.SUPPLIER: Supplier.code, rec.USER: User.username}[record_type]
    table = column.class_
    return str(uow.session.scalar(select(column).where(table.id == row_id)) or "")


def unqueued_count(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count()).select_from(SharedChange)) or 0)
