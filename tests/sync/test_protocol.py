"""pos.sync.protocol: what a valid event is, round trips, what a real till queues, and answers that must
count as not delivered."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from helpers.real_till import RealTill, line_discount
from helpers.sales import KOPI, MADU, NIP_A, SEI, TENUN
from hypothesis import given
from hypothesis import strategies as st

from pos.core.cart import Discount
from pos.services import consignment, shifts
from pos.sync.protocol import (
    PROTOCOL_VERSION,
    ProtocolError,
    batch_request_body,
    content_hash,
    parse_batch_response,
    parse_envelope,
    parse_hello,
    parse_payload,
    split_till_label,
    till_label,
)
from pos.sync.protocol.events import Payment, Sale, SaleLine, parse_refund, parse_sale
from pos.sync.protocol.fields import MAX_AMOUNT
from pos.sync.protocol.outlet_events import parse_payout, parse_shift_close, parse_stock_movement

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
OTHER = "1f8fad5b-d9cb-469f-a165-70867728950e"


def _sale(items: list[tuple[int, int, int, str]], nip: str | None = None, change: int = 5_000) -> Sale:
    """items: (unit price, qty, discount, tax mode); PPN is 11/111 of an included line, 11% on top of
    an added one, as `pos.core.pricing` computes it."""
    lines = []
    for i, (price, qty, discount, mode) in enumerate(items):
        net = price * qty - discount
        tax = {"none": 0, "ppn_included": net * 11 // 111, "ppn_added": net * 11 // 100}[mode]
        lines.append(SaleLine(f"P{i}", f"Produk {i}", None, qty, price, discount, mode, tax, net))
    subtotal = sum(line.qty * line.unit_price for line in lines)
    discount = sum(line.discount for line in lines)
    tax_added = sum(line.tax_added for line in lines)
    total = subtotal - discount + tax_added
    return Sale(
        uuid=UUID,
        receipt_no="5371-01-20261128-0001",
        business_date=date(2026, 11, 28),
        created_at=datetime(2026, 11, 28, 3, tzinfo=UTC),
        cashier="kasir1",
        buyer_nip=nip,
        subtotal=subtotal,
        discount=discount,
        tax=sum(line.tax for line in lines),
        tax_added=tax_added,
        total=total,
        change=change,
        lines=tuple(lines),
        payments=(Payment("cash", total + change, None),),
    )


line_items = st.tuples(
    st.integers(0, 5_000_000),
    st.integers(1, 50),
    st.integers(0, 100),
    st.sampled_from(["none", "ppn_included", "ppn_added"]),
).map(lambda t: (t[0], t[1], min(t[2] * t[0] * t[1] // 100, t[0] * t[1]), t[3]))


@given(st.lists(line_items, min_size=1, max_size=20), st.sampled_from([None, NIP_A]))
def test_sale_round_trips_through_json(items: list[tuple[int, int, int, str]], nip: str | None) -> None:
    sale = _sale(items, nip)
    assert parse_sale(json.loads(json.dumps(sale.to_json()))) == sale


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("total", 1, "total"),
        ("subtotal", 7, "subtotal"),
        ("discount", 1, "diskon"),
        ("tax", 1, "pajak"),
        ("tax_added", 1, "PPN ditambahkan"),
        ("buyer_nip", "1986", "NIP"),
        ("buyer_nip", 1, "NIP"),
        ("total", True, "bilangan bulat"),
        ("total", MAX_AMOUNT + 1, "batas"),
        ("business_date", "28-11-2026", "tanggal"),
        ("created_at", "2026-11-28T03:00:00", "zona waktu"),
        ("created_at", "0001-01-01T00:00:00+08:00", "tahun"),
        ("cashier", "a\x00b", "tidak sah"),
        ("cashier", "\ud800", "tidak sah"),
        ("lines", [], "tidak kosong"),
        ("uuid", "not-a-uuid", "UUID"),
        ("payments", [{"method": "gold", "amount": 1, "reference": None}], "metode"),
        ("note", "x", "tidak dikenal"),
    ],
)
def test_invalid_sales_are_refused_with_a_reason(field: str, value: object, words: str) -> None:
    data = _sale([(10_000, 2, 0, "none")]).to_json()
    data[field] = value
    with pytest.raises(ProtocolError, match=words):
        parse_sale(data)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("line_total", 19_000, "qty x harga"),
        ("tax_mode", "ppn_maybe", "mode pajak"),
        ("tax", 1, "tidak sesuai mode pajaknya"),
        ("qty", 0, "batas"),
        ("extra", 1, "tidak dikenal"),
    ],
)
def test_invalid_sale_lines_are_refused_with_a_reason(field: str, value: object, words: str) -> None:
    data = _sale([(10_000, 2, 0, "none")]).to_json()
    data["lines"][0][field] = value
    with pytest.raises(ProtocolError, match=words):
        parse_sale(data)


def test_payment_sums_must_agree() -> None:
    data = _sale([(10_000, 2, 0, "none")]).to_json()
    data["change"] = 0
    with pytest.raises(ProtocolError, match="kembalian"):
        parse_sale(data)
    data = _sale([(10_000, 2, 0, "none")], change=0).to_json()
    data["payments"] = [{"method": "qris", "amount": 25_000, "reference": "Q"}]
    data["change"] = 5_000
    with pytest.raises(ProtocolError, match="kembalian hanya boleh dari pembayaran tunai"):
        parse_sale(data)
    free = _sale([(10_000, 1, 10_000, "none")], change=0).to_json()
    free["payments"] = []
    assert parse_sale(free).total == 0  # a Rp0 sale needs no payment
    data = _sale([(10_000, 1, 0, "none")], change=0).to_json()
    data["payments"] = []
    with pytest.raises(ProtocolError, match="pembayaran"):
        parse_sale(data)


def _envelope(**changes: Any) -> dict[str, Any]:
    event = {
        "uuid": UUID.upper(),
        "kind": "sale",
        "outlet": "5371",
        "terminal": "02",
        "created_at": "2026-11-28T03:04:05+08:00",
        "payload": {},
    }
    return {**event, **changes}


def test_envelopes_name_outlet_and_terminal() -> None:
    envelope = parse_envelope(_envelope())
    assert (envelope.uuid, envelope.outlet, envelope.terminal) == (UUID, "5371", "02")
    for bad, words in (
        (_envelope(outlet="5371-01"), "kode outlet"),
        (_envelope(terminal="1"), "terminal"),
        (_envelope(terminal=None), "terminal"),
        (_envelope(kind="x"), "tidak dikenal"),
        (_envelope(created_at=""), "created_at"),
        (_envelope(payload=[]), "payload"),
        ({"kind": "sale"}, "kolom"),
        ([], "objek"),
    ):
        with pytest.raises(ProtocolError, match=words):
            parse_envelope(bad)


def test_a_payload_is_only_accepted_under_its_own_uuid() -> None:
    payload = _sale([(10_000, 1, 0, "none")], change=0).to_json()
    assert parse_payload(parse_envelope(_envelope(payload=payload))).uuid == UUID
    with pytest.raises(ProtocolError, match="uuid event tidak sama"):
        parse_payload(parse_envelope(_envelope(uuid=OTHER, payload=payload)))


def test_refunds_add_up_and_know_their_keys() -> None:
    refund = {
        "uuid": UUID,
        "sale_uuid": OTHER,
        "receipt_no": "R",
        "created_at": "2026-11-28T03:04:05+00:00",
        "business_date": "2026-11-28",
        "reason": "rusak",
        "approved_by": "manajer",
        "total": 10,
        "lines": [{"product_code": "P", "qty": 1, "amount": 10}],
    }
    assert parse_refund(refund).to_json() == refund
    with pytest.raises(ProtocolError, match="total retur"):
        parse_refund({**refund, "lines": [{"product_code": "P", "qty": 1, "amount": 9}]})
    with pytest.raises(ProtocolError, match="tidak dikenal"):
        parse_refund({**refund, "lines": [{"product_code": "P", "qty": 1, "amount": 10, "price": 10}]})
    with pytest.raises(ProtocolError, match="tidak dikenal"):
        parse_refund({**refund, "KIND": "refund"})


def test_every_event_a_real_till_queues_parses_back_to_exactly_what_it_sent(real_till: RealTill) -> None:
    till = real_till
    cart = till.cart((KOPI, 2), (TENUN, 1), (SEI, 3))
    cart.set_line_discount(1, line_discount("12.5"))
    cart.set_sale_discount(Discount.of_rupiah(7_777, "promo"))
    sale = till.sell(cart, buyer_nip=NIP_A)
    till.refund(sale.receipt_no, {till.sale_lines(sale.receipt_no)[2].sale_line_id: 2})
    till.sell(till.cart((MADU, 1)))
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.admin, 200_000)
    with till.db.unit_of_work() as uow:
        shifts.close_shift(uow, till.admin, shift.shift_id, {100_000: 2, 5_000: 3})
    with till.db.unit_of_work() as uow:
        owed = consignment.settle(uow, till.admin, 1, sale.business_date, sale.business_date).balance
        consignment.record_payout(
            uow, till.admin, 1, sale.business_date, sale.business_date, owed // 2, "transfer", "BNI-1"
        )
    queued = till.events()
    assert {e["kind"] for e in queued} == {
        "sale",
        "refund",
        "shift_close",
        "stock_movement",
        "supplier",
        "payout",
    }
    for event in queued:
        envelope = parse_envelope(event)
        assert (envelope.outlet, envelope.terminal) == ("5371", "01")
        assert parse_payload(envelope).to_json() == event["payload"], event["kind"]
    sale_payload = next(e["payload"] for e in queued if e["uuid"] == sale.uuid)
    assert sale_payload["discount"] > 0 and sale_payload["tax"] > 0
    # the other kinds refuse keys they do not know, and KIND is no key
    for parse, kind in (
        (parse_shift_close, "shift_close"),
        (parse_stock_movement, "stock_movement"),
        (parse_payout, "payout"),
    ):
        payload = next(e["payload"] for e in queued if e["kind"] == kind)
        with pytest.raises(ProtocolError, match="tidak dikenal"):
            parse({**payload, "KIND": kind})


def test_content_hash_ignores_key_order_but_not_content() -> None:
    event = _envelope(payload={"a": 1, "b": [1, 2]})
    reordered = dict(reversed(list(event.items())))
    assert content_hash(event) == content_hash(reordered)
    assert content_hash(event) != content_hash(_envelope(payload={"a": 1, "b": [2, 1]}))


def test_till_labels() -> None:
    assert till_label("5371", "02") == "5371-02"
    assert split_till_label("5371") == ("5371", "01")
    assert split_till_label(" 5371-02 ") == ("5371", "02")
    for bad in ("5371-2", "53-71-02", "-01", "", "5371-001"):
        with pytest.raises(ProtocolError):
            split_till_label(bad)


def test_hello_answers_are_checked() -> None:
    answer = {
        "protocol": PROTOCOL_VERSION,
        "outlet": "5371",
        "terminal": "02",
        "outlet_name": "NTT Mart",
        "kabupaten": "Kota Kupang",
        "instance_id": "abc",
        "server_time": "2026-11-28T03:04:05+00:00",
        "events_received": 3,
        "latest_version": None,
    }
    assert parse_hello(answer) == answer
    for key, value in (
        ("outlet", "5371-02"),
        ("terminal", "2"),
        ("server_time", "kemarin"),
        ("events_received", -1),
    ):
        with pytest.raises(ProtocolError):
            parse_hello({**answer, key: value})
    with pytest.raises(ProtocolError):
        parse_hello([])


def test_a_partial_or_malformed_answer_is_not_a_delivery() -> None:
    sent = [UUID, OTHER]
    full = {"results": [{"uuid": u, "status": "accepted", "reason": None} for u in sent]}
    assert set(parse_batch_response(full, sent)) == set(sent)
    for answer in (
        {"results": full["results"][:1]},
        {"results": "x"},
        [],
        {"results": [{"uuid": UUID}]},
        {"results": [{"uuid": UUID, "status": "accepted", "reason": 5}, full["results"][1]]},
    ):
        with pytest.raises(ProtocolError):
            parse_batch_response(answer, sent)


def test_batch_body_embeds_stored_envelopes_verbatim() -> None:
    body = json.loads(batch_request_body("5371", "02", ['{"uuid":"a"}', '{"uuid":"b"}'], app_version="0.3.0"))
    assert body == {
        "protocol": PROTOCOL_VERSION,
        "outlet": "5371",
        "terminal": "02",
        "app_version": "0.3.0",
        "events": [{"uuid": "a"}, {"uuid": "b"}],
    }
    with pytest.raises(ProtocolError):
        batch_request_body('x","events":[]}', "01", [], app_version="x")
    with pytest.raises(ProtocolError):
        batch_request_body("5371", '01","x":"', [], app_version="x")
