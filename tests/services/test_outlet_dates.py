"""The outlet's dates, not the machine's (issue 11): a till's clock runs in UTC, the shop lives in WITA
(UTC+8). At 23:30 UTC it is 07:30 the next morning in Kupang; at 16:30 UTC, half past midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime

from backoffice_helpers import sell
from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import StockMovement
from pos.services import consignment, stocktake
from pos.services.context import Actor

NEW_YEAR_MORNING = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 1 January 2027, 07:30 WITA
PAST_MIDNIGHT = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)  # 4 December 2026, 00:30 WITA
KOPI = 1  # a product of SUP-001, a consignment producer


def test_the_default_settlement_period_is_the_outlets_month_to_date(demo_db: Database) -> None:
    with demo_db.unit_of_work() as uow:
        assert consignment.default_period(uow, NEW_YEAR_MORNING) == (date(2027, 1, 1), date(2027, 1, 1))
        assert consignment.default_period(uow, PAST_MIDNIGHT) == (date(2026, 12, 1), date(2026, 12, 4))
        noon = datetime(2026, 12, 3, 4, 0, tzinfo=UTC)  # the same day in both zones
        assert consignment.default_period(uow, noon) == (date(2026, 12, 1), date(2026, 12, 3))


def test_todays_sale_falls_inside_the_default_period(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    for now in (NEW_YEAR_MORNING, PAST_MIDNIGHT):
        sell(demo_db, demo_cashier, [(KOPI, 2)], now=now)
        with demo_db.unit_of_work() as uow:
            start, end = consignment.default_period(uow, now)
            settled = consignment.settle(uow, demo_manager, 1, start, end)
        assert settled.qty >= 2, now


def test_a_posted_stocktake_names_the_outlets_day(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        take = stocktake.start(uow, demo_manager, now=NEW_YEAR_MORNING)
    with demo_db.unit_of_work() as uow:
        stocktake.count(uow, demo_manager, take.stocktake_id, KOPI, 0)
    with demo_db.unit_of_work() as uow:
        stocktake.post(uow, demo_manager, take.stocktake_id, now=NEW_YEAR_MORNING)
    with demo_db.unit_of_work() as uow:
        query = select(StockMovement.reason).where(StockMovement.kind == "stocktake")
        reasons = set(uow.session.scalars(query))
    assert reasons == {"Stok opname 2027-01-01"}
