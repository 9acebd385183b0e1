"""What the province accepts of a till's events and why it refuses the rest (issue 10): conflicts of one
uuid, refunds checked against the sale's lines, clocks ahead, back-dated events and business dates.
Every event starts as one a real till queued; a test changes at most the one field it is about."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from api_helpers import count, minutes_from_now, post_events, post_json, reasons, register_outlet, statuses
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, NIP_A, TENUN, changed, event_of, with_new_uuid
from sqlalchemy import Engine, select

from pos.province.schema import events, refunds, rejected_events, sales
from pos.province.server import BackgroundServer


def test_same_uuid_other_content_is_a_conflict_an_identical_resend_a_duplicate(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    first, second = (event_of(till, till.sell(till.cart((KOPI, n))).uuid) for n in (1, 2))
    assert statuses(post_events(live_server, till_token, [first])) == ["accepted"]
    assert statuses(post_events(live_server, till_token, [first])) == ["duplicate"]
    conflict = changed(first, ("payload", "cashier"), "kasir2")
    answer = post_events(live_server, till_token, [conflict])
    assert statuses(answer) == ["rejected"] and "konflik" in str(reasons(answer)[0])
    # inside one batch too: the second copy of `second` is a duplicate, the changed one a conflict
    answer = post_events(
        live_server, till_token, [second, second, changed(second, ("payload", "cashier"), "x")]
    )
    assert statuses(answer) == ["accepted", "duplicate", "rejected"]
    assert "konflik" in str(reasons(answer)[2])
    with province_engine.connect() as conn:
        stored = dict(conn.execute(select(sales.c.uuid, sales.c.cashier)).all())
    assert stored == {first["uuid"]: "admin", second["uuid"]: "admin"}
    assert count(province_engine, events) == 2


def test_refunds_are_checked_against_the_lines_of_their_sale(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, new_till: Callable[..., RealTill]
) -> None:
    till = new_till()
    sale = till.sell(till.cart((KOPI, 2), (MADU, 1)), buyer_nip=NIP_A)
    kopi = till.sale_lines(sale.receipt_no)[0]
    assert (kopi.product_code, kopi.qty_sold) == (KOPI, 2)
    first = event_of(till, till.refund(sale.receipt_no, {kopi.sale_line_id: 1}).uuid)
    # a refund whose sale the province does not hold yet is refused, and accepted once the sale is in
    answer = post_events(live_server, till_token, [first])
    assert statuses(answer) == ["rejected"] and "belum diterima" in str(reasons(answer)[0])
    assert (
        statuses(post_events(live_server, till_token, [event_of(till, sale.uuid), first])) == ["accepted"] * 2
    )
    # a product that is not in the sale
    not_sold = with_new_uuid(changed(first, ("payload", "lines", 0, "product_code"), TENUN))
    # more units than sold minus already refunded (2 sold, 1 refunded), for less money than is left
    too_many = with_new_uuid(changed(first, ("payload", "lines", 0, "qty"), 2))
    answer = post_events(live_server, till_token, [not_sold, too_many])
    assert statuses(answer) == ["rejected", "rejected"]
    assert f"barang {TENUN} tidak ada" in str(reasons(answer)[0])
    assert "melebihi yang terjual" in str(reasons(answer)[1])
    # the till refunds the last unit: accepted; one more unit is then too many, however small the amount
    last = event_of(till, till.refund(sale.receipt_no, {kopi.sale_line_id: 1}).uuid)
    assert statuses(post_events(live_server, till_token, [last])) == ["accepted"]
    one_more = with_new_uuid(
        changed(changed(last, ("payload", "total"), 1), ("payload", "lines", 0, "amount"), 1)
    )
    answer = post_events(live_server, till_token, [one_more])
    assert statuses(answer) == ["rejected"] and "melebihi yang terjual" in str(reasons(answer)[0])
    # more money than the sale: refused on the total before the lines
    greedy = with_new_uuid(
        changed(
            changed(first, ("payload", "total"), sale.total), ("payload", "lines", 0, "amount"), sale.total
        )
    )
    answer = post_events(live_server, till_token, [greedy])
    assert statuses(answer) == ["rejected"] and "melebihi total penjualan" in str(reasons(answer)[0])
    with province_engine.connect() as conn:
        assert conn.execute(select(refunds.c.uuid).order_by(refunds.c.id)).scalars().all() == [
            first["uuid"],
            last["uuid"],
        ]
    spent = post_json(live_server, till_token, "/asn/spending", {"nip": NIP_A})
    kopi_refunds = first["payload"]["total"] + last["payload"]["total"]
    assert spent.json()["amount"] == sale.total - kopi_refunds


def test_a_refund_of_another_outlets_sale_is_refused(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, new_till: Callable[..., RealTill]
) -> None:
    other_token = register_outlet(province_engine, "5310", "NTT Mart by Dekranasda Manggarai")
    till = new_till()
    sale = till.sell(till.cart((KOPI, 1)))
    refund = event_of(till, till.refund(sale.receipt_no).uuid)
    assert statuses(post_events(live_server, till_token, [event_of(till, sale.uuid)])) == ["accepted"]
    theirs = with_new_uuid(changed(refund, ("outlet",), "5310"))
    answer = post_events(live_server, other_token, [theirs], outlet="5310")
    assert statuses(answer) == ["rejected"] and "outlet lain" in str(reasons(answer)[0])
    assert statuses(post_events(live_server, till_token, [refund])) == ["accepted"]


@pytest.mark.slow
def test_events_ahead_of_the_server_clock_are_refused_back_dated_ones_accepted(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    ahead = till.sell(till.cart((KOPI, 1)), now=minutes_from_now(6))
    nearly = till.sell(till.cart((KOPI, 1)), now=minutes_from_now(4))
    ten_days_ago = datetime.now(UTC) - timedelta(days=10)
    old = till.sell(till.cart((MADU, 1)), now=ten_days_ago)
    answer = post_events(live_server, till_token, [event_of(till, s.uuid) for s in (ahead, nearly, old)])
    assert statuses(answer) == ["rejected", "accepted", "accepted"]
    assert "5 menit di depan jam server" in str(reasons(answer)[0])
    with province_engine.connect() as conn:
        stored = conn.execute(select(sales.c.business_date).where(sales.c.uuid == old.uuid)).scalar_one()
        kept = conn.execute(select(rejected_events.c.uuid, rejected_events.c.reason)).all()
    assert stored == old.business_date and old.business_date < datetime.now(UTC).date()
    assert [uuid for uuid, _ in kept] == [ahead.uuid]
    # the event's own time counts too, not only the sale's
    later = till.sell(till.cart((KOPI, 1)))
    envelope_ahead = changed(event_of(till, later.uuid), ("created_at",), minutes_from_now(30).isoformat())
    assert statuses(post_events(live_server, till_token, [envelope_ahead])) == ["rejected"]


def test_a_business_date_that_is_not_the_wita_date_of_the_sale_is_refused(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    # 16:30 UTC is 00:30 the next day in WITA: the till dates it the next day, and the province agrees
    late = till.sell(till.cart((KOPI, 1)), now=datetime(2026, 11, 27, 16, 30, tzinfo=UTC))
    assert late.business_date.isoformat() == "2026-11-28"
    event = event_of(till, late.uuid)
    utc_dated = changed(event, ("payload", "business_date"), "2026-11-27")
    answer = post_events(live_server, till_token, [utc_dated])
    assert statuses(answer) == ["rejected"]
    assert "tanggal usaha 2026-11-27" in str(reasons(answer)[0]) and "2026-11-28" in str(reasons(answer)[0])
    assert count(province_engine, rejected_events) == 1
    # the corrected resend (the till's own event, same uuid) is accepted and clears the rejection
    assert statuses(post_events(live_server, till_token, [event])) == ["accepted"]
    assert count(province_engine, rejected_events) == 0
    assert count(province_engine, sales) == 1
