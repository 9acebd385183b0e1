"""Valid sale events with one field replaced by arbitrary JSON: always 200, each event accepted or
rejected on its own, never a 5xx, and the good event in the same batch is always stored."""

from __future__ import annotations

import copy
from typing import Any

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from province_builders import make_sale, sale_event

from pos.province.server import BackgroundServer

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
    ("created_at",),
    ("payload",),
    ("payload", "uuid"),
    ("payload", "business_date"),
    ("payload", "created_at"),
    ("payload", "buyer_nip"),
    ("payload", "total"),
    ("payload", "cashier"),
    ("payload", "lines"),
    ("payload", "lines", 0),
    ("payload", "lines", 0, "qty"),
    ("payload", "lines", 0, "name"),
    ("payload", "payments"),
    ("payload", "payments", 0, "method"),
    ("payload", "payments", 0, "amount"),
]


def test_mutated_events_never_break_the_batch(live_server: BackgroundServer, outlet_token: str) -> None:
    headers = {"Authorization": f"Bearer {outlet_token}"}

    @given(path=st.sampled_from(PATHS), value=json_values)
    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(path: tuple[Any, ...], value: Any) -> None:
        event = copy.deepcopy(sale_event(make_sale()))
        target: Any = event
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        good = sale_event(make_sale(77_000))
        answer = requests.post(
            f"{live_server.url}/api/v1/events",
            headers=headers,
            timeout=10,
            json={"protocol": 1, "outlet": "5371-01", "events": [event, good]},
        )
        if answer.status_code == 403:  # the mutated event named another outlet: whole batch refused
            assert path == ("outlet",)
            return
        assert answer.status_code == 200, answer.text
        results = answer.json()["results"]
        assert results[1]["status"] == "accepted"
        assert results[0]["status"] in ("accepted", "rejected", "duplicate")

    check()
