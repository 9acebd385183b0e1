"""Sales in bulk for the few places that need thousands of them (the 2,000-sale fault test, the
benchmarks), where selling each one through the checkout would measure the checkout instead.

They are built with the protocol's own dataclasses (`pos.sync.protocol.events`, the code the till's
checkout uses) and queued with `pos.services.outbox.enqueue`, as checkout queues its sale; every one is
checked by `parse_sale`, the server's parser, before it is used. Anything about the sale's content
(discounts, PPN modes, refunds) is tested with events of the real till instead (tests/helpers/real_till.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from helpers.sales import NIP_A
from pos.db.engine import Database
from pos.services import outbox, till_identity
from pos.sync.protocol import encode, envelope_for
from pos.sync.protocol.events import Payment, Sale, SaleLine, parse_sale

WITA = ZoneInfo("Asia/Makassar")


def wire_sale(
    number: int,
    line_totals: Sequence[int],
    *,
    outlet: str = "5371",
    terminal: str = "01",
    nip: str | None = None,
    created_at: datetime | None = None,
) -> Sale:
    """A cash sale of one unit per line (line k priced line_totals[k]), checked by the server's parser."""
    created_at = created_at or datetime.now(UTC)
    day = created_at.astimezone(WITA).date()
    lines = tuple(
        SaleLine(
            product_code=f"899100{k:07d}",
            name=f"Produk UMKM {k}",
            supplier_code=f"SUP-{k % 35:03d}",
            qty=1,
            unit_price=price,
            discount=0,
            tax_mode="none",
            tax=0,
            line_total=price,
        )
        for k, price in enumerate(line_totals)
    )
    total = sum(line_totals)
    sale = Sale(
        uuid=str(uuid.uuid4()),
        receipt_no=f"{outlet}-{terminal}-{day:%Y%m%d}-{number:05d}",
        business_date=day,
        created_at=created_at,
        cashier="kasir1",
        buyer_nip=nip,
        subtotal=total,
        discount=0,
        tax=0,
        tax_added=0,
        total=total,
        change=0,
        lines=lines,
        payments=(Payment("cash", total, None),) if total else (),
    )
    assert parse_sale(sale.to_json()) == sale, "the server's parser must accept what the builder makes"
    return sale


def wire_sale_envelope(sale: Sale, *, outlet: str = "5371", terminal: str = "01") -> str:
    """The sale as the till's outbox stores and sends it (pos.services.outbox.enqueue)."""
    return encode(
        envelope_for(sale, uuid=sale.uuid, outlet=outlet, terminal=terminal, created_at=sale.created_at)
    )


def queue_sales(db: Database, totals: Sequence[int], *, nip_every: int = 0) -> int:
    """Queue one two-line sale per total in the till's outbox, under the till's own outlet and terminal;
    every `nip_every`-th sale has an ASN buyer. Returns the gross."""
    now = datetime.now(UTC)
    with db.unit_of_work() as uow:
        code, terminal = till_identity.current(uow)
        for number, total in enumerate(totals, start=1):
            nip = NIP_A if nip_every and number % nip_every == 0 else None
            sale = wire_sale(
                number,
                (total // 2, total - total // 2),
                outlet=code,
                terminal=terminal,
                nip=nip,
                created_at=now,
            )
            outbox.enqueue(uow, sale, now, code, terminal)
        uow.commit()
    return sum(totals)
