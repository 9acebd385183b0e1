"""Real sale events (the checkout of a real till: discounts, PPN modes, an ASN buyer, split payment) with
one field replaced by arbitrary JSON: always 200, each event accepted or rejected on its own, never a
5xx, and the untouched sale in the same batch is always stored."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import post_events
from helpers.real_till import RealTill, line_discount
from helpers.sales import KOPI, MINYAK, NIP_A, SEI, TENUN, changed, event_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from pos.core.cart import Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.sync.protocol import parse_envelope, parse_payload

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
PATHS = [
    ("uuid",),
    ("kind",),
    ("outlet",),
    ("terminal",),
    ("created_at",),
    ("payload",),
    ("payload", "uuid"),
    ("payload", "receipt_no"),
    ("payload", "business_date"),
    ("payload", "created_at"),
    ("payload", "buyer_nip"),
    ("payload", "subtotal"),
    ("payload", "discount"),
    ("payload", "tax"),
    ("payload", "tax_added"),
    ("payload", "total"),
    ("payload", "change"),
    ("payload", "cashier"),
    ("payload", "lines"),
    ("payload", "lines", 0),
    ("payload", "lines", 0, "qty"),
    ("payload", "lines", 0, "name"),
    ("payload", "lines", 0, "discount"),
    ("payload", "lines", 0, "tax_mode"),
    ("payload", "lines", 1, "tax"),
    ("payload", "lines", 2, "line_total"),
    ("payload", "payments"),
    ("payload", "payments", 0, "method"),
    ("payload", "payments", 0, "amount"),
    ("payload", "payments", 1, "reference"),
    ("payload", "unknown"),
]


def _real_sale(till: RealTill) -> dict[str, Any]:
    """A sale with a line and a sale discount, PPN included and added (the outlet is PKP: see
    tests/helpers/till_template.py), an ASN buyer, QRIS and cash."""
    cart = till.cart((KOPI, 2), (TENUN, 1), (MINYAK, 3), (SEI, 1))
    cart.set_line_discount(0, line_discount("10"))
    cart.set_sale_discount(Discount.of_rupiah(5_000, "promo"))
    total = price_cart(cart).total
    payments = [
        Payment(PaymentMethod.QRIS, 100_000, "QR-7"),
        Payment(PaymentMethod.CASH, total - 100_000 + 2_000),
    ]
    return event_of(till, till.sell(cart, payments, buyer_nip=NIP_A).uuid)


@pytest.mark.slow
def test_mutated_events_never_break_the_batch(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    original = _real_sale(real_till)
    payload = original["payload"]
    assert payload["discount"] and payload["tax"] and payload["tax_added"] and len(payload["payments"]) == 2
    assert {line["tax_mode"] for line in payload["lines"]} == {"ppn_included", "ppn_added"}
    parse_payload(parse_envelope(original))  # untouched, the server's parser takes it
    accepted_good = 0

    @given(path=st.sampled_from(PATHS), value=json_values)
    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(path: tuple[Any, ...], value: Any) -> None:
        nonlocal accepted_good
        event = changed(_real_sale(real_till), path, value)
        good = event_of(real_till, real_till.sell(real_till.cart((KOPI, 1))).uuid)
        answer = post_events(live_server, till_token, [event, good])
        if answer.status_code == 403:  # the mutated event named another till: the whole batch is refused
            assert path in (("outlet",), ("terminal",)), answer.text
            assert value != original[path[0]]
            return
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        assert results[1] == {"uuid": good["uuid"], "status": "accepted", "reason": None}
        accepted_good += 1
        assert results[0]["status"] in ("accepted", "rejected")
        if results[0]["status"] == "rejected":
            assert results[0]["reason"]
        else:  # what the province accepts it reads whole: nothing stored that it did not check
            assert parse_payload(parse_envelope(event)).to_json() == event["payload"]

    check()
    with province_engine.connect() as conn:
        good_sales = conn.execute(
            select(func.count()).select_from(sales).where(sales.c.total == 75_000)
        ).scalar_one()
    assert good_sales == accepted_good > 0
