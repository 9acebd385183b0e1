"""Exactly-once delivery through resets, stalls and answers cut off after the server committed: a real
till (its set-up events, then a backlog of 2,000 sales queued in its outbox, each checked by the server's
parser: tests/helpers/wire_sales.py) pushes through a proxy that misbehaves on purpose."""

from __future__ import annotations

import time

import pytest
from faulty_proxy import FaultyProxy
from helpers.real_till import RealTill
from helpers.wire_sales import queue_sales
from sqlalchemy import Engine, func, select

from pos.province.api import create_app
from pos.province.outlets import add_outlet
from pos.province.schema import events, sales
from pos.province.server import BackgroundServer
from pos.services import outbox
from pos.sync.client import NotDelivered, ProvinceClient
from pos.sync.runner import SyncSummary, push_pending

SALES = 2_000


@pytest.mark.slow
def test_backlog_arrives_exactly_once_through_a_faulty_network(
    real_till: RealTill, sqlite_province: Engine
) -> None:
    till = real_till.db
    with sqlite_province.begin() as conn:
        token = add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang")
    set_up = len(real_till.events())  # producers and opening stock, queued by the back office
    gross = queue_sales(till, [1_000 + (i * 7919) % 250_000 for i in range(SALES)], nip_every=9)
    summary = SyncSummary()
    failures = 0
    started = time.monotonic()
    with BackgroundServer(create_app(sqlite_province)) as server, FaultyProxy(server.port) as proxy:
        while time.monotonic() - started < 50:
            with ProvinceClient(proxy.url, token, connect_timeout=1.0, read_timeout=0.5) as client:
                try:
                    push_pending(till, client, summary, batch_size=100)
                    break
                except NotDelivered:
                    failures += 1
    print(
        f"faults {dict(proxy.counts)}, failed rounds {failures}, accepted {summary.accepted}, "
        f"duplicate {summary.duplicate}, {time.monotonic() - started:.1f} s"
    )
    with till.unit_of_work() as uow:
        assert outbox.counts(uow).pending == 0
        assert outbox.counts(uow).sent == SALES + set_up
    with sqlite_province.connect() as conn:
        count, distinct, total = conn.execute(
            select(func.count(), func.count(func.distinct(sales.c.uuid)), func.sum(sales.c.total))
        ).one()
        assert conn.execute(select(func.count()).select_from(events)).scalar_one() == SALES + set_up
    assert (count, distinct, total) == (SALES, SALES, gross)
    # every kind of fault happened, and some answers were lost after the server had committed
    assert all(proxy.counts[mode] > 0 for mode in ("reset", "stall", "cut", "pass")), proxy.counts
    assert failures > 0 and summary.duplicate > 0
    assert summary.accepted + summary.duplicate == SALES + set_up and summary.rejected == 0
