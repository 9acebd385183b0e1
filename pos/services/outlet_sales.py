"""Consignment across the outlet's tills: every till's sale lines, refund lines and payouts are shared
records, so a settlement, a payout and a producer's statement made at any till cover the sales of all.

Why records and not the province's figures: a settlement is made at the outlet, often while the line
is down; with the lines pulled like the catalog, a till settles from its own database, and what it
cannot know yet (another till's sales not yet synced) is exactly what that till has not delivered.
Own lines stay in `sale_lines` / `refund_lines`; other tills' go to `shared_sale_lines` /
`shared_refund_lines` (their keys are global: the sale's uuid and line number, the refund line's till
and local id); payouts of other tills go to `supplier_payouts` with their till, once per uuid.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos.db.models import (
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    SharedRefundLine,
    SharedSaleLine,
    Supplier,
    SupplierPayout,
    User,
)
from pos.db.uow import UnitOfWork
from pos.sync.protocol import OutletRecordJson
from pos.sync.protocol import outlet_records as rec

NAMESPACE = uuid.UUID("0b7d4d0e-33c4-4a35-8a0b-2a6f0c6f9e21")
Put = Callable[..., None]


def sale_line_key(sale_uuid: str, line_no: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{sale_uuid}:{line_no}"))


def refund_line_key(till: str, refund_line_id: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{till}:refund_line:{refund_line_id}"))


def payout_key(payout_uuid: str) -> str:
    """Not the payout's own uuid: that is already the uuid of its `payout` event to the province."""
    return str(uuid.uuid5(NAMESPACE, f"payout:{payout_uuid}"))


def product_ids_of(uow: UnitOfWork, sale_line_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(sale_line_ids), 500):
        chunk = sale_line_ids[start : start + 500]
        found.update(uow.session.scalars(select(SaleLine.product_id).where(SaleLine.id.in_(chunk))))
    return found


def build(
    uow: UnitOfWork, ids: Mapping[str, list[int]], label: str, uids: Mapping[int, str], put: Put
) -> None:
    """The `sale_line`, `refund_line` and `payout` records of this till's marked rows."""
    session = uow.session
    for start in range(0, len(ids[rec.SALE_LINE]), 500):
        chunk = ids[rec.SALE_LINE][start : start + 500]
        rows = session.execute(
            select(SaleLine, Sale.uuid, Sale.business_date, Sale.created_at, Supplier.code)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .outerjoin(Supplier, Supplier.id == SaleLine.supplier_id)
            .where(SaleLine.id.in_(chunk))
        ).all()
        for line, sale_uuid, day, created_at, supplier in rows:
            data = {
                "sale": sale_uuid,
                "no": line.line_no,
                "date": day,
                "product": uids[line.product_id],
                "supplier": supplier,
                "qty": line.qty,
                "net": line.net,
            }
            put(rec.SALE_LINE, line.id, sale_line_key(sale_uuid, line.line_no), data, created_at)
    for start in range(0, len(ids[rec.REFUND_LINE]), 500):
        chunk = ids[rec.REFUND_LINE][start : start + 500]
        refunds = session.execute(
            select(
                RefundLine, Refund.uuid, Refund.business_date, Refund.created_at, SaleLine.line_no, Sale.uuid
            )
            .join(Refund, Refund.id == RefundLine.refund_id)
            .join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(RefundLine.id.in_(chunk))
        ).all()
        for refund_line, refund_uuid, day, at, line_no, sale_uuid in refunds:
            data = {
                "line": sale_line_key(sale_uuid, line_no),
                "refund": refund_uuid,
                "date": day,
                "qty": refund_line.qty,
                "refunded_at": at.isoformat(),
            }
            put(rec.REFUND_LINE, refund_line.id, refund_line_key(label, refund_line.id), data, at)
    for start in range(0, len(ids[rec.PAYOUT]), 500):
        chunk = ids[rec.PAYOUT][start : start + 500]
        payouts = session.execute(
            select(SupplierPayout, Supplier.code, User.username)
            .join(Supplier, Supplier.id == SupplierPayout.supplier_id)
            .outerjoin(User, User.id == SupplierPayout.user_id)
            .where(SupplierPayout.id.in_(chunk))
        ).all()
        for payout, code, username in payouts:
            data = {
                "payout": payout.uuid,
                "supplier": code,
                "period_start": payout.period_start,
                "period_end": payout.period_end,
                "amount": payout.amount,
                "method": payout.method,
                "reference": payout.reference,
                "note": payout.note,
                "user": username,
                "paid_at": payout.paid_at.isoformat(),
            }
            put(rec.PAYOUT, payout.id, payout_key(payout.uuid), data, payout.paid_at)


def apply(
    uow: UnitOfWork,
    by_type: Mapping[str, list[OutletRecordJson]],
    own_till: str,
    product_ids: Callable[[UnitOfWork, set[str]], Mapping[str | None, int]],
) -> None:
    """Other tills' lines and payouts, each once by its key; this till's own come back and are skipped."""
    session = uow.session
    suppliers = {code: sid for code, sid in session.execute(select(Supplier.code, Supplier.id)).all()}
    lines = [r for r in by_type[rec.SALE_LINE] if r["till"] != own_till]
    if lines:
        products = product_ids(uow, {r["data"]["product"] for r in lines})
        rows = [
            {
                "key": r["key"],
                "till": r["till"],
                "sale_uuid": r["data"]["sale"],
                "line_no": r["data"]["no"],
                "business_date": r["data"]["date"],
                "product_id": products[r["data"]["product"]],
                "supplier_id": suppliers.get(r["data"]["supplier"] or ""),
                "qty": r["data"]["qty"],
                "net": r["data"]["net"],
            }
            for r in lines
        ]
        session.execute(sqlite_insert(SharedSaleLine).on_conflict_do_nothing(index_elements=["key"]), rows)
    refunds = [r for r in by_type[rec.REFUND_LINE] if r["till"] != own_till]
    if refunds:
        rows = [
            {
                "key": r["key"],
                "till": r["till"],
                "line_key": r["data"]["line"],
                "refund_uuid": r["data"]["refund"],
                "business_date": r["data"]["date"],
                "qty": r["data"]["qty"],
                "refunded_at": datetime.fromisoformat(r["data"]["refunded_at"]),
            }
            for r in refunds
        ]
        session.execute(sqlite_insert(SharedRefundLine).on_conflict_do_nothing(index_elements=["key"]), rows)
    payouts = [r for r in by_type[rec.PAYOUT] if r["till"] != own_till]
    if payouts:
        people = {name: uid for name, uid in session.execute(select(User.username, User.id)).all()}
        fallback = min(people.values())
        rows = [
            {
                "uuid": r["data"]["payout"],
                "supplier_id": _supplier_id(uow, suppliers, r["data"]["supplier"]),
                "period_start": r["data"]["period_start"],
                "period_end": r["data"]["period_end"],
                "amount": r["data"]["amount"],
                "method": r["data"]["method"],
                "reference": r["data"]["reference"],
                "note": r["data"]["note"],
                "user_id": people.get(r["data"]["user"] or "", fallback),
                "paid_at": datetime.fromisoformat(r["data"]["paid_at"]),
                "till": r["till"],
            }
            for r in payouts
        ]
        session.execute(sqlite_insert(SupplierPayout).on_conflict_do_nothing(index_elements=["uuid"]), rows)


def _supplier_id(uow: UnitOfWork, suppliers: dict[str, int], code: str) -> int:
    if code not in suppliers:  # a stand-in its record fills (pos.services.outlet_apply)
        row = Supplier(code=code, name=code, active=False)
        uow.session.add(row)
        uow.session.flush()
        suppliers[code] = row.id
    return suppliers[code]


def other_tills_sold(uow: UnitOfWork, supplier_id: int, start: str, end: str) -> dict[int, tuple[int, int]]:
    """product_id -> (units, net) of the other tills' sale lines of the producer in the period."""
    rows = uow.session.execute(
        select(SharedSaleLine.product_id, SharedSaleLine.qty, SharedSaleLine.net).where(
            SharedSaleLine.supplier_id == supplier_id,
            SharedSaleLine.business_date >= start,
            SharedSaleLine.business_date <= end,
        )
    ).all()
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for product_id, qty, net in rows:
        out[product_id][0] += qty
        out[product_id][1] += net
    return {pid: (qty, net) for pid, (qty, net) in out.items()}


def other_tills_refunded(
    uow: UnitOfWork, supplier_id: int, start: str, end: str
) -> dict[int, tuple[int, int]]:
    """product_id -> (units, net) refunded in the period of the other tills' lines of the producer, the
    net apportioned exactly as for this till's own (pos.services.consignment._refunds)."""
    rows = uow.session.execute(
        select(
            SharedRefundLine.line_key,
            SharedRefundLine.qty,
            SharedRefundLine.business_date,
            SharedSaleLine.product_id,
            SharedSaleLine.qty.label("sold"),
            SharedSaleLine.net,
        )
        .join(SharedSaleLine, SharedSaleLine.key == SharedRefundLine.line_key)
        .where(SharedSaleLine.supplier_id == supplier_id)
        .order_by(SharedRefundLine.line_key, SharedRefundLine.refunded_at, SharedRefundLine.key)
    ).all()
    out: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    done: dict[str, int] = defaultdict(int)
    for row in rows:
        before = done[row.line_key]
        done[row.line_key] = before + row.qty
        if start <= row.business_date <= end:
            out[row.product_id][0] += row.qty
            out[row.product_id][1] += row.net * (before + row.qty) // row.sold - row.net * before // row.sold
    return {pid: (qty, net) for pid, (qty, net) in out.items()}


def merged(
    mine: Mapping[int, tuple[int, int]], theirs: Mapping[int, tuple[int, int]]
) -> dict[int, tuple[int, int]]:
    out = dict(mine)
    for pid, (qty, net) in theirs.items():
        have = out.get(pid, (0, 0))
        out[pid] = (have[0] + qty, have[1] + net)
    return out
