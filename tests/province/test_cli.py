"""`ntt-pos-province`: global options first, outlets and their tills, tokens per till, ASN import with
row errors, reports as JSON. The sales in the reports are a real till's (checkout, refunds), delivered
by the real sync round to a server on loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from api_helpers import hello, minutes_from_now, post_events, statuses
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, NIP_A, NIP_B, NIP_C, SEI, changed, event_of
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

import pos
from pos.province.api import create_app
from pos.province.cli import main
from pos.province.database import alembic_config, create_province_engine
from pos.province.schema import metadata
from pos.province.server import BackgroundServer
from pos.services import outbox
from pos.sync.client import ProvinceClient
from pos.sync.connect import connect_till, identify
from pos.sync.runner import SyncSummary, greet, sync_once


def cli(url: str, *argv: str) -> int:
    return main(["--database-url", url, *argv])


def last_word(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.split()[-1]


def json_out(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


@contextmanager
def serving(url: str) -> Iterator[BackgroundServer]:
    engine = create_province_engine(url)
    try:
        with BackgroundServer(create_app(engine)) as server:
            yield server
    finally:
        engine.dispose()


def connect_and_sync(till: RealTill, server: BackgroundServer, token: str) -> SyncSummary:
    """`ntt-pos connect` then `ntt-pos sync --once`, as library calls."""
    connect_till(till.db, server.url, token, identify(server.url, token))
    with ProvinceClient(server.url, token) as client:
        return sync_once(till.db, client)


@pytest.mark.slow
def test_console_script_add_outlet_prints_token_last(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    script = Path(sys.executable).parent / "ntt-pos-province"

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), "--database-url", url, *argv], capture_output=True, text=True, timeout=60
        )

    done = run("add-outlet", "5371", "--name", "NTT Mart Kupang", "--kabupaten", "Kota Kupang")
    assert done.returncode == 0, done.stderr
    token = done.stdout.split()[-1]
    assert len(token) >= 40
    with serving(url) as server:
        said = hello(server, token)
    assert said.status_code == 200 and (said.json()["outlet"], said.json()["terminal"]) == ("5371", "01")
    again = run("add-outlet", "5371", "--name", "x", "--kabupaten", "y")
    assert again.returncode == 2 and "sudah terdaftar" in again.stderr and "add-till 5371" in again.stderr
    # an outlet code with "-" is refused: the "-" separates the terminal (5371-02)
    dashed = run("add-outlet", "5372-01", "--name", "x", "--kabupaten", "y")
    assert dashed.returncode == 2 and "'-'" in dashed.stderr and dashed.stdout == ""


def test_tills_of_an_outlet_tokens_per_till_and_the_tills_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_till: Callable[..., RealTill]
) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert cli(url, "add-outlet", "5371", "--name", "NTT Mart Kupang", "--kabupaten", "Kota Kupang") == 0
    token_01 = last_word(capsys)
    assert cli(url, "add-till", "5371") == 0
    said = capsys.readouterr().out
    assert "5371-02" in said
    token_02 = said.split()[-1]
    assert cli(url, "add-till", "5399") == 2 and "5399" in capsys.readouterr().err
    till_01, till_02 = new_till("5371", "01"), new_till("5371", "02")
    sale = till_01.sell(till_01.cart((KOPI, 1)))
    ahead = till_01.sell(till_01.cart((MADU, 1)), now=minutes_from_now(10))  # this till's clock runs fast
    with serving(url) as server:
        summary = connect_and_sync(till_01, server, token_01)
        # the sale, its stock movement and its sale line (shared outlet records) are all 10 minutes ahead
        assert (summary.rejected, summary.pending) == (3, 0)
        with ProvinceClient(server.url, token_01) as client:
            sync_once(till_01.db, client)  # its hello now says: nothing pending, three rejected
        connect_till(till_02.db, server.url, token_02, identify(server.url, token_02))
        with ProvinceClient(server.url, token_02) as client:
            greet(till_02.db, client)  # hello only: everything still pending
        with till_02.db.unit_of_work() as uow:
            pending_02 = outbox.counts(uow).pending
        assert pending_02 == len(till_02.events()) > 0

        assert cli(url, "report", "outlets", "--tills", "--json") == 0
        rows = {row["till"]: row for row in json_out(capsys)}
        assert list(rows) == ["5371-01", "5371-02"]
        first, second = rows["5371-01"], rows["5371-02"]
        assert (first["sales"], first["gross"], first["pending"], first["rejected"]) == (1, sale.total, 0, 3)
        assert first["rejected_at_province"] == 3 and first["app_version"] == pos.__version__
        assert (second["sales"], second["pending"], second["rejected"]) == (0, pending_02, 0)
        assert second["app_version"] == pos.__version__
        assert first["last_sync"] and second["last_sync"] and not first["revoked"] and not second["revoked"]
        assert cli(url, "report", "outlets", "--tills") == 0
        table = capsys.readouterr().out
        assert "5371-01" in table and "5371-02" in table and pos.__version__ in table
        assert cli(url, "report", "outlets", "--json") == 0
        [outlet] = json_out(capsys)
        assert (outlet["outlet"], outlet["tills"], outlet["active_tills"], outlet["sales"]) == (
            "5371",
            2,
            2,
            1,
        )

        # rejected events, per till, until a corrected resend is accepted
        late = till_02.sell(till_02.cart((SEI, 1)), now=datetime(2026, 11, 27, 16, 30, tzinfo=UTC))
        event = event_of(till_02, late.uuid)
        wrong_day = changed(event, ("payload", "business_date"), "2026-11-27")
        assert statuses(post_events(server, token_02, [wrong_day], terminal="02")) == ["rejected"]
        assert cli(url, "report", "rejected", "--json") == 0
        rejected = json_out(capsys)
        rejected = [r for r in rejected if r["kind"] != "record"]  # the ahead sale's records too
        assert [(r["till"], r["uuid"], r["kind"], r["attempts"]) for r in rejected] == [
            ("5371-01", ahead.uuid, "sale", 1),
            ("5371-02", late.uuid, "sale", 1),
        ]
        assert "5 menit" in rejected[0]["reason"] and "tanggal usaha" in rejected[1]["reason"]
        assert statuses(post_events(server, token_02, [event], terminal="02")) == ["accepted"]
        assert cli(url, "report", "rejected", "--json") == 0
        assert [r["till"] for r in json_out(capsys)] == ["5371-01"] * 3  # the sale, its movement and line
        assert cli(url, "report", "rejected", "--outlet", "5310", "--json") == 0
        assert json_out(capsys) == []
        assert cli(url, "report", "rejected") == 0
        assert ahead.uuid in capsys.readouterr().out

        # rotate-token / revoke-token act on that till only
        assert cli(url, "rotate-token", "5371-02") == 0
        new_02 = last_word(capsys)
        assert new_02 not in (token_01, token_02)
        assert hello(server, token_02).status_code == 401
        assert hello(server, new_02).json()["terminal"] == "02"
        assert hello(server, token_01).json()["terminal"] == "01"
        assert cli(url, "revoke-token", "5371-02") == 0
        capsys.readouterr()
        assert hello(server, new_02).status_code == 401
        assert hello(server, token_01).status_code == 200
        assert cli(url, "report", "outlets", "--tills", "--json") == 0
        assert {row["till"]: row["revoked"] for row in json_out(capsys)} == {
            "5371-01": False,
            "5371-02": True,
        }
        assert cli(url, "rotate-token", "5371") == 0  # `5371` alone is till 01
        new_01 = last_word(capsys)
        assert hello(server, token_01).status_code == 401 and hello(server, new_01).status_code == 200
    assert cli(url, "revoke-token", "9999") == 2
    assert cli(url, "revoke-token", "5371-07") == 2
    assert cli(url, "rotate-token", "53-71-02") == 2
    assert "kasir" in capsys.readouterr().err


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


def test_reports_as_json_equal_the_tills_own_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], real_till: RealTill
) -> None:
    url = f"sqlite:///{tmp_path}/p.sqlite3"
    assert cli(url, "add-outlet", "5371", "--name", "NTT Mart Kupang", "--kabupaten", "Kota Kupang") == 0
    token = last_word(capsys)
    (tmp_path / "asn.csv").write_text(
        f"{NIP_A},Ana,Dinas Koperasi,Kota Kupang\n{NIP_C},Citra,Bappeda,Ende\n"
        f"{NIP_B},Beni,Dinas Koperasi,Sikka\n"
    )
    assert cli(url, "import-asn", str(tmp_path / "asn.csv")) == 0
    assert cli(url, "programme", "--minimum", "150000") == 0
    capsys.readouterr()
    till = real_till

    def november(day: int) -> datetime:  # sold offline in November, synced in December
        return datetime(2026, 11, day, 3, 4, 5, tzinfo=UTC)

    a1 = till.sell(till.cart((KOPI, 1)), buyer_nip=NIP_A, now=november(20))
    a2 = till.sell(till.cart((KOPI, 1)), buyer_nip=NIP_A, now=november(21))
    c1 = till.sell(till.cart((MADU, 1)), buyer_nip=NIP_C, now=november(22))
    walk_in = till.sell(till.cart((SEI, 2)), now=november(23))
    refund = till.refund(walk_in.receipt_no, {till.sale_lines(walk_in.receipt_no)[0].sale_line_id: 1})
    with serving(url) as server:
        summary = connect_and_sync(till, server, token)
    assert (summary.rejected, summary.pending) == (0, 0)
    gross = a1.total + a2.total + c1.total + walk_in.total
    assert cli(url, "report", "outlets", "--json") == 0
    [outlet] = json_out(capsys)
    assert (outlet["outlet"], outlet["sales"], outlet["gross"]) == ("5371", 4, gross)
    assert (outlet["refunds"], outlet["net"]) == (refund.total, gross - refund.total)
    assert outlet["last_sync"] is not None
    assert cli(url, "report", "compliance", "--month", "2026-11", "--json") == 0
    compliance = json_out(capsys)
    assert compliance["minimum"] == 150_000
    by_nip = {p["nip"]: (p["total"], p["met"]) for p in compliance["asn"]}
    assert a1.total + a2.total >= 150_000 > c1.total
    assert by_nip == {NIP_A: (a1.total + a2.total, True), NIP_C: (c1.total, False), NIP_B: (0, False)}
    assert {a["agency"]: (a["asn"], a["met"]) for a in compliance["agencies"]} == {
        "Dinas Koperasi": (2, 1),
        "Bappeda": (1, 0),
    }
    assert cli(url, "report", "compliance", "--month", "2026-10", "--json") == 0
    assert json_out(capsys)["summary"]["met"] == 0
    assert cli(url, "report", "suppliers", "--month", "2026-11", "--json") == 0
    suppliers = {s["supplier"]: (s["gross"], s["refunded"], s["net"]) for s in json_out(capsys)["suppliers"]}
    assert suppliers == {
        "SUP-001": (a1.total + a2.total, 0, a1.total + a2.total),
        "SUP-002": (c1.total, 0, c1.total),
        "SUP-003": (walk_in.total, refund.total, walk_in.total - refund.total),
    }
    assert cli(url, "report", "outlets") == 0
    assert f"Rp{gross:,}".replace(",", ".") in capsys.readouterr().out
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
