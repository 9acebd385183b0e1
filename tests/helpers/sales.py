"""Test sales, shared by the province and sync tests (and anything else that sells on a real till).

Sales are made by the real checkout on a real till (`helpers.real_till`); the event a test sends is the
envelope that till queued, exactly as it sends it (`event_of`), changed only where a test says so
(`changed`, `with_new_uuid`). Thousands of sales for a backlog come from `helpers.wire_sales` instead.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from helpers.real_till import CATALOG, RealTill

KOPI, MADU, TENUN, MINYAK, SEI = (code for code, *_ in CATALOG)

# ASN buyers: two PNS and one PPPK (its 13th-14th digits are no month)
NIP_A = "198609262015051001"
NIP_B = "198906192023211019"
NIP_C = "197103201998032006"


def sell_many(till: RealTill, count: int, *, nip_every: int = 0) -> int:
    """`count` sales through the real checkout (1-3 units of one or two products, every `nip_every`-th to
    an ASN buyer); returns their gross."""
    gross = 0
    for number in range(1, count + 1):
        items = [(KOPI, number % 3 + 1)] + ([(MADU, 1)] if number % 2 else [])
        nip = NIP_A if nip_every and number % nip_every == 0 else None
        gross += till.sell(till.cart(*items), buyer_nip=nip).total
    return gross


def event_of(till: RealTill, event_uuid: str) -> dict[str, Any]:
    """The envelope the till queued for its sale or refund with this uuid, exactly as it sends it."""
    (event,) = [e for e in till.events() if e["uuid"] == event_uuid]
    return event


def changed(event: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of a real event with the one field at `path` replaced."""
    event = copy.deepcopy(event)
    target: Any = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return event


def with_new_uuid(event: dict[str, Any]) -> dict[str, Any]:
    """A copy of a real event under a fresh uuid (the envelope's and its payload's): another event."""
    fresh = str(uuid.uuid4())
    return changed(changed(event, ("uuid",), fresh), ("payload", "uuid"), fresh)
