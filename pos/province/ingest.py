"""Storing a batch of till events: each one accepted, duplicate or rejected on its own.

Every event is validated in pure Python first, so one bad event never touches the transaction. The
good ones are written with set-based inserts in one transaction; if that hits a UNIQUE violation (the
same batch being stored concurrently by a retried request), the batch is redone one event per
savepoint so the others still go in. The UNIQUE event uuid is what makes a replay harmless.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos.core.nip import InvalidNip, parse_nip
from pos.province.outlets import Outlet
from pos.province.schema import events, outlets, payments, refunds, sale_lines, sales
from pos.sync.protocol import (
    Envelope,
    EventResultJson,
    ProtocolError,
    Refund,
    Sale,
    parse_envelope,
    parse_refund,
    parse_sale,
)


class ForeignOutletEvent(Exception):
    """An event of another outlet in the batch: the whole request is refused (HTTP 403)."""


@dataclass(slots=True)
class _Item:
    envelope: Envelope
    raw: str
    sale: Sale | None = None
    refund: Refund | None = None


def _rejected(uuid: str, reason: str) -> EventResultJson:
    return {"uuid": uuid, "status": "rejected", "reason": reason}


def _validate(outlet: Outlet, raw_events: list[Any]) -> tuple[list[_Item], dict[int, EventResultJson]]:
    """Parsed good items, and a result for every position already decided (rejected or repeated)."""
    decided: dict[int, EventResultJson] = {}
    items: list[_Item] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_events):
        raw_uuid = raw.get("uuid") if isinstance(raw, dict) else None
        label = raw_uuid.lower() if isinstance(raw_uuid, str) and len(raw_uuid) <= 64 else ""
        try:
            envelope = parse_envelope(raw)
        except ProtocolError as error:
            decided[position] = _rejected(label, str(error))
            continue
        if envelope.outlet != outlet.code:
            raise ForeignOutletEvent(envelope.outlet)
        if envelope.uuid in seen:
            decided[position] = {"uuid": envelope.uuid, "status": "duplicate", "reason": None}
            continue
        seen.add(envelope.uuid)
        item = _Item(envelope=envelope, raw=json.dumps(raw, separators=(",", ":")))
        try:
            if envelope.kind == "sale":
                item.sale = parse_sale(envelope.payload)
                if item.sale.buyer_nip is not None:
                    parse_nip(item.sale.buyer_nip)
            elif envelope.kind == "refund":
                item.refund = parse_refund(envelope.payload)
        except (ProtocolError, InvalidNip) as error:
            decided[position] = _rejected(envelope.uuid, str(error))
            continue
        items.append(item)
    return items, decided


def ingest_batch(engine: Engine, outlet: Outlet, raw_events: list[Any]) -> list[EventResultJson]:
    """One result per input event, in input order."""
    items, decided = _validate(outlet, raw_events)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        try:
            with conn.begin_nested():
                outcome = _store(conn, outlet, items, now)
        except IntegrityError:
            outcome = {}
            for item in items:
                try:
                    with conn.begin_nested():
                        outcome.update(_store(conn, outlet, [item], now))
                except IntegrityError:
                    outcome[item.envelope.uuid] = {
                        "uuid": item.envelope.uuid,
                        "status": "duplicate",
                        "reason": None,
                    }
        conn.execute(update(outlets).where(outlets.c.id == outlet.id).values(last_sync_at=now))
    results: list[EventResultJson] = []
    for position, raw in enumerate(raw_events):
        if position in decided:
            results.append(decided[position])
        else:
            results.append(outcome[str(raw["uuid"]).lower()])
    return results


def _store(conn: Connection, outlet: Outlet, items: list[_Item], now: datetime) -> dict[str, EventResultJson]:
    uuids = [item.envelope.uuid for item in items]
    known = _existing(conn, events.c.uuid, uuids)
    sale_uuids = [item.sale.uuid for item in items if item.sale is not None]
    known_sales = _existing(conn, sales.c.uuid, sale_uuids)
    outcome: dict[str, EventResultJson] = {}
    fresh: list[_Item] = []
    for item in items:
        uid = item.envelope.uuid
        sale_uuid = item.sale.uuid if item.sale is not None else None
        if uid in known or sale_uuid in known_sales:
            outcome[uid] = {"uuid": uid, "status": "duplicate", "reason": None}
            continue
        if sale_uuid is not None:
            known_sales.add(sale_uuid)  # the same sale twice in one batch under two event uuids
        fresh.append(item)
    # Refunds go after the sales of the same batch are written, since they may refund one of them.
    others = [item for item in fresh if item.refund is None]
    event_ids = _insert_events(conn, outlet, others, now)
    _insert_sales(conn, outlet, [(item, event_ids[item.envelope.uuid]) for item in others if item.sale])
    for item in others:
        outcome[item.envelope.uuid] = {"uuid": item.envelope.uuid, "status": "accepted", "reason": None}
    for item in fresh:
        if item.refund is not None:
            outcome[item.envelope.uuid] = _store_refund(conn, outlet, item, item.refund, now)
    return outcome


def _existing(conn: Connection, column: Any, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
    return found


def _insert_events(conn: Connection, outlet: Outlet, items: list[_Item], now: datetime) -> dict[str, int]:
    if not items:
        return {}
    rows = [
        {
            "uuid": item.envelope.uuid,
            "outlet_id": outlet.id,
            "kind": item.envelope.kind,
            "created_at": item.envelope.created_at,
            "received_at": now,
            "payload": item.raw,
        }
        for item in items
    ]
    returned = conn.execute(
        insert(events).returning(events.c.uuid, events.c.id, sort_by_parameter_order=True), rows
    )
    return {row.uuid: row.id for row in returned}


def _insert_sales(conn: Connection, outlet: Outlet, pairs: list[tuple[_Item, int]]) -> None:
    if not pairs:
        return
    rows = []
    for item, event_id in pairs:
        sale = item.sale
        assert sale is not None
        rows.append(
            {
                "uuid": sale.uuid,
                "event_id": event_id,
                "outlet_id": outlet.id,
                "receipt_no": sale.receipt_no,
                "business_date": sale.business_date,
                "created_at": sale.created_at,
                "cashier": sale.cashier,
                "buyer_nip": sale.buyer_nip,
                "subtotal": sale.subtotal,
                "discount": sale.discount,
                "tax": sale.tax,
                "total": sale.total,
                "change": sale.change,
            }
        )
    returned = conn.execute(
        insert(sales).returning(sales.c.uuid, sales.c.id, sort_by_parameter_order=True), rows
    )
    sale_ids = {row.uuid: row.id for row in returned}
    line_rows: list[dict[str, Any]] = []
    payment_rows: list[dict[str, Any]] = []
    for item, _ in pairs:
        sale = item.sale
        assert sale is not None
        sale_id = sale_ids[sale.uuid]
        line_rows.extend(
            {
                "sale_id": sale_id,
                "product_code": line.product_code,
                "name": line.name,
                "supplier_code": line.supplier_code,
                "qty": line.qty,
                "unit_price": line.unit_price,
                "discount": line.discount,
                "line_total": line.line_total,
            }
            for line in sale.lines
        )
        payment_rows.extend(
            {"sale_id": sale_id, "method": p.method, "amount": p.amount, "reference": p.reference}
            for p in sale.payments
        )
    conn.execute(insert(sale_lines), line_rows)
    conn.execute(insert(payments), payment_rows)


def _store_refund(
    conn: Connection, outlet: Outlet, item: _Item, refund: Refund, now: datetime
) -> EventResultJson:
    uid = item.envelope.uuid
    if conn.execute(select(refunds.c.id).where(refunds.c.uuid == refund.uuid)).first() is not None:
        return {"uuid": uid, "status": "duplicate", "reason": None}
    sale = conn.execute(
        select(sales.c.id, sales.c.outlet_id, sales.c.total).where(sales.c.uuid == refund.sale_uuid)
    ).first()
    if sale is None:
        return _rejected(uid, "penjualan yang diretur belum diterima server")
    if sale.outlet_id != outlet.id:
        return _rejected(uid, "penjualan yang diretur milik outlet lain")
    already = conn.execute(
        select(func.coalesce(func.sum(refunds.c.total), 0)).where(refunds.c.sale_id == sale.id)
    ).scalar_one()
    if already + refund.total > sale.total:
        return _rejected(uid, "total retur melebihi total penjualan")
    event_ids = _insert_events(conn, outlet, [item], now)
    conn.execute(
        insert(refunds).values(
            uuid=refund.uuid,
            event_id=event_ids[uid],
            outlet_id=outlet.id,
            sale_id=sale.id,
            receipt_no=refund.receipt_no,
            business_date=refund.business_date,
            created_at=refund.created_at,
            reason=refund.reason,
            approved_by=refund.approved_by,
            total=refund.total,
            lines=json.dumps(
                [{"product_code": ln.product_code, "qty": ln.qty, "amount": ln.amount} for ln in refund.lines]
            ),
        )
    )
    return {"uuid": uid, "status": "accepted", "reason": None}
