"""`ntt-pos connect` / `ntt-pos sync --once` and the worker against a real server on loopback."""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from till_builders import NIP_A, queue_sales

from pos.db.engine import Database
from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, OutboxEvent
from pos.province.asn import import_asn_csv
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services import outbox
from pos.services.checkout import add_outbox_event
from pos.sync import commands
from pos.sync.worker import SyncStatus, SyncWorker, backoff_delay


def run(till: Database, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--data-dir", str(till.path.parent), *argv])
    return int(args.handler(args))


def server_sales(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        count, gross = conn.execute(select(func.count(), func.coalesce(func.sum(sales.c.total), 0))).one()
    return int(count), int(gross)


def statuses(till: Database) -> dict[str, int]:
    with till.unit_of_work() as uow:
        c = outbox.counts(uow)
    return {"pending": c.pending, "sent": c.sent, "rejected": c.rejected}


def test_connect_then_sync_once_delivers_everything_and_pulls_registry(
    till: Database,
    live_server: BackgroundServer,
    province_engine: Engine,
    outlet_token: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with province_engine.begin() as conn:
        import_asn_csv(conn, f"{NIP_A},Ana Bria,Dinas Koperasi,Kota Kupang\n")
    gross = queue_sales(till, [25_000 * (i % 7 + 1) for i in range(1, 40)], nip_every=10)
    with till.unit_of_work() as uow:  # one event the province must refuse, visibly
        bad = {"uuid": "99999999-9999-4999-8999-999999999999", "receipt_no": "x", "total": -5}
        add_outbox_event(uow, "sale", "5371-01", bad, datetime.now(UTC))
        uow.commit()
    assert (
        run(till, "connect", "--server", live_server.url, "--outlet", "5371-01", "--token", outlet_token) == 0
    )
    assert run(till, "sync", "--once", "--json") == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["accepted"], summary["rejected"], summary["pending"]) == (39, 1, 0)
    assert server_sales(province_engine) == (39, gross)
    assert statuses(till) == {"pending": 0, "sent": 39, "rejected": 1}
    with till.unit_of_work() as uow:
        rejected = outbox.rejected_events(uow)
        assert [r.uuid for r in rejected] == ["99999999-9999-4999-8999-999999999999"]
        assert rejected[0].reason
        entry = uow.session.get(AsnRegistryEntry, NIP_A)
        assert entry is not None and entry.name == "Ana Bria"
        totals = uow.session.scalars(select(AsnPeriodTotal)).all()
        assert outbox.last_success(uow) is not None
    assert len(totals) <= 1  # the buyer's total for the province's current period (maybe none this month)
    # a second round sends nothing and still exits 0
    assert run(till, "sync", "--once") == 0
    assert server_sales(province_engine) == (39, gross)


def test_refused_token_exits_nonzero_and_marks_nothing(
    till: Database,
    live_server: BackgroundServer,
    province_engine: Engine,
    outlet_token: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    queue_sales(till, [10_000, 20_000])
    assert run(till, "connect", "--server", live_server.url, "--outlet", "5371-01", "--token", "salah") == 3
    assert "token" in capsys.readouterr().err
    assert (
        run(
            till,
            "connect",
            "--no-check",
            "--server",
            live_server.url,
            "--outlet",
            "5371-01",
            "--token",
            "salah",
        )
        == 0
    )
    assert run(till, "sync", "--once") == 4
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "token ditolak" in err
    # the right token for another outlet code: refused too
    assert (
        run(
            till,
            "connect",
            "--no-check",
            "--server",
            live_server.url,
            "--outlet",
            "5310-01",
            "--token",
            outlet_token,
        )
        == 0
    )
    assert run(till, "sync", "--once") == 4
    with till.unit_of_work() as uow:
        rows = [(r.status, r.attempts) for r in uow.session.scalars(select(OutboxEvent))]
    assert rows == [("pending", 0), ("pending", 0)]
    assert server_sales(province_engine) == (0, 0)


def test_unreachable_server_keeps_events_pending(till: Database, capsys: pytest.CaptureFixture[str]) -> None:
    queue_sales(till, [10_000])
    assert (
        run(
            till,
            "connect",
            "--no-check",
            "--server",
            "http://127.0.0.1:9",
            "--outlet",
            "5371-01",
            "--token",
            "t",
        )
        == 0
    )
    assert run(till, "sync", "--once") == 3
    assert "1 event menunggu" in capsys.readouterr().err
    with till.unit_of_work() as uow:
        row = uow.session.scalars(select(OutboxEvent)).one()
        assert (row.status, row.attempts) == ("pending", 1) and row.last_error


def test_worker_syncs_in_background_and_reports_status(
    till: Database,
    live_server: BackgroundServer,
    province_engine: Engine,
    outlet_token: str,
) -> None:
    gross = queue_sales(till, [5_000] * 120)
    assert (
        run(till, "connect", "--server", live_server.url, "--outlet", "5371-01", "--token", outlet_token) == 0
    )
    seen: list[SyncStatus] = []
    worker = SyncWorker(till, seen.append, batch_size=50, batches_per_round=1, interval=0.05)
    assert worker.run_round() == 0.0  # more pending: go again at once
    assert seen[-1].online and seen[-1].pending == 70
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


def test_worker_backs_off_when_offline(till: Database) -> None:
    queue_sales(till, [10_000])
    assert (
        run(
            till,
            "connect",
            "--no-check",
            "--server",
            "http://127.0.0.1:9",
            "--outlet",
            "5371-01",
            "--token",
            "t",
        )
        == 0
    )
    seen: list[SyncStatus] = []
    worker = SyncWorker(till, seen.append, backoff_base=1.0, backoff_cap=8.0, rng=random.Random(1))
    delays = [worker.run_round() for _ in range(6)]
    assert not seen[-1].online and seen[-1].pending == 1 and seen[-1].message.startswith("Offline")
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and 2.0 <= delays[2] <= 4.0
    assert all(4.0 <= d <= 8.0 for d in delays[3:])  # capped


def test_backoff_jitter_spreads_retries() -> None:
    rng = random.Random(7)
    values = {round(backoff_delay(5, 2.0, 300.0, rng), 3) for _ in range(50)}
    assert len(values) > 40 and all(16.0 <= v <= 32.0 for v in values)
