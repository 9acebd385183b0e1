"""A real province for the browser tests: `ntt-pos-province serve` in its own process on loopback, outlets,
tills, the ASN registry and the dashboard's users made by the CLI, and sales made by two real tills'
checkout and delivered by the real sync round. Nothing here writes to the province's tables directly."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from dashboard_data import AGENCY_A, AGENCY_B, ASN_CSV, NIP_BAP, NIP_KOP_1, NIP_KOP_2, PASSWORD, USERS
from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU, MINYAK
from helpers.till_template import TillTemplates, copy_till

from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.province.programme import province_today
from pos.services import outbox
from pos.sync.client import ProvinceClient
from pos.sync.connect import connect_till, identify
from pos.sync.runner import sync_once

PROVINCE_BIN = Path(sys.executable).parent / "ntt-pos-province"


@dataclass(frozen=True)
class DashboardSite:
    url: str  # the dashboard, http://127.0.0.1:PORT
    command: list[str]  # `ntt-pos-province --database-url URL`
    month: str  # the month the sales fell in (YYYY-MM)

    def cli(self, *args: str) -> str:
        done = subprocess.run([*self.command, *args], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done.stdout

    def compliance(self) -> dict[str, Any]:
        return dict(json.loads(self.cli("report", "compliance", "--month", self.month, "--json")))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _sell(till: RealTill, items: list[tuple[str, int]], nip: str | None) -> str:
    cart = till.cart(*items)
    total = price_cart(cart).total
    return till.sell(cart, [Payment(PaymentMethod.CASH, total)], buyer_nip=nip).receipt_no


def _sync(till: RealTill, url: str, token: str) -> None:
    connect_till(till.db, url, token, identify(url, token))
    with ProvinceClient(url, token) as client:
        summary = sync_once(till.db, client)
    with till.db.unit_of_work() as uow:
        assert not outbox.rejected_events(uow) and summary.pending == 0


@contextmanager
def running_site(folder: Path, templates: TillTemplates) -> Iterator[DashboardSite]:
    command = [str(PROVINCE_BIN), "--database-url", f"sqlite:///{folder / 'province.sqlite3'}"]
    site = DashboardSite("", command, province_today().strftime("%Y-%m"))
    tokens = {
        "5371": site.cli("add-outlet", "5371", "--name", "NTT Mart by Dekranasda Kota Kupang", "--kabupaten",
                         "Kota Kupang").split()[-1],
        "5310": site.cli("add-outlet", "5310", "--name", "NTT Mart by Dekranasda Sikka", "--kabupaten",
                         "Sikka").split()[-1],
    }  # fmt: skip
    site.cli("add-till", "5371")  # a second till at Kupang that never syncs: silent
    (folder / "asn.csv").write_text(ASN_CSV, encoding="utf-8")
    site.cli("import-asn", str(folder / "asn.csv"))
    site.cli("programme", "--minimum", "100000", "--period", "month")
    (folder / "password").write_text(PASSWORD + "\n", encoding="utf-8")
    for username, (role, agency, outlet) in USERS.items():
        scope = ["--agency", agency] if agency else ["--outlet", outlet] if outlet else []
        site.cli(
            "add-user", username, "--role", role.value, *scope, "--password-file", str(folder / "password")
        )
    port = _free_port()
    server = subprocess.Popen(
        [*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, (
                "ntt-pos-province serve did not start"
            )
            time.sleep(0.1)
        kupang = copy_till(templates.get("5371", "01"), folder / "till-5371")
        sikka = copy_till(templates.get("5310", "01"), folder / "till-5310")
        try:
            _sell(kupang, [(KOPI, 2)], NIP_KOP_1)  # Rp150.000: met the minimum
            _sell(kupang, [(MINYAK, 1)], NIP_KOP_2)  # below it, with what was bought
            refunded = _sell(kupang, [(MADU, 1)], NIP_KOP_2)
            kupang.refund(refunded)  # refunded whole: not counted
            _sell(kupang, [(MADU, 1), (KOPI, 1)], None)
            _sell(sikka, [(KOPI, 1)], NIP_BAP)
            _sync(kupang, url, tokens["5371"])
            _sync(sikka, url, tokens["5310"])
        finally:
            kupang.db.close()
            sikka.db.close()
        yield DashboardSite(url, command, site.month)
    finally:
        server.terminate()
        server.wait(timeout=20)


__all__ = ["AGENCY_A", "AGENCY_B", "NIP_BAP", "NIP_KOP_1", "NIP_KOP_2", "DashboardSite", "running_site"]
