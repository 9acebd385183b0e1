"""Receipts of committed sales: issued once and kept with the sale, and whether they ever printed.

The first time a sale's receipt is made (right after the sale's commit) it is stored as data in
`sale_receipts`: header, footer, buyer block as they were then. A reprint (F12) shows exactly that,
marked "CETAK ULANG", even after the footer or the outlet's address changed. `printed_at` is set when
a printer took the receipt (or, on a till without a printer, when it was shown on screen); after a
crash or a power cut `unprinted` lists the sales whose receipt never came out, to print as originals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.core.receipt import Receipt, receipt_from_json, receipt_to_json
from pos.core.timeutil import utc_now
from pos.db.models import Sale, SaleReceipt
from pos.db.uow import UnitOfWork
from pos.services import sales


@dataclass(frozen=True)
class UnprintedReceipt:
    receipt_no: str
    created_at: datetime
    total: int


def _sale_id(uow: UnitOfWork, receipt_no: str) -> int:
    sale_id = uow.session.scalar(select(Sale.id).where(Sale.receipt_no == receipt_no.strip()))
    if sale_id is None:
        raise sales.SaleNotFound(f"Struk {receipt_no} tidak ditemukan di kasir ini.")
    return sale_id


def receipt(
    uow: UnitOfWork, receipt_no: str, *, reprint: bool = False, now: datetime | None = None
) -> Receipt:
    """The sale's receipt as first issued; the first call keeps it (and commits) for every later one.

    Sales from before receipts were kept (no snapshot) are built from today's outlet data.
    """
    sale_id = _sale_id(uow, receipt_no)
    row = uow.session.get(SaleReceipt, sale_id)
    if row is not None and row.snapshot is not None:
        return receipt_from_json(row.snapshot, reprint=reprint)
    issued = sales.receipt_for(uow, receipt_no, reprint=False)
    if row is None:
        snapshot = receipt_to_json(issued)
        uow.session.add(SaleReceipt(sale_id=sale_id, snapshot=snapshot, created_at=now or utc_now()))
        uow.commit()
    return receipt_from_json(receipt_to_json(issued), reprint=reprint)


def mark_printed(uow: UnitOfWork, receipt_no: str, *, now: datetime | None = None) -> None:
    """A printer took the receipt (or it was shown on a till without a printer)."""
    sale_id = _sale_id(uow, receipt_no)
    row = uow.session.get(SaleReceipt, sale_id)
    if row is None:
        row = SaleReceipt(sale_id=sale_id, snapshot=None, created_at=now or utc_now())
        uow.session.add(row)
    if row.printed_at is None:
        row.printed_at = now or utc_now()
        uow.commit()


def unprinted(uow: UnitOfWork) -> list[UnprintedReceipt]:
    """Committed sales whose receipt never printed (a crash between the commit and the printer), oldest
    first. Sales from before this was recorded count as printed."""
    rows = uow.session.execute(
        select(Sale.receipt_no, Sale.created_at, Sale.total)
        .outerjoin(SaleReceipt, SaleReceipt.sale_id == Sale.id)
        .where(SaleReceipt.printed_at.is_(None))
        .order_by(Sale.id)
    ).all()
    return [UnprintedReceipt(r.receipt_no, r.created_at, r.total) for r in rows]
