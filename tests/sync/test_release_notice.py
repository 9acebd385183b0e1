"""The province announces a release (`ntt-pos-province release`); the till learns it at its next sync and
the worker's status carries it to the status bar (tests/ui/test_update_notice.py shows it there)."""

from __future__ import annotations

from helpers.real_till import RealTill
from sqlalchemy import Engine

from pos.province import cli as province_cli
from pos.province.server import BackgroundServer
from pos.sync.runner import LATEST_VERSION_KEY, Connection, save_connection, setting
from pos.sync.worker import SyncStatus, SyncWorker


def release(engine: Engine, version: str) -> None:
    url = engine.url.render_as_string(hide_password=False)
    code = province_cli.main(
        [
            "--database-url",
            url,
            "release",
            version,
            "--url",
            f"https://pos.nttprov.go.id/rilis/ntt-pos-{version}.exe",
            "--sha256",
            "ab" * 32,
            "--notes",
            "Perbaikan cetak struk",
        ]
    )
    assert code == 0


def test_the_worker_reports_the_release_the_province_announced(
    real_till: RealTill, live_server: BackgroundServer, province_engine: Engine, till_token: str
) -> None:
    till = real_till
    save_connection(till.db, Connection(server=live_server.url, token=till_token, till="5371-01"))
    seen: list[SyncStatus] = []
    worker = SyncWorker(till.db, seen.append, interval=60)
    worker.run_round()
    assert seen[-1].online and seen[-1].latest_version is None

    release(province_engine, "9.1.0")
    worker.run_round()
    assert seen[-1].latest_version == "9.1.0"
    assert setting(till.db, LATEST_VERSION_KEY) == "9.1.0"  # kept: shown again after a restart, offline

    worker = SyncWorker(till.db, seen.append, client_factory=lambda: None)  # no server reachable now
    worker.run_round()
    assert not seen[-1].online and seen[-1].latest_version == "9.1.0"
