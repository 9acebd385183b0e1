"""Three tills of one outlet sharing one catalog, one stock and one set of producers and users through a
real provincial server (`ntt-pos-province serve` on loopback), set up with the README's commands.

Each till edits products and prices, receives stock and sells while offline; then `ntt-pos sync --once`
runs on the tills in a random order, some syncs are killed with SIGKILL mid-flight and the server is
killed while a till is pushing. After two clean rounds every till holds the same catalog (a digest),
the same stock per product, the same users and price history, and the province's stock per product and
catalog equal the tills'.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import time
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import text
from test_rollout import BIN, PRODUCTS_CSV, free_port, last_word, run

from pos.core.cart import Cart
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import Product, Supplier, User
from pos.services import catalog, checkout, consignment, products, stock, suppliers, users
from pos.services.context import Role

PIN = "2468"
SEED = int(os.environ.get("OUTLET_TILLS_SEED", random.randrange(1_000_000)))


class Province:
    """`ntt-pos-province serve` on one SQLite file and port; can be killed and started again."""

    def __init__(self, folder: Path) -> None:
        self.command = [str(BIN / "ntt-pos-province"), "--database-url", f"sqlite:///{folder / 'p.sqlite3'}"]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [*self.command, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "ntt-pos-province serve did not start"
            time.sleep(0.1)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=20)


def pos_cmd(folder: Path, *args: str | Path) -> list[str]:
    return [str(BIN / "ntt-pos"), "--data-dir", str(folder), *(str(a) for a in args)]


def join_till(folder: Path, secrets: Path, server: str, token: str) -> subprocess.CompletedProcess[str]:
    (secrets / f"{folder.name}.token").write_text(token + "\n")
    return run(
        *pos_cmd(
            folder,
            "init",
            "--outlet-code",
            "5371",
            "--kabupaten",
            "5371",
            "--address",
            "Jl. El Tari 1",
            "--admin-user",
            "admin",
            "--admin-pin-file",
            secrets / "pin",
            "--server",
            server,
            "--token-file",
            secrets / f"{folder.name}.token",
        )
    )


def sync(folder: Path) -> int:
    return subprocess.run(pos_cmd(folder, "sync", "--once"), capture_output=True, timeout=120).returncode


def sync_killed(folder: Path, after: float) -> int:
    """A sync killed with SIGKILL `after` seconds in (or finished before that)."""
    child = subprocess.Popen(
        pos_cmd(folder, "sync", "--once"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return child.wait(timeout=after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        return child.wait(timeout=20)


def with_db(folder: Path, work: Any) -> Any:
    db = Database.open(folder, create=False)
    try:
        with db.unit_of_work() as uow:
            return work(uow)
    finally:
        db.close()


def admin_of(uow: Any) -> Any:
    return users.actor_of(uow.session.query(User).filter_by(username="admin").one())


def product_id(uow: Any, code: str) -> int:
    return int(uow.session.query(Product).filter_by(code=code).one().id)


def offline_work(folder: Path, n: int, rng: random.Random) -> None:
    """Price changes (KOPI-250 on two tills: a conflict), a new product, stock received, sales."""
    db = Database.open(folder, create=False)
    try:
        with db.unit_of_work() as uow:
            admin = admin_of(uow)
            kopi = product_id(uow, "KOPI-250")
            if n in (1, 2):
                products.set_price(uow, admin, kopi, 78_000 + 2_000 * n)
        with db.unit_of_work() as uow:
            supplier = uow.session.query(Supplier).filter_by(code="SUP-001").one().id
            new = products.create_product(
                uow,
                admin,
                products.ProductInput(name=f"Kain Till {n}", price=50_000 + n, supplier_id=supplier),
            )
        with db.unit_of_work() as uow:
            stock.receive(
                uow, admin, supplier, [stock.StockLine(kopi, 10 * n), stock.StockLine(new.product_id, 7)]
            )
        if n == 3:
            with db.unit_of_work() as uow:
                tenun = product_id(uow, "TENUN-01")
                renamed = replace(products.get_product(uow, tenun).as_input(), name="Tenun Ikat Sumba (baru)")
                products.update_product(uow, admin, tenun, renamed)
                users.create_user(
                    uow, admin, username="kasir3", full_name="Kasir Tiga", role=Role.CASHIER, pin="1357"
                )
        if n == 2:
            with db.unit_of_work() as uow:
                suppliers_row = uow.session.query(Supplier).filter_by(code="SUP-002").one()
                view = asdict(suppliers.get_supplier(uow, suppliers_row.id))
                wanted = {f.name: view[f.name] for f in fields(suppliers.SupplierInput) if f.name in view}
                data = suppliers.SupplierInput(**{**wanted, "commission_bp": 2_000})
                suppliers.update_supplier(uow, admin, suppliers_row.id, data)
        for _ in range(3 + n):
            with db.unit_of_work() as uow:
                found = catalog.find_by_barcode(uow, rng.choice(["8991000000010", "8991000000041"]))
                assert found is not None
                cart = Cart()
                cart.add(found.as_cart_product(), rng.randint(1, 2))
                total = price_cart(cart).total
                checkout.complete_sale(uow, admin, cart, [Payment(PaymentMethod.CASH, total)])
        if n == 1:  # a producer paid at till 1: every till's settlement counts it
            with db.unit_of_work() as uow:
                start, end = consignment.default_period(uow)
                consignment.record_payout(uow, admin, supplier, start, end, 10_000, "transfer", "TRF-1")
    finally:
        db.close()


def settlement(uow: Any) -> tuple[int, int, int, int]:
    supplier = uow.session.query(Supplier).filter_by(code="SUP-001").one().id
    start, end = consignment.default_period(uow)
    figures = consignment.settle(uow, admin_of(uow), supplier, start, end)
    return figures.qty, figures.gross, figures.commission, figures.paid


CATALOG_SQL = """
SELECT p.uid, p.code, p.barcode, p.name, c.name, s.code, p.unit, p.price, p.cost, p.consignment_price,
       p.tax_mode, p.consignment, p.active, p.min_stock
FROM products p LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN suppliers s ON s.id = p.supplier_id
ORDER BY p.uid
"""


def snapshot(folder: Path) -> dict[str, Any]:
    def read(uow: Any) -> dict[str, Any]:
        q = uow.session.execute
        catalog_rows = [list(r) for r in q(text(CATALOG_SQL))]
        return {
            "catalog": hashlib.sha256(json.dumps(catalog_rows).encode()).hexdigest(),
            "catalog_rows": catalog_rows,
            "stock": dict(
                q(
                    text(
                        "SELECT p.code, SUM(m.qty) FROM stock_movements m JOIN products p "
                        "ON p.id = m.product_id GROUP BY p.code"
                    )
                ).all()
            ),
            "movements": q(text("SELECT COUNT(*) FROM stock_movements")).scalar(),
            "users": sorted(
                tuple(r) for r in q(text("SELECT username, role, pin_hash, active FROM users")).all()
            ),
            "suppliers": sorted(
                tuple(r) for r in q(text("SELECT code, name, commission_bp, active FROM suppliers")).all()
            ),
            "prices": sorted(
                tuple(r)
                for r in q(
                    text(
                        "SELECT pc.uuid, p.uid, pc.old_price, pc.new_price FROM price_changes pc "
                        "JOIN products p ON p.id = pc.product_id"
                    )
                ).all()
            ),
            "price_tills": sorted(q(text("SELECT till FROM price_changes")).scalars().all(), key=str),
        }

    return dict(with_db(folder, read))


@pytest.mark.slow
def test_three_tills_of_one_outlet_end_with_one_catalog_and_one_stock(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    province = Province(tmp_path)
    admin_cmd = province.command
    tokens = [
        last_word(
            run(
                *admin_cmd,
                "add-outlet",
                "5371",
                "--name",
                "NTT Mart Kota Kupang",
                "--kabupaten",
                "Kota Kupang",
            )
        )
    ]
    tokens += [last_word(run(*admin_cmd, "add-till", "5371")) for _ in range(2)]
    province.start()
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "pin").write_text(PIN + "\n")
    (secrets / "kasir").write_text("1357\n")
    (secrets / "products.csv").write_text(
        PRODUCTS_CSV.replace("KOPI-250,8991000000010", "KOPI-250,8991000000010"), encoding="utf-8"
    )
    tills = [tmp_path / f"till{n}" for n in (1, 2, 3)]
    try:
        # till 1 sets the outlet up: catalog by CSV, a cashier, opening stock; then it syncs
        join_till(tills[0], secrets, province.url, tokens[0])
        admin = ["--admin", "admin", "--admin-pin-file", secrets / "pin"]
        run(
            *pos_cmd(
                tills[0],
                "users",
                "add",
                "kasir1",
                "--name",
                "Yuliana",
                "--role",
                "cashier",
                "--pin-file",
                secrets / "kasir",
                *admin,
            )
        )
        run(*pos_cmd(tills[0], "products", "import", secrets / "products.csv", *admin))

        def opening(uow: Any) -> None:
            actor = admin_of(uow)
            for code in ("KOPI-250", "TENUN-01", "MKP-60"):
                stock.adjust(uow, actor, product_id(uow, code), 40, "stok awal")

        with_db(tills[0], opening)
        assert sync(tills[0]) == 0
        # tills 2 and 3 join with the same init options and a token of their own: no CSV
        joined = join_till(tills[1], secrets, province.url, tokens[1])
        assert "3 produk" in joined.stdout, joined.stdout
        join_till(tills[2], secrets, province.url, tokens[2])
        first = snapshot(tills[0])
        for till in tills[1:]:
            assert snapshot(till)["catalog"] == first["catalog"]
            assert snapshot(till)["stock"] == first["stock"] == {"KOPI-250": 40, "TENUN-01": 40, "MKP-60": 40}
            assert snapshot(till)["users"] == first["users"]  # kasir1 and the admin, one PIN hash each
        # an admin the outlet has, with another PIN: refused before anything is created
        (secrets / "wrong").write_text("8642\n")
        (secrets / "t4.token").write_text(tokens[2] + "\n")
        refused = run(
            *pos_cmd(
                tmp_path / "till4",
                "init",
                "--outlet-code",
                "5371",
                "--kabupaten",
                "5371",
                "--address",
                "x",
                "--admin-user",
                "admin",
                "--admin-pin-file",
                secrets / "wrong",
                "--server",
                province.url,
                "--token-file",
                secrets / "t4.token",
            ),
            ok=False,
        )
        assert refused.returncode != 0 and "PIN lain" in refused.stderr
        assert not (tmp_path / "till4" / "till.sqlite3").exists()

        for n, till in enumerate(tills, start=1):
            offline_work(till, n, rng)

        outcomes: list[str] = []
        order = list(range(3))
        for round_no in range(3):
            rng.shuffle(order)
            for index in order:
                if round_no == 0 and index == order[0]:
                    child = subprocess.Popen(
                        pos_cmd(tills[index], "sync", "--once"),
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    time.sleep(rng.uniform(0.5, 1.2))
                    province.kill()  # the server dies under a till's push or pull
                    outcomes.append(f"server killed: sync exit {child.wait(timeout=120)}")
                    province.start()
                elif rng.random() < 0.5:
                    outcomes.append(
                        f"till{index + 1} killed: {sync_killed(tills[index], rng.uniform(0.3, 1.5))}"
                    )
                else:
                    outcomes.append(f"till{index + 1}: {sync(tills[index])}")
        for _ in range(2):  # the line is good again: every till syncs twice, in turn
            for till in tills:
                assert sync(till) == 0, (SEED, outcomes)

        views = [snapshot(till) for till in tills]
        context = (SEED, outcomes)
        for view in views[1:]:
            assert view["catalog_rows"] == views[0]["catalog_rows"], context
            assert view["catalog"] == views[0]["catalog"], context
            assert view["stock"] == views[0]["stock"], context
            assert view["movements"] == views[0]["movements"], context
            assert view["users"] == views[0]["users"], context
            assert view["suppliers"] == views[0]["suppliers"], context
            assert view["prices"] == views[0]["prices"], context
        codes = {row[1]: row for row in views[0]["catalog_rows"]}
        assert codes["KOPI-250"][7] in (80_000, 82_000), context  # one of the two offline prices, everywhere
        assert codes["TENUN-01"][3] == "Tenun Ikat Sumba (baru)"
        assert {"kasir3", "kasir1", "admin"} <= {u[0] for u in views[0]["users"]}
        assert ("SUP-002", "Tenun Ina Ndao", 2_000, True) in views[0]["suppliers"]
        assert len(views[0]["prices"]) == 2  # both offline price changes kept, with where they were made
        assert views[2]["price_tills"] == ["5371-01", "5371-02"]  # till 3 learnt both from the others
        assert len({row[2] for row in views[0]["catalog_rows"]}) == 6  # three new products, three barcodes

        # the ledger: every till's stock is the sum of all tills' movements, each counted once
        received = sum(10 * n for n in (1, 2, 3))

        def sold(uow: Any) -> int:
            return int(
                uow.session.execute(
                    text("SELECT COALESCE(SUM(l.qty), 0) FROM sale_lines l WHERE l.product_code = 'KOPI-250'")
                ).scalar()
            )

        kopi_sold = sum(with_db(till, sold) for till in tills)

        # consignment: a settlement at any till covers every till's sales and payouts
        settled = [with_db(till, settlement) for till in tills]
        assert settled[0] == settled[1] == settled[2], context
        assert settled[0][0] == kopi_sold and settled[0][3] == 10_000, context
        assert views[0]["stock"]["KOPI-250"] == 40 + received - kopi_sold, context

        # PIN hashes travel between tills but are never written to a till's log
        for till in tills:
            assert all("$argon2" not in log.read_text() for log in (till / "logs").glob("ntt-pos.log*"))

        # the province's figures: its stock per product and its catalog equal the tills'
        headers = {"Authorization": f"Bearer {tokens[0]}"}
        answer = requests.get(f"{province.url}/api/v1/outlet/stock", headers=headers, timeout=10).json()
        assert answer["stock"] == views[0]["stock"], context
        records = requests.get(
            f"{province.url}/api/v1/outlet/changes", params={"limit": 5000}, headers=headers, timeout=10
        ).json()["records"]
        province_prices = {r["data"]["code"]: r["data"]["price"] for r in records if r["type"] == "product"}
        reported = json.loads(run(*admin_cmd, "report", "stock", "--outlet", "5371", "--json").stdout)
        by_code = {row["code"]: row["stock"] for row in reported}  # `report stock`: the same figures
        assert {code: by_code[code] for code in views[0]["stock"]} == views[0]["stock"], context
        assert province_prices == {row[1]: row[7] for row in views[0]["catalog_rows"]}, context
    finally:
        if province.process is not None and province.process.poll() is None:
            province.kill()
