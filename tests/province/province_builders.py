"""Sale events for province tests (valid by default; tests break one field at a time)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from pos.sync.protocol import Payment, Sale, SaleLine, sale_to_json


def make_sale(
    total: int = 150_000,
    *,
    nip: str | None = None,
    business_date: date = date(2026, 11, 28),
    supplier: str | None = "SUP-001",
    sale_uuid: str | None = None,
) -> Sale:
    half = total // 2
    lines = (
        SaleLine("8991234567895", "Kopi Arabika Manggarai 250 g", supplier, 1, half, 0, half),
        SaleLine("2000000000015", "Tenun ikat Sumba", "SUP-002", 1, total - half, 0, total - half),
    )
    return Sale(
        uuid=sale_uuid or str(uuid.uuid4()),
        receipt_no=f"5371-01-{business_date:%Y%m%d}-0001",
        business_date=business_date,
        created_at=datetime(2026, 11, 28, 3, 4, 5, tzinfo=UTC),
        cashier="kasir1",
        buyer_nip=nip,
        subtotal=total,
        discount=0,
        tax=0,
        total=total,
        change=0,
        lines=lines,
        payments=(Payment("cash", total, None),),
    )


def sale_event(sale: Sale, outlet: str = "5371-01", event_uuid: str | None = None) -> dict[str, object]:
    return {
        "uuid": event_uuid or sale.uuid,
        "kind": "sale",
        "outlet": outlet,
        "created_at": sale.created_at.isoformat(),
        "payload": sale_to_json(sale),
    }
