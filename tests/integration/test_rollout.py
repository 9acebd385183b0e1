"""A province rolling out real outlets with the commands the README documents, and nothing else.

The provincial server runs as `ntt-pos-province serve` (SQLite, and PostgreSQL where it runs); outlets
and tills are registered with `add-outlet` and `add-till`; each till is set up with `ntt-pos init`
(not the demo), `users add` and `products import`; sales, discounts, PPN, split payments and refunds go
through the real checkout; `ntt-pos sync --once` delivers them. The province's reports must equal the
tills' own figures to the rupiah.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from pos.core.cart import Cart, Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import DB_FILENAME, Database
from pos.db.models import User
from pos.services import catalog, checkout, refunds, users

BIN = Path(sys.executable).parent
PIN, CASHIER_PIN = "2468", "1357"
NIP_A, NIP_B, NIP_C = "198609262015051001", "197103201998032006", "198906192023211019"

PRODUCTS_CSV = """\
kode,barcode,nama,kategori,produsen,satuan,harga,harga_pokok,harga_titip,pajak,titip,aktif,stok_min
KOPI-250,8991000000010,Kopi Arabika Manggarai 250 g,Kopi,Kopi Flores Bajawa,pcs,75000,,60000,none,ya,ya,5
TENUN-01,,Tenun Ikat Sumba Timur,Tenun,Tenun Ina Ndao,lembar,1050000,,900000,ppn_included,ya,ya,1
MKP-60,8991000000041,Minyak Kayu Putih 60 ml,Minyak,Koperasi Buru,botol,33333,20000,,ppn_added,tidak,ya,10
"""
ASN_CSV = f"""nip,nama,instansi,kabupaten
{NIP_A},Maria Goreti Bria,Dinas Koperasi dan UKM,Kota Kupang
{NIP_B},Yohanes Lado,Bappelitbangda,Kota Kupang
{NIP_C},Sisilia Nogo,Dinas Koperasi dan UKM,Kota Kupang
"""


def run(*args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)
    if ok:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def province(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[str]]:
    """`ntt-pos-province --database-url URL` as a command prefix, with `serve` running on loopback."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'province.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_database_url")
        from pos.province.database import create_province_engine

        engine = create_province_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    command = [str(BIN / "ntt-pos-province"), "--database-url", url]
    port = free_port()
    server = subprocess.Popen(
        [*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{base}/api/v1/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "ntt-pos-province serve did not start"
            time.sleep(0.1)
        yield [*command, base]
    finally:
        server.terminate()
        server.wait(timeout=20)


def last_word(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout.split()[-1]


def set_up_till(folder: Path, tmp: Path, outlet: str, kabupaten: str, server: str, token: str) -> Path:
    secrets = tmp / f"secrets-{folder.name}"
    secrets.mkdir()
    (secrets / "pin").write_text(PIN + "\n")
    (secrets / "cashier").write_text(CASHIER_PIN + "\n")
    (secrets / "token").write_text(token + "\n")
    (secrets / "products.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    pos = [BIN / "ntt-pos", "--data-dir", folder]
    run(*pos, "init", "--outlet-code", outlet, "--kabupaten", kabupaten, "--address", "Jl. Uji 1",
        "--admin-user", "admin", "--admin-pin-file", secrets / "pin",
        "--server", server, "--token-file", secrets / "token")  # fmt: skip
    admin = ["--admin", "admin", "--admin-pin-file", secrets / "pin"]
    run(*pos, "users", "add", "kasir1", "--name", "Yuliana Bria", "--role", "cashier",
        "--pin-file", secrets / "cashier", *admin)  # fmt: skip
    run(*pos, "products", "import", secrets / "products.csv", *admin)
    return secrets


def trade(folder: Path, nip: str, other_nip: str) -> None:
    """A day at the till: discounts, PPN included and added, split payments, ASN buyers, refunds."""
    db = Database.open(folder, create=False)
    try:
        with db.unit_of_work() as uow:
            cashier = users.actor_of(uow.session.query(User).filter_by(username="kasir1").one())
            manager = users.actor_of(uow.session.query(User).filter_by(username="admin").one())
            found = {
                code: catalog.find_by_barcode(uow, code) for code in ("8991000000010", "KOPI-250", "MKP-60")
            }
            tenun = next(p for p in catalog.search(uow, "tenun ikat") if p.name.startswith("Tenun"))
        kopi, minyak = found["8991000000010"], found["MKP-60"]
        assert kopi is not None and minyak is not None and found["KOPI-250"] is not None

        def sell(cart: Cart, buyer: str | None, split: bool = False) -> checkout.CompletedSale:
            total = price_cart(cart).total
            pays = (
                [Payment(PaymentMethod.QRIS, total // 3, "QR"), Payment(PaymentMethod.CASH, total)]
                if split
                else [Payment(PaymentMethod.CASH, total + 1_000)]
            )
            with db.unit_of_work() as uow:
                return checkout.complete_sale(uow, cashier, cart, pays, buyer_nip=buyer)

        first = Cart()
        first.add(kopi.as_cart_product(), 2)
        first.add(minyak.as_cart_product(), 3)
        sold = sell(first, nip)
        second = Cart()
        second.add(tenun.as_cart_product(), 1)
        second.add(kopi.as_cart_product(), 1)
        second.set_line_discount(1, Discount.of_percent("10", "promo"))
        second.set_sale_discount(Discount.of_rupiah(25_000, "ASN"))
        sell(second, other_nip, split=True)
        third = Cart()
        third.add(minyak.as_cart_product(), 1)
        sell(third, None)
        with db.unit_of_work() as uow:
            line = refunds.find_sale_for_refund(uow, sold.receipt_no).lines[1]
            refunds.refund_sale(uow, cashier, manager, sold.receipt_no, {line.sale_line_id: 1}, "rusak", None)
    finally:
        db.close()


def till_totals(folder: Path) -> dict[str, int]:
    return dict(json.loads(run(BIN / "ntt-pos", "--data-dir", folder, "report", "totals", "--json").stdout))


def buyer_totals(folder: Path) -> dict[str, int]:
    """Per NIP: what the till sold to that buyer, less what it refunded to them."""
    con = Database.open(folder, create=False)
    try:
        with con.unit_of_work() as uow:
            rows = uow.session.execute(
                text(
                    "SELECT s.buyer_nip, SUM(s.total) - COALESCE((SELECT SUM(r.total) FROM refunds r "
                    "JOIN sales s2 ON s2.id = r.sale_id WHERE s2.buyer_nip = s.buyer_nip), 0) "
                    "FROM sales s WHERE s.buyer_nip IS NOT NULL GROUP BY s.buyer_nip"
                )
            ).all()
    finally:
        con.close()
    return {nip: int(amount) for nip, amount in rows}


@pytest.mark.slow
def test_two_outlets_three_tills_deliver_every_sale_and_the_province_agrees(
    province: list[str], tmp_path: Path
) -> None:
    *admin, server = province
    kupang_01 = last_word(
        run(*admin, "add-outlet", "5371", "--name", "NTT Mart Kota Kupang", "--kabupaten", "Kota Kupang")
    )
    kupang_02 = last_word(run(*admin, "add-till", "5371"))
    sikka_01 = last_word(
        run(*admin, "add-outlet", "5307", "--name", "NTT Mart Sikka", "--kabupaten", "Sikka")
    )
    (tmp_path / "asn.csv").write_text(ASN_CSV, encoding="utf-8")
    run(*admin, "import-asn", tmp_path / "asn.csv")

    # A token of another outlet stops `init` before anything is created.
    (tmp_path / "wrong-token").write_text(sikka_01)
    refused = run(BIN / "ntt-pos", "--data-dir", tmp_path / "wrong", "init", "--outlet-code", "5371",
                  "--kabupaten", "5371", "--address", "x", "--admin-user", "admin", "--admin-pin", PIN,
                  "--server", server, "--token-file", tmp_path / "wrong-token", ok=False)  # fmt: skip
    assert refused.returncode != 0 and "5307" in refused.stderr
    assert not (tmp_path / "wrong" / DB_FILENAME).exists()

    tills = {
        "5371-01": (tmp_path / "kupang-01", "5371", "5371", kupang_01),
        "5371-02": (tmp_path / "kupang-02", "5371", "5371", kupang_02),
        "5307-01": (tmp_path / "sikka-01", "5307", "Sikka", sikka_01),
    }
    for folder, outlet, kabupaten, token in tills.values():
        set_up_till(folder, tmp_path, outlet, kabupaten, server, token)
    trade(tills["5371-01"][0], NIP_A, NIP_B)
    trade(tills["5371-02"][0], NIP_A, NIP_C)
    trade(tills["5307-01"][0], NIP_B, NIP_C)
    for folder, *_ in tills.values():
        done = run(BIN / "ntt-pos", "--data-dir", folder, "sync", "--once", "--json")
        assert json.loads(done.stdout)["rejected"] == 0

    outlets = {row["outlet"]: row for row in json.loads(run(*admin, "report", "outlets", "--json").stdout)}
    mine = {label: till_totals(folder) for label, (folder, *_) in tills.items()}
    for code, labels in (("5371", ["5371-01", "5371-02"]), ("5307", ["5307-01"])):
        assert outlets[code]["sales"] == sum(mine[label]["sales"] for label in labels)
        assert outlets[code]["gross"] == sum(mine[label]["gross"] for label in labels)
        assert outlets[code]["refunds"] == sum(mine[label]["refunded"] for label in labels)
    assert all(figures["unsynced"] == 0 and figures["rejected"] == 0 for figures in mine.values())

    compliance = json.loads(run(*admin, "report", "compliance", "--json").stdout)
    expected: dict[str, int] = {}
    for folder, *_ in tills.values():
        for nip, amount in buyer_totals(folder).items():
            expected[nip] = expected.get(nip, 0) + amount
    assert {person["nip"]: person["total"] for person in compliance["asn"]} == expected

    per_till = {
        row["till"]: row for row in json.loads(run(*admin, "report", "outlets", "--tills", "--json").stdout)
    }
    assert set(per_till) == set(tills)
    assert all(row["pending"] == 0 and row["app_version"] for row in per_till.values())

    numbers = {}
    for label, (folder, *_) in tills.items():
        db = Database.open(folder, create=False)
        with db.unit_of_work() as uow:
            numbers[label] = set(uow.session.execute(text("SELECT receipt_no FROM sales")).scalars())
        db.close()
        assert all(number.startswith(label + "-") for number in numbers[label])
    assert not numbers["5371-01"] & numbers["5371-02"]
