"""The HTTP API on a real uvicorn server on loopback, on SQLite and PostgreSQL, fed with the events a
real till's checkout and refund services queued (tests/helpers/real_till.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import requests
from api_helpers import count, get_json, hello, post_events, post_json, reasons, register_outlet, statuses
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, NIP_A, NIP_B, SEI, TENUN, changed, event_of
from sqlalchemy import Engine, func, select

from pos.province.asn import import_asn_csv
from pos.province.outlets import add_till, revoke_token, rotate_token
from pos.province.schema import events, outlets, sale_lines, sales, tills
from pos.province.server import BackgroundServer
from pos.sync.protocol import MAX_BATCH_EVENTS, PROTOCOL_VERSION


def test_health_needs_no_token(live_server: BackgroundServer) -> None:
    answer = requests.get(f"{live_server.url}/api/v1/health", timeout=5)
    assert answer.status_code == 200
    assert answer.json()["protocol"] == PROTOCOL_VERSION


def test_batch_answers_each_event_and_bad_ones_do_not_roll_back_good_ones(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    sold = [
        till.sell(till.cart((KOPI, 1 + i), (TENUN, 1)), buyer_nip=NIP_A if i == 0 else None) for i in range(3)
    ]
    spoiled = [till.sell(till.cart((MADU, 1))) for _ in range(3)]
    good = [event_of(till, sale.uuid) for sale in sold]
    wrong_total = changed(event_of(till, spoiled[0].uuid), ("payload", "total"), spoiled[0].total - 1_000)
    bad_nip = changed(
        event_of(till, spoiled[1].uuid), ("payload", "buyer_nip"), "198609262015051000"
    )  # seq 000
    unknown_kind = changed(event_of(till, spoiled[2].uuid), ("kind",), "teleport")
    batch = [good[0], wrong_total, good[1], bad_nip, "not an object", unknown_kind, good[2]]
    answer = post_events(live_server, till_token, batch)
    assert statuses(answer) == [
        "accepted",
        "rejected",
        "accepted",
        "rejected",
        "rejected",
        "rejected",
        "accepted",
    ]
    why = reasons(answer)
    assert "total" in str(why[1]) and "NIP" in str(why[3]) and "teleport" in str(why[5])
    assert count(province_engine, sales) == 3
    assert count(province_engine, sale_lines) == 6
    with province_engine.connect() as conn:
        assert conn.execute(select(func.sum(sales.c.total))).scalar_one() == sum(s.total for s in sold)
        assert conn.execute(select(outlets.c.last_sync_at)).scalar_one() is not None
        assert conn.execute(select(tills.c.last_sync_at)).scalar_one() is not None


def test_replay_is_duplicate_and_creates_no_second_copy(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    batch = [event_of(till, till.sell(till.cart((KOPI, i + 1))).uuid) for i in range(5)]
    assert statuses(post_events(live_server, till_token, batch)) == ["accepted"] * 5
    assert statuses(post_events(live_server, till_token, [*batch, batch[0]])) == ["duplicate"] * 6
    # the same sale under another event uuid is refused: a payload is only ever stored under its own uuid
    again = changed(batch[0], ("uuid",), "00000000-0000-4000-8000-000000000001")
    answer = post_events(live_server, till_token, [again])
    assert statuses(answer) == ["rejected"] and "uuid" in str(reasons(answer)[0])
    assert count(province_engine, sales) == 5
    assert count(province_engine, events) == 5


def test_tokens_are_scoped_to_their_till(
    live_server: BackgroundServer,
    province_engine: Engine,
    till_token: str,
    new_till: Callable[..., RealTill],
) -> None:
    other_outlet = register_outlet(province_engine, "5310", "NTT Mart by Dekranasda Manggarai")
    with province_engine.begin() as conn:
        terminal, second_token = add_till(conn, "5371")
    assert terminal == "02"
    till_01, till_02 = new_till("5371", "01"), new_till("5371", "02")
    ours = event_of(till_01, till_01.sell(till_01.cart((KOPI, 1))).uuid)
    theirs = event_of(till_02, till_02.sell(till_02.cart((MADU, 1))).uuid)
    assert (ours["outlet"], ours["terminal"], theirs["outlet"], theirs["terminal"]) == (
        "5371",
        "01",
        "5371",
        "02",
    )

    assert post_events(live_server, None, [ours]).status_code == 401
    assert post_events(live_server, "wrong-token", [ours]).status_code == 401
    # another outlet's token: naming our outlet, or its own with our events
    assert post_events(live_server, other_outlet, [ours]).status_code == 403
    assert post_events(live_server, other_outlet, [ours], outlet="5310").status_code == 403
    # token of 5371-01, a batch naming outlet 5372 with events of 5371-01
    refused = post_events(live_server, till_token, [ours], outlet="5372")
    assert refused.status_code == 403 and "5371-01" in refused.json()["detail"]
    # token of 5371-01 with events of terminal 02 (batch naming 01 or 02), and the other way round
    assert post_events(live_server, till_token, [theirs]).status_code == 403
    assert post_events(live_server, till_token, [theirs], terminal="02").status_code == 403
    assert post_events(live_server, second_token, [ours], terminal="02").status_code == 403
    assert post_events(live_server, second_token, [theirs, ours], terminal="02").status_code == 403
    assert count(province_engine, events) == 0
    assert statuses(post_events(live_server, till_token, [ours])) == ["accepted"]
    assert statuses(post_events(live_server, second_token, [theirs], terminal="02")) == ["accepted"]
    with province_engine.connect() as conn:
        by_till = dict(
            conn.execute(
                select(tills.c.terminal, func.count(events.c.id)).join(events).group_by(tills.c.terminal)
            ).all()
        )
    assert by_till == {"01": 1, "02": 1}


def test_rotated_and_revoked_tokens_stop_working(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    event = event_of(till, till.sell(till.cart((KOPI, 1))).uuid)
    with province_engine.begin() as conn:
        new_token = rotate_token(conn, "5371")
    assert post_events(live_server, till_token, [event]).status_code == 401
    assert hello(live_server, till_token).status_code == 401
    assert statuses(post_events(live_server, new_token, [event])) == ["accepted"]
    with province_engine.begin() as conn:
        revoke_token(conn, "5371-01")
    assert post_events(live_server, new_token, [event]).status_code == 401
    assert hello(live_server, new_token).status_code == 401
    assert get_json(live_server, new_token, "/programme").status_code == 401


def test_hello_names_the_tokens_till_and_records_what_the_till_says(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    till.sell(till.cart((KOPI, 1)))
    assert statuses(post_events(live_server, till_token, till.events())) == ["accepted"] * len(till.events())
    answer = hello(live_server, till_token, pending=3, rejected=1)
    assert answer.status_code == 200, answer.text
    said = answer.json()
    assert (said["protocol"], said["outlet"], said["terminal"]) == (PROTOCOL_VERSION, "5371", "01")
    assert said["outlet_name"] == "NTT Mart by Dekranasda Kota Kupang"
    assert said["events_received"] == len(till.events()) and said["instance_id"]
    assert said["server_time"] and said["latest_version"] is None
    with province_engine.connect() as conn:
        row = conn.execute(
            select(tills.c.app_version, tills.c.pending, tills.c.rejected, tills.c.last_sync_at)
        ).one()
    assert row[:3] == ("0.0-test", 3, 1) and row.last_sync_at is not None
    # the instance id stays the same from answer to answer (a till compares it to notice a restore)
    assert hello(live_server, till_token).json()["instance_id"] == said["instance_id"]
    assert post_events(live_server, till_token, []).json()["instance_id"] == said["instance_id"]


def test_batch_and_request_size_limits(
    live_server: BackgroundServer, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    event = event_of(till, till.sell(till.cart((KOPI, 1))).uuid)
    too_many = post_events(live_server, till_token, [event] * (MAX_BATCH_EVENTS + 1))
    assert too_many.status_code == 422 and str(MAX_BATCH_EVENTS) in too_many.text
    body = {
        "protocol": PROTOCOL_VERSION,
        "outlet": "5371",
        "terminal": "01",
        "events": ["x" * (5 * 1024 * 1024)],
    }
    huge = json.dumps(body)
    headers = {"Authorization": f"Bearer {till_token}", "Content-Type": "application/json"}
    answer = requests.post(f"{live_server.url}/api/v1/events", data=huge, timeout=10, headers=headers)
    assert answer.status_code == 413 and "terlalu besar" in answer.json()["detail"]
    chunked = requests.post(
        f"{live_server.url}/api/v1/events",
        data=iter([huge.encode()[:3_000_000]] * 2),
        timeout=10,
        headers=headers,
    )
    assert chunked.status_code == 413
    assert statuses(post_events(live_server, till_token, [])) == []
    assert statuses(post_events(live_server, till_token, [event] * MAX_BATCH_EVENTS)) == (
        ["accepted"] + ["duplicate"] * (MAX_BATCH_EVENTS - 1)
    )


def test_protocol_version_mismatch_is_refused(live_server: BackgroundServer, till_token: str) -> None:
    for protocol in (PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1):
        answer = post_events(live_server, till_token, [], protocol=protocol)
        assert answer.status_code == 409 and "perbarui" in answer.json()["detail"]
        said = post_json(
            live_server,
            till_token,
            "/hello",
            {"protocol": protocol, "app_version": "x", "pending": 0, "rejected": 0},
        )
        assert said.status_code == 409


def test_refunds_reduce_spending(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, real_till: RealTill
) -> None:
    till = real_till
    sale = till.sell(till.cart((KOPI, 2), (MADU, 1), (SEI, 1)), buyer_nip=NIP_A)
    kopi = till.sale_lines(sale.receipt_no)[0]
    refund = till.refund(sale.receipt_no, {kopi.sale_line_id: 1})
    assert statuses(post_events(live_server, till_token, till.events())) == ["accepted"] * len(till.events())
    period = f"{sale.business_date:%Y-%m}"
    spent = post_json(live_server, till_token, "/asn/spending", {"nip": NIP_A, "period": period})
    assert spent.status_code == 200, spent.text
    assert spent.json() == {
        "nip": NIP_A,
        "period_key": period,
        "amount": sale.total - refund.total,
        "minimum": 100_000,
        "met": sale.total - refund.total >= 100_000,
    }
    assert 0 < refund.total < sale.total
    totals = post_json(live_server, till_token, "/asn/totals", {"period": period})
    assert totals.json()["items"] == [{"nip": NIP_A, "amount": sale.total - refund.total}]
    # without a period: the programme's current one, which holds today's sale
    current = post_json(live_server, till_token, "/asn/spending", {"nip": NIP_A})
    assert current.json()["period_key"] == period and current.json()["amount"] == sale.total - refund.total
    # NIPs never travel in URLs: the old GET routes are gone
    assert get_json(live_server, till_token, f"/asn/{NIP_A}/spending").status_code in (404, 405)


def test_registry_changes_since_cursor(
    live_server: BackgroundServer, province_engine: Engine, till_token: str
) -> None:
    with province_engine.begin() as conn:
        import_asn_csv(
            conn,
            f"NIP,Nama,OPD,Kabupaten\n{NIP_A},Ana,Dinas Koperasi,Kota Kupang\n"
            f"{NIP_B},Beni,Dinas Pendidikan,Sikka\n",
        )
    first = get_json(live_server, till_token, "/asn/changes", {"since": 0, "limit": 1}).json()
    assert len(first["entries"]) == 1 and first["more"] is True
    rest = get_json(live_server, till_token, "/asn/changes", {"since": first["cursor"]}).json()
    assert [e["nip"] for e in rest["entries"]] == [NIP_B] and rest["more"] is False
    with province_engine.begin() as conn:
        report = import_asn_csv(
            conn, f"{NIP_A},Ana,Dinas Koperasi,Kota Kupang,tidak\n{NIP_B},Beni,Dinas Pendidikan,Sikka\n"
        )
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    later = get_json(live_server, till_token, "/asn/changes", {"since": rest["cursor"]}).json()
    assert [(e["nip"], e["active"]) for e in later["entries"]] == [(NIP_A, False)]
    assert get_json(live_server, "wrong", "/asn/changes").status_code == 401


def test_programme_and_bad_period(live_server: BackgroundServer, till_token: str) -> None:
    programme = get_json(live_server, till_token, "/programme").json()
    assert programme["minimum"] == 100_000 and programme["period"] == "month"
    assert date.fromisoformat(programme["current_period_start"]).day == 1
    bad = post_json(live_server, till_token, "/asn/totals", {"period": "2026-13"})
    assert bad.status_code == 422 and "2026-13" in bad.text
    # a period of the right shape that does not exist: not found, with the reason
    unknown = post_json(live_server, till_token, "/asn/totals", {"period": "campaign:Natal 2026"})
    assert unknown.status_code == 404 and "Natal 2026" in unknown.json()["detail"]
    unknown = post_json(
        live_server, till_token, "/asn/spending", {"nip": NIP_A, "period": "campaign:Natal 2026"}
    )
    assert unknown.status_code == 404
    november = post_json(live_server, till_token, "/asn/totals", {"period": "2026-11", "limit": 10})
    assert november.status_code == 200 and november.json() == {
        "period_key": "2026-11",
        "items": [],
        "next_after": None,
    }
