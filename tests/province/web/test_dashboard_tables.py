"""Tables sort and page on the server: an agency of 120 ASN (none has bought yet) read page by page,
sorted by name or NIP, and exported whole; a province table sorted by a column through its link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from dashboard_data import PASSWORD
from fastapi.testclient import TestClient
from helpers_web import sign_in
from openpyxl import load_workbook

from pos.province.api import create_app
from pos.province.asn import import_asn_csv
from pos.province.database import create_province_engine, upgrade
from pos.province.web.accounts import WebRole, add_user

AGENCY = "Dinas Pariwisata dan Ekonomi Kreatif"
# 18-digit NIPs born 1980-01-01..: name order is the reverse of NIP order
NIPS = [f"198001012005011{n:03d}" for n in range(1, 121)]
NAMES = {nip: f"ASN {121 - n:03d}" for n, nip in enumerate(NIPS, start=1)}


@pytest.fixture(scope="module")
def big_agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("big-agency")
    engine = create_province_engine(f"sqlite:///{folder}/province.sqlite3")
    upgrade(engine)
    csv = "nip,nama,instansi,kabupaten\n" + "".join(
        f"{nip},{NAMES[nip]},{AGENCY},{'Ende' if n % 2 else 'Alor'}\n" for n, nip in enumerate(NIPS)
    )
    with engine.begin() as conn:
        assert not import_asn_csv(conn, csv).errors
        add_user(conn, "kadis.pariwisata", WebRole.AGENCY, PASSWORD, agency=AGENCY)
    with TestClient(create_app(engine), base_url="http://127.0.0.1") as client:
        sign_in(client, "kadis.pariwisata", PASSWORD)
        yield client
    engine.dispose()


def nips_on(html: str) -> list[str]:
    return re.findall(r'data-label="NIP">\*+(\d{4})<', html)


def test_the_agency_list_pages_and_sorts_on_the_server(big_agency: TestClient) -> None:
    first = big_agency.get("/kepatuhan?belum_memenuhi_urut=nip").text
    assert "Halaman 1 dari 3 (120 baris)" in first
    assert nips_on(first) == [nip[-4:] for nip in NIPS[:50]]
    last = big_agency.get("/kepatuhan?belum_memenuhi_urut=nip&belum_memenuhi_hal=3").text
    assert nips_on(last) == [nip[-4:] for nip in NIPS[100:]]
    by_name = big_agency.get("/kepatuhan?belum_memenuhi_urut=name").text
    assert nips_on(by_name)[:3] == [nip[-4:] for nip in reversed(NIPS[-3:])]
    # a page past the end is the last page's rows, never an error
    assert big_agency.get("/kepatuhan?belum_memenuhi_hal=99").status_code == 200


def test_the_export_has_every_row_in_the_order_asked(big_agency: TestClient) -> None:
    sheet = big_agency.get("/ekspor/kepatuhan/belum_memenuhi.xlsx?belum_memenuhi_urut=name")
    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(min_row=6, values_only=True))
    assert len(rows) == 120
    assert [r[1] for r in rows] == sorted(NAMES.values())
    assert all(r[0] == "*" * 14 + r[0][-4:] and r[3] == 0 for r in rows)  # masked, nothing bought


def test_sort_links_are_plain_links_that_the_server_follows(big_agency: TestClient) -> None:
    page = big_agency.get("/kepatuhan").text
    link = re.search(r'href="(\?[^"]*belum_memenuhi_urut=nip[^"]*)"', page)
    assert link is not None
    sorted_page = big_agency.get("/kepatuhan" + link.group(1).replace("&amp;", "&")).text
    assert nips_on(sorted_page)[0] == NIPS[0][-4:]
