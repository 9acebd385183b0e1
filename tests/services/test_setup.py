"""First-run set-up: all or nothing in one transaction, the draft file, and what counts as set up."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from pos.core.errors import DomainError
from pos.db.engine import Database
from pos.db.models import AuditEntry, Outlet, Setting, User
from pos.services import setup, users
from pos.services.setup import OutletSetup, ProvinceServer

GOOD = OutletSetup(
    outlet_code="5309",  # chosen by the outlet under the old list: kept as it is
    name="NTT Mart by Dekranasda Sikka",
    kabupaten_code="5307",
    address="Jl. Ahmad Yani No. 1, Maumere",
    admin_username="admin",
    admin_full_name="Maria Goreti",
    admin_pin="4826",
    printer={"kind": "none", "paper": 58},
    server=ProvinceServer("http://127.0.0.1:9/", "rahasia", "5309-01"),
)


def test_the_22_kabupaten_kota_of_ntt_with_kemendagri_codes() -> None:
    codes = [code for code, _ in setup.KABUPATEN]
    assert len(codes) == 22 and codes == sorted(codes)
    assert codes[:21] == [f"53{n:02d}" for n in range(1, 22)] and codes[21] == "5371"
    assert setup.outlet_name_for("5371") == "NTT Mart by Dekranasda Kota Kupang"
    # Kemendagri (the first digits of every NIK issued there), not BPS: Sikka 53.07, Rote Ndao 53.14.
    assert setup.outlet_name_for("5310") == "NTT Mart by Dekranasda Manggarai"
    assert setup.kabupaten_code("sikka") == "5307" and setup.kabupaten_code("Kota Kupang") == "5371"
    assert setup.kabupaten_code("Ende") == "5308" and setup.kabupaten_code("53.14") == "5314"
    with pytest.raises(DomainError, match="bukan kabupaten"):
        setup.kabupaten_code("Bandung")


def test_initialize_writes_outlet_admin_and_settings_then_counts_as_set_up(tmp_path: Path) -> None:
    assert not setup.data_dir_is_set_up(tmp_path)
    db = Database.open(tmp_path, create=True)
    try:
        with db.unit_of_work() as uow:
            assert not setup.is_set_up(uow)
        result = setup.initialize_outlet(db, GOOD)
        assert result.outlet_name == GOOD.name and result.admin_username == "admin"
        with db.unit_of_work() as uow:
            outlet = uow.session.scalars(select(Outlet)).one()
            assert (outlet.code, outlet.kabupaten) == ("5309", "Kabupaten Sikka")
            assert outlet.kabupaten_code == "5307"
            assert outlet.timezone == "Asia/Makassar"
            values = {s.key: s.value for s in uow.session.scalars(select(Setting))}
            assert values["printer"] == {"kind": "none", "paper": 58} and values["receipt.paper"] == 58
            assert values["sync.server"] == "http://127.0.0.1:9" and values["sync.token"] == "rahasia"
            query = select(AuditEntry).where(AuditEntry.action == "setup.initialize")
            entry = uow.session.scalars(query).one()
            assert "rahasia" not in json.dumps(entry.detail) and "4826" not in json.dumps(entry.detail)
            actor = users.authenticate(uow, "admin", "4826")
            assert actor.role == "admin" and actor.full_name == "Maria Goreti"
            with pytest.raises(DomainError, match="sudah berisi outlet"):
                setup.initialize_outlet(db, GOOD)
    finally:
        db.close()
    assert setup.data_dir_is_set_up(tmp_path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"admin_pin": "1234"}, "mudah ditebak"),
        ({"kabupaten_code": "3201"}, "bukan salah satu"),
        ({"address": " "}, "Alamat"),
        ({"qris_static": "000201010211"}, "QRIS"),
        ({"timezone": "Mars/Olympus"}, "Zona waktu"),
        ({"server": ProvinceServer("ftp://x", "t", "5309-01")}, "http"),
    ],
)
def test_a_bad_answer_writes_nothing(tmp_path: Path, change: dict[str, object], message: str) -> None:
    db = Database.open(tmp_path, create=True)
    try:
        with pytest.raises(DomainError, match=message):
            setup.initialize_outlet(db, replace(GOOD, **change))  # type: ignore[arg-type]
        with db.unit_of_work() as uow:
            assert uow.session.scalar(select(Outlet.id)) is None
            assert uow.session.scalar(select(User.id)) is None
            assert uow.session.scalar(select(Setting.key)) is None
    finally:
        db.close()


def test_a_failure_inside_the_transaction_rolls_everything_back(tmp_path: Path) -> None:
    """A setting that cannot be stored fails at commit, after outlet and admin were already added."""
    db = Database.open(tmp_path, create=True)
    try:
        broken = replace(GOOD, extra_settings={"receipt.logo": object()})  # not JSON: fails at flush
        with pytest.raises(StatementError, match="not JSON serializable"):
            setup.initialize_outlet(db, broken)
        with db.unit_of_work() as uow:
            assert not setup.is_set_up(uow)
            assert uow.session.scalar(select(User.id)) is None
    finally:
        db.close()


def test_draft_keeps_answers_but_never_the_pin(tmp_path: Path) -> None:
    assert setup.load_draft(tmp_path) == {}
    setup.save_draft(tmp_path, {"outlet_code": "5309", "admin_pin": "4826", "admin_pin_again": "4826"})
    assert setup.load_draft(tmp_path) == {"outlet_code": "5309", "draft_version": setup.DRAFT_VERSION}
    assert "4826" not in setup.draft_path(tmp_path).read_text()
    setup.draft_path(tmp_path).write_text("{not json")
    assert setup.load_draft(tmp_path) == {}
    setup.clear_draft(tmp_path)
    assert not setup.draft_path(tmp_path).exists()


def test_a_draft_from_the_old_list_keeps_the_kabupaten_the_admin_chose(tmp_path: Path) -> None:
    """Before 0004 the wizard's list gave Sikka 5309 and Ende 5310: an old draft still means those."""
    setup.draft_path(tmp_path).write_text(json.dumps({"kabupaten": "5310", "outlet_code": "5310"}))
    draft = setup.load_draft(tmp_path)
    assert draft["kabupaten"] == "5308" and setup.kabupaten_name(draft["kabupaten"]) == "Kabupaten Ende"
    assert draft["outlet_code"] == "5310"  # the outlet code is the admin's choice: never changed
    setup.save_draft(tmp_path, draft)
    assert setup.load_draft(tmp_path)["kabupaten"] == "5308"  # read once, by the new list from then on


def test_a_database_with_an_outlet_but_no_active_admin_is_not_set_up(tmp_path: Path) -> None:
    db = Database.open(tmp_path, create=True)
    try:
        setup.initialize_outlet(db, GOOD)
        with db.unit_of_work() as uow:
            uow.session.scalars(select(User)).one().active = False
            uow.commit()
            assert not setup.is_set_up(uow)
    finally:
        db.close()


def ntt_pos(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


@pytest.mark.slow
def test_ntt_pos_init_headless_sets_up_a_real_outlet(tmp_path: Path) -> None:
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text("4826\n")
    till = tmp_path / "till"
    base = (
        "init",
        "--outlet-code",
        "5310",
        "--kabupaten",
        "Ende",
        "--address",
        "Jl. Kelimutu 3, Ende",
        "--admin-user",
        "admin",
    )
    weak = ntt_pos(till, *base, "--admin-pin", "1234")
    assert weak.returncode == 2 and "mudah ditebak" in weak.stderr
    assert not (till / "till.sqlite3").exists()  # nothing half-made
    no_pin = ntt_pos(till, *base, stdin="")
    assert no_pin.returncode == 2 and "--admin-pin-file" in no_pin.stderr

    # With a server, the server is asked first whose till the token is: unreachable, nothing is made.
    # (tests/integration/test_rollout.py and tests/sync/test_connect.py use a real one.)
    unreachable = ntt_pos(
        till, *base, "--admin-pin-file", str(pin_file), "--server", "http://127.0.0.1:9", "--token", "t0k3n"
    )
    assert unreachable.returncode == 2 and "tidak ada yang dibuat" in unreachable.stderr
    assert not (till / "till.sqlite3").exists()
    run = ntt_pos(till, *base, "--admin-pin-file", str(pin_file), "--footer", "Mai ko!")
    assert run.returncode == 0, run.stderr
    assert "NTT Mart by Dekranasda Ende" in run.stdout
    assert setup.data_dir_is_set_up(till)
    db = Database.open(till, create=False)
    try:
        with db.unit_of_work() as uow:
            outlet = uow.session.scalars(select(Outlet)).one()
            assert (outlet.code, outlet.receipt_footer) == ("5310", "Mai ko!")
            assert uow.session.get(Setting, "sync.outlet") is None  # no server: no connection stored
            users.authenticate(uow, "admin", "4826")
    finally:
        db.close()
    again = ntt_pos(till, *base, "--admin-pin-file", str(pin_file))
    assert again.returncode == 2 and "sudah berisi outlet" in again.stderr
