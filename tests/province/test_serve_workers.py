"""`ntt-pos-province serve --workers 2` as the systemd unit runs it: the console script on loopback, two
uvicorn worker processes on PostgreSQL (the URL from the environment, as installer/province/env.example
sets it), a real till's batch posted to it and counted once in the summaries."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from api_helpers import register_outlet
from helpers.real_till import RealTill
from helpers.sales import KOPI, NIP_A
from sqlalchemy import select, text

from pos.province.cli import main
from pos.province.database import create_province_engine
from pos.province.schema import asn_period_totals
from pos.province.serving import DATABASE_URL_ENV
from pos.sync.protocol import batch_request_body

SCRIPT = Path(sys.executable).parent / "ntt-pos-province"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def clean_pg_url(pg_database_url: str) -> Iterator[str]:
    engine = create_province_engine(pg_database_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    yield pg_database_url


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts worker processes in Linux /proc")
def test_serve_with_two_workers_on_postgresql_takes_a_real_batch(
    clean_pg_url: str, real_till: RealTill
) -> None:
    port = free_port()
    env = {**os.environ, DATABASE_URL_ENV: clean_pg_url}
    server = subprocess.Popen(
        [str(SCRIPT), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                if requests.get(f"{base}/api/v1/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "serve --workers 2 did not start"
            time.sleep(0.2)
        assert len(children(server.pid)) >= 2  # the workers (plus, on some versions, a resource tracker)
        engine = create_province_engine(clean_pg_url)  # the schema is the one `serve` migrated
        token = register_outlet(engine)
        sold = [real_till.sell(real_till.cart((KOPI, n)), buyer_nip=NIP_A) for n in (1, 2, 3)]
        events = [e for e in real_till.events() if e["kind"] == "sale"]
        body = batch_request_body("5371", "01", [json_of(e) for e in events], app_version="test")
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for _ in range(2):  # the second time, perhaps to the other worker: all duplicates
            answer = requests.post(f"{base}/api/v1/events", data=body, headers=headers, timeout=30)
            assert answer.status_code == 200, answer.text
        assert {r["status"] for r in answer.json()["results"]} == {"duplicate"}
        with engine.connect() as conn:
            amount = conn.execute(
                select(asn_period_totals.c.amount).where(
                    asn_period_totals.c.nip == NIP_A, asn_period_totals.c.period_key.not_like("campaign:%")
                )
            ).scalar_one()
        engine.dispose()
        assert amount == sum(sale.total for sale in sold)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert main(["--database-url", clean_pg_url, "verify"]) == 0


def json_of(event: dict[str, object]) -> str:
    return json.dumps(event, separators=(",", ":"))


def test_several_workers_need_postgresql(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert main(["--database-url", url, "serve", "--port", str(free_port()), "--workers", "2"]) == 2
    assert "perlu PostgreSQL" in capsys.readouterr().err
