"""`ntt-pos connect` / `ntt-pos sync --once` and the worker, from a real till (its checkout's sales) to a
real server on loopback."""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import UTC, datetime, timedelta

import pytest
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, NIP_A, sell_many
from sqlalchemy import Engine, func, select

from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, OutboxEvent
from pos.province.asn import import_asn_csv
from pos.province.outlets import add_outlet, revoke_token
from pos.province.schema import rejected_events, sales
from pos.province.server import BackgroundServer
from pos.services import outbox, outlet_share
from pos.sync import commands
from pos.sync.runner import Connection, save_connection, setting
from pos.sync.worker import SyncStatus, SyncWorker, backoff_delay

UNREACHABLE = "http://127.0.0.1:9"


def run(till: RealTill, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--data-dir", str(till.db.path.parent), *argv])
    return int(args.handler(args))


def server_sales(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        count, gross = conn.execute(select(func.count(), func.coalesce(func.sum(sales.c.total), 0))).one()
    return int(count), int(gross)


def statuses(till: RealTill) -> dict[str, int]:
    with till.db.unit_of_work() as uow:
        c = outbox.counts(uow)
    return {"pending": c.pending, "sent": c.sent, "rejected": c.rejected}


def outbox_rows(till: RealTill) -> list[tuple[str, int]]:
    with till.db.unit_of_work() as uow:
        return [
            (r.status, r.attempts) for r in uow.session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))
        ]


def test_connect_then_sync_once_delivers_everything_and_pulls_registry(
    real_till: RealTill,
    live_server: BackgroundServer,
    province_engine: Engine,
    till_token: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    till = real_till
    with province_engine.begin() as conn:
        import_asn_csv(conn, f"{NIP_A},Ana Bria,Dinas Koperasi,Kota Kupang\n")
    gross = sell_many(till, 39, nip_every=10)
    nip_spent = sum(e["payload"]["total"] for e in till.events("sale") if e["payload"]["buyer_nip"] == NIP_A)
    with (
        till.db.unit_of_work() as uow
    ):  # the till's catalog and stock records, as its first round queues them
        outlet_share.mark_everything(uow)
        outlet_share.queue_changes(uow, datetime.now(UTC))
        uow.commit()
    queued = len(till.events())
    assert run(till, "connect", "--server", live_server.url, "--outlet", "5371", "--token", till_token) == 0
    assert "Terhubung: kasir 5371-01" in capsys.readouterr().out
    assert run(till, "sync", "--once", "--json") == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["accepted"], summary["rejected"], summary["pending"]) == (queued, 0, 0)
    assert server_sales(province_engine) == (39, gross)
    assert statuses(till) == {"pending": 0, "sent": queued, "rejected": 0}
    with till.db.unit_of_work() as uow:
        entry = uow.session.get(AsnRegistryEntry, NIP_A)
        assert entry is not None and entry.name == "Ana Bria"
        totals = {t.nip: t.amount for t in uow.session.scalars(select(AsnPeriodTotal))}
        assert outbox.last_success(uow) is not None
    assert totals == {NIP_A: nip_spent}  # today's sales are in the province's current period
    # a second round sends nothing and still exits 0
    assert run(till, "sync", "--once") == 0
    assert "Terkirim 0" in capsys.readouterr().out
    assert server_sales(province_engine) == (39, gross)


def test_a_rejected_event_stays_visible_and_sync_exits_5(
    real_till: RealTill,
    live_server: BackgroundServer,
    province_engine: Engine,
    till_token: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    till = real_till
    fine = till.sell(till.cart((KOPI, 1)))
    ahead = till.sell(till.cart((MADU, 1)), now=datetime.now(UTC) + timedelta(minutes=10))  # clock runs fast
    assert run(till, "connect", "--server", live_server.url, "--token", till_token) == 0
    assert run(till, "sync", "--once") == 5
    err = capsys.readouterr().err
    assert "3 event ditolak" in err  # the sale, its stock movement and its sale line (shared records)
    assert statuses(till)["rejected"] == 3 and statuses(till)["pending"] == 0
    with till.db.unit_of_work() as uow:
        rejected, *records = outbox.rejected_events(uow)
    assert rejected.uuid == ahead.uuid and "5 menit" in rejected.reason
    assert [r.kind for r in records] == ["record", "record"] and all("5 menit" in r.reason for r in records)
    assert server_sales(province_engine) == (1, fine.total)
    with province_engine.connect() as conn:
        stored = sorted(conn.execute(select(rejected_events.c.uuid)).scalars())
        assert stored == sorted([ahead.uuid, *(r.uuid for r in records)])
    assert run(till, "sync", "--once") == 5  # still unresolved


def test_refused_tokens_exit_nonzero_store_nothing_and_mark_nothing(
    real_till: RealTill,
    live_server: BackgroundServer,
    province_engine: Engine,
    till_token: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    till = real_till
    till.sell(till.cart((KOPI, 1)))
    till.sell(till.cart((MADU, 2)))
    queued = len(till.events())
    with province_engine.begin() as conn:
        other_outlet = add_outlet(conn, "5310", "NTT Mart by Dekranasda Manggarai", "Manggarai")
    # a wrong token: nothing stored
    assert run(till, "connect", "--server", live_server.url, "--token", "salah") == 3
    assert "token" in capsys.readouterr().err
    assert setting(till.db, "sync.token") is None
    # another outlet's token on a till that has sold as 5371-01: refused, naming both
    assert run(till, "connect", "--server", live_server.url, "--token", other_outlet) == 4
    err = capsys.readouterr().err
    assert "5371-01" in err and "5310-01" in err and "tidak disimpan" in err
    # this till's token with another expected outlet
    assert run(till, "connect", "--server", live_server.url, "--outlet", "5310", "--token", till_token) == 4
    assert "bukan outlet 5310" in capsys.readouterr().err
    assert setting(till.db, "sync.token") is None
    # a connection stored by other means with another till's token: the hello refuses it
    save_connection(till.db, Connection(server=live_server.url, token=other_outlet, till="5310-01"))
    assert run(till, "sync", "--once") == 4
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "5310-01" in err and "5371-01" in err
    # the right token, then revoked at the province
    assert run(till, "connect", "--server", live_server.url, "--outlet", "5371", "--token", till_token) == 0
    with province_engine.begin() as conn:
        revoke_token(conn, "5371")
    assert run(till, "sync", "--once") == 4
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "token ditolak" in err
    assert outbox_rows(till) == [("pending", 0)] * queued
    assert server_sales(province_engine) == (0, 0)


def test_unreachable_server_keeps_events_pending(
    real_till: RealTill, capsys: pytest.CaptureFixture[str]
) -> None:
    till = real_till
    till.sell(till.cart((KOPI, 1)))
    queued = len(till.events())
    assert run(till, "connect", "--server", UNREACHABLE, "--token", "t") == 3
    assert "tidak disimpan" in capsys.readouterr().err
    save_connection(till.db, Connection(server=UNREACHABLE, token="t", till="5371-01"))
    assert run(till, "sync", "--once") == 3
    assert f"{queued} event menunggu" in capsys.readouterr().err
    assert outbox_rows(till) == [("pending", 0)] * queued  # the hello failed: no batch was attempted


def test_worker_syncs_in_background_and_reports_status(
    real_till: RealTill, live_server: BackgroundServer, province_engine: Engine, till_token: str
) -> None:
    till = real_till
    gross = sell_many(till, 120)
    with (
        till.db.unit_of_work() as uow
    ):  # the till's catalog and stock records, as its first round queues them
        outlet_share.mark_everything(uow)
        outlet_share.queue_changes(uow, datetime.now(UTC))
        uow.commit()
    queued = len(till.events())
    assert run(till, "connect", "--server", live_server.url, "--token", till_token) == 0
    seen: list[SyncStatus] = []
    worker = SyncWorker(till.db, seen.append, batch_size=50, batches_per_round=1, interval=0.05)
    assert worker.run_round() == 0.0  # more pending: go again at once
    assert seen[-1].online and seen[-1].pending == queued - 50 and seen[-1].clock_warning is None
    worker.start()
    try:
        for _ in range(200):
            if seen[-1].pending == 0 and server_sales(province_engine)[0] == 120:
                break
            worker.wake()
            time.sleep(0.05)
    finally:
        worker.stop()
    assert server_sales(province_engine) == (120, gross)
    assert seen[-1].pending == 0 and seen[-1].last_success is not None


def test_worker_backs_off_when_offline(real_till: RealTill) -> None:
    till = real_till
    till.sell(till.cart((KOPI, 1)))
    queued = len(till.events())
    save_connection(till.db, Connection(server=UNREACHABLE, token="t", till="5371-01"))
    seen: list[SyncStatus] = []
    worker = SyncWorker(till.db, seen.append, backoff_base=1.0, backoff_cap=8.0, rng=random.Random(1))
    delays = [worker.run_round() for _ in range(6)]
    assert not seen[-1].online and seen[-1].pending == queued and seen[-1].message.startswith("Offline")
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and 2.0 <= delays[2] <= 4.0
    assert all(4.0 <= d <= 8.0 for d in delays[3:])  # capped


def test_backoff_jitter_spreads_retries() -> None:
    rng = random.Random(7)
    values = {round(backoff_delay(5, 2.0, 300.0, rng), 3) for _ in range(50)}
    assert len(values) > 40 and all(16.0 <= v <= 32.0 for v in values)
