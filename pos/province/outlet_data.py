"""The province as the hub of each outlet's shared data (catalog, producers, users, settings, stock).

A till sends every change of a shared record as a `record` event (pos.sync.protocol.outlet_records).
`store_records` keeps the newest state of each record per outlet in `outlet_records`, numbered with the
next value of the `outlet_seq` counter, reserved in the ingesting transaction under the counter's row
lock (like the ASN registry's `asn_seq`): versions are handed out in commit order, so a till that pulls
"records of my outlet since version N" never skips one. The record that arrived last is the record
(last writer by province version wins); a movement or price change is stored once per uuid.

The outlet's tills pull with `GET /api/v1/outlet/changes?since=N` (their own outlet only, by token);
`GET /api/v1/outlet/stock` is the outlet's stock per product as the province adds up the movements.

No `from __future__ import annotations`: FastAPI evaluates the routes' dependency annotations.
"""

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Response
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, func, insert, select, update

from pos.core.errors import DomainError
from pos.province.outlets import Till
from pos.province.schema import counters, outlet_records, outlets
from pos.sync.protocol import OutletChangesJson, OutletRecordJson
from pos.sync.protocol import outlet_records as rec

COUNTER = "outlet_seq"


def _reserve(conn: Connection, count: int) -> int:
    """`count` versions in commit order; returns the first. The UPDATE holds the row lock to commit."""
    if conn.execute(select(counters.c.value).where(counters.c.name == COUNTER)).first() is None:
        conn.execute(insert(counters).values(name=COUNTER, value=0))
    conn.execute(update(counters).where(counters.c.name == COUNTER).values(value=counters.c.value + count))
    last: int = conn.execute(select(counters.c.value).where(counters.c.name == COUNTER)).scalar_one()
    return last - count + 1


def store_records(conn: Connection, till: Till, records: Sequence[rec.OutletRecord], now: datetime) -> None:
    """Keep each record's newest state for the till's outlet, in the caller's transaction.

    A record sent twice in one batch keeps the last state at the version of its first place, so a
    product keeps a lower version than the movements sent after it in the same batch."""
    if not records:
        return
    latest: dict[tuple[str, str], rec.OutletRecord] = {}
    for record in records:
        latest[(record.type, record.key)] = record
    order = list(dict.fromkeys((r.type, r.key) for r in records))
    first = _reserve(conn, len(order))
    outlet_id = till.outlet.id
    existing: set[tuple[str, str]] = set()
    keys = [key for _, key in order]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        existing.update(
            conn.execute(
                select(outlet_records.c.type, outlet_records.c.key).where(
                    outlet_records.c.outlet_id == outlet_id, outlet_records.c.key.in_(chunk)
                )
            ).all()
        )
    fresh: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for offset, ident in enumerate(order):
        record = latest[ident]
        if ident in existing and record.type in rec.LEDGER_TYPES:
            continue  # written once: the same movement or price change again changes nothing
        row = {
            "version": first + offset,
            "till_id": till.id,
            "till": till.label,  # the token's till, whatever the record says
            "data": json.dumps(record.data, ensure_ascii=False, separators=(",", ":")),
            "changed_at": record.changed_at,
            "received_at": now,
            "product_key": record.data["product"] if record.type == rec.MOVEMENT else None,
            "qty": record.data["qty"] if record.type == rec.MOVEMENT else None,
        }
        if ident in existing:
            changed.append({**row, "b_type": record.type, "b_key": record.key})
        else:
            fresh.append({**row, "outlet_id": outlet_id, "type": record.type, "key": record.key})
    if fresh:
        conn.execute(insert(outlet_records), fresh)
    if changed:
        from sqlalchemy import bindparam

        conn.execute(
            update(outlet_records)
            .where(
                outlet_records.c.outlet_id == outlet_id,
                outlet_records.c.type == bindparam("b_type"),
                outlet_records.c.key == bindparam("b_key"),
            )
            .values(
                version=bindparam("version"),
                till_id=bindparam("till_id"),
                till=bindparam("till"),
                data=bindparam("data"),
                changed_at=bindparam("changed_at"),
                received_at=bindparam("received_at"),
                product_key=bindparam("product_key"),
                qty=bindparam("qty"),
            ),
            changed,
        )


def changes_since(
    conn: Connection, outlet_id: int, cursor: int, limit: int, *, skip_till_id: int | None = None
) -> OutletChangesJson:
    """Records with a version above `cursor`, oldest first. With `skip_till_id`, the records whose
    newest version that till sent are left out (it holds them, or a newer change of its own): the
    cursor still moves past them. Each key has one row, its newest version, so nothing older of
    another till can come after and undo them."""
    rows = conn.execute(
        select(
            outlet_records.c.type,
            outlet_records.c.key,
            outlet_records.c.version,
            outlet_records.c.till,
            outlet_records.c.till_id,
            outlet_records.c.data,
        )
        .where(outlet_records.c.outlet_id == outlet_id, outlet_records.c.version > cursor)
        .order_by(outlet_records.c.version)
        .limit(limit + 1)
    ).all()
    page = rows[:limit]
    records: list[OutletRecordJson] = [
        {"type": r.type, "key": r.key, "version": int(r.version), "till": r.till, "data": json.loads(r.data)}
        for r in page
        if skip_till_id is None or r.till_id != skip_till_id
    ]
    return {
        "records": records,
        "cursor": int(page[-1].version) if page else cursor,
        "more": len(rows) > limit,
    }


def stock_by_code(conn: Connection, outlet_id: int) -> dict[str, int]:
    """The outlet's stock per product code: the sum of every till's movements the province holds."""
    sums = dict(
        conn.execute(
            select(outlet_records.c.product_key, func.sum(outlet_records.c.qty))
            .where(outlet_records.c.outlet_id == outlet_id, outlet_records.c.type == rec.MOVEMENT)
            .group_by(outlet_records.c.product_key)
        ).all()
    )
    codes: dict[Any, str] = {
        key: json.loads(data)["code"]
        for key, data in conn.execute(
            select(outlet_records.c.key, outlet_records.c.data).where(
                outlet_records.c.outlet_id == outlet_id, outlet_records.c.type == rec.PRODUCT
            )
        ).all()
    }
    return {codes.get(uid, str(uid)): int(qty or 0) for uid, qty in sums.items()}


def stock_report(conn: Connection, outlet_code: str) -> list[dict[str, Any]]:
    """Per product of the outlet: code, name, producer and stock as the province adds up the movements
    (`ntt-pos-province report stock --outlet CODE`)."""
    outlet_id = conn.execute(select(outlets.c.id).where(outlets.c.code == outlet_code)).scalar()
    if outlet_id is None:
        raise DomainError(f"Outlet {outlet_code} tidak terdaftar")
    stock = stock_by_code(conn, outlet_id)
    rows = []
    for (data,) in conn.execute(
        select(outlet_records.c.data).where(
            outlet_records.c.outlet_id == outlet_id, outlet_records.c.type == rec.PRODUCT
        )
    ).all():
        product = json.loads(data)
        rows.append(
            {
                "code": product["code"],
                "name": product["name"],
                "supplier": product["supplier"],
                "active": product["active"],
                "stock": stock.get(product["code"], 0),
            }
        )
    return sorted(rows, key=lambda row: row["code"])


def print_stock(conn: Connection, outlet_code: str, as_json: bool) -> int:
    rows = stock_report(conn, outlet_code)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    width = max([len(r["code"]) for r in rows] + [4])
    print(f"{'Kode':<{width}}  {'Stok':>8}  Nama")
    for r in rows:
        print(f"{r['code']:<{width}}  {r['stock']:>8}  {r['name']}{'' if r['active'] else ' (nonaktif)'}")
    print(f"{len(rows)} produk, stok {sum(r['stock'] for r in rows):,}".replace(",", "."))
    return 0


class OutletRecordOut(BaseModel):
    type: str
    key: str
    version: int
    till: str
    data: dict[str, Any]


class OutletChangesOut(BaseModel):
    records: list[OutletRecordOut]
    cursor: int
    more: bool


class OutletErrorOut(BaseModel):
    detail: str


_UNAUTHORISED: dict[int | str, dict[str, Any]] = {
    401: {"model": OutletErrorOut, "description": "token tidak ada, tidak dikenal, diganti atau dicabut"}
}


class OutletStockOut(BaseModel):
    outlet: str
    stock: dict[str, int]


def add_routes(app: FastAPI, engine: Engine, current_till: Callable[..., Till]) -> None:
    """The outlet data routes, authenticated like every till route; a till sees its own outlet only."""
    TillDep = Annotated[Till, Depends(current_till)]

    @app.get(
        "/api/v1/outlet/changes",
        response_model=OutletChangesOut,
        tags=["data outlet"],
        responses=_UNAUTHORISED,
    )
    def outlet_changes(
        till: TillDep,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 2000,
        mine: Annotated[bool, Query(description="also the records this till sent last")] = True,
    ) -> Any:
        """Records of the token's outlet with a version above `since`, oldest first."""
        with engine.connect() as conn:
            answer = changes_since(conn, till.outlet.id, since, limit, skip_till_id=None if mine else till.id)
        # A page of a full catalog is thousands of records: sent as built, not re-validated per field.
        return Response(json.dumps(answer, ensure_ascii=False), media_type="application/json")

    @app.get(
        "/api/v1/outlet/stock", response_model=OutletStockOut, tags=["data outlet"], responses=_UNAUTHORISED
    )
    def outlet_stock(till: TillDep) -> Any:
        with engine.connect() as conn:
            return {"outlet": till.outlet.code, "stock": stock_by_code(conn, till.outlet.id)}
