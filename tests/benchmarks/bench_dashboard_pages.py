"""Benchmark: every dashboard page at the province's scale on PostgreSQL (goal <= 300 ms server time).

Run: .venv/bin/python tests/benchmarks/bench_dashboard_pages.py
The data is bench_province_compliance's (150,000 ASN in 60 agencies, 450,000 sales in 2026-11 at 22
outlets), plus one sale line per sale (35 producers), in a database created and dropped here; the
summary tables are filled by pos.province.summaries.rebuild_all, as migration 0004 does for old data.
Each page is requested through the real app in this process (FastAPI TestClient: no network), signed
in as the role that reads it; the time is the whole request, so it bounds the server time from above.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import uuid
from collections.abc import Callable

from bench_province_compliance import ASN, PG_ADMIN, SALES, populate
from calibration import calibration_line
from fastapi.testclient import TestClient
from sqlalchemy import text

from pos.province.api import create_app
from pos.province.database import create_province_engine
from pos.province.summaries import rebuild_all
from pos.province.web.accounts import WebRole, add_user

GOAL_MS = 300.0
RUNS = 7
PASSWORD = "Bench-Dasbor-2026"
MONTH = "bulan=2026-11"
AGENCY = "OPD 7"
# (who, page): the heaviest scope of each page
PAGES = [
    ("admin", f"/ringkasan?{MONTH}"),
    ("outlet", f"/ringkasan?{MONTH}"),
    ("admin", f"/kepatuhan?{MONTH}"),
    ("admin", f"/kepatuhan?{MONTH}&per_instansi_urut=-percent"),
    ("agency", f"/kepatuhan?{MONTH}"),
    ("agency", f"/kepatuhan?{MONTH}&belum_memenuhi_urut=name&belum_memenuhi_hal=20"),
    ("viewer", f"/kepatuhan?instansi={AGENCY}&{MONTH}&belum_memenuhi_urut=-amount"),
    ("admin", f"/outlet?{MONTH}"),
    ("admin", f"/produsen?{MONTH}"),
    ("admin", f"/produsen?{MONTH}&produsen_outlet_hal=5&produsen_outlet_urut=-net"),
    ("admin", f"/nip?q=19700105&{MONTH}"),
]
EXPORTS = [
    ("agency", f"/ekspor/kepatuhan/belum_memenuhi.xlsx?{MONTH}"),
    ("agency", f"/ekspor/kepatuhan/belum_memenuhi.pdf?{MONTH}"),
    ("admin", f"/ekspor/kepatuhan/per_instansi.pdf?{MONTH}"),
]


def add_lines_and_users(url: str) -> None:
    engine = create_province_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sale_lines (sale_id, product_code, name, supplier_code, qty, unit_price, "
                "discount, line_total, tax_mode, tax) "
                "SELECT id, 'P' || (id % 335), 'Produk UMKM ' || (id % 335), "
                "'SUP-' || lpad((id % 35)::text, 3, '0'), 1, total, 0, total, 'none', 0 FROM sales"
            )
        )
        started = time.perf_counter()
        rebuild_all(conn)
        print(f"summaries rebuilt from the raw sales in {time.perf_counter() - started:.1f} s")
        roles = {
            "admin": (WebRole.ADMIN, None, None),
            "viewer": (WebRole.VIEWER, None, None),
            "agency": (WebRole.AGENCY, AGENCY, None),
            "outlet": (WebRole.OUTLET, None, "5301"),
        }
        for name, (role, agency, outlet) in roles.items():
            add_user(conn, f"bench.{name}", role, PASSWORD, agency=agency, outlet_code=outlet)
        conn.execute(text("ANALYZE"))
    engine.dispose()


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    name = f"ntt_bench_dashboard_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_province_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        print(f"dashboard pages on PostgreSQL: skipped, server unreachable ({error.__class__.__name__})")
        return 0
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    failed = 0
    print(calibration_line())
    try:
        started = time.perf_counter()
        populate(url)
        add_lines_and_users(url)
        print(
            f"generated {ASN:,} ASN and {SALES:,} sales with lines in {time.perf_counter() - started:.1f} s"
        )
        engine = create_province_engine(url)
        clients: dict[str, TestClient] = {}
        for role in ("admin", "viewer", "agency", "outlet"):
            client = TestClient(create_app(engine), base_url="http://127.0.0.1")
            form = client.get("/").text
            csrf = re.search(r'name="csrf" value="([^"]+)"', form)
            assert csrf is not None
            done = client.post(
                "/masuk",
                data={"csrf": csrf.group(1), "username": f"bench.{role}", "password": PASSWORD},
                follow_redirects=False,
            )
            assert done.status_code == 303, done.text
            clients[role] = client
        for role, page in PAGES + EXPORTS:
            client = clients[role]
            first = client.get(page)
            assert first.status_code == 200, (page, first.status_code, first.text[-500:])
            times = [timed(lambda c=client, p=page: c.get(p)) for _ in range(RUNS)]
            worst, median = max(times), statistics.median(times)
            export = page.startswith("/ekspor")
            ok = export or worst <= GOAL_MS
            failed += not ok
            goal = "export, no goal" if export else f"goal <= {GOAL_MS:.0f} ms: {'OK' if ok else 'FAILED'}"
            print(f"{role:>6} {page:<78} median {median:6.0f} ms, worst {worst:6.0f} ms of {RUNS}; {goal}")
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
