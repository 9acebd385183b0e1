"""The till-province seam with the real code on both sides: events made by the real checkout, refunds,
shifts, stock and producer services, delivered by the real sync round over HTTP to the real server
(uvicorn on loopback, SQLite and PostgreSQL), whose figures must equal the till's to the rupiah."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.real_till import CATALOG, RealTill, line_discount, make_real_till
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from pos.core.cart import Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.models import OutboxEvent
from pos.province.outlets import add_outlet
from pos.province.reports import outlets_report
from pos.province.schema import events, refunds, sale_lines, sales
from pos.province.server import BackgroundServer
from pos.services import consignment, outbox, sale_events, shifts
from pos.services import reports as till_reports
from pos.sync.client import ProvinceClient
from pos.sync.connect import connect_till, identify
from pos.sync.runner import sync_once

NIP = "198609262015051001"
PPPK = "198906192023211019"
KOPI, MADU, TENUN, MINYAK, SEI = (code for code, *_ in CATALOG)


@pytest.fixture
def connected(
    province_engine: Engine, live_server: BackgroundServer, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[RealTill]:
    with province_engine.begin() as conn:
        token = add_outlet(conn, "5371", "NTT Mart by Dekranasda Kota Kupang", "Kota Kupang")
    till = make_real_till(tmp_path / "till", ppn=getattr(request, "param", True))
    connect_till(till.db, live_server.url, token, identify(live_server.url, token))
    till.token = token  # type: ignore[attr-defined]
    till.server = live_server.url  # type: ignore[attr-defined]
    yield till
    till.db.close()


def sync(till: RealTill) -> None:
    with ProvinceClient(till.server, till.token) as client:  # type: ignore[attr-defined]
        summary = sync_once(till.db, client)
    with till.db.unit_of_work() as uow:
        rejected = outbox.rejected_events(uow)
    assert summary.rejected == 0 and not rejected, [(r.kind, r.reason) for r in rejected]
    assert summary.pending == 0


def assert_province_equals_till(engine: Engine, till: RealTill) -> None:
    with till.db.unit_of_work() as uow:
        mine = till_reports.totals(uow)
    with engine.connect() as conn:
        (row,) = [r for r in outlets_report(conn) if r["outlet"] == "5371"]
        province_tax = conn.execute(select(func.coalesce(func.sum(sales.c.tax), 0))).scalar_one()
        line_totals = conn.execute(select(func.coalesce(func.sum(sale_lines.c.line_total), 0))).scalar_one()
        subtotal_less_discount = conn.execute(
            select(func.coalesce(func.sum(sales.c.subtotal - sales.c.discount), 0))
        ).scalar_one()
    assert (row["sales"], row["gross"], row["refunds"]) == (mine.sales, mine.gross, mine.refunded)
    assert line_totals == subtotal_less_discount
    with till.db.unit_of_work() as uow:
        from pos.db.models import Sale

        till_tax = uow.session.scalar(select(func.coalesce(func.sum(Sale.tax), 0)))
    assert province_tax == till_tax


@pytest.mark.parametrize("connected", [True, False], ids=["pkp", "not-pkp"], indirect=True)
def test_every_kind_of_sale_and_event_is_accepted_and_the_books_agree(
    connected: RealTill, province_engine: Engine
) -> None:
    till = connected
    plain = till.sell(till.cart((KOPI, 2), (MADU, 1)), buyer_nip=NIP)
    discounted = till.cart((KOPI, 1), (TENUN, 1), (MINYAK, 3))
    discounted.set_line_discount(0, line_discount("10"))
    discounted.set_sale_discount(Discount.of_rupiah(12_345, "pelanggan tetap"))
    discounted_sale = till.sell(discounted, buyer_nip=PPPK)
    overridden = till.cart((SEI, 2))
    overridden.override_price(0, 80_000)
    overridden.add(till.catalog[SEI], 1)  # the same product on a second line, at its list price
    overridden.add(till.catalog[MINYAK], 1)
    assert len(overridden.lines) == 3
    total = price_cart(overridden).total
    split = [
        Payment(PaymentMethod.QRIS, 100_000, "QR-1"),
        Payment(PaymentMethod.CASH, total - 100_000 + 5_000),
    ]
    split_sale = till.sell(overridden, split)
    free = till.cart((MADU, 1))
    free.set_line_discount(0, Discount.of_percent(Decimal(100), "hadiah"))
    till.sell(free)  # a zero-total sale: no payment at all
    till.refund(plain.receipt_no, {till.sale_lines(plain.receipt_no)[0].sale_line_id: 1})
    till.refund(discounted_sale.receipt_no)  # the whole sale
    till.refund(split_sale.receipt_no, {till.sale_lines(split_sale.receipt_no)[2].sale_line_id: 1})
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.admin, 200_000)
    with till.db.unit_of_work() as uow:
        shifts.close_shift(uow, till.admin, shift.shift_id, {100_000: 2})
    today = plain.business_date
    with till.db.unit_of_work() as uow:
        owed = consignment.settle(uow, till.admin, 1, today, today).balance
        consignment.record_payout(uow, till.admin, 1, today, today, owed // 2, "transfer", "BNI-001")
    modes = {line["tax_mode"] for event in till.events("sale") for line in event["payload"]["lines"]}
    pkp = bool(till.catalog[KOPI].tax_mode.value != "none")
    assert modes == ({"ppn_included", "ppn_added"} if pkp else {"none"})
    kinds = {event["kind"] for event in till.events()}
    assert kinds == {"sale", "refund", "shift_close", "stock_movement", "supplier", "payout"}
    sync(till)
    assert_province_equals_till(province_engine, till)
    with province_engine.connect() as conn:
        stored = conn.execute(select(func.count(events.c.id))).scalar_one()
        assert conn.execute(select(func.count(refunds.c.id))).scalar_one() == 3
    assert stored == len(till.events())


cart_items = st.lists(
    st.tuples(st.sampled_from([code for code, *_ in CATALOG]), st.integers(1, 4)),
    min_size=1,
    max_size=5,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=cart_items,
    line_percents=st.lists(st.sampled_from(["0", "5", "12.5", "50", "100"]), min_size=5, max_size=5),
    override=st.one_of(st.none(), st.integers(0, 2_000_000)),
    sale_off=st.one_of(st.none(), st.integers(0, 50_000)),
    split=st.booleans(),
    nip=st.sampled_from([None, NIP, PPPK]),
    refund_first_line=st.booleans(),
)
@pytest.mark.slow
def test_generated_carts_are_all_accepted_and_totals_match(
    connected: RealTill,
    province_engine: Engine,
    items: list[tuple[str, int]],
    line_percents: list[str],
    override: int | None,
    sale_off: int | None,
    split: bool,
    nip: str | None,
    refund_first_line: bool,
) -> None:
    till = connected
    cart = till.cart(*items)
    for index, percent in enumerate(line_percents[: len(cart.lines)]):
        if percent != "0":
            cart.set_line_discount(index, line_discount(percent))
    if override is not None:
        cart.override_price(0, override)
    priced = price_cart(cart)
    after_lines = priced.total - priced.tax_added  # a sale discount comes off the goods, not the PPN
    if sale_off is not None and sale_off <= after_lines:
        cart.set_sale_discount(Discount.of_rupiah(sale_off, "promo"))
    total = price_cart(cart).total
    payments: list[Payment] = []
    if total and split and total > 1:
        payments = [
            Payment(PaymentMethod.DEBIT, total // 2, "EDC-7"),
            Payment(PaymentMethod.CASH, total - total // 2),
        ]
    elif total:
        payments = [Payment(PaymentMethod.CASH, total + 3_000)]
    sale = till.sell(cart, payments, buyer_nip=nip)
    if refund_first_line and total:
        first = till.sale_lines(sale.receipt_no)[0]
        if first.amount_for(1) > 0:
            till.refund(sale.receipt_no, {first.sale_line_id: 1})
    sync(till)
    assert_province_equals_till(province_engine, till)
    assert till.events("sale")[-1]["payload"]["total"] == total


def test_the_event_checkout_queued_equals_the_sale_rebuilt_from_the_database(connected: RealTill) -> None:
    till = connected
    cart = till.cart((KOPI, 1), (TENUN, 2), (MINYAK, 5), (SEI, 1))
    cart.set_line_discount(1, line_discount("12.5"))
    cart.set_sale_discount(Discount.of_percent(Decimal(3), "ASN"))
    sold = till.sell(cart, buyer_nip=NIP)
    refund = till.refund(sold.receipt_no, {till.sale_lines(sold.receipt_no)[2].sale_line_id: 2})
    queued = {event["uuid"]: event["payload"] for event in till.events()}
    with till.db.unit_of_work() as uow:
        assert queued[sold.uuid] == sale_events.sale_event(uow, sold.sale_id).to_json()
        assert queued[refund.uuid] == sale_events.refund_event(uow, refund.refund_id).to_json()


def test_events_queued_before_protocol_2_are_re_encoded_and_delivered(
    connected: RealTill, province_engine: Engine
) -> None:
    """A till upgraded with undelivered (or refused) events in the old format loses none of them."""
    till = connected
    cart = till.cart((TENUN, 1), (KOPI, 2))
    cart.set_sale_discount(Discount.of_rupiah(10_000, "promo"))
    sold = till.sell(cart, buyer_nip=NIP)
    with till.db.unit_of_work() as uow:
        row = uow.session.query(OutboxEvent).filter_by(uuid=sold.uuid).one()
        old = json.loads(row.payload)
        del old["terminal"]  # protocol 1: no terminal, lines without tax mode and tax, no tax_added
        for line in old["payload"]["lines"]:
            del line["tax_mode"], line["tax"]
        del old["payload"]["tax_added"]
        row.payload, row.status, row.last_error = json.dumps(old), "rejected", "jumlah total baris ..."
        uow.commit()
    sync(till)
    assert_province_equals_till(province_engine, till)
