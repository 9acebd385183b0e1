"""`ntt-pos-province`: global options first, tokens, ASN import with row errors, reports as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from province_builders import make_sale, sale_event
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from pos.province.api import create_app
from pos.province.cli import main
from pos.province.database import alembic_config, create_province_engine
from pos.province.schema import metadata
from pos.province.server import BackgroundServer

NIP_A, NIP_B, NIP_C = "198609262015051001", "198906192023211019", "197103201998032006"


def cli(url: str, *argv: str) -> int:
    return main(["--database-url", url, *argv])


def test_console_script_add_outlet_prints_token_last(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    script = Path(sys.executable).parent / "ntt-pos-province"
    done = subprocess.run(
        [
            str(script),
            "--database-url",
            url,
            "add-outlet",
            "5371-01",
            "--name",
            "NTT Mart Kupang",
            "--kabupaten",
            "Kota Kupang",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    token = done.stdout.split()[-1]
    assert len(token) >= 40
    engine = create_province_engine(url)
    with BackgroundServer(create_app(engine)) as server:
        answer = requests.get(
            f"{server.url}/api/v1/asn/changes", headers={"Authorization": f"Bearer {token}"}, timeout=5
        )
    engine.dispose()
    assert answer.status_code == 200
    again = subprocess.run(
        [str(script), "--database-url", url, "add-outlet", "5371-01", "--name", "x", "--kabupaten", "y"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 2 and "sudah terdaftar" in again.stderr


def test_rotate_and_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert cli(url, "add-outlet", "5371-01", "--name", "A", "--kabupaten", "B") == 0
    first = capsys.readouterr().out.split()[-1]
    assert cli(url, "rotate-token", "5371-01") == 0
    second = capsys.readouterr().out.split()[-1]
    assert second != first
    assert cli(url, "revoke-token", "5371-01") == 0
    assert cli(url, "revoke-token", "9999-01") == 2


def test_import_asn_reports_each_bad_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    csv_file = tmp_path / "asn.csv"
    csv_file.write_text(
        "NIP;Nama;OPD;Kabupaten\n"
        f"19860926 201505 1 001;Ana Bria;Dinas Koperasi;Kota Kupang\n"
        "12345;Salah;Dinas X;Sikka\n"
        f"{NIP_B};Beni;;Sikka\n"
        f"NIP. 19710320.199803.2.006;Citra;Bappeda;Ende\n"
        f"{NIP_A};Ana lagi;Dinas Koperasi;Kota Kupang\n",
        encoding="utf-8",
    )
    assert cli(url, "import-asn", str(csv_file), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["inserted"], report["updated"]) == (2, 0)
    assert [e["line"] for e in report["errors"]] == [3, 4, 6]
    assert "NIP" in report["errors"][0]["message"] and "ganda" in report["errors"][2]["message"]


def test_reports_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert cli(url, "add-outlet", "5371-01", "--name", "NTT Mart Kupang", "--kabupaten", "Kota Kupang") == 0
    token = capsys.readouterr().out.split()[-1]
    (tmp_path / "asn.csv").write_text(
        f"{NIP_A},Ana,Dinas Koperasi,Kota Kupang\n{NIP_C},Citra,Bappeda,Ende\n"
        f"{NIP_B},Beni,Dinas Koperasi,Sikka\n"
    )
    assert cli(url, "import-asn", str(tmp_path / "asn.csv")) == 0
    assert cli(url, "programme", "--minimum", "150000") == 0
    capsys.readouterr()
    engine = create_province_engine(url)
    batch = [
        sale_event(make_sale(100_000, nip=NIP_A)),
        sale_event(make_sale(60_000, nip=NIP_A)),
        sale_event(make_sale(90_000, nip=NIP_C)),
        sale_event(make_sale(40_000)),
    ]
    with BackgroundServer(create_app(engine)) as server:
        requests.post(
            f"{server.url}/api/v1/events",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
            json={"protocol": 1, "outlet": "5371-01", "events": batch},
        ).raise_for_status()
    engine.dispose()
    assert cli(url, "report", "outlets", "--json") == 0
    [outlet] = json.loads(capsys.readouterr().out)
    assert (outlet["outlet"], outlet["sales"], outlet["gross"]) == ("5371-01", 4, 290_000)
    assert outlet["last_sync"] is not None
    assert cli(url, "report", "compliance", "--month", "2026-11", "--json") == 0
    compliance = json.loads(capsys.readouterr().out)
    assert compliance["minimum"] == 150_000
    by_nip = {p["nip"]: (p["total"], p["met"]) for p in compliance["asn"]}
    assert by_nip == {NIP_A: (160_000, True), NIP_C: (90_000, False), NIP_B: (0, False)}
    assert {a["agency"]: (a["asn"], a["met"]) for a in compliance["agencies"]} == {
        "Dinas Koperasi": (2, 1),
        "Bappeda": (1, 0),
    }
    assert cli(url, "report", "compliance", "--month", "2026-10", "--json") == 0
    assert json.loads(capsys.readouterr().out)["summary"]["met"] == 0
    assert cli(url, "report", "suppliers", "--month", "2026-11", "--json") == 0
    suppliers = {s["supplier"]: s["gross"] for s in json.loads(capsys.readouterr().out)["suppliers"]}
    assert suppliers == {"SUP-001": 145_000, "SUP-002": 145_000}
    assert cli(url, "report", "outlets") == 0
    assert "Rp290.000" in capsys.readouterr().out
    assert cli(url, "report", "compliance", "--month", "2026-13") == 2


def test_campaign_period_is_a_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert (
        cli(
            url,
            "programme",
            "--period",
            "campaign",
            "--campaign-name",
            "Natal 2026",
            "--campaign-start",
            "2026-12-01",
            "--campaign-end",
            "2026-12-31",
            "--json",
        )
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    assert shown["period"] == "campaign" and shown["campaign_name"] == "Natal 2026"
    assert (
        cli(
            url,
            "programme",
            "--period",
            "campaign",
            "--campaign-name",
            "X",
            "--campaign-start",
            "2026-12-31",
            "--campaign-end",
            "2026-12-01",
        )
        == 2
    )
    assert "kampanye" in capsys.readouterr().err


def test_migrations_create_exactly_the_schema(province_engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with province_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
        assert set(inspect(conn).get_table_names()) >= set(metadata.tables)
    assert alembic_config().get_main_option("script_location")


def test_tokens_never_look_like_options() -> None:
    from pos.province.outlets import TOKEN_PREFIX, _new_token

    tokens = {_new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(t.startswith(TOKEN_PREFIX) and not t.startswith("-") and len(t) > 40 for t in tokens)
