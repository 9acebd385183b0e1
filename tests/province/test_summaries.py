"""The summary tables (pos.province.summaries) against the raw sales: real checkouts synced by the real
sync round into the real server, replays, refunds, a corrupted row that `verify` must name, the
migration's backfill, a campaign set after the sales, and two ingests for one ASN at the same moment."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from api_helpers import post_events, post_json, register_outlet, statuses
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, NIP_A, NIP_B, NIP_C, SEI
from sqlalchemy import Engine, select, text, update

from pos.core.money import format_rupiah
from pos.province.asn import import_asn_csv, spending_query
from pos.province.cli import main
from pos.province.database import alembic_config, upgrade
from pos.province.ingest import ingest_batch
from pos.province.outlets import add_outlet, add_till, authenticate
from pos.province.programme import month_period
from pos.province.schema import asn_period_totals, producer_day_totals, till_day_totals
from pos.province.server import BackgroundServer
from pos.province.verify import verify
from pos.sync.client import ProvinceClient
from pos.sync.connect import connect_till, identify
from pos.sync.runner import sync_once

ASN_CSV = (
    f"nip,nama,instansi,kabupaten\n{NIP_A},Ana Bria,Dinas Koperasi,Kota Kupang\n"
    f"{NIP_B},Beni Lado,Dinas Koperasi,Sikka\n{NIP_C},Citra Nogo,Bappeda,Ende\n"
)


def november(day: int) -> datetime:  # sold offline in November, synced later
    return datetime(2026, 11, day, 3, 4, 5, tzinfo=UTC)


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def cli_json(capsys: pytest.CaptureFixture[str], engine: Engine, *argv: str) -> Any:
    capsys.readouterr()
    assert main(["--database-url", url_of(engine), *argv]) == 0
    return json.loads(capsys.readouterr().out)


@dataclass(frozen=True)
class Traded:
    token: str
    bought: dict[str, int]  # per NIP, November, refunds netted: the till's own figures
    early_a: int  # NIP A's sale of 2 November net of its refund (outside a campaign from 15 November)


def trade_and_sync(engine: Engine, server: BackgroundServer, till: RealTill) -> Traded:
    """Sales by the real checkout (ASN buyers and walk-ins, November and today, partial refunds), the
    registry, and `ntt-pos connect` + `sync --once`, then every event sent again."""
    token = register_outlet(engine)
    with engine.begin() as conn:
        import_asn_csv(conn, ASN_CSV)
    a1 = till.sell(till.cart((KOPI, 1), (MADU, 1)), buyer_nip=NIP_A, now=november(2))
    a2 = till.sell(till.cart((SEI, 2)), buyer_nip=NIP_A, now=november(20))
    b1 = till.sell(till.cart((KOPI, 1)), buyer_nip=NIP_B, now=november(20))
    walk_in = till.sell(till.cart((MADU, 2), (SEI, 1)), now=november(21))
    till.sell(till.cart((KOPI, 2)), buyer_nip=NIP_C)  # today, another month
    line = till.sale_lines(a1.receipt_no)[1]  # the honey of NIP A's first sale goes back
    back = till.refund(a1.receipt_no, {line.sale_line_id: 1})
    till.refund(walk_in.receipt_no, {till.sale_lines(walk_in.receipt_no)[0].sale_line_id: 1})
    connect_till(till.db, server.url, token, identify(server.url, token))
    with ProvinceClient(server.url, token) as client:
        summary = sync_once(till.db, client)
    assert (summary.rejected, summary.pending) == (0, 0)
    # every event again, as a till restored from a backup sends them: nothing may count twice
    answer = post_events(server, token, [e for e in till.events() if e["kind"] in ("sale", "refund")])
    assert set(statuses(answer)) == {"duplicate"}
    bought = {NIP_A: a1.total + a2.total - back.total, NIP_B: b1.total}
    return Traded(token, bought, a1.total - back.total)


def test_real_checkouts_synced_keep_the_summaries_equal_to_the_raw_sales(
    province_engine: Engine,
    live_server: BackgroundServer,
    real_till: RealTill,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bought = trade_and_sync(province_engine, live_server, real_till).bought
    with province_engine.connect() as conn:
        result = verify(conn)
        raw = spending_query(month_period("2026-11")).subquery()
        from_raw = {nip: int(amount) for nip, amount in conn.execute(select(raw.c.nip, raw.c.amount))}
    assert result.differences == [] and result.checked > 0
    assert main(["--database-url", url_of(province_engine), "verify", "--month", "2026-11"]) == 0
    assert "cocok" in capsys.readouterr().out
    report = cli_json(capsys, province_engine, "report", "compliance", "--month", "2026-11", "--json")
    by_nip = {p["nip"]: p["total"] for p in report["asn"]}
    assert by_nip == {**bought, NIP_C: 0}  # the till's own figures, to the rupiah
    assert from_raw == bought  # and the raw sales recomputed say the same
    assert report["summary"]["total"] == sum(bought.values())
    agencies = {a["agency"]: (a["asn"], a["met"], a["total"]) for a in report["agencies"]}
    met_a = int(bought[NIP_A] >= 100_000) + int(bought[NIP_B] >= 100_000)
    assert agencies == {"Dinas Koperasi": (2, met_a, sum(bought.values())), "Bappeda": (1, 0, 0)}


def test_verify_names_a_corrupted_row_and_repair_rebuilds_it(
    province_engine: Engine,
    live_server: BackgroundServer,
    real_till: RealTill,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bought = trade_and_sync(province_engine, live_server, real_till).bought
    url = url_of(province_engine)
    with province_engine.begin() as conn:
        conn.execute(
            update(asn_period_totals)
            .where(asn_period_totals.c.nip == NIP_A, asn_period_totals.c.period_key == "2026-11")
            .values(amount=asn_period_totals.c.amount + 5_000)
        )
        conn.execute(
            update(till_day_totals)
            .where(till_day_totals.c.business_date == november(20).date())
            .values(sales=till_day_totals.c.sales + 1)
        )
        conn.execute(text("DELETE FROM producer_day_totals WHERE supplier_code = 'SUP-003'"))
    capsys.readouterr()
    assert main(["--database-url", url, "verify", "--month", "2026-11"]) == 1
    said = capsys.readouterr().err
    wrong, right = format_rupiah(bought[NIP_A] + 5_000), format_rupiah(bought[NIP_A])
    assert f"ASN {NIP_A} periode 2026-11, amount: ringkasan {wrong}, dari penjualan {right}" in said
    assert "kasir 5371-01 tanggal 2026-11-20, sales: ringkasan 3, dari penjualan 2" in said
    assert "produsen SUP-003 di outlet 5371" in said
    assert main(["--database-url", url, "verify", "--month", "2026-10"]) == 0  # another month is fine
    assert main(["--database-url", url, "verify", "--repair"]) == 1
    assert "dibangun ulang dari penjualan: cocok" in capsys.readouterr().err
    assert main(["--database-url", url, "verify"]) == 0


def test_the_migration_backfills_the_summaries_from_the_stored_sales(
    province_engine: Engine, live_server: BackgroundServer, real_till: RealTill
) -> None:
    trade_and_sync(province_engine, live_server, real_till)

    def rows() -> list[Any]:
        with province_engine.connect() as conn:
            return [
                sorted(tuple(r) for r in conn.execute(select(table)))
                for table in (asn_period_totals, till_day_totals, producer_day_totals)
            ]

    kept = rows()
    assert all(kept)
    config = alembic_config()
    with province_engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0003_web_users")
    upgrade(province_engine)  # 0004_summaries again, on a database full of sales
    assert rows() == kept


def test_a_campaign_set_after_the_sales_gets_their_totals_and_ingest_keeps_them(
    province_engine: Engine,
    live_server: BackgroundServer,
    real_till: RealTill,
    capsys: pytest.CaptureFixture[str],
) -> None:
    traded = trade_and_sync(province_engine, live_server, real_till)
    url = url_of(province_engine)
    assert main(["--database-url", url, "programme", "--period", "campaign", "--campaign-name", "Natal",
                 "--campaign-start", "2026-11-15", "--campaign-end", "2027-01-06"]) == 0  # fmt: skip
    later = real_till.sell(real_till.cart((KOPI, 1)), buyer_nip=NIP_B)  # today, inside the campaign
    with ProvinceClient(live_server.url, traded.token) as client:
        assert sync_once(real_till.db, client).pending == 0
    report = cli_json(capsys, province_engine, "report", "compliance", "--json")  # the campaign now
    by_nip = {p["nip"]: p["total"] for p in report["asn"]}
    assert report["period"]["key"] == "campaign:Natal"
    assert by_nip[NIP_B] == traded.bought[NIP_B] + later.total
    assert by_nip[NIP_A] == traded.bought[NIP_A] - traded.early_a  # 2 November is before the campaign
    spending = post_json(
        live_server, traded.token, "/asn/spending", {"nip": NIP_B, "period": "campaign:Natal"}
    )
    assert spending.json()["amount"] == by_nip[NIP_B]  # what a till is told reads the same summary
    assert main(["--database-url", url, "verify"]) == 0
    assert main(["--database-url", url, "programme", "--period", "month"]) == 0
    with province_engine.connect() as conn:
        keys = {k for (k,) in conn.execute(select(asn_period_totals.c.period_key).distinct())}
    assert not any(k.startswith("campaign:") for k in keys)


TRIALS = 8


def test_two_ingests_for_one_asn_at_the_same_moment_both_count(
    province_engine: Engine, new_till: Callable[..., RealTill]
) -> None:
    """Two tills deliver a sale of the same ASN at once (two requests, two server workers). With a
    read-then-write of the total, one of the two would be lost; the upsert adds both."""
    with province_engine.begin() as conn:
        first = authenticate(conn, add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang"))
        second = authenticate(conn, add_till(conn, "5371")[1])
    assert first is not None and second is not None
    tills = [(new_till("5371", "01"), first), (new_till("5371", "02"), second)]
    expected = 0
    for _ in range(TRIALS):
        sent = []
        for till, till_row in tills:
            sold = till.sell(till.cart((KOPI, 1)), buyer_nip=NIP_A)
            expected += sold.total
            sent.append((till_row, [e for e in till.events("sale") if e["uuid"] == sold.uuid]))
        barrier = threading.Barrier(2)
        results: list[str] = []

        def deliver(
            till_row: Any, batch: list[dict[str, Any]], barrier: threading.Barrier, results: list[str]
        ) -> None:
            barrier.wait()
            results.extend(r["status"] for r in ingest_batch(province_engine, till_row, batch))

        threads = [threading.Thread(target=deliver, args=(*pair, barrier, results)) for pair in sent]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert results == ["accepted", "accepted"]
        with province_engine.connect() as conn:
            found = conn.execute(
                select(asn_period_totals.c.period_key, asn_period_totals.c.amount).where(
                    asn_period_totals.c.nip == NIP_A
                )
            )
            amounts = {key: int(amount) for key, amount in found}
        assert sum(amounts.values()) == expected, amounts  # one key: the sales' month (WITA)
    with province_engine.connect() as conn:
        assert verify(conn).differences == []


def test_one_batch_delivered_twice_at_the_same_moment_counts_once(
    province_engine: Engine, new_till: Callable[..., RealTill]
) -> None:
    """A till's request retried while the first is still being stored: the second copy hits the unique
    uuids, is redone event by event and finds each one stored, so the summaries count the batch once."""
    with province_engine.begin() as conn:
        till_row = authenticate(conn, add_outlet(conn, "5371", "NTT Mart Kota Kupang", "Kota Kupang"))
    assert till_row is not None
    till = new_till("5371", "01")
    for trial in range(4):
        sold = [till.sell(till.cart((KOPI, n), (MADU, 1)), buyer_nip=NIP_A) for n in (1, 2, 3)]
        till.refund(sold[0].receipt_no, {till.sale_lines(sold[0].receipt_no)[0].sale_line_id: 1})
        fresh = {s.uuid for s in sold}
        batch = [e for e in till.events() if e["uuid"] in fresh or e["kind"] == "refund"][-4:]
        barrier = threading.Barrier(2)
        answers: list[list[str]] = []

        def deliver(batch: list[Any], barrier: threading.Barrier, answers: list[list[str]]) -> None:
            barrier.wait()
            answers.append([r["status"] for r in ingest_batch(province_engine, till_row, batch)])

        threads = [threading.Thread(target=deliver, args=(batch, barrier, answers)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert sorted(answers) == [["accepted"] * 4, ["duplicate"] * 4], (trial, answers)
        with province_engine.connect() as conn:
            assert verify(conn).differences == []
