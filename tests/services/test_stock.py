"""Stock ledger: receiving with a receipt, returns, adjustments, stocktake, low and negative stock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from backoffice_helpers import audits, count, events, sell

from pos.core.document import render_text
from pos.db.engine import Database
from pos.db.models import StockDocument, StockMovement, Stocktake
from pos.services import stock, stocktake
from pos.services.context import Actor, PermissionDenied
from pos.services.stock import StockError, StockLine
from pos.services.stocktake import StocktakeError

T = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 WITA
KOPI, KOPI2 = 1, 2  # products of SUP-001 (consignment, 15%)


def test_receive_writes_document_movements_event_and_receipt(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        before = stock.on_hand_many(uow, [KOPI, KOPI2])
        doc = stock.receive(
            uow,
            demo_manager,
            1,
            [StockLine(KOPI, 12), StockLine(KOPI2, 5, unit_cost=20_000)],
            note="Kiriman Desember",
            now=T,
        )
        after = stock.on_hand_many(uow, [KOPI, KOPI2])
        paper = " ".join(render_text(stock.document_for_producer(uow, doc, 32), 32).split())
    assert doc.number == "TRM-5371-01-20261201-0001" and doc.consignment and doc.total_qty == 17
    assert after == {KOPI: before[KOPI] + 12, KOPI2: before[KOPI2] + 5}
    assert "TANDA TERIMA BARANG" in paper and "Kopi Colol Manggarai Timur" in paper
    assert "5 bks x Rp20.000 Rp100.000" in paper and "Kiriman Desember" in paper
    [event] = events(demo_db, "stock_movement")
    assert event["payload"]["kind"] == "receive" and [ln["qty"] for ln in event["payload"]["lines"]] == [
        12,
        5,
    ]
    assert audits(demo_db, "stock.receive")[0][1]["lines"] == {"KOP-0001": 12, "KOP-0002": 5}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([StockLine(KOPI, -3)], "harus lebih dari 0"),
        ([StockLine(KOPI, 0)], "harus lebih dari 0"),
        ([StockLine(40, 1)], "bukan barang dari"),
        ([StockLine(9999, 1)], "tidak dikenal"),
        ([StockLine(KOPI, 1), StockLine(KOPI, 2)], "dua kali"),
        ([StockLine(KOPI, 1, unit_cost=-1)], "negatif"),
        ([], "paling sedikit satu"),
    ],
)
def test_bad_receipts_write_nothing(
    demo_db: Database, demo_manager: Actor, lines: list[StockLine], message: str
) -> None:
    movements = count(demo_db, StockMovement)
    with demo_db.unit_of_work() as uow, pytest.raises(StockError, match=message):
        stock.receive(uow, demo_manager, 1, lines)
    assert count(demo_db, StockMovement) == movements and count(demo_db, StockDocument) == 0


def test_unknown_producer_and_cashier_are_refused(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    with demo_db.unit_of_work() as uow:
        with pytest.raises(StockError, match="Produsen #999"):
            stock.receive(uow, demo_manager, 999, [StockLine(KOPI, 1)])
        with pytest.raises(PermissionDenied):
            stock.receive(uow, demo_cashier, 1, [StockLine(KOPI, 1)])
        with pytest.raises(PermissionDenied):
            stock.adjust(uow, demo_cashier, KOPI, -1, "rusak")


def test_return_unsold_consigned_goods(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        have = stock.on_hand(uow, KOPI)
        with pytest.raises(StockError, match="melebihi stok"):
            stock.return_to_producer(uow, demo_manager, 1, [StockLine(KOPI, have + 1)])
        doc = stock.return_to_producer(uow, demo_manager, 1, [StockLine(KOPI, 3)], note="kemasan lama", now=T)
        assert stock.on_hand(uow, KOPI) == have - 3
        bought = next(p for p in stock.stock_levels(uow, supplier_id=7))  # SUP-007 sells outright
        with pytest.raises(StockError, match="dibeli putus"):
            stock.return_to_producer(uow, demo_manager, 7, [StockLine(bought.product_id, 1)])
        movement = stock.movements(uow, KOPI)[0]
    assert doc.number.startswith("RTR-5371-01-20261201") and doc.kind == "return"
    assert (movement.kind, movement.qty, movement.reason) == ("return", -3, doc.number)


def test_adjustment_needs_a_reason_and_is_signed(demo_db: Database, demo_manager: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        have = stock.on_hand(uow, KOPI)
        with pytest.raises(StockError, match="Alasan"):
            stock.adjust(uow, demo_manager, KOPI, -2, "  ")
        with pytest.raises(StockError, match="bukan 0"):
            stock.adjust(uow, demo_manager, KOPI, 0, "rusak")
        stock.adjust(uow, demo_manager, KOPI, -2, "rusak", note="kemasan sobek")
        assert stock.on_hand(uow, KOPI) == have - 2
    [(_, detail)] = audits(demo_db, "stock.adjust")
    assert detail == {"code": "KOP-0001", "qty": -2, "reason": "rusak: kemasan sobek"}


def test_low_stock_and_sold_below_zero_are_flagged(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    with demo_db.unit_of_work() as uow:
        have = stock.on_hand(uow, KOPI)
        assert all(s.product_id != KOPI for s in stock.below_zero(uow))
    sell(demo_db, demo_cashier, [(KOPI, have + 2)], now=T)  # offline till sells what the ledger lacks
    with demo_db.unit_of_work() as uow:
        negative = stock.below_zero(uow)
        low = stock.low_stock(uow)
    assert [(s.product_id, s.on_hand, s.below_zero) for s in negative] == [(KOPI, -2, True)]
    assert low[0].product_id == KOPI and low[0].min_stock == 5


def test_stocktake_by_scanning_and_typing_posts_differences(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    with demo_db.unit_of_work() as uow:
        take = stocktake.start(uow, demo_manager, "Opname akhir tahun", now=T)
        with pytest.raises(StocktakeError, match="belum selesai"):
            stocktake.start(uow, demo_manager)
        kopi_expected = stock.on_hand(uow, KOPI)
        for _ in range(3):
            stocktake.count_scanned(uow, demo_manager, take.stocktake_id, "8993473000016")
        stocktake.count(uow, demo_manager, take.stocktake_id, KOPI2, 7)
        with pytest.raises(StocktakeError, match="tidak dikenal"):
            stocktake.count_scanned(uow, demo_manager, take.stocktake_id, "2999999999999")
        with pytest.raises(StocktakeError, match="tidak negatif"):
            stocktake.count(uow, demo_manager, take.stocktake_id, KOPI2, -1)
    sell(demo_db, demo_cashier, [(KOPI, 1)], now=T)  # sold while counting: not a difference
    with demo_db.unit_of_work() as uow:
        kopi2_expected = stock.on_hand(uow, KOPI2)
        found = {line.product_id: line for line in stocktake.lines(uow, take.stocktake_id)}
        assert (found[KOPI].counted, found[KOPI].expected) == (3, kopi_expected)
        posted = stocktake.post(uow, demo_manager, take.stocktake_id, now=T)
        assert stock.on_hand(uow, KOPI) == 3 - 1
        assert stock.on_hand(uow, KOPI2) == 7
        with pytest.raises(StocktakeError, match="sudah selesai"):
            stocktake.post(uow, demo_manager, take.stocktake_id)
        assert stocktake.current(uow) is None
    assert posted.adjusted == 2 and posted.net_change == (3 - kopi_expected) + (7 - kopi2_expected)
    event = events(demo_db, "stock_movement")[-1]["payload"]
    assert event["kind"] == "stocktake" and {ln["qty"] for ln in event["lines"]} == {
        3 - kopi_expected,
        7 - kopi2_expected,
    }


def test_empty_or_cancelled_stocktake_posts_nothing(demo_db: Database, demo_manager: Actor) -> None:
    movements = count(demo_db, StockMovement)
    with demo_db.unit_of_work() as uow:
        take = stocktake.start(uow, demo_manager)
        with pytest.raises(StocktakeError, match="Belum ada"):
            stocktake.post(uow, demo_manager, take.stocktake_id)
        stocktake.cancel(uow, demo_manager, take.stocktake_id)
        assert stocktake.current(uow) is None
    assert count(demo_db, StockMovement) == movements and count(demo_db, Stocktake) == 1
