"""Refunds at the province: checked against the sale they refund, one at a time per sale.

Two tills (or a retried request) may send refunds of one sale at the same moment. On PostgreSQL the
sale row is locked (`SELECT ... FOR UPDATE`) before the refunds already stored are added up, so the
second refund waits for the first to commit and then sees it; on SQLite every write transaction starts
with BEGIN IMMEDIATE (pos.province.database), which serialises them the same way.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, func, insert, select

from pos.province.outlets import Till
from pos.province.schema import refunds, sale_lines, sales
from pos.sync.protocol.events import Refund


def store_refund(
    conn: Connection, till: Till, refund: Refund, insert_event: Callable[[], dict[str, int]]
) -> str | None:
    """Store the refund and its event; returns None, or the reason it is rejected (nothing written)."""
    sale = conn.execute(
        select(sales.c.id, sales.c.outlet_id, sales.c.total)
        .where(sales.c.uuid == refund.sale_uuid)
        .with_for_update()
    ).first()
    if sale is None:
        return "penjualan yang diretur belum diterima server"
    if sale.outlet_id != till.outlet.id:
        return "penjualan yang diretur milik outlet lain"
    earlier = conn.execute(select(refunds.c.total, refunds.c.lines).where(refunds.c.sale_id == sale.id)).all()
    already = sum(int(row.total) for row in earlier)
    if already + refund.total > sale.total:
        return "total retur melebihi total penjualan"
    reason = _check_lines(conn, sale.id, refund, list(earlier))
    if reason is not None:
        return reason
    event_ids = insert_event()
    conn.execute(
        insert(refunds).values(
            uuid=refund.uuid,
            event_id=event_ids[refund.uuid],
            outlet_id=till.outlet.id,
            till_id=till.id,
            sale_id=sale.id,
            receipt_no=refund.receipt_no,
            business_date=refund.business_date,
            created_at=refund.created_at,
            reason=refund.reason,
            approved_by=refund.approved_by,
            total=refund.total,
            lines=json.dumps([line.to_json() for line in refund.lines]),
        )
    )
    return None


def _check_lines(conn: Connection, sale_id: int, refund: Refund, earlier: list[Any]) -> str | None:
    """Each refunded product was sold in this sale, in at most the quantity not yet refunded."""
    sold: Counter[str] = Counter()
    for code, qty in conn.execute(
        select(sale_lines.c.product_code, func.sum(sale_lines.c.qty))
        .where(sale_lines.c.sale_id == sale_id)
        .group_by(sale_lines.c.product_code)
    ):
        sold[code] = int(qty)
    returned: Counter[str] = Counter()
    for row in earlier:
        for line in json.loads(row.lines):
            returned[line["product_code"]] += int(line["qty"])
    wanted: Counter[str] = Counter()
    for line in refund.lines:
        wanted[line.product_code] += line.qty
    for code, qty in wanted.items():
        if code not in sold:
            return f"barang {code} tidak ada di penjualan yang diretur"
        if returned[code] + qty > sold[code]:
            return f"jumlah retur {code} melebihi yang terjual ({sold[code]}, sudah diretur {returned[code]})"
    return None
