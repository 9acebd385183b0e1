"""`ntt-pos-province add-user | set-password | disable-user | target` as a province IT officer runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from dashboard_data import AGENCY_A, ASN_CSV, PASSWORD
from sqlalchemy import select

from pos.province.cli import main
from pos.province.database import create_province_engine
from pos.province.schema import web_users
from pos.province.web import accounts


@pytest.mark.slow  # a dozen argon2 hashes and verifications
def test_users_are_added_with_their_scope_and_refused_without_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'province.sqlite3'}"
    (tmp_path / "asn.csv").write_text(ASN_CSV, encoding="utf-8")
    (tmp_path / "pw").write_text(PASSWORD + "\nsecond line ignored\n", encoding="utf-8")
    (tmp_path / "short").write_text("pendek\n", encoding="utf-8")
    pw = ["--password-file", str(tmp_path / "pw")]

    def cli(*argv: str) -> int:
        return main(["--database-url", url, *argv])

    assert cli("import-asn", str(tmp_path / "asn.csv")) == 0
    assert cli("add-outlet", "5371", "--name", "NTT Mart Kupang", "--kabupaten", "Kota Kupang") == 0
    assert cli("add-user", "Kadis.Koperasi", "--role", "agency", "--agency", AGENCY_A, *pw) == 0
    assert cli("add-user", "manajer", "--role", "outlet", "--outlet", "5371", *pw) == 0
    capsys.readouterr()
    refused = [
        ("kadis2", "--role", "agency", "--agency", "Dinas Koperasi", *pw),  # not the registry's text
        ("kadis3", "--role", "agency", *pw),
        ("manajer2", "--role", "outlet", "--outlet", "9999", *pw),
        ("pemantau", "--role", "viewer", "--outlet", "5371", *pw),
        ("pemantau", "--role", "viewer", "--password-file", str(tmp_path / "short")),
        ("kadis.koperasi", "--role", "viewer", *pw),  # taken (names are lower case)
    ]
    for argv in refused:
        assert cli("add-user", *argv) == 2, argv
        assert capsys.readouterr().err.startswith("Gagal: ")
    engine = create_province_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(web_users.c.username, web_users.c.role, web_users.c.agency)).all()
            stored = conn.execute(select(web_users.c.password_hash)).scalars().all()
        assert sorted(rows) == [("kadis.koperasi", "agency", AGENCY_A), ("manajer", "outlet", None)]
        assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in stored)

        (tmp_path / "new").write_text("Flobamora-Baru-2027\n", encoding="utf-8")
        assert cli("set-password", "kadis.koperasi", "--password-file", str(tmp_path / "new")) == 0
        with engine.begin() as conn, pytest.raises(accounts.SignInRefused):
            accounts.sign_in(conn, "kadis.koperasi", PASSWORD, "127.0.0.1")
        with engine.begin() as conn:
            assert (
                accounts.sign_in(conn, "kadis.koperasi", "Flobamora-Baru-2027", "127.0.0.1").agency
                == AGENCY_A
            )
        assert cli("disable-user", "kadis.koperasi") == 0
        with engine.begin() as conn, pytest.raises(accounts.SignInRefused):
            accounts.sign_in(conn, "kadis.koperasi", "Flobamora-Baru-2027", "127.0.0.1")
        assert cli("disable-user", "siapa") == 2
    finally:
        engine.dispose()
    capsys.readouterr()
    assert cli("target", "--amount", "175000000000") == 0
    assert cli("target") == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("Rp175.000.000.000")
    assert cli("target", "--amount", "0") == 2
