"""Province tests send events made by a real till (tests/helpers/real_till.py, the checkout and refund
services) to the real HTTP API. These helpers post them, break one field of a real event (the wire
format's own `to_json` made it; tests change exactly what they say), and count what the province kept."""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from helpers.real_till import CATALOG, RealTill
from sqlalchemy import Engine, func, select

from pos.province.outlets import add_outlet
from pos.province.server import BackgroundServer
from pos.sync.protocol import PROTOCOL_VERSION

NIP_A = "198609262015051001"
NIP_B = "198906192023211019"  # PPPK shape
NIP_C = "197103201998032006"
KOPI, MADU, TENUN, MINYAK, SEI = (code for code, *_ in CATALOG)


def register_outlet(
    engine: Engine, code: str = "5371", name: str = "NTT Mart by Dekranasda Kota Kupang"
) -> str:
    """The outlet and its till 01; returns that till's token."""
    with engine.begin() as conn:
        return add_outlet(conn, code, name, "Kota Kupang")


def post_events(
    server: BackgroundServer,
    token: str | None,
    events: list[Any],
    *,
    outlet: str = "5371",
    terminal: str = "01",
    protocol: int = PROTOCOL_VERSION,
) -> requests.Response:
    body = {
        "protocol": protocol,
        "outlet": outlet,
        "terminal": terminal,
        "app_version": "test",
        "events": events,
    }
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return requests.post(f"{server.url}/api/v1/events", json=body, headers=headers, timeout=30)


def statuses(answer: requests.Response) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [result["status"] for result in answer.json()["results"]]


def reasons(answer: requests.Response) -> list[str | None]:
    assert answer.status_code == 200, answer.text
    return [result["reason"] for result in answer.json()["results"]]


def post_json(server: BackgroundServer, token: str, path: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(
        f"{server.url}/api/v1{path}", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def get_json(
    server: BackgroundServer, token: str, path: str, params: dict[str, Any] | None = None
) -> requests.Response:
    return requests.get(
        f"{server.url}/api/v1{path}", params=params, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def hello(server: BackgroundServer, token: str, *, pending: int = 0, rejected: int = 0) -> requests.Response:
    body = {"protocol": PROTOCOL_VERSION, "app_version": "0.0-test", "pending": pending, "rejected": rejected}
    return post_json(server, token, "/hello", body)


def count(engine: Engine, table: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def changed(event: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of a real event with the one field at `path` replaced."""
    event = copy.deepcopy(event)
    target: Any = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return event


def minutes_from_now(minutes: float) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


def event_of(till: RealTill, event_uuid: str) -> dict[str, Any]:
    """The envelope the till queued for its sale or refund with this uuid, exactly as it sends it."""
    (event,) = [e for e in till.events() if e["uuid"] == event_uuid]
    return event


def with_new_uuid(event: dict[str, Any]) -> dict[str, Any]:
    """A copy of a real event under a fresh uuid (the envelope's and its payload's): another event."""
    fresh = str(uuid.uuid4())
    return changed(changed(event, ("uuid",), fresh), ("payload", "uuid"), fresh)
