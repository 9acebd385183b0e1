"""Consignment settlement: figures against the sale lines, refunds, rounding, purchase prices, payouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from backoffice_helpers import audits, count, events, sell
from sqlalchemy import func, select

from pos.core.cart import Discount
from pos.core.document import render_text
from pos.core.report_documents import consignment_statement_document
from pos.db.engine import Database
from pos.db.models import SaleLine, SupplierPayout
from pos.services import consignment, products, refunds
from pos.services.consignment import ConsignmentError, commission_of
from pos.services.context import Actor, PermissionDenied

DEC1 = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
DEC20 = datetime(2026, 12, 20, 3, 0, tzinfo=UTC)
JAN3 = datetime(2027, 1, 3, 3, 0, tzinfo=UTC)
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))
KOPI, KOPI2, MADU = 1, 2, 40  # SUP-001 x2 (15%), another producer's product


def _net(db: Database, supplier_id: int) -> int:
    with db.unit_of_work() as uow:
        return int(
            uow.session.scalar(select(func.sum(SaleLine.net)).where(SaleLine.supplier_id == supplier_id)) or 0
        )


def test_settlement_matches_the_sale_lines(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    sell(demo_db, demo_cashier, [(KOPI, 2), (MADU, 1)], now=DEC1)
    sell(
        demo_db,
        demo_cashier,
        [(KOPI, 1), (KOPI2, 3)],
        now=DEC20,
        sale_discount=Discount.of_percent(10, "ASN"),
    )
    sell(demo_db, demo_cashier, [(KOPI, 5)], now=JAN3)  # next period
    with demo_db.unit_of_work() as uow:
        dec = consignment.settle(uow, demo_manager, 1, *DECEMBER)
        with pytest.raises(PermissionDenied):
            consignment.settle(uow, demo_cashier, 1, *DECEMBER)
    gross = _net(demo_db, 1) - 5 * 30_000
    assert {line.code: line.qty for line in dec.lines} == {"KOP-0001": 3, "KOP-0002": 3}
    assert dec.qty == 6 and dec.gross == gross
    assert dec.commission == (gross * 1500 + 5000) // 10000
    assert dec.owed == gross - dec.commission and dec.paid == 0 and dec.balance == dec.owed


def test_refunds_lower_the_period_they_happen_in(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    sale = sell(demo_db, demo_cashier, [(KOPI, 3)], now=DEC1)
    with demo_db.unit_of_work() as uow:
        line = refunds.find_sale_for_refund(uow, sale.receipt_no).lines[0]
        refunds.refund_sale(
            uow, demo_cashier, demo_manager, sale.receipt_no, {line.sale_line_id: 1}, "rusak", None, now=JAN3
        )
        dec = consignment.settle(uow, demo_manager, 1, *DECEMBER)
        jan = consignment.settle(uow, demo_manager, 1, date(2027, 1, 1), date(2027, 1, 31))
    assert (dec.qty, dec.gross) == (3, 90_000)
    assert (jan.qty, jan.gross, jan.commission) == (-1, -30_000, -4_500)
    assert jan.owed == -25_500


def test_commission_rounds_half_up() -> None:
    assert commission_of(10_003, 1500) == 1500  # 1500.45
    assert commission_of(10_010, 1500) == 1502  # 1501.5 -> 1502
    assert commission_of(10_030, 1250) == 1254  # 1253.75
    assert commission_of(-10_010, 1500) == -1502
    assert commission_of(0, 1500) == 0


def test_purchase_price_per_product_replaces_the_commission(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    with demo_db.unit_of_work() as uow:
        kopi2 = products.get_product(uow, KOPI2)
        products.update_product(uow, demo_manager, KOPI2, replace(kopi2.as_input(), consignment_price=20_000))
    sell(demo_db, demo_cashier, [(KOPI, 2), (KOPI2, 4)], now=DEC1)
    with demo_db.unit_of_work() as uow:
        dec = consignment.settle(uow, demo_manager, 1, *DECEMBER)
        document = render_text(
            consignment_statement_document(consignment.statement(uow, dec, now=DEC20), 48), 48
        )
    by_rate = 2 * 30_000
    by_price = 4 * kopi2.price
    assert dec.gross == by_rate + by_price
    assert dec.commission == 9_000 + (by_price - 4 * 20_000)
    assert dec.owed == 60_000 - 9_000 + 80_000
    assert "Komisi " in document and "15%" not in document  # a mixed statement shows no single rate


def test_payouts_reduce_the_balance_and_are_checked(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    sell(demo_db, demo_cashier, [(KOPI, 4)], now=DEC1)  # Rp120.000, commission Rp18.000, owed Rp102.000
    with demo_db.unit_of_work() as uow:
        with pytest.raises(ConsignmentError, match="referensi transfer"):
            consignment.record_payout(uow, demo_manager, 1, *DECEMBER, 50_000, "transfer")
        with pytest.raises(ConsignmentError, match="melebihi sisa"):
            consignment.record_payout(uow, demo_manager, 1, *DECEMBER, 102_001, "cash")
        with pytest.raises(ConsignmentError, match="lebih dari Rp0"):
            consignment.record_payout(uow, demo_manager, 1, *DECEMBER, -5, "cash")
        with pytest.raises(PermissionDenied):
            consignment.record_payout(uow, demo_cashier, 1, *DECEMBER, 5, "cash")
        consignment.record_payout(uow, demo_manager, 1, *DECEMBER, 50_000, "cash", now=DEC20)
        consignment.record_payout(
            uow, demo_manager, 1, *DECEMBER, 52_000, "transfer", "BRI-778812", now=DEC20
        )
        dec = consignment.settle(uow, demo_manager, 1, *DECEMBER)
        history = consignment.payouts(uow, 1)
        statement = consignment.statement(uow, dec, now=DEC20)
    assert (dec.owed, dec.paid, dec.balance) == (102_000, 102_000, 0)
    assert [p.amount for p in history] == [52_000, 50_000] and history[0].reference == "BRI-778812"
    assert (
        statement.gross,
        statement.commission,
        statement.amount_owed,
        statement.paid,
        statement.balance,
    ) == (
        120_000,
        18_000,
        102_000,
        102_000,
        0,
    )
    text = render_text(consignment_statement_document(statement, 32), 32)
    assert "Rp120.000" in text and "-Rp18.000" in text and "Komisi 15%" in text
    assert count(demo_db, SupplierPayout) == 2
    payloads = [e["payload"] for e in events(demo_db, "payout")]
    assert [(p["amount"], p["method"], p["supplier_code"]) for p in payloads] == [
        (50_000, "cash", "SUP-001"),
        (52_000, "transfer", "SUP-001"),
    ]
    assert len(audits(demo_db, "supplier.payout")) == 2


def test_overview_lists_producers_with_sales_first(
    demo_db: Database, demo_manager: Actor, demo_cashier: Actor
) -> None:
    sell(demo_db, demo_cashier, [(KOPI, 1)], now=DEC1)
    with demo_db.unit_of_work() as uow:
        found = consignment.overview(uow, demo_manager, *DECEMBER)
        with pytest.raises(ConsignmentError, match="sebelum"):
            consignment.settle(uow, demo_manager, 1, date(2026, 12, 31), date(2026, 12, 1))
    assert found[0].supplier_code == "SUP-001" and found[0].gross == 30_000
    assert all(s.supplier_code not in {"SUP-007", "SUP-011"} for s in found)  # sold outright, no settlement
