"""Shared outlet data between two real tills of one outlet through the real server (in-process uvicorn on
loopback, SQLite and PostgreSQL): the conflict rules of docs/sync-protocol.md, one at a time.

Both tills are set up as real outlets with the same catalog (as if one CSV had been imported on each):
products with one code are one product (its uid is a uuid5 of the code), and each till's opening stock
is a movement of its own, so the outlet's stock is the sum of both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU
from sqlalchemy import Engine, func, select, text

from pos.db.models import PriceChange, Product, StockMovement
from pos.province.outlet_data import stock_by_code
from pos.province.outlets import Till, add_outlet, add_till, authenticate
from pos.province.server import BackgroundServer
from pos.services import products
from pos.sync import outlet_pull
from pos.sync.client import ProvinceClient
from pos.sync.runner import Connection, save_connection, sync_once


def tills(engine: Engine, server: BackgroundServer, new_till: Callable[..., RealTill]) -> list[Any]:
    with engine.begin() as conn:
        tokens = [add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang"), add_till(conn, "5371")[1]]
    made = []
    for terminal, token in zip(("01", "02"), tokens, strict=True):
        till = new_till("5371", terminal)
        save_connection(till.db, Connection(server=server.url, token=token, till=f"5371-{terminal}"))
        made.append((till, token))
    return made


def sync(pair: tuple[RealTill, str], server: BackgroundServer) -> None:
    till, token = pair
    with ProvinceClient(server.url, token) as client:
        summary = sync_once(till.db, client)
    assert (summary.rejected, summary.pending) == (0, 0)


def price(till: RealTill, code: str) -> int:
    with till.db.unit_of_work() as uow:
        return int(uow.session.scalar(select(Product.price).where(Product.barcode == code)) or -1)


def set_price(till: RealTill, code: str, value: int) -> None:
    with till.db.unit_of_work() as uow:
        pid = uow.session.scalar(select(Product.id).where(Product.barcode == code))
        assert pid is not None
        products.set_price(uow, till.manager, pid, value)


def stock(till: RealTill) -> dict[str, int]:
    with till.db.unit_of_work() as uow:
        rows = uow.session.execute(
            select(Product.code, func.sum(StockMovement.qty))
            .join(StockMovement, StockMovement.product_id == Product.id)
            .group_by(Product.code)
        ).all()
    return {code: int(qty) for code, qty in rows}


def count(till: RealTill, sql: str) -> int:
    with till.db.unit_of_work() as uow:
        return int(uow.session.execute(text(sql)).scalar() or 0)


def test_two_offline_edits_of_one_product_end_identical_and_stock_is_one_ledger(
    province_engine: Engine, live_server: BackgroundServer, new_till: Callable[..., RealTill]
) -> None:
    one, two = tills(province_engine, live_server, new_till)
    own_movements = count(one[0], "SELECT COUNT(*) FROM stock_movements")
    for pair in (one, two, one):
        sync(pair, live_server)
    assert stock(one[0]) == stock(two[0])
    assert count(one[0], "SELECT COUNT(*) FROM stock_movements") == 2 * own_movements  # both openings, once

    set_price(one[0], KOPI, 80_000)  # both offline
    set_price(two[0], KOPI, 82_000)
    one[0].sell(one[0].cart((KOPI, 2), (MADU, 1)))
    two[0].sell(two[0].cart((KOPI, 1)))
    for pair in (one, two, one, two):  # till 02's change reaches the province last: it is the record
        sync(pair, live_server)
    assert price(one[0], KOPI) == price(two[0], KOPI) == 82_000
    assert stock(one[0]) == stock(two[0])
    with province_engine.connect() as conn:
        till = authenticate(conn, one[1])
        assert isinstance(till, Till)
        assert stock_by_code(conn, till.outlet.id) == stock(one[0])
    # a till pulling its own movements back counts them once
    assert count(one[0], "SELECT COUNT(*) FROM stock_movements") == count(
        two[0], "SELECT COUNT(*) FROM stock_movements"
    )
    assert count(one[0], "SELECT COUNT(DISTINCT uuid) FROM stock_movements") == count(
        one[0], "SELECT COUNT(*) FROM stock_movements"
    )
    # the price history keeps both changes, with where each was made
    with two[0].db.unit_of_work() as uow:
        history = sorted((row.new_price, row.till) for row in uow.session.scalars(select(PriceChange)))
    assert history == [(80_000, "5371-01"), (82_000, None)]


def test_a_change_not_yet_delivered_is_kept_over_an_older_pulled_one(
    province_engine: Engine, live_server: BackgroundServer, new_till: Callable[..., RealTill]
) -> None:
    one, two = tills(province_engine, live_server, new_till)
    for pair in (one, two, one):
        sync(pair, live_server)
    set_price(one[0], KOPI, 79_000)
    sync(one, live_server)
    set_price(two[0], KOPI, 81_000)  # made after till 01's, not yet sent
    with ProvinceClient(live_server.url, two[1]) as client:
        assert outlet_pull.pull_outlet(two[0].db, client) > 0  # a pull without the push
    assert price(two[0], KOPI) == 81_000  # the older province version did not replace it
    sync(two, live_server)
    sync(one, live_server)
    assert price(one[0], KOPI) == price(two[0], KOPI) == 81_000
