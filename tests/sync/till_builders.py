"""Sales for sync tests. Tests about what a sale contains use the real checkout (tests/helpers/real_till.py);
a backlog of thousands of sales is queued by `queue_sales` (tests/helpers/wire_sales.py): payloads built
with the protocol's dataclasses, each checked by the server's `parse_sale`, queued by `outbox.enqueue`."""

from __future__ import annotations

from helpers.real_till import CATALOG, RealTill
from helpers.wire_sales import NIP_A, queue_sales

__all__ = ["KOPI", "MADU", "NIP_A", "SEI", "TENUN", "queue_sales", "sell_many"]

KOPI, MADU, TENUN, MINYAK, SEI = (code for code, *_ in CATALOG)


def sell_many(till: RealTill, count: int, *, nip_every: int = 0) -> int:
    """`count` sales through the real checkout (1-3 units of one or two products, every `nip_every`-th to
    an ASN buyer); returns their gross."""
    gross = 0
    for number in range(1, count + 1):
        items = [(KOPI, number % 3 + 1)] + ([(MADU, 1)] if number % 2 else [])
        nip = NIP_A if nip_every and number % nip_every == 0 else None
        gross += till.sell(till.cart(*items), buyer_nip=nip).total
    return gross
