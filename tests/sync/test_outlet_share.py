"""Shared outlet data between two real tills of one outlet through the real server (in-process uvicorn on
loopback, SQLite and PostgreSQL): the conflict rules of docs/sync-protocol.md, one at a time.

Both tills are set up as real outlets with the same catalog (as if one CSV had been imported on each):
products with one code are one product (its uid is a uuid5 of the code), and each till's opening stock
is a movement of its own, so the outlet's stock is the sum of both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.real_till import ADMIN_PIN, RealTill
from helpers.sales import KOPI, MADU
from sqlalchemy import Engine, func, select, text

from pos.core.errors import DomainError
from pos.db.engine import Database
from pos.db.models import PriceChange, Product, StockMovement, User
from pos.province.outlet_data import stock_by_code
from pos.province.outlets import Till, add_outlet, add_till, authenticate
from pos.province.server import BackgroundServer
from pos.services import products, setup, users
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


def test_the_first_run_wizard_joins_the_outlet_like_init(
    province_engine: Engine, live_server: BackgroundServer, new_till: Callable[..., RealTill], tmp_path: Path
) -> None:
    """The wizard's "Selesai" (pos.app.initialize_data_dir) with a server: the outlet's data, or nothing."""
    from pos.app import initialize_data_dir

    one, _two = tills(province_engine, live_server, new_till)
    sync(one, live_server)
    with province_engine.begin() as conn:
        token_03 = add_till(conn, "5371")[1]

    def answers(pin: str) -> setup.OutletSetup:
        server = setup.ProvinceServer(live_server.url, token_03, "5371-03")
        return setup.OutletSetup(
            outlet_code="5371",
            name="NTT Mart Kota Kupang",
            kabupaten_code="5371",
            address="Jl. El Tari 1",
            admin_username="admin",
            admin_pin=pin,
            terminal="03",
            server=server,
        )

    with pytest.raises(DomainError, match="PIN lain"):
        initialize_data_dir(tmp_path / "wrong", answers("8642"))
    assert not (tmp_path / "wrong" / "till.sqlite3").exists()
    initialize_data_dir(tmp_path / "till03", answers(ADMIN_PIN))
    db = Database.open(tmp_path / "till03", create=False)
    try:
        with db.unit_of_work() as uow:
            joined = {
                code: int(qty)
                for code, qty in uow.session.execute(
                    select(Product.code, func.sum(StockMovement.qty))
                    .join(StockMovement, StockMovement.product_id == Product.id)
                    .group_by(Product.code)
                ).all()
            }
            managers = uow.session.scalar(
                select(func.count()).select_from(User).where(User.username == "manajer")
            )
    finally:
        db.close()
    assert joined == stock(one[0]) and managers == 1


def test_a_till_set_up_alone_meets_its_outlet_the_outlet_wins_and_its_own_products_are_shared(
    province_engine: Engine, live_server: BackgroundServer, new_till: Callable[..., RealTill]
) -> None:
    one, two = tills(province_engine, live_server, new_till)
    sync(one, live_server)
    # till 02 worked alone before it was connected: another admin PIN, a price, a product of its own
    with two[0].db.unit_of_work() as uow:
        users.change_pin(uow, two[0].admin, "8642", old_pin=ADMIN_PIN)
    set_price(two[0], KOPI, 99_000)
    with two[0].db.unit_of_work() as uow:
        products.create_product(
            uow, two[0].manager, products.ProductInput(name="Anyaman Lontar", price=45_000)
        )

    def admin_hash(till: RealTill) -> str:
        with till.db.unit_of_work() as uow:
            return str(uow.session.scalar(select(User.pin_hash).where(User.username == "admin")))

    outlet_admin = admin_hash(one[0])
    for pair in (two, one):
        sync(pair, live_server)
    assert admin_hash(two[0]) == admin_hash(one[0]) == outlet_admin  # the outlet's admin and PIN
    with two[0].db.unit_of_work() as uow:
        assert users.authenticate(uow, "admin", ADMIN_PIN).username == "admin"
    assert price(one[0], KOPI) == price(two[0], KOPI) == 75_000
    with one[0].db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).where(Product.name == "Anyaman Lontar")) == 1


def test_a_till_restored_from_a_backup_gets_its_own_later_changes_back(
    province_engine: Engine, live_server: BackgroundServer, new_till: Callable[..., RealTill]
) -> None:
    """A sync leaves out the records whose newest version the till itself sent, except after a restore."""
    from pos.db.restore import restore
    from pos.services import backups

    one, _two = tills(province_engine, live_server, new_till)
    till = one[0]
    sync(one, live_server)
    with till.db.unit_of_work() as uow:
        saved = backups.take_backup(uow, "manual")
    set_price(till, KOPI, 88_000)  # made and delivered after the backup
    till.sell(till.cart((KOPI, 1)))
    sync(one, live_server)
    stock_before = stock(till)
    data_dir = till.db.path.parent
    till.db.close()
    restore(data_dir, saved)
    till.db = Database.open(data_dir, create=False)
    assert price(till, KOPI) == 75_000
    sync(one, live_server)
    assert price(till, KOPI) == 88_000 and stock(till) == stock_before
