"""The stock ledger as the manager works it: receiving, adjustments, returns to producers, stock levels.

On-hand is never stored: it is the sum of a product's `stock_movements`. Receiving goods and returning
unsold consigned goods make a numbered `StockDocument` (the paper the producer signs) plus one
movement per line, all in one transaction with the audit entry and one `stock_movement` event.
Selling below zero while offline is allowed at the till; here it is flagged (`below_zero`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text

from pos.core.document import Block, Columns, Document, Rule, Text, check_width, signature_blocks
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.timeutil import business_date, local_time, utc_now
from pos.db.models import Product, StockDocument, StockDocumentLine, StockMovement, Supplier, User
from pos.db.uow import UnitOfWork
from pos.services import audit, checkout, outbox, settings
from pos.services.context import Actor, Role, require_role
from pos.sync.protocol import outlet_events as wire

ADJUST_REASONS = ("rusak", "hilang", "kedaluwarsa", "dipakai sendiri", "salah catat", "sampel/promosi")
MAX_QTY = 1_000_000
DOCUMENT_TITLES = {"receive": "TANDA TERIMA BARANG", "return": "RETUR BARANG KE PRODUSEN"}
_PREFIX = {"receive": "TRM-", "return": "RTR-"}


class StockError(DomainError):
    """The stock change cannot be made as asked; nothing was written."""


@dataclass(frozen=True)
class StockLine:
    """One product in a receipt or return; `unit_cost` is the purchase price of bought goods."""

    product_id: int
    qty: int
    unit_cost: int | None = None


@dataclass(frozen=True)
class DocumentLineView:
    product_id: int
    code: str
    name: str
    unit: str
    qty: int
    unit_cost: int | None


@dataclass(frozen=True)
class StockDocumentView:
    document_id: int
    uuid: str
    number: str
    kind: str
    supplier_code: str
    supplier_name: str
    consignment: bool
    note: str
    created_at: datetime
    user_name: str
    lines: tuple[DocumentLineView, ...]

    @property
    def total_qty(self) -> int:
        return sum(line.qty for line in self.lines)

    @property
    def total_cost(self) -> int | None:
        if any(line.unit_cost is None for line in self.lines):
            return None
        return sum(line.qty * (line.unit_cost or 0) for line in self.lines)


@dataclass(frozen=True)
class StockLevel:
    product_id: int
    code: str
    name: str
    supplier_name: str | None
    unit: str
    min_stock: int
    on_hand: int

    @property
    def below_zero(self) -> bool:
        return self.on_hand < 0


@dataclass(frozen=True)
class MovementView:
    created_at: datetime
    kind: str
    qty: int
    reason: str
    user_name: str | None


def _check_qty(qty: object, label: str) -> int:
    if isinstance(qty, bool) or not isinstance(qty, int):
        raise StockError(f"Jumlah {label} harus bilangan bulat.")
    if qty <= 0:
        raise StockError(f"Jumlah {label} harus lebih dari 0.")
    if qty > MAX_QTY:
        raise StockError(f"Jumlah {label} terlalu besar.")
    return qty


def on_hand(uow: UnitOfWork, product_id: int) -> int:
    return int(
        uow.session.scalar(
            select(func.coalesce(func.sum(StockMovement.qty), 0)).where(
                StockMovement.product_id == product_id
            )
        )
        or 0
    )


def on_hand_many(uow: UnitOfWork, product_ids: Sequence[int]) -> dict[int, int]:
    rows = uow.session.execute(
        select(StockMovement.product_id, func.sum(StockMovement.qty))
        .where(StockMovement.product_id.in_(list(product_ids)))
        .group_by(StockMovement.product_id)
    ).all()
    found = {int(pid): int(qty) for pid, qty in rows}
    return {pid: found.get(pid, 0) for pid in product_ids}


def movement_event(
    uow: UnitOfWork,
    kind: str,
    ref: str,
    reason: str,
    rows: list[tuple[Product, int]],
    actor: Actor,
    now: datetime,
) -> None:
    """Queue one `stock_movement` event for a set of movements written together."""
    event = wire.StockMovement(
        uuid=str(uuid.uuid4()),
        kind=kind,
        ref=ref,
        reason=reason,
        user=actor.username,
        created_at=now,
        lines=tuple(wire.StockLine(p.code, p.supplier.code if p.supplier else None, q) for p, q in rows),
    )
    outlet = checkout.outlet_info(uow)
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)


def _movement(
    product_id: int, qty: int, kind: str, reason: str, ref: str | None, actor: Actor, now: datetime
) -> StockMovement:
    return StockMovement(
        uuid=str(uuid.uuid4()),
        product_id=product_id,
        qty=qty,
        kind=kind,
        reason=reason[:120],
        ref=ref,
        user_id=actor.user_id,
        created_at=now,
    )


def _products_of(uow: UnitOfWork, supplier: Supplier, lines: Sequence[StockLine]) -> dict[int, Product]:
    if not lines:
        raise StockError("Tambahkan paling sedikit satu barang.")
    ids = [line.product_id for line in lines]
    if len(set(ids)) != len(ids):
        raise StockError("Barang yang sama tercatat dua kali; gabungkan jumlahnya.")
    found = {p.id: p for p in uow.session.scalars(select(Product).where(Product.id.in_(ids)))}
    for line in lines:
        product = found.get(line.product_id)
        if product is None:
            raise StockError(f"Produk #{line.product_id} tidak dikenal.")
        if product.supplier_id != supplier.id:
            raise StockError(f"{product.name} bukan barang dari {supplier.name}.")
        _check_qty(line.qty, product.name)
        if line.unit_cost is not None and (
            isinstance(line.unit_cost, bool) or not isinstance(line.unit_cost, int) or line.unit_cost < 0
        ):
            raise StockError(f"Harga beli {product.name} tidak boleh negatif.")
    return found


def _write_document(
    uow: UnitOfWork,
    actor: Actor,
    kind: str,
    supplier: Supplier,
    lines: Sequence[StockLine],
    products: dict[int, Product],
    consignment: bool,
    note: str,
    now: datetime,
) -> StockDocumentView:
    outlet = checkout.outlet_info(uow)
    day = business_date(now, outlet.timezone)
    number = checkout.receipt_number(outlet, day, checkout.next_number(uow, day, kind), prefix=_PREFIX[kind])
    doc = StockDocument(
        uuid=str(uuid.uuid4()),
        number=number,
        kind=kind,
        supplier_id=supplier.id,
        consignment=consignment,
        note=note.strip()[:240],
        user_id=actor.user_id,
        created_at=now,
    )
    uow.session.add(doc)
    uow.session.flush()
    sign = 1 if kind == "receive" else -1
    for line in lines:
        uow.session.add(
            StockDocumentLine(
                document_id=doc.id, product_id=line.product_id, qty=line.qty, unit_cost=line.unit_cost
            )
        )
        uow.session.add(_movement(line.product_id, sign * line.qty, kind, number, doc.uuid, actor, now))
    rows = [(products[line.product_id], sign * line.qty) for line in lines]
    movement_event(uow, kind, number, supplier.code, rows, actor, now)
    audit.record(
        uow,
        actor,
        f"stock.{kind}",
        number=number,
        supplier=supplier.code,
        consignment=consignment,
        lines={products[line.product_id].code: line.qty for line in lines},
    )
    uow.session.flush()
    uow.commit()
    return get_document(uow, number)


def receive(
    uow: UnitOfWork,
    actor: Actor,
    supplier_id: int,
    lines: Sequence[StockLine],
    *,
    consignment: bool | None = None,
    note: str = "",
    now: datetime | None = None,
) -> StockDocumentView:
    """Goods arriving from a producer, consigned (default: the producer's terms) or bought outright."""
    require_role(actor, Role.MANAGER, "Menerima barang")
    supplier = uow.session.get(Supplier, supplier_id)
    if supplier is None:
        raise StockError(f"Produsen #{supplier_id} tidak dikenal.")
    products = _products_of(uow, supplier, lines)
    consigned = supplier.consignment if consignment is None else consignment
    return _write_document(
        uow, actor, "receive", supplier, lines, products, consigned, note, now or utc_now()
    )


def return_to_producer(
    uow: UnitOfWork,
    actor: Actor,
    supplier_id: int,
    lines: Sequence[StockLine],
    *,
    note: str = "",
    now: datetime | None = None,
) -> StockDocumentView:
    """Unsold consigned goods going back to their producer; never more than is on hand."""
    require_role(actor, Role.MANAGER, "Mengembalikan barang ke produsen")
    supplier = uow.session.get(Supplier, supplier_id)
    if supplier is None:
        raise StockError(f"Produsen #{supplier_id} tidak dikenal.")
    products = _products_of(uow, supplier, lines)
    levels = on_hand_many(uow, [line.product_id for line in lines])
    for line in lines:
        product = products[line.product_id]
        if not product.consignment:
            raise StockError(f"{product.name} dibeli putus, bukan titipan: tidak bisa diretur ke produsen.")
        if line.qty > levels[line.product_id]:
            raise StockError(
                f"Retur {product.name} ({line.qty}) melebihi stok yang ada ({levels[line.product_id]})."
            )
    return _write_document(uow, actor, "return", supplier, lines, products, True, note, now or utc_now())


def adjust(
    uow: UnitOfWork,
    actor: Actor,
    product_id: int,
    qty_change: int,
    reason: str,
    *,
    note: str = "",
    now: datetime | None = None,
) -> MovementView:
    """A correction with a reason (rusak, hilang, kedaluwarsa, ...): negative removes, positive adds."""
    require_role(actor, Role.MANAGER, "Menyesuaikan stok")
    product = uow.session.get(Product, product_id)
    if product is None:
        raise StockError(f"Produk #{product_id} tidak dikenal.")
    if isinstance(qty_change, bool) or not isinstance(qty_change, int) or qty_change == 0:
        raise StockError("Jumlah penyesuaian harus bilangan bulat, bukan 0.")
    if abs(qty_change) > MAX_QTY:
        raise StockError("Jumlah penyesuaian terlalu besar.")
    reason = " ".join(reason.split())
    if not reason:
        raise StockError("Alasan penyesuaian wajib diisi (misalnya rusak, hilang, kedaluwarsa).")
    full_reason = f"{reason}: {note.strip()}" if note.strip() else reason
    now = now or utc_now()
    movement = _movement(product.id, qty_change, "adjust", full_reason, None, actor, now)
    uow.session.add(movement)
    movement_event(uow, "adjust", movement.uuid, full_reason, [(product, qty_change)], actor, now)
    audit.record(uow, actor, "stock.adjust", code=product.code, qty=qty_change, reason=full_reason)
    uow.session.flush()
    uow.commit()
    return MovementView(now, "adjust", qty_change, movement.reason, actor.username)


def get_document(uow: UnitOfWork, number: str) -> StockDocumentView:
    doc = uow.session.scalar(select(StockDocument).where(StockDocument.number == number.strip().upper()))
    if doc is None:
        raise StockError(f"Dokumen {number} tidak ditemukan.")
    supplier = uow.session.get_one(Supplier, doc.supplier_id)
    user = uow.session.get(User, doc.user_id)
    rows = uow.session.execute(
        select(StockDocumentLine, Product)
        .join(Product, Product.id == StockDocumentLine.product_id)
        .where(StockDocumentLine.document_id == doc.id)
        .order_by(StockDocumentLine.id)
    ).all()
    return StockDocumentView(
        document_id=doc.id,
        uuid=doc.uuid,
        number=doc.number,
        kind=doc.kind,
        supplier_code=supplier.code,
        supplier_name=supplier.name,
        consignment=doc.consignment,
        note=doc.note,
        created_at=doc.created_at,
        user_name=user.full_name if user else "-",
        lines=tuple(DocumentLineView(p.id, p.code, p.name, p.unit, ln.qty, ln.unit_cost) for ln, p in rows),
    )


def document_for_producer(uow: UnitOfWork, view: StockDocumentView, width: int | None = None) -> Document:
    """The receipt or return paper for the producer, for the receipt printer or a PDF."""
    width = width or settings.receipt_columns(uow)
    check_width(width)
    outlet = settings.outlet(uow)
    when = local_time(view.created_at, outlet.timezone)
    blocks: list[Block] = [
        Text(outlet.name, "center", bold=True),
        Text(DOCUMENT_TITLES[view.kind], "center", bold=True),
        Rule(),
        Columns("Nomor", view.number),
        Columns("Tanggal", f"{when:%d-%m-%Y %H:%M}"),
        Text(f"Produsen: {view.supplier_name} ({view.supplier_code})"),
        Columns("Status", "Titip jual" if view.consignment else "Beli putus"),
        Rule(),
    ]
    for line in view.lines:
        blocks.append(Text(f"{line.name} [{line.code}]"))
        right = format_rupiah(line.qty * line.unit_cost) if line.unit_cost is not None else ""
        price = f" x {format_rupiah(line.unit_cost)}" if line.unit_cost is not None else ""
        blocks.append(Columns(f"  {line.qty} {line.unit}{price}", right))
    blocks += [Rule(), Columns("Jumlah barang", str(view.total_qty), bold=True)]
    if view.total_cost is not None:
        blocks.append(Columns("Nilai", format_rupiah(view.total_cost), bold=True))
    if view.note:
        blocks.append(Text(f"Catatan: {view.note}"))
    blocks += [
        Text(f"Petugas: {view.user_name}"),
        *signature_blocks("Produsen", "Petugas"),
    ]
    return tuple(blocks)


_LEVELS = """
SELECT p.id, p.code, p.name, s.name AS supplier_name, p.unit, p.min_stock,
       COALESCE((SELECT SUM(m.qty) FROM stock_movements m WHERE m.product_id = p.id), 0) AS on_hand
FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id
WHERE p.active {extra}
"""


def _levels(uow: UnitOfWork, extra: str, params: dict[str, Any]) -> list[StockLevel]:
    rows = uow.session.connection().execute(text(_LEVELS.format(extra=extra)), params).all()
    return [
        StockLevel(r.id, r.code, r.name, r.supplier_name, r.unit, r.min_stock, int(r.on_hand)) for r in rows
    ]


def low_stock(uow: UnitOfWork) -> list[StockLevel]:
    """Active products at or under their minimum (a minimum of 0 means "do not watch"), emptiest first."""
    found = _levels(uow, "AND p.min_stock > 0", {})
    return sorted(
        (s for s in found if s.on_hand <= s.min_stock), key=lambda s: (s.on_hand - s.min_stock, s.name)
    )


def below_zero(uow: UnitOfWork) -> list[StockLevel]:
    """Goods sold while the ledger said there were none: the count or a receipt is missing."""
    return sorted((s for s in _levels(uow, "", {}) if s.on_hand < 0), key=lambda s: (s.on_hand, s.name))


def stock_levels(uow: UnitOfWork, *, supplier_id: int | None = None) -> list[StockLevel]:
    if supplier_id is None:
        return sorted(_levels(uow, "", {}), key=lambda s: s.name)
    return sorted(_levels(uow, "AND p.supplier_id = :sid", {"sid": supplier_id}), key=lambda s: s.name)


def movements(uow: UnitOfWork, product_id: int, limit: int = 200) -> list[MovementView]:
    rows = uow.session.execute(
        select(StockMovement, User.username)
        .outerjoin(User, User.id == StockMovement.user_id)
        .where(StockMovement.product_id == product_id)
        .order_by(StockMovement.id.desc())
        .limit(limit)
    ).all()
    return [MovementView(m.created_at, m.kind, m.qty, m.reason, name) for m, name in rows]
