"""The HTTP API on a real uvicorn server on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import requests
from province_builders import make_sale, sale_event
from sqlalchemy import Engine, func, select

from pos.province.asn import import_asn_csv
from pos.province.outlets import add_outlet, revoke_token, rotate_token
from pos.province.schema import events, outlets, sale_lines, sales
from pos.province.server import BackgroundServer
from pos.sync.protocol import MAX_BATCH_EVENTS, PROTOCOL_VERSION, Refund, RefundLine, refund_to_json

NIP_A = "198609262015051001"
NIP_B = "198906192023211019"  # PPPK shape


def _post(
    server: BackgroundServer, token: str, events_: list[object], outlet: str = "5371-01"
) -> requests.Response:
    return requests.post(
        f"{server.url}/api/v1/events",
        timeout=10,
        headers={"Authorization": f"Bearer {token}"},
        json={"protocol": PROTOCOL_VERSION, "outlet": outlet, "events": events_},
    )


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_health_needs_no_token(live_server: BackgroundServer) -> None:
    answer = requests.get(f"{live_server.url}/api/v1/health", timeout=5)
    assert answer.status_code == 200
    assert answer.json()["protocol"] == PROTOCOL_VERSION


def test_batch_answers_each_event_and_bad_ones_do_not_roll_back_good_ones(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    good = [sale_event(make_sale(100_000 + i, nip=NIP_A if i == 0 else None)) for i in range(3)]
    wrong_total = sale_event(make_sale(50_000))
    wrong_total["payload"]["total"] = 49_000  # type: ignore[index]
    bad_nip = sale_event(make_sale(60_000, nip="198609262015050000"))  # sequence 000
    unknown_kind = {**sale_event(make_sale()), "kind": "teleport"}
    batch = [good[0], wrong_total, good[1], bad_nip, "not an object", unknown_kind, good[2]]
    answer = _post(live_server, outlet_token, batch)
    assert answer.status_code == 200, answer.text
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["accepted", "rejected", "accepted", "rejected", "rejected", "rejected", "accepted"]
    reasons = [r["reason"] for r in answer.json()["results"]]
    assert "total" in reasons[1] and reasons[3]
    assert _count(province_engine, sales) == 3
    assert _count(province_engine, sale_lines) == 6
    with province_engine.connect() as conn:
        assert conn.execute(select(func.sum(sales.c.total))).scalar_one() == 300_003
        assert conn.execute(select(outlets.c.last_sync_at)).scalar_one() is not None


def test_replay_is_duplicate_and_creates_no_second_copy(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    batch = [sale_event(make_sale(10_000 * (i + 1))) for i in range(5)]
    assert {r["status"] for r in _post(live_server, outlet_token, batch).json()["results"]} == {"accepted"}
    replay = _post(live_server, outlet_token, [*batch, batch[0]]).json()["results"]
    assert [r["status"] for r in replay] == ["duplicate"] * 6
    # the same sale re-sent under a new event uuid is still one sale
    again = sale_event(
        make_sale(10_000, sale_uuid=batch[0]["payload"]["uuid"]),  # type: ignore[index]
        event_uuid="00000000-0000-4000-8000-000000000001",
    )
    assert _post(live_server, outlet_token, [again]).json()["results"][0]["status"] == "duplicate"
    assert _count(province_engine, sales) == 5
    assert _count(province_engine, events) == 5


def test_tokens_are_scoped_to_their_outlet(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    with province_engine.begin() as conn:
        other_token = add_outlet(conn, "5310-01", "NTT Mart Manggarai", "Manggarai")
    sale = sale_event(make_sale())
    no_token = requests.post(
        f"{live_server.url}/api/v1/events",
        timeout=5,
        json={"protocol": PROTOCOL_VERSION, "outlet": "5371-01", "events": [sale]},
    )
    assert no_token.status_code == 401
    assert _post(live_server, "wrong-token", [sale]).status_code == 401
    assert _post(live_server, other_token, [sale], outlet="5371-01").status_code == 403
    assert _post(live_server, other_token, [sale], outlet="5310-01").status_code == 403  # event of 5371-01
    assert _count(province_engine, sales) == 0
    assert _post(live_server, outlet_token, [sale]).json()["results"][0]["status"] == "accepted"


def test_rotated_and_revoked_tokens_stop_working(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    with province_engine.begin() as conn:
        new_token = rotate_token(conn, "5371-01")
    assert _post(live_server, outlet_token, [sale_event(make_sale())]).status_code == 401
    assert _post(live_server, new_token, [sale_event(make_sale())]).status_code == 200
    with province_engine.begin() as conn:
        revoke_token(conn, "5371-01")
    assert _post(live_server, new_token, [sale_event(make_sale())]).status_code == 401


def test_batch_and_request_size_limits(live_server: BackgroundServer, outlet_token: str) -> None:
    too_many = [sale_event(make_sale()) for _ in range(MAX_BATCH_EVENTS + 1)]
    assert _post(live_server, outlet_token, too_many).status_code == 413
    huge = json.dumps({"protocol": 1, "outlet": "5371-01", "events": ["x" * (5 * 1024 * 1024)]})
    answer = requests.post(
        f"{live_server.url}/api/v1/events",
        data=huge,
        timeout=10,
        headers={"Authorization": f"Bearer {outlet_token}", "Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    chunked = requests.post(
        f"{live_server.url}/api/v1/events",
        data=iter([huge.encode()[:3_000_000]] * 2),
        timeout=10,
        headers={"Authorization": f"Bearer {outlet_token}"},
    )
    assert chunked.status_code == 413
    assert _post(live_server, outlet_token, [], outlet="5371-01").status_code == 200


def test_protocol_version_mismatch_is_refused(live_server: BackgroundServer, outlet_token: str) -> None:
    answer = requests.post(
        f"{live_server.url}/api/v1/events",
        timeout=5,
        headers={"Authorization": f"Bearer {outlet_token}"},
        json={"protocol": PROTOCOL_VERSION + 1, "outlet": "5371-01", "events": []},
    )
    assert answer.status_code == 409


def test_refunds_reduce_spending_and_are_checked(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    sale = make_sale(120_000, nip=NIP_A)
    refund = Refund(
        uuid="11111111-1111-4111-8111-111111111111",
        sale_uuid=sale.uuid,
        receipt_no=sale.receipt_no,
        created_at=sale.created_at,
        business_date=sale.business_date,
        reason="rusak",
        approved_by="manajer",
        total=30_000,
        lines=(RefundLine("8991234567895", 1, 30_000),),
    )
    envelope = {
        "uuid": refund.uuid,
        "kind": "refund",
        "outlet": "5371-01",
        "created_at": refund.created_at.isoformat(),
        "payload": refund_to_json(refund),
    }
    too_much = {
        **envelope,
        "uuid": "22222222-2222-4222-8222-222222222222",
        "payload": {
            **refund_to_json(refund),
            "uuid": "22222222-2222-4222-8222-222222222223",
            "total": 100_000,
            "lines": [{"product_code": "x", "qty": 1, "amount": 100_000}],
        },
    }
    orphan = {
        **envelope,
        "uuid": "33333333-3333-4333-8333-333333333333",
        "payload": {
            **refund_to_json(refund),
            "uuid": "33333333-3333-4333-8333-333333333334",
            "sale_uuid": "44444444-4444-4444-8444-444444444444",
        },
    }
    results = _post(live_server, outlet_token, [sale_event(sale), envelope, too_much, orphan]).json()[
        "results"
    ]
    assert [r["status"] for r in results] == ["accepted", "accepted", "rejected", "rejected"]
    headers = {"Authorization": f"Bearer {outlet_token}"}
    spent = requests.get(
        f"{live_server.url}/api/v1/asn/{NIP_A}/spending",
        params={"period": "2026-11"},
        headers=headers,
        timeout=5,
    ).json()
    assert spent == {
        "nip": NIP_A,
        "period_key": "2026-11",
        "amount": 90_000,
        "minimum": 100_000,
        "met": False,
    }
    totals = requests.get(
        f"{live_server.url}/api/v1/asn/totals", params={"period": "2026-11"}, headers=headers, timeout=5
    ).json()
    assert totals["items"] == [{"nip": NIP_A, "amount": 90_000}]


def test_registry_changes_since_cursor(
    live_server: BackgroundServer, province_engine: Engine, outlet_token: str
) -> None:
    with province_engine.begin() as conn:
        import_asn_csv(
            conn,
            f"NIP,Nama,OPD,Kabupaten\n{NIP_A},Ana,Dinas Koperasi,Kota Kupang\n"
            f"{NIP_B},Beni,Dinas Pendidikan,Sikka\n",
        )
    headers = {"Authorization": f"Bearer {outlet_token}"}
    first = requests.get(
        f"{live_server.url}/api/v1/asn/changes", params={"since": 0, "limit": 1}, headers=headers, timeout=5
    ).json()
    assert len(first["entries"]) == 1 and first["more"] is True
    rest = requests.get(
        f"{live_server.url}/api/v1/asn/changes", params={"since": first["cursor"]}, headers=headers, timeout=5
    ).json()
    assert [e["nip"] for e in rest["entries"]] == [NIP_B] and rest["more"] is False
    with province_engine.begin() as conn:
        report = import_asn_csv(
            conn, f"{NIP_A},Ana,Dinas Koperasi,Kota Kupang,tidak\n{NIP_B},Beni,Dinas Pendidikan,Sikka\n"
        )
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    later = requests.get(
        f"{live_server.url}/api/v1/asn/changes", params={"since": rest["cursor"]}, headers=headers, timeout=5
    ).json()
    assert [(e["nip"], e["active"]) for e in later["entries"]] == [(NIP_A, False)]


def test_programme_and_bad_period(live_server: BackgroundServer, outlet_token: str) -> None:
    headers = {"Authorization": f"Bearer {outlet_token}"}
    programme = requests.get(f"{live_server.url}/api/v1/programme", headers=headers, timeout=5).json()
    assert programme["minimum"] == 100_000 and programme["period"] == "month"
    assert date.fromisoformat(programme["current_period_start"]).day == 1
    bad = requests.get(
        f"{live_server.url}/api/v1/asn/totals", params={"period": "2026-13"}, headers=headers, timeout=5
    )
    assert bad.status_code == 422 and "2026-13" in bad.json()["detail"]
