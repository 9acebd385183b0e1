"""Completing a sale: one transaction writes the sale, its lines, payments, stock movements and outbox event.

The money is computed once by `pos.core.pricing.price_cart` and `pos.core.payments.settle`; this module
only checks the cart against the database and writes it. The hot path uses Core statements (an ORM
unit-of-work flush costs ~2 ms a sale on this hardware, most of it CPU; docs/engineering-notes.md), and
its writes run prepared on the DBAPI connection (`pos.db.prepared`: SQLAlchemy's execution of each
statement was most of the rest).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam

from pos.core.cart import Cart
from pos.core.errors import DomainError
from pos.core.nip import parse_nip
from pos.core.payments import Payment, settle
from pos.core.pricing import Totals, price_cart
from pos.core.timeutil import business_date, utc_now
from pos.db.models import (
    Base,
    ReceiptCounter,
    Sale,
    SaleLine,
    StockMovement,
)
from pos.db.models import Payment as PaymentRow
from pos.db.prepared import Prepared, dbapi_connection
from pos.db.uow import UnitOfWork
from pos.services import approvals, outbox
from pos.services.context import Actor
from pos.sync.protocol import events as wire


class CheckoutError(DomainError):
    """The sale cannot be completed as it stands; nothing was written."""


@dataclass(frozen=True)
class CompletedSale:
    sale_id: int
    uuid: str
    receipt_no: str
    business_date: date
    created_at: datetime
    totals: Totals
    paid: int
    change: int
    buyer_nip: str | None

    @property
    def total(self) -> int:
        return self.totals.total


@dataclass(frozen=True)
class _Statements:
    """Core statements of the sale path, built once: building them per sale cost more than the disk."""

    sale: Prepared
    line: Prepared
    payment: Prepared
    movement: Prepared
    counter: Prepared
    bump_counter: Prepared


_SALE_KEYS = (
    "uuid", "receipt_no", "business_date", "created_at", "cashier_id", "shift_id", "buyer_nip", "approved_by",
    "subtotal", "discount", "tax", "total", "paid", "change",
)  # fmt: skip
_LINE_KEYS = (
    "sale_id", "line_no", "product_id", "product_code", "name", "supplier_id", "qty", "unit_price",
    "list_price", "line_discount", "sale_discount_share", "tax", "net", "tax_mode",
)  # fmt: skip
_MOVEMENT_KEYS = ("uuid", "product_id", "qty", "kind", "reason", "ref", "user_id", "created_at")
# Two reads of every sale, plain SQL on the DBAPI connection like its writes (an expanding IN made
# SQLAlchemy compile the products query again at each sale).
_OUTLET_SQL = "SELECT id, code, terminal, timezone FROM outlets ORDER BY id LIMIT 1"
_PRODUCTS_SQL = (
    "SELECT p.id, p.code, p.supplier_id, p.price, s.code FROM products p "
    "LEFT JOIN suppliers s ON s.id = p.supplier_id WHERE p.id IN ({})"
)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@functools.cache
def _statements() -> _Statements:
    counters = _table(ReceiptCounter)
    return _Statements(
        sale=Prepared(_table(Sale).insert(), _SALE_KEYS),
        line=Prepared(_table(SaleLine).insert(), _LINE_KEYS),
        payment=Prepared(_table(PaymentRow).insert(), ("sale_id", "method", "amount", "reference")),
        movement=Prepared(_table(StockMovement).insert(), _MOVEMENT_KEYS),
        counter=Prepared(counters.insert(), ("business_date", "kind", "last_seq")),
        bump_counter=Prepared(
            counters.update()
            .where(counters.c.business_date == bindparam("day"), counters.c.kind == bindparam("counter_kind"))
            .values(last_seq=counters.c.last_seq + 1)
            .returning(counters.c.last_seq),
            ("day", "counter_kind"),
        ),
    )


@dataclass(frozen=True)
class OutletInfo:
    outlet_id: int
    code: str
    terminal: str
    timezone: str


def outlet_info(uow: UnitOfWork) -> OutletInfo:
    row = dbapi_connection(uow).execute(_OUTLET_SQL).fetchone()
    if row is None:
        raise CheckoutError("Outlet belum disiapkan; penjualan belum bisa dilakukan.")
    return OutletInfo(*row)


def next_number(uow: UnitOfWork, day: date, kind: str = "sale") -> int:
    """Bump the per-day counter inside the caller's transaction, so numbers never repeat or skip."""
    key = day.isoformat()
    bumped = _statements().bump_counter.run(uow, {"day": key, "counter_kind": kind}).fetchone()
    if bumped is None:
        _statements().counter.run(uow, {"business_date": key, "kind": kind, "last_seq": 1})
        return 1
    return int(bumped[0])


def receipt_number(outlet: OutletInfo, day: date, seq: int, prefix: str = "") -> str:
    """e.g. `5371-01-20261128-0001`: outlet, till, WITA date, sequence; unique across an outlet's tills."""
    return f"{prefix}{outlet.code}-{outlet.terminal}-{day:%Y%m%d}-{seq:04d}"


class _Checked(NamedTuple):
    id: int
    code: str
    supplier_id: int | None
    price: int
    sup_code: str | None


def _check_products(uow: UnitOfWork, cart: Cart) -> dict[int, _Checked]:
    ids = sorted({line.product.product_id for line in cart.lines})
    rows = dbapi_connection(uow).execute(_PRODUCTS_SQL.format(",".join("?" * len(ids))), ids).fetchall()
    found = {row[0]: _Checked(*row) for row in rows}
    missing = [line.product for line in cart.lines if line.product.product_id not in found]
    if missing:
        raise CheckoutError(f"Produk tidak dikenal: {missing[0].name} ({missing[0].code}).")
    return found


def complete_sale(
    uow: UnitOfWork,
    actor: Actor,
    cart: Cart,
    payments: Sequence[Payment],
    *,
    buyer_nip: str | None = None,
    shift_id: int | None = None,
    now: datetime | None = None,
    approved_by: Actor | None = None,
) -> CompletedSale:
    """Validate and commit one sale; raises a DomainError (and writes nothing) when it cannot be sold.

    A discount or price cut above the outlet's limits needs `approved_by`, the manager who gave their
    PIN (`pos.services.users.authorize`); a manager selling approves their own cart. The approver is
    recorded on the sale (`sales.approved_by`), only when the cart needed one.
    """
    if cart.is_empty:
        raise CheckoutError("Keranjang kosong: pindai barang dulu.")
    try:
        approver = approvals.approver_for(uow, actor, cart, approved_by)
    except approvals.ApprovalRequired as refused:
        raise CheckoutError(str(refused)) from None
    totals = price_cart(cart)
    settlement = settle(totals.total, payments)
    nip = parse_nip(buyer_nip).digits if buyer_nip else None
    products = _check_products(uow, cart)
    outlet = outlet_info(uow)
    now = now or utc_now()
    day = business_date(now, outlet.timezone)
    sale_uuid = str(uuid.uuid4())
    receipt_no = receipt_number(outlet, day, next_number(uow, day))

    sale_row = {
        "uuid": sale_uuid,
        "receipt_no": receipt_no,
        "business_date": day.isoformat(),
        "created_at": now,
        "cashier_id": actor.user_id,
        "shift_id": shift_id,
        "buyer_nip": nip,
        "approved_by": approver.user_id if approver is not None else None,
        "subtotal": totals.subtotal,
        "discount": totals.discount,
        "tax": totals.tax,
        "total": totals.total,
        "paid": settlement.paid,
        "change": settlement.change,
    }
    sql = _statements()
    sale_id = sql.sale.run(uow, sale_row).lastrowid
    assert sale_id is not None
    line_rows: list[dict[str, Any]] = [
        {
            "sale_id": sale_id,
            "line_no": no,
            "product_id": line.product.product_id,
            "product_code": products[line.product.product_id].code,
            "name": line.product.name,
            "supplier_id": products[line.product.product_id].supplier_id,
            "qty": line.qty,
            "unit_price": line.unit_price,
            "list_price": products[line.product.product_id].price,
            "line_discount": line.line_discount,
            "sale_discount_share": line.sale_discount_share,
            "tax": line.tax,
            "net": line.net,
            "tax_mode": line.product.tax_mode.value,
        }
        for no, line in enumerate(totals.lines, start=1)
    ]
    sql.line.run_many(uow, line_rows)
    pay_rows: list[dict[str, Any]] = [
        {"sale_id": sale_id, "method": p.method.value, "amount": p.amount, "reference": p.reference}
        for p in settlement.payments
    ]
    if pay_rows:
        sql.payment.run_many(uow, pay_rows)
    sql.movement.run_many(
        uow,
        [
            {
                "uuid": str(uuid.uuid4()),
                "product_id": line.product.product_id,
                "qty": -line.qty,
                "kind": "sale",
                "reason": receipt_no,
                "ref": sale_uuid,
                "user_id": actor.user_id,
                "created_at": now,
            }
            for line in totals.lines
        ],
    )
    event = wire.Sale(
        uuid=sale_uuid,
        receipt_no=receipt_no,
        business_date=day,
        created_at=now,
        cashier=actor.username,
        buyer_nip=nip,
        subtotal=totals.subtotal,
        discount=totals.discount,
        tax=totals.tax,
        tax_added=totals.tax_added,
        total=totals.total,
        change=settlement.change,
        lines=tuple(
            wire.SaleLine(
                product_code=row["product_code"],
                name=row["name"],
                supplier_code=products[row["product_id"]].sup_code,
                qty=line.qty,
                unit_price=line.unit_price,
                discount=line.discount,
                tax_mode=line.product.tax_mode.value,
                tax=line.tax,
                line_total=line.gross - line.discount,
            )
            for row, line in zip(line_rows, totals.lines, strict=True)
        ),
        payments=tuple(wire.Payment(r["method"], r["amount"], r["reference"]) for r in pay_rows),
    )
    outbox.enqueue(uow, event, now, outlet.code, outlet.terminal)
    uow.commit()
    return CompletedSale(
        sale_id=sale_id,
        uuid=sale_uuid,
        receipt_no=receipt_no,
        business_date=day,
        created_at=now,
        totals=totals,
        paid=settlement.paid,
        change=settlement.change,
        buyer_nip=nip,
    )
