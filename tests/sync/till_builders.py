"""Outbox rows written the way checkout writes them (pos.services.checkout.add_outbox_event)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from pos.db.engine import Database
from pos.services.checkout import add_outbox_event
from pos.sync.protocol import Payment, Sale, SaleLine, sale_to_json

NIP_A = "198609262015051001"


def sale_payload(total: int, nip: str | None = None, day: date = date(2026, 11, 28), number: int = 1) -> dict:
    half = total // 2
    sale = Sale(
        uuid=str(uuid.uuid4()),
        receipt_no=f"5371-01-{day:%Y%m%d}-{number:04d}",
        business_date=day,
        created_at=datetime(2026, 11, 28, 3, 4, 5, tzinfo=UTC),
        cashier="kasir1",
        buyer_nip=nip,
        subtotal=total,
        discount=0,
        tax=0,
        total=total,
        change=0,
        lines=(
            SaleLine("8991234567895", "Kopi Arabika Manggarai 250 g", "SUP-001", 1, half, 0, half),
            SaleLine("2000000000015", "Tenun ikat Sumba", "SUP-002", 1, total - half, 0, total - half),
        ),
        payments=(Payment("cash", total, None),),
    )
    return sale_to_json(sale)


def queue_sales(db: Database, totals: list[int], outlet: str = "5371-01", nip_every: int = 0) -> int:
    """Queue one sale event per total; returns the gross. Every `nip_every`-th sale has an ASN buyer."""
    now = datetime.now(UTC)
    with db.unit_of_work() as uow:
        for number, total in enumerate(totals, start=1):
            nip = NIP_A if nip_every and number % nip_every == 0 else None
            add_outbox_event(uow, "sale", outlet, sale_payload(total, nip, number=number), now)
        uow.commit()
    return sum(totals)
