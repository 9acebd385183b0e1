"""`ntt-pos connect`: the server says whose till a token is; a till that has not sold takes that
identity, a till that has sold must match it, and nothing is stored otherwise. After a province reset
(database recreated), the till sends everything again and pulls the registry from the start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import ntt_pos
from helpers.real_till import CATALOG, make_real_till
from sqlalchemy import Engine, func, select

from pos.province.asn import import_asn_csv
from pos.province.outlets import add_outlet, add_till
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services import till_identity
from pos.sync.runner import load_connection

KOPI = CATALOG[0][0]


def register(engine: Engine, code: str) -> str:
    with engine.begin() as conn:
        return add_outlet(conn, code, f"NTT Mart {code}", "Kota Kupang")


@pytest.mark.slow
def test_a_till_that_has_not_sold_takes_the_tokens_outlet_and_terminal(
    province_engine: Engine, live_server: BackgroundServer, tmp_path: Path
) -> None:
    register(province_engine, "5310")
    with province_engine.begin() as conn:
        _, token = add_till(conn, "5310")
    till = make_real_till(tmp_path / "till", code="5371")  # set up under another code, nothing sold
    (tmp_path / "token").write_text(token)
    done = ntt_pos(
        till.db.path.parent, "connect", "--server", live_server.url, "--token-file", str(tmp_path / "token")
    )
    assert done.returncode == 0, done.stderr
    assert "kasir 5310-02" in done.stdout
    with till.db.unit_of_work() as uow:
        assert till_identity.current(uow) == ("5310", "02")
    assert all(event["outlet"] == "5310" and event["terminal"] == "02" for event in till.events())
    till.sell(till.cart((KOPI, 1)))
    synced = ntt_pos(till.db.path.parent, "sync", "--once", "--json")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["accepted"] == len(till.events())
    till.db.close()


@pytest.mark.slow
def test_a_till_that_has_sold_keeps_its_identity_and_refuses_another_outlets_token(
    province_engine: Engine, live_server: BackgroundServer, tmp_path: Path
) -> None:
    other = register(province_engine, "5310")
    till = make_real_till(tmp_path / "till", code="5371")
    till.sell(till.cart((KOPI, 1)))
    done = ntt_pos(till.db.path.parent, "connect", "--server", live_server.url, "--token", other)
    assert done.returncode == 4
    assert "5371-01" in done.stderr and "5310-01" in done.stderr
    assert load_connection(till.db) is None
    expected = ntt_pos(
        till.db.path.parent, "connect", "--server", live_server.url, "--token", other, "--outlet", "5371"
    )
    assert expected.returncode == 4 and "bukan outlet 5371" in expected.stderr
    till.db.close()


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.slow
def test_after_the_province_database_is_recreated_the_till_delivers_everything_again(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    from province_fixtures import make_province_engine

    from pos.province.api import create_app

    engine = make_province_engine(request, tmp_path, backend)
    token = register(engine, "5371")
    with engine.begin() as conn:  # the till's registry cursor moves past 2
        import_asn_csv(
            conn,
            "197103201998032006,Yohanes Lado,Bappelitbangda,Kota Kupang\n"
            "198906192023211019,Sisilia Nogo,Dinas Koperasi,Kota Kupang\n",
        )
    till = make_real_till(tmp_path / "till")
    for qty in (1, 2, 3):
        till.sell(till.cart((KOPI, qty)), buyer_nip="198609262015051001")
    folder = till.db.path.parent
    with BackgroundServer(create_app(engine)) as server:
        assert ntt_pos(folder, "connect", "--server", server.url, "--token", token).returncode == 0
        assert ntt_pos(folder, "sync", "--once").returncode == 0
    # The province loses its database: recreated empty, the outlet registered again with a new token.
    engine.dispose()
    (tmp_path / "province.sqlite3").unlink()
    engine = make_province_engine(request, tmp_path, backend)
    new_token = register(engine, "5371")
    with engine.begin() as conn:
        import_asn_csv(conn, "198609262015051001,Maria Goreti Bria,Dinas Koperasi,Kota Kupang\n")
    with BackgroundServer(create_app(engine)) as server:
        assert ntt_pos(folder, "connect", "--server", server.url, "--token", new_token).returncode == 0
        synced = ntt_pos(folder, "sync", "--once", "--json")
    assert synced.returncode == 0, synced.stderr
    summary = json.loads(synced.stdout)
    assert summary["accepted"] == len(till.events()) and summary["registry_changes"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count(sales.c.id))).scalar_one() == 3
    engine.dispose()
    till.db.close()


@pytest.mark.slow
def test_sync_exits_5_while_any_event_is_rejected_and_says_how_many(
    province_engine: Engine, live_server: BackgroundServer, tmp_path: Path
) -> None:
    token = register(province_engine, "5371")
    till = make_real_till(tmp_path / "till")
    till.sell(till.cart((KOPI, 1)))
    folder = till.db.path.parent
    with till.db.unit_of_work() as uow:  # a till whose clock ran a day fast when it sold
        from pos.db.models import OutboxEvent

        row = uow.session.query(OutboxEvent).filter_by(kind="sale").one()
        event = json.loads(row.payload)
        event["created_at"] = event["payload"]["created_at"] = "2999-01-01T00:00:00+00:00"
        row.payload = json.dumps(event)
        uow.commit()
    assert ntt_pos(folder, "connect", "--server", live_server.url, "--token", token).returncode == 0
    done = ntt_pos(folder, "sync", "--once")
    assert done.returncode == 5, done.stderr
    assert "1 event ditolak" in done.stderr
    totals = json.loads(ntt_pos(folder, "report", "totals", "--json").stdout)
    assert totals["rejected"] == 1
    till.db.close()
