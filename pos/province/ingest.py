"""Storing a batch of one till's events: each one accepted, duplicate or rejected on its own.

Every event is validated in pure Python first (the same `pos.sync.protocol` code the till built it
with), so one bad event never touches the transaction. The good ones are written with set-based inserts
in one transaction; if that hits a UNIQUE violation (the same batch stored concurrently by a retried
request), the batch is redone one event per savepoint so the others still go in. The UNIQUE event uuid
makes a replay harmless, and the stored content hash tells a replay (`duplicate`) from a different
event reusing a uuid (`rejected`, conflict). Rejections are kept per till until a resend is accepted.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos.core.nip import InvalidNip, parse_nip
from pos.province import outlet_data, summaries
from pos.province.outlets import Till
from pos.province.programme import load_programme
from pos.province.refunds import store_refund
from pos.province.schema import events, outlets, payments, rejected_events, sale_lines, sales, tills
from pos.sync.protocol import (
    MAX_CLOCK_AHEAD_SECONDS,
    Envelope,
    EventResultJson,
    ProtocolError,
    content_hash,
    parse_envelope,
    parse_payload,
)
from pos.sync.protocol.events import Refund, Sale
from pos.sync.protocol.outlet_records import OutletRecord

# Every NTT outlet trades in WITA; a business date is the date of the sale's time there. The zone is
# loaded at the first sale, not at import (reading the tz database is I/O: docs/architecture.md).
OUTLET_ZONE_NAME = "Asia/Makassar"


def outlet_zone() -> ZoneInfo:
    return ZoneInfo(OUTLET_ZONE_NAME)  # zoneinfo keeps each zone it loaded: this is a lookup after the first


class ForeignOutletEvent(Exception):
    """An event of another till in the batch: the whole request is refused (HTTP 403)."""


@dataclass(slots=True)
class Item:
    envelope: Envelope
    raw: str
    digest: str
    payload: Any = None

    @property
    def uuid(self) -> str:
        return self.envelope.uuid


def _rejected(uuid: str, reason: str) -> EventResultJson:
    return {"uuid": uuid, "status": "rejected", "reason": reason}


def _result(uuid: str, status: str) -> EventResultJson:
    return {"uuid": uuid, "status": status, "reason": None}  # type: ignore[typeddict-item]


def _check_dates(item: Item, now: datetime) -> None:
    limit = now + timedelta(seconds=MAX_CLOCK_AHEAD_SECONDS)
    payload = item.payload
    stamps = [item.envelope.created_at, getattr(payload, "created_at", None)]
    if any(stamp is not None and stamp > limit for stamp in stamps):
        raise ProtocolError(
            "waktu event lebih dari 5 menit di depan jam server provinsi; periksa jam dan zona waktu kasir"
        )
    if isinstance(payload, Sale | Refund):
        local_day = payload.created_at.astimezone(outlet_zone()).date()
        if payload.business_date != local_day:
            raise ProtocolError(
                f"tanggal usaha {payload.business_date.isoformat()} tidak sama dengan tanggal waktu "
                f"transaksi di WITA ({local_day.isoformat()})"
            )


def _validate(
    till: Till, raw_events: list[Any], now: datetime
) -> tuple[list[Item], dict[int, EventResultJson]]:
    """Parsed good items, and a result for every position already decided (rejected or repeated)."""
    decided: dict[int, EventResultJson] = {}
    items: list[Item] = []
    seen: dict[str, str] = {}
    for position, raw in enumerate(raw_events):
        raw_uuid = raw.get("uuid") if isinstance(raw, dict) else None
        label = raw_uuid.lower() if isinstance(raw_uuid, str) and len(raw_uuid) <= 64 else ""
        try:
            envelope = parse_envelope(raw)
        except ProtocolError as error:
            decided[position] = _rejected(label, str(error))
            continue
        if envelope.outlet != till.outlet.code or envelope.terminal != till.terminal:
            raise ForeignOutletEvent(f"{envelope.outlet}-{envelope.terminal}")
        digest = content_hash(raw)
        if envelope.uuid in seen:
            same = seen[envelope.uuid] == digest
            decided[position] = (
                _result(envelope.uuid, "duplicate") if same else _rejected(envelope.uuid, _CONFLICT)
            )
            continue
        seen[envelope.uuid] = digest
        item = Item(envelope=envelope, raw=json.dumps(raw, separators=(",", ":")), digest=digest)
        try:
            item.payload = parse_payload(envelope)
            if isinstance(item.payload, Sale) and item.payload.buyer_nip is not None:
                parse_nip(item.payload.buyer_nip)
            _check_dates(item, now)
        except ProtocolError as error:
            decided[position] = _rejected(envelope.uuid, str(error))
            continue
        except InvalidNip as error:  # its message alone ("nomor urut tidak boleh 000") does not say whose
            decided[position] = _rejected(envelope.uuid, f"NIP pembeli tidak sah: {error}")
            continue
        items.append(item)
    return items, decided


_CONFLICT = "konflik: uuid ini sudah diterima dengan isi yang berbeda"


def ingest_batch(
    engine: Engine, till: Till, raw_events: list[Any], *, now: datetime | None = None
) -> list[EventResultJson]:
    """One result per input event, in input order."""
    now = now or datetime.now(UTC)
    items, decided = _validate(till, raw_events, now)
    with engine.begin() as conn:
        try:
            with conn.begin_nested():
                outcome = _store(conn, till, items, now)
        except IntegrityError:
            outcome = {}
            for item in items:
                try:
                    with conn.begin_nested():
                        outcome.update(_store(conn, till, [item], now))
                except IntegrityError:
                    outcome[item.uuid] = _result(item.uuid, "duplicate")
        results: list[EventResultJson] = []
        for position, raw in enumerate(raw_events):
            results.append(decided[position] if position in decided else outcome[str(raw["uuid"]).lower()])
        _remember_rejections(conn, till, raw_events, results, now)
        conn.execute(update(tills).where(tills.c.id == till.id).values(last_sync_at=now))
        conn.execute(update(outlets).where(outlets.c.id == till.outlet.id).values(last_sync_at=now))
    return results


def _remember_rejections(
    conn: Connection, till: Till, raw_events: list[Any], results: list[EventResultJson], now: datetime
) -> None:
    """Rejected events are listed per till until a resend of the same uuid is accepted."""
    delivered = [r["uuid"] for r in results if r["status"] != "rejected" and r["uuid"]]
    for start in range(0, len(delivered), 500):
        conn.execute(
            delete(rejected_events).where(rejected_events.c.uuid.in_(delivered[start : start + 500]))
        )
    for raw, result in zip(raw_events, results, strict=True):
        if result["status"] != "rejected":
            continue
        uid = result["uuid"] or f"tanpa-uuid-{content_hash(raw)[:20]}"
        raw_kind = raw.get("kind") if isinstance(raw, dict) else None
        kind = raw_kind if isinstance(raw_kind, str) else "?"
        values = {"reason": (result["reason"] or "")[:500], "last_rejected_at": now, "till_id": till.id}
        changed = conn.execute(
            update(rejected_events)
            .where(rejected_events.c.uuid == uid)
            .values(**values, attempts=rejected_events.c.attempts + 1)
        ).rowcount
        if not changed:
            conn.execute(
                insert(rejected_events).values(
                    uuid=uid,
                    kind=kind[:32],
                    payload=json.dumps(raw, separators=(",", ":"))[:100_000],
                    first_rejected_at=now,
                    attempts=1,
                    **values,
                )
            )


def _store(conn: Connection, till: Till, items: list[Item], now: datetime) -> dict[str, EventResultJson]:
    known = _stored_hashes(conn, [item.uuid for item in items])
    outcome: dict[str, EventResultJson] = {}
    fresh: list[Item] = []
    for item in items:
        if item.uuid in known:
            stored = known[item.uuid]
            # NULL: stored before hashes were kept; the uuid alone decided then
            same = stored is None or stored == item.digest
            outcome[item.uuid] = _result(item.uuid, "duplicate") if same else _rejected(item.uuid, _CONFLICT)
            continue
        fresh.append(item)
    # Refunds go after the sales of the same batch are written, since they may refund one of them.
    others = [item for item in fresh if not isinstance(item.payload, Refund)]
    event_ids = insert_events(conn, till, others, now)
    _insert_sales(
        conn, till, [(item, event_ids[item.uuid]) for item in others if isinstance(item.payload, Sale)]
    )
    records = [item.payload for item in others if isinstance(item.payload, OutletRecord)]
    outlet_data.store_records(conn, till, records, now)  # shared outlet data: catalog, stock, users
    for item in others:
        outcome[item.uuid] = _result(item.uuid, "accepted")
    refunded: list[Refund] = []
    for item in fresh:
        if isinstance(item.payload, Refund):
            reason = store_refund(
                conn, till, item.payload, functools.partial(insert_events, conn, till, [item], now)
            )
            outcome[item.uuid] = (
                _result(item.uuid, "accepted") if reason is None else _rejected(item.uuid, reason)
            )
            if reason is None:
                refunded.append(item.payload)
    _summarise(conn, till, [item.payload for item in others if isinstance(item.payload, Sale)], refunded)
    return outcome


def _summarise(conn: Connection, till: Till, sold: list[Sale], refunded: list[Refund]) -> None:
    """Add what this savepoint stored to the summary tables, in the same savepoint (pos.province.summaries).
    The programme is read after the inserts on purpose: see summaries.set_programme."""
    if not sold and not refunded:
        return
    programme = load_programme(conn)
    deltas = summaries.Deltas()
    summaries.add_sales(deltas, programme, till.id, till.outlet.id, sold)
    for refund in refunded:
        summaries.add_refund(conn, deltas, programme, refund)
    summaries.apply(conn, deltas)


def _stored_hashes(conn: Connection, uuids: list[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for start in range(0, len(uuids), 500):
        chunk = uuids[start : start + 500]
        rows = conn.execute(select(events.c.uuid, events.c.payload_hash).where(events.c.uuid.in_(chunk)))
        found.update((row.uuid, row.payload_hash) for row in rows)
    return found


def insert_events(conn: Connection, till: Till, items: list[Item], now: datetime) -> dict[str, int]:
    if not items:
        return {}
    rows = [
        {
            "uuid": item.uuid,
            "outlet_id": till.outlet.id,
            "till_id": till.id,
            "kind": item.envelope.kind,
            "created_at": item.envelope.created_at,
            "received_at": now,
            "payload": item.raw,
            "payload_hash": item.digest,
        }
        for item in items
    ]
    returned = conn.execute(
        insert(events).returning(events.c.uuid, events.c.id, sort_by_parameter_order=True), rows
    )
    return {row.uuid: row.id for row in returned}


def _insert_sales(conn: Connection, till: Till, pairs: list[tuple[Item, int]]) -> None:
    if not pairs:
        return
    rows = []
    for item, event_id in pairs:
        sale: Sale = item.payload
        rows.append(
            {
                "uuid": sale.uuid,
                "event_id": event_id,
                "outlet_id": till.outlet.id,
                "till_id": till.id,
                "receipt_no": sale.receipt_no,
                "business_date": sale.business_date,
                "created_at": sale.created_at,
                "cashier": sale.cashier,
                "buyer_nip": sale.buyer_nip,
                "subtotal": sale.subtotal,
                "discount": sale.discount,
                "tax": sale.tax,
                "tax_added": sale.tax_added,
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
        sale = item.payload
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
                "tax_mode": line.tax_mode,
                "tax": line.tax,
            }
            for line in sale.lines
        )
        payment_rows.extend(
            {"sale_id": sale_id, "method": p.method, "amount": p.amount, "reference": p.reference}
            for p in sale.payments
        )
    conn.execute(insert(sale_lines), line_rows)
    if payment_rows:
        conn.execute(insert(payments), payment_rows)
