"""Sale and refund events rebuilt from the stored rows, in the wire format of `pos.sync.protocol`.

Checkout builds its event from the money it has just computed (no extra queries on the hot path);
these rebuild the same event from the database: `doctor` and the tests compare the two, and
`upgrade_legacy_events` re-encodes the events a till queued before protocol 2 (no terminal, sale lines
without tax) so that they are delivered rather than refused.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from sqlalchemy import select, update

import pos.sync.protocol as protocol
from pos.db.models import OutboxEvent, Outlet, Refund, RefundLine, Sale, SaleLine, Supplier, User
from pos.db.uow import UnitOfWork
from pos.sync.protocol import events as wire

log = logging.getLogger(__name__)


def sale_event(uow: UnitOfWork, sale_id: int) -> wire.Sale:
    session = uow.session
    sale = session.get(Sale, sale_id)
    if sale is None:
        raise LookupError(f"sale #{sale_id}")
    cashier = session.get(User, sale.cashier_id)
    suppliers = {row.id: row.code for row in session.execute(select(Supplier.id, Supplier.code))}
    lines = tuple(
        wire.SaleLine(
            product_code=line.product_code,
            name=line.name,
            supplier_code=suppliers.get(line.supplier_id) if line.supplier_id else None,
            qty=line.qty,
            unit_price=line.unit_price,
            discount=line.line_discount + line.sale_discount_share,
            tax_mode=line.tax_mode,
            tax=line.tax,
            line_total=line.net,
        )
        for line in session.scalars(
            select(SaleLine).where(SaleLine.sale_id == sale_id).order_by(SaleLine.line_no)
        )
    )
    return wire.Sale(
        uuid=sale.uuid,
        receipt_no=sale.receipt_no,
        business_date=date.fromisoformat(sale.business_date),
        created_at=sale.created_at,
        cashier=cashier.username if cashier else "?",
        buyer_nip=sale.buyer_nip,
        subtotal=sale.subtotal,
        discount=sale.discount,
        tax=sale.tax,
        tax_added=sum(line.tax_added for line in lines),
        total=sale.total,
        change=sale.change,
        lines=lines,
        payments=tuple(wire.Payment(p.method, p.amount, p.reference) for p in sale.payments),
    )


def refund_event(uow: UnitOfWork, refund_id: int) -> wire.Refund:
    session = uow.session
    refund = session.get(Refund, refund_id)
    if refund is None:
        raise LookupError(f"refund #{refund_id}")
    sale = session.get(Sale, refund.sale_id)
    approver = session.get(User, refund.approved_by)
    assert sale is not None
    rows = session.execute(
        select(SaleLine.product_code, RefundLine.qty, RefundLine.amount)
        .join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
        .where(RefundLine.refund_id == refund_id)
        .order_by(RefundLine.id)
    ).all()
    return wire.Refund(
        uuid=refund.uuid,
        sale_uuid=sale.uuid,
        receipt_no=refund.refund_no,
        created_at=refund.created_at,
        business_date=date.fromisoformat(refund.business_date),
        reason=refund.reason,
        approved_by=approver.username if approver else "?",
        total=refund.total,
        lines=tuple(wire.RefundLine(code, qty, amount) for code, qty, amount in rows),
    )


def upgrade_legacy_events(uow: UnitOfWork) -> int:
    """Re-encode undelivered events queued before protocol 2 (their envelope has no `terminal`); those
    the province refused for their old format go back to pending. Does not commit; returns how many."""
    legacy = uow.session.execute(
        select(
            OutboxEvent.id, OutboxEvent.uuid, OutboxEvent.kind, OutboxEvent.payload, OutboxEvent.created_at
        )
        .where(OutboxEvent.status != "sent", OutboxEvent.payload.not_like('%"terminal":%'))
        .order_by(OutboxEvent.id)
    ).all()
    if not legacy:
        return 0
    outlet = uow.session.scalars(select(Outlet).order_by(Outlet.id).limit(1)).one()
    for row_id, event_uuid, kind, payload, created_at in legacy:
        if kind == "sale":
            sale_id = uow.session.scalar(select(Sale.id).where(Sale.uuid == event_uuid))
            body = sale_event(uow, int(sale_id)).to_json() if sale_id else None
        elif kind == "refund":
            refund_id = uow.session.scalar(select(Refund.id).where(Refund.uuid == event_uuid))
            body = refund_event(uow, int(refund_id)).to_json() if refund_id else None
        else:
            body = json.loads(payload).get("payload")
        if body is None:  # the row it describes is gone: leave the event for the manager's list
            log.warning("outbox: %s %s has no stored row; left as it was", kind, event_uuid)
            continue
        envelope = protocol.Envelope(event_uuid, kind, outlet.code, outlet.terminal, created_at, body)
        uow.session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id == row_id)
            .values(payload=protocol.encode(envelope), status="pending", last_error=None)
        )
    log.info("outbox: %d events from before protocol 2 re-encoded", len(legacy))
    return len(legacy)
