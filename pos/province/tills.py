"""What the province knows of each till: its hello (version, pending, rejected), its instance answer,
and the per-till and rejected-event views of `report outlets --tills` and `report rejected`."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from pos.province.outlets import Till
from pos.province.schema import events, outlets, refunds, rejected_events, sales, settings, tills
from pos.sync.protocol import PROTOCOL_VERSION, HelloJson

INSTANCE_KEY = "instance_id"
RELEASE_KEY = "till_release"


def instance_id(conn: Connection) -> str:
    """Made at creation (migration 0002): a restored or recreated province database has another one,
    which tells every till to send again what it had marked delivered."""
    value = conn.execute(select(settings.c.value).where(settings.c.key == INSTANCE_KEY)).scalar()
    if value is None:  # a database created by metadata.create_all in a test, not by the migrations
        value = str(uuid.uuid4())
        conn.execute(insert(settings).values(key=INSTANCE_KEY, value=value))
    return str(value)


def latest_release(conn: Connection) -> dict[str, Any] | None:
    value = conn.execute(select(settings.c.value).where(settings.c.key == RELEASE_KEY)).scalar()
    return None if value is None else dict(json.loads(value))


def record_hello(conn: Connection, till: Till, app_version: str, pending: int, rejected: int) -> None:
    conn.execute(
        update(tills)
        .where(tills.c.id == till.id)
        .values(app_version=app_version, pending=pending, rejected=rejected, last_sync_at=datetime.now(UTC))
    )


def hello_answer(conn: Connection, till: Till) -> HelloJson:
    received = conn.execute(select(func.count(events.c.id)).where(events.c.till_id == till.id)).scalar_one()
    release = latest_release(conn)
    return {
        "protocol": PROTOCOL_VERSION,
        "outlet": till.outlet.code,
        "terminal": till.terminal,
        "outlet_name": till.outlet.name,
        "kabupaten": till.outlet.kabupaten,
        "instance_id": instance_id(conn),
        "server_time": datetime.now(UTC).isoformat(),
        "events_received": int(received),
        "latest_version": release["version"] if release else None,
    }


def tills_report(conn: Connection) -> list[dict[str, Any]]:
    """Per till: sales and gross it delivered, last sync, what it last said of itself, open rejections."""
    sale_sums = (
        select(sales.c.till_id, func.count(sales.c.id).label("sales"), func.sum(sales.c.total).label("gross"))
        .group_by(sales.c.till_id)
        .subquery()
    )
    refund_sums = (
        select(refunds.c.till_id, func.sum(refunds.c.total).label("refunds"))
        .group_by(refunds.c.till_id)
        .subquery()
    )
    open_rejections = (
        select(rejected_events.c.till_id, func.count(rejected_events.c.id).label("n"))
        .group_by(rejected_events.c.till_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            outlets.c.code,
            tills.c.terminal,
            tills.c.last_sync_at,
            tills.c.app_version,
            tills.c.pending,
            tills.c.rejected,
            tills.c.revoked_at,
            func.coalesce(sale_sums.c.sales, 0).label("sales"),
            func.coalesce(sale_sums.c.gross, 0).label("gross"),
            func.coalesce(refund_sums.c.refunds, 0).label("refunds"),
            func.coalesce(open_rejections.c.n, 0).label("rejected_at_province"),
        )
        .select_from(
            tills.join(outlets, outlets.c.id == tills.c.outlet_id)
            .outerjoin(sale_sums, sale_sums.c.till_id == tills.c.id)
            .outerjoin(refund_sums, refund_sums.c.till_id == tills.c.id)
            .outerjoin(open_rejections, open_rejections.c.till_id == tills.c.id)
        )
        .order_by(outlets.c.code, tills.c.terminal)
    ).all()
    return [
        {
            "outlet": r.code,
            "terminal": r.terminal,
            "till": f"{r.code}-{r.terminal}",
            "sales": int(r.sales),
            "gross": int(r.gross),
            "refunds": int(r.refunds),
            "last_sync": r.last_sync_at.isoformat() if r.last_sync_at else None,
            "app_version": r.app_version,
            "pending": r.pending,
            "rejected": r.rejected,
            "rejected_at_province": int(r.rejected_at_province),
            "revoked": r.revoked_at is not None,
        }
        for r in rows
    ]


def rejected_report(conn: Connection, outlet: str | None = None) -> list[dict[str, Any]]:
    query = (
        select(
            outlets.c.code,
            tills.c.terminal,
            rejected_events.c.uuid,
            rejected_events.c.kind,
            rejected_events.c.reason,
            rejected_events.c.attempts,
            rejected_events.c.first_rejected_at,
            rejected_events.c.last_rejected_at,
        )
        .select_from(rejected_events.join(tills, tills.c.id == rejected_events.c.till_id).join(outlets))
        .order_by(outlets.c.code, tills.c.terminal, rejected_events.c.id)
    )
    if outlet:
        query = query.where(outlets.c.code == outlet)
    return [
        {
            "till": f"{r.code}-{r.terminal}",
            "uuid": r.uuid,
            "kind": r.kind,
            "reason": r.reason,
            "attempts": r.attempts,
            "first_rejected_at": r.first_rejected_at.isoformat(),
            "last_rejected_at": r.last_rejected_at.isoformat(),
        }
        for r in conn.execute(query)
    ]
