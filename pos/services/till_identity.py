"""Which till this database is: its outlet code and terminal, as the province registered them.

A till that has not sold yet (a fresh install, or the demo joining a test province) takes the code
and terminal its token belongs to; a till that has sold keeps them for ever, since every receipt
number and every event it wrote carries them.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select, update

from pos.core.errors import DomainError
from pos.db.models import OutboxEvent, Outlet, Refund, Sale
from pos.db.uow import UnitOfWork


def current(uow: UnitOfWork) -> tuple[str, str]:
    outlet = uow.session.scalars(select(Outlet).order_by(Outlet.id).limit(1)).first()
    if outlet is None:
        raise DomainError("Outlet belum disiapkan di kasir ini.")
    return outlet.code, outlet.terminal


def has_traded(uow: UnitOfWork) -> bool:
    sales = uow.session.scalar(select(func.count(Sale.id))) or 0
    refunds = uow.session.scalar(select(func.count(Refund.id))) or 0
    return bool(sales or refunds)


def adopt(uow: UnitOfWork, code: str, terminal: str) -> int:
    """Take the province's code and terminal (only before the first sale); events not yet delivered
    are re-addressed to them. Returns how many events were re-addressed. Does not commit."""
    if has_traded(uow):
        raise DomainError("Kasir ini sudah berjualan; kode outlet dan nomor kasirnya tidak bisa diganti.")
    uow.session.execute(update(Outlet).values(code=code, terminal=terminal))
    rows = uow.session.execute(
        select(OutboxEvent.id, OutboxEvent.payload).where(OutboxEvent.status != "sent")
    ).all()
    for row_id, payload in rows:
        envelope = json.loads(payload)
        envelope["outlet"], envelope["terminal"] = code, terminal
        text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
        uow.session.execute(update(OutboxEvent).where(OutboxEvent.id == row_id).values(payload=text))
    return len(rows)
