"""The province's HTTP API as the tests call it: register an outlet, post events and read the answers,
count what the province kept. The events are made by a real till (tests/helpers/sales.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import requests
from sqlalchemy import Engine, func, select

from pos.province.outlets import add_outlet
from pos.province.server import BackgroundServer
from pos.sync.protocol import PROTOCOL_VERSION


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


def minutes_from_now(minutes: float) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)
