"""pos.sync.protocol: what a valid event is, round trips, and answers that must count as not delivered."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.sync.protocol import (
    MAX_AMOUNT,
    Payment,
    ProtocolError,
    Sale,
    SaleLine,
    batch_request_body,
    parse_batch_response,
    parse_envelope,
    parse_refund,
    parse_sale,
    sale_to_json,
)

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _sale(prices: list[int], qtys: list[int], nip: str | None = None, discount: int = 0) -> Sale:
    lines = tuple(
        SaleLine(f"P{i}", f"Produk {i}", None, q, p, 0, q * p)
        for i, (p, q) in enumerate(zip(prices, qtys, strict=True))
    )
    subtotal = sum(line.line_total for line in lines)
    total = subtotal - discount
    return Sale(
        UUID,
        "5371-01-20261128-0001",
        date(2026, 11, 28),
        datetime(2026, 11, 28, 3, tzinfo=UTC),
        "kasir1",
        nip,
        subtotal,
        discount,
        0,
        total,
        5_000,
        lines,
        (Payment("cash", total + 5_000, None),),
    )


@given(
    st.lists(st.tuples(st.integers(0, 5_000_000), st.integers(1, 50)), min_size=1, max_size=20),
    st.sampled_from([None, "198609262015051001"]),
)
def test_sale_round_trips_through_json(items: list[tuple[int, int]], nip: str | None) -> None:
    sale = _sale([p for p, _ in items], [q for _, q in items], nip)
    assert parse_sale(json.loads(json.dumps(sale_to_json(sale)))) == sale


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("total", 1, "total"),
        ("subtotal", 7, "subtotal"),
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
        ("payments", [{"method": "gold", "amount": 1}], "metode"),
    ],
)
def test_invalid_sales_are_refused_with_a_reason(field: str, value: object, words: str) -> None:
    data = sale_to_json(_sale([10_000], [2]))
    data[field] = value
    with pytest.raises(ProtocolError, match=words):
        parse_sale(data)


def test_line_and_payment_sums_must_agree() -> None:
    data = sale_to_json(_sale([10_000], [2]))
    data["lines"][0]["line_total"] = 19_000
    with pytest.raises(ProtocolError, match="qty x harga"):
        parse_sale(data)
    data = sale_to_json(_sale([10_000], [2]))
    data["change"] = 0
    with pytest.raises(ProtocolError, match="kembalian"):
        parse_sale(data)


def test_envelope_and_refund() -> None:
    envelope = parse_envelope(
        {
            "uuid": UUID.upper(),
            "kind": "sale",
            "outlet": "5371-01",
            "created_at": "2026-11-28T03:04:05+08:00",
            "payload": {},
        }
    )
    assert envelope.uuid == UUID and envelope.outlet == "5371-01"
    for bad in (
        {"kind": "sale"},
        [],
        {"uuid": UUID, "kind": "x", "outlet": "a", "created_at": "", "payload": {}},
    ):
        with pytest.raises(ProtocolError):
            parse_envelope(bad)
    refund = {
        "uuid": UUID,
        "sale_uuid": UUID,
        "receipt_no": "R",
        "created_at": "2026-11-28T03:04:05+00:00",
        "business_date": "2026-11-28",
        "reason": "rusak",
        "approved_by": "manajer",
        "total": 10,
        "lines": [{"product_code": "P", "qty": 1, "amount": 9}],
    }
    with pytest.raises(ProtocolError, match="total retur"):
        parse_refund(refund)


def test_a_partial_or_malformed_answer_is_not_a_delivery() -> None:
    sent = [UUID, "1f8fad5b-d9cb-469f-a165-70867728950e"]
    full = {"results": [{"uuid": u, "status": "accepted", "reason": None} for u in sent]}
    assert set(parse_batch_response(full, sent)) == set(sent)
    for answer in ({"results": full["results"][:1]}, {"results": "x"}, [], {"results": [{"uuid": UUID}]}):
        with pytest.raises(ProtocolError):
            parse_batch_response(answer, sent)


def test_batch_body_embeds_stored_envelopes_verbatim() -> None:
    body = json.loads(batch_request_body("5371-01", ['{"uuid":"a"}', '{"uuid":"b"}']))
    assert body == {"protocol": 1, "outlet": "5371-01", "events": [{"uuid": "a"}, {"uuid": "b"}]}
    with pytest.raises(ProtocolError):
        batch_request_body('x","events":[]}', [])
