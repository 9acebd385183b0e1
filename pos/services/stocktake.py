"""Stock opname: count the shelves by scanning or typing, see the differences, post them to the ledger.

A count remembers what the ledger said when it was taken (`expected`), so the difference posted is
`counted - expected` even if the till kept selling while the manager counted: those sales are real
and already in the ledger. Scanning adds one to a count and keeps its `expected`; typing a number
replaces the count and takes a fresh `expected`. Posting writes one 'stocktake' movement per product
that differs, one `stock_movement` event and the audit entry, in one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.core.errors import DomainError
from pos.core.timeutil import business_date, utc_now
from pos.db.models import Product, StockMovement, Stocktake, StocktakeCount
from pos.db.uow import UnitOfWork
from pos.services import audit, checkout, products, stock
from pos.services.context import Actor, Role, require_role


class StocktakeError(DomainError):
    """The count cannot be recorded or posted as asked; nothing was written."""


@dataclass(frozen=True)
class StocktakeInfo:
    stocktake_id: int
    uuid: str
    note: str
    status: str
    started_at: datetime
    posted_at: datetime | None


@dataclass(frozen=True)
class CountLine:
    product_id: int
    code: str
    name: str
    counted: int
    expected: int

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class PostedStocktake:
    stocktake_id: int
    adjusted: int  # products whose stock changed
    net_change: int


def _info(row: Stocktake) -> StocktakeInfo:
    return StocktakeInfo(row.id, row.uuid, row.note, row.status, row.started_at, row.posted_at)


def _open(uow: UnitOfWork, stocktake_id: int) -> Stocktake:
    row = uow.session.get(Stocktake, stocktake_id)
    if row is None:
        raise StocktakeError(f"Stok opname #{stocktake_id} tidak ditemukan.")
    if row.status != "open":
        raise StocktakeError("Stok opname ini sudah selesai atau dibatalkan.")
    return row


def current(uow: UnitOfWork) -> StocktakeInfo | None:
    row = uow.session.scalar(select(Stocktake).where(Stocktake.status == "open").order_by(Stocktake.id))
    return _info(row) if row is not None else None


def start(uow: UnitOfWork, actor: Actor, note: str = "", *, now: datetime | None = None) -> StocktakeInfo:
    """Start a count; only one may be open at a time, so two people never post the same shelf twice."""
    require_role(actor, Role.MANAGER, "Memulai stok opname")
    if current(uow) is not None:
        raise StocktakeError("Masih ada stok opname yang belum selesai; lanjutkan atau batalkan dulu.")
    row = Stocktake(
        uuid=str(uuid.uuid4()),
        note=note.strip()[:240],
        status="open",
        started_by=actor.user_id,
        started_at=now or utc_now(),
    )
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, actor, "stocktake.start", stocktake=row.uuid, note=row.note)
    uow.commit()
    return _info(row)


def count(
    uow: UnitOfWork,
    actor: Actor,
    stocktake_id: int,
    product_id: int,
    qty: int,
    *,
    add: bool = False,
    now: datetime | None = None,
) -> CountLine:
    """Set the counted quantity (`add=False`, typed) or add to it (`add=True`, scanned)."""
    require_role(actor, Role.MANAGER, "Menghitung stok opname")
    take = _open(uow, stocktake_id)
    product = uow.session.get(Product, product_id)
    if product is None:
        raise StocktakeError(f"Produk #{product_id} tidak dikenal.")
    if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0 or (add and qty == 0):
        raise StocktakeError("Jumlah hitungan harus bilangan bulat, tidak negatif.")
    if qty > stock.MAX_QTY:
        raise StocktakeError("Jumlah hitungan terlalu besar.")
    now = now or utc_now()
    row = uow.session.scalar(
        select(StocktakeCount).where(
            StocktakeCount.stocktake_id == take.id, StocktakeCount.product_id == product_id
        )
    )
    if row is None:
        row = StocktakeCount(
            stocktake_id=take.id,
            product_id=product_id,
            counted=qty,
            expected=stock.on_hand(uow, product_id),
            counted_at=now,
        )
        uow.session.add(row)
    elif add:
        row.counted += qty
        row.counted_at = now
    else:
        row.counted = qty
        row.expected = stock.on_hand(uow, product_id)
        row.counted_at = now
    uow.session.flush()
    uow.commit()
    return CountLine(product.id, product.code, product.name, row.counted, row.expected)


def count_scanned(
    uow: UnitOfWork, actor: Actor, stocktake_id: int, code: str, qty: int = 1, *, now: datetime | None = None
) -> CountLine:
    """A scanned barcode (or typed SKU code) adds `qty` to that product's count."""
    found = products.find_product(uow, code)
    if found is None:
        raise StocktakeError(f"Barcode atau kode {code.strip()} tidak dikenal.")
    return count(uow, actor, stocktake_id, found.product_id, qty, add=True, now=now)


def lines(uow: UnitOfWork, stocktake_id: int, *, differences_only: bool = False) -> list[CountLine]:
    rows = uow.session.execute(
        select(StocktakeCount, Product)
        .join(Product, Product.id == StocktakeCount.product_id)
        .where(StocktakeCount.stocktake_id == stocktake_id)
        .order_by(Product.name)
    ).all()
    found = [CountLine(p.id, p.code, p.name, c.counted, c.expected) for c, p in rows]
    return [line for line in found if line.difference] if differences_only else found


def post(uow: UnitOfWork, actor: Actor, stocktake_id: int, *, now: datetime | None = None) -> PostedStocktake:
    require_role(actor, Role.MANAGER, "Memposting stok opname")
    take = _open(uow, stocktake_id)
    counted = lines(uow, stocktake_id)
    if not counted:
        raise StocktakeError("Belum ada barang yang dihitung.")
    now = now or utc_now()
    differing = [line for line in counted if line.difference]
    by_id = {
        p.id: p
        for p in uow.session.scalars(select(Product).where(Product.id.in_([d.product_id for d in differing])))
    }
    started = business_date(take.started_at, checkout.outlet_info(uow).timezone)  # the shop's day
    reason = f"Stok opname {started:%Y-%m-%d}"
    for line in differing:
        uow.session.add(
            StockMovement(
                uuid=str(uuid.uuid4()),
                product_id=line.product_id,
                qty=line.difference,
                kind="stocktake",
                reason=reason,
                ref=take.uuid,
                user_id=actor.user_id,
                created_at=now,
            )
        )
    if differing:
        rows = [(by_id[d.product_id], d.difference) for d in differing]
        stock.movement_event(uow, "stocktake", take.uuid, reason, rows, actor, now)
    take.status, take.posted_by, take.posted_at = "posted", actor.user_id, now
    audit.record(
        uow,
        actor,
        "stocktake.post",
        stocktake=take.uuid,
        counted=len(counted),
        differences={d.code: d.difference for d in differing},
    )
    uow.session.flush()
    uow.commit()
    return PostedStocktake(take.id, len(differing), sum(d.difference for d in differing))


def cancel(uow: UnitOfWork, actor: Actor, stocktake_id: int, *, now: datetime | None = None) -> None:
    require_role(actor, Role.MANAGER, "Membatalkan stok opname")
    take = _open(uow, stocktake_id)
    take.status = "cancelled"
    take.posted_at = now or utc_now()
    audit.record(uow, actor, "stocktake.cancel", stocktake=take.uuid)
    uow.commit()
