"""The manager's other reports on a real till, from sales made by the real services: who approved what,
ASN buyers against the minimum, stock value / low / idle / below zero, consignment owed since the last
payout, the end-of-day summary paper, and the summaries folding without touching the sale's figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from pos.core.cart import Discount
from pos.core.document import render_text
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.core.report_period import Period, PeriodError, month_period, preset
from pos.services import checkout, consignment, refunds, voids
from pos.services.context import PermissionDenied
from pos.services.reporting import summary
from pos.services.reporting.approvals import approvals_report
from pos.services.reporting.asn_buyers import asn_report
from pos.services.reporting.consignment_owed import consignment_owed
from pos.services.reporting.day_summary import day_summary_document
from pos.services.reporting.sales import sales_report
from pos.services.reporting.stock_report import stock_report
from tests.services.conftest import CATALOG, OPENING_STOCK, Till

DAY = date(2026, 11, 20)  # the business date of till.t0
KOPI, MADU, JAGUNG, SABUN = (code for code, _, _ in CATALOG)
NIP_A, NIP_B = "198609262015051001", "199001012019032002"


def test_periods_compare_with_the_same_length_before() -> None:
    assert Period(date(2026, 3, 1), date(2026, 3, 10)).previous() == Period(
        date(2026, 2, 19), date(2026, 2, 28)
    )
    assert preset("week", date(2026, 12, 3)) == Period(date(2026, 11, 30), date(2026, 12, 3))
    assert preset("month", date(2026, 12, 3)).previous() == Period(date(2026, 11, 28), date(2026, 11, 30))
    assert month_period("2026-02") == Period(date(2026, 2, 1), date(2026, 2, 28))
    with pytest.raises(PeriodError):
        Period(date(2026, 3, 2), date(2026, 3, 1))
    assert Period(date(1, 1, 1), date(2026, 1, 1)).previous() is None


def test_approvals_name_who_approved_each_kind(till: Till) -> None:
    cart = till.cart((KOPI, 2))
    cart.set_sale_discount(Discount.of_percent(50, "rusak kemasan"))  # above the limits: needs the manager
    with till.db.unit_of_work() as uow:
        sale = checkout.complete_sale(
            uow, till.cashier, cart, [Payment(PaymentMethod.CASH, price_cart(cart).total)],
            now=till.t0, approved_by=till.manager,
        )  # fmt: skip
    cut = till.cart((MADU, 1))
    cut.override_price(0, 100_000)
    with till.db.unit_of_work() as uow:
        checkout.complete_sale(
            uow,
            till.cashier2,
            cut,
            [Payment(PaymentMethod.QRIS, 100_000)],
            now=till.t0,
            approved_by=till.manager,
        )
    with till.db.unit_of_work() as uow:
        refunds.refund_sale(
            uow, till.cashier, till.manager, sale.receipt_no, None, "salah ukuran", None, now=till.t0
        )
    with till.db.unit_of_work() as uow:
        voids.record_void(
            uow, till.cashier, till.manager, "line", {"product_code": JAGUNG, "qty": 1, "amount": 10_000}
        )
    with till.db.unit_of_work() as uow:
        # the audit log's time is the real clock: the period is today's, in the outlet's zone
        today = date.today()
        around_today = Period(today - timedelta(days=1), today + timedelta(days=1))
        voided = approvals_report(uow, till.manager, around_today, "Asia/Makassar")
        found = approvals_report(uow, till.manager, Period(DAY, DAY), "Asia/Makassar")
    rows = {(r.kind, r.cashier, r.approved_by): (r.count, r.amount) for r in found.rows}
    assert rows[("discount", "kasir1", "manajer")] == (1, 75_000)
    assert rows[("price", "kasir2", "manajer")] == (1, 20_000)
    assert rows[("refund", "kasir1", "manajer")] == (1, 75_000)
    assert {
        (r.kind, r.cashier, r.approved_by, r.count, r.amount) for r in voided.rows if r.kind == "void"
    } == {("void", "kasir1", "manajer", 1, 10_000)}
    with till.db.unit_of_work() as uow, pytest.raises(PermissionDenied):
        approvals_report(uow, till.cashier, Period(DAY, DAY), "Asia/Makassar")


def test_asn_buyers_against_the_minimum(till: Till) -> None:
    till.sell([(MADU, 1)], buyer_nip=NIP_A, now=till.t0)  # Rp120.000: reaches the Rp100.000 minimum
    till.sell([(JAGUNG, 2)], buyer_nip=NIP_B, now=till.t0)  # Rp20.000
    big = till.sell([(KOPI, 2)], buyer_nip=NIP_B, now=till.t0 + timedelta(days=1))
    with till.db.unit_of_work() as uow:
        refunds.refund_sale(uow, till.cashier, till.manager, big.receipt_no, None, "batal", None, now=till.t0)
        report = asn_report(uow, till.manager, month_period("2026-11"))
    assert (report.buyers, report.sales, report.amount, report.reached) == (2, 3, 140_000, 1)
    assert report.agencies[0].agency == "Belum terdaftar" and report.agencies[0].amount == 140_000


def test_stock_value_low_idle_and_below_zero(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        uow.session.execute(
            text("UPDATE products SET cost = 50000, min_stock = 45 WHERE code = :c"), {"c": KOPI}
        )
        uow.commit()
    till.sell([(KOPI, 6)], now=till.t0)
    summary.fold(till.db.unit_of_work)  # half in the summary, half live
    till.sell([(SABUN, OPENING_STOCK + 2)], now=till.t0 + timedelta(days=1))
    with till.db.unit_of_work() as uow:
        report = stock_report(uow, till.manager, DAY + timedelta(days=40), idle_days=30)
    assert report.value == (OPENING_STOCK - 6) * 50_000
    assert [r.code for r in report.low] == [KOPI]
    assert [(r.code, r.on_hand) for r in report.below_zero] == [(SABUN, -2)]
    assert {r.code for r in report.idle} == {KOPI, MADU, JAGUNG}  # sold 40 days ago, or never; SABUN has none


def test_consignment_owed_since_the_last_payout_is_the_settlement(till: Till) -> None:
    till.sell([(KOPI, 1)], now=till.t0)
    till.sell([(MADU, 2)], now=till.t0 + timedelta(days=2))
    summary.fold(till.db.unit_of_work)
    till.sell([(JAGUNG, 3)], now=till.t0 + timedelta(days=3))  # past the mark
    end = DAY + timedelta(days=5)
    with till.db.unit_of_work() as uow:
        sid = int(uow.session.execute(text("SELECT id FROM suppliers")).scalar_one())
        owed = consignment_owed(uow, till.manager, end)
        settled = consignment.settle(uow, till.manager, sid, DAY, end)
    assert [(r.since, r.qty, r.gross, r.owed) for r in owed] == [(DAY, 6, settled.gross, settled.owed)]
    assert settled.gross == 75_000 + 240_000 + 30_000
    paid_to = DAY + timedelta(days=2)
    with till.db.unit_of_work() as uow:
        first = consignment.settle(uow, till.manager, sid, DAY, paid_to)
        consignment.record_payout(
            uow,
            till.manager,
            sid,
            DAY,
            paid_to,
            first.owed,
            "transfer",
            "TRF-1",
            now=till.t0 + timedelta(days=4),
        )
    with till.db.unit_of_work() as uow:
        after = consignment_owed(uow, till.manager, end)
    assert [(r.since, r.qty, r.gross) for r in after] == [(DAY + timedelta(days=3), 3, 30_000)]


def test_day_summary_paper_and_folding_changes_no_figure(till: Till) -> None:
    till.sell([(KOPI, 1), (JAGUNG, 2)], now=till.t0)
    till.sell([(MADU, 1)], [Payment(PaymentMethod.DEBIT, 120_000)], actor=till.cashier2, now=till.t0)
    with till.db.unit_of_work() as uow:
        live = sales_report(uow, till.manager, Period(DAY, DAY), "payment")
    assert summary.fold(till.db.unit_of_work) == 2
    assert summary.fold(till.db.unit_of_work) == 0  # nothing new: nothing folded twice
    with till.db.unit_of_work() as uow:
        folded = sales_report(uow, till.manager, Period(DAY, DAY), "payment")
        paper = render_text(day_summary_document(uow, till.manager, DAY, 32), 32)
    assert folded.rows == live.rows and folded.total == live.total
    assert "RINGKASAN HARIAN" in paper and "20 November 2026" in paper
    assert "Rp215.000" in paper  # 75.000 + 20.000 + 120.000
    assert "Debit" in paper and "Kasir2" in paper
