"""The dashboard in a real browser: Debian's chromium driven by Playwright (its own browser builds are
never downloaded) against a real `ntt-pos-province serve` holding sales from real tills' checkouts.

Each role signs in through the HTML form and sees only its scope; the agency drill-down is followed by
its links; every export downloaded is opened (openpyxl, pdftotext) and its figures are compared with
`ntt-pos-province report compliance --json`. With NTT_DASHBOARD_SCREENSHOTS=DIR the main pages are
saved there as PNG (the README's docs/screenshots/dasbor_*.png)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dashboard_data import AGENCY_A, AGENCY_B, NIP_BAP, NIP_KOP_1, NIP_KOP_2, PASSWORD
from dashboard_site import DashboardSite, running_site
from helpers.till_template import TillTemplates
from openpyxl import load_workbook

from pos.core.money import format_rupiah

CHROMIUM = Path("/usr/bin/chromium")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed (installer/provision.py installs it)", allow_module_level=True
    )
if shutil.which("pdftotext") is None:
    pytest.skip("pdftotext (poppler-utils) is not installed", allow_module_level=True)

pytestmark = pytest.mark.slow
SHOTS = os.environ.get("NTT_DASHBOARD_SCREENSHOTS")


@pytest.fixture(scope="module")
def dashboard_site(
    tmp_path_factory: pytest.TempPathFactory, till_templates: TillTemplates
) -> Iterator[DashboardSite]:
    with running_site(tmp_path_factory.mktemp("dashboard-site"), till_templates) as site:
        yield site


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


def signed_in(chromium: Any, site: DashboardSite, username: str, **context: Any) -> Any:
    browser = chromium.new_context(accept_downloads=True, base_url=site.url, locale="id-ID", **context)
    page = browser.new_page()
    page.goto("/")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("form.signout").count() == 1, page.content()
    return page


def download(page: Any, panel: str, kind: str, folder: Path) -> Path:
    with page.expect_download() as event:
        page.click(f"#{panel} .exports >> text={kind}")
    target = folder / event.value.suggested_filename
    event.value.save_as(target)
    return target


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    sheet = load_workbook(path).active
    return [row for row in sheet.iter_rows(min_row=6, values_only=True) if any(v is not None for v in row)]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"dasbor_{name}.png"), full_page=False)


def test_admin_follows_the_agency_drill_down_and_exports_match_the_report(
    chromium: Any, dashboard_site: DashboardSite, tmp_path: Path
) -> None:
    report = dashboard_site.compliance()
    page = signed_in(chromium, dashboard_site, "admin.prov", viewport={"width": 1366, "height": 768})
    assert page.url.endswith("/ringkasan")
    page.wait_for_function("() => window.Chart && Chart.getChart('grafik-tren') !== undefined")
    outlets = json.loads(dashboard_site.cli("report", "outlets", "--json"))  # every sale is this month's
    cards = page.inner_text("ul.cards")
    assert f"Penjualan neto periode berjalan\n{format_rupiah(sum(o['net'] for o in outlets))}" in cards
    assert "Target bulanan" in cards and "Belanja ASN" in cards
    shot(page, "ringkasan")

    page.click("nav >> text=Kepatuhan ASN")
    agencies = {row["agency"]: row for row in report["agencies"]}
    table = page.inner_text("#per_instansi table")
    for name in (AGENCY_A, AGENCY_B):
        assert name in table
    shot(page, "kepatuhan")
    rows = sheet_rows(download(page, "per_instansi", "XLSX", tmp_path))
    assert {r[0]: (r[1], r[2], r[3], r[5]) for r in rows} == {
        name: (a["asn"], a["met"], a["not_met"], a["total"]) for name, a in agencies.items()
    }

    page.click(f"#per_instansi >> text={AGENCY_A}")
    assert page.inner_text("h1") == f"Kepatuhan ASN: {AGENCY_A}"
    below = {p["nip"]: p for p in report["asn"] if p["agency"] == AGENCY_A and not p["met"]}
    assert set(below) == {NIP_KOP_2}
    listed = page.inner_text("#belum_memenuhi table")
    assert NIP_KOP_2 in listed and NIP_KOP_1 not in listed and "Minyak Kayu Putih" in listed
    shot(page, "instansi")
    rows = sheet_rows(download(page, "belum_memenuhi", "XLSX", tmp_path))
    assert [(r[0], r[3]) for r in rows] == [(nip, p["total"]) for nip, p in below.items()]
    letter_pdf = download(page, "belum_memenuhi", "PDF", tmp_path)
    letter = pdf_text(letter_pdf)
    if SHOTS and shutil.which("pdftoppm"):  # the letter as the README shows it
        prefix = Path(SHOTS) / "dasbor_surat_instansi"
        render = ["pdftoppm", "-png", "-r", "60", "-singlefile", str(letter_pdf), str(prefix)]
        subprocess.run(render, check=True)
    assert f"Kepala {AGENCY_A}" in letter and NIP_KOP_2 in letter and report["period"]["label"] in letter
    assert "Tanggal:" in letter and "NIP ....." in letter

    page.click("nav >> text=Outlet")
    silent = page.locator("#kasir tr.warn")
    assert silent.count() == 1 and "5371-02" in silent.inner_text()
    shot(page, "outlet")
    page.click("nav >> text=Produsen UMKM")
    assert page.locator("#per_produsen tbody tr").count() >= 2
    page.click("nav >> text=Cari NIP")
    page.fill("#q", NIP_BAP[:8])
    page.click(".period button")
    assert NIP_BAP in page.inner_text("#hasil")

    page.click("form.signout button")
    page.wait_for_load_state()
    assert page.locator("#password").count() == 1


def test_agency_head_sees_only_their_agency_by_link_and_by_export(
    chromium: Any, dashboard_site: DashboardSite, tmp_path: Path
) -> None:
    report = dashboard_site.compliance()
    page = signed_in(chromium, dashboard_site, "kaban.bappeda")
    assert page.inner_text("h1") == f"Kepatuhan ASN: {AGENCY_B}"
    content = page.content()
    assert AGENCY_A not in content and NIP_BAP not in content and NIP_BAP[-4:] in content
    assert [a.inner_text() for a in page.locator("nav a").all()] == ["Kepatuhan ASN"]
    mine = [p for p in report["asn"] if p["agency"] == AGENCY_B and not p["met"]]
    rows = sheet_rows(download(page, "belum_memenuhi", "XLSX", tmp_path))
    assert [(r[0], r[3]) for r in rows] == [("*" * 14 + p["nip"][-4:], p["total"]) for p in mine]
    # another agency's page and exports, typed by hand
    other = page.goto(f"/kepatuhan?instansi={AGENCY_A}")
    assert other.status == 403 and NIP_KOP_2[-4:] not in page.content()
    for url in (
        f"/ekspor/kepatuhan/belum_memenuhi.xlsx?instansi={AGENCY_A}",
        "/ekspor/kepatuhan/per_instansi.pdf",
        "/ringkasan",
        "/outlet",
    ):
        assert page.request.get(url).status == 403, url


def test_outlet_manager_and_viewer_scopes_and_a_phone_screen(
    chromium: Any, dashboard_site: DashboardSite, tmp_path: Path
) -> None:
    page = signed_in(chromium, dashboard_site, "manajer.kupang")
    page.goto("/outlet")
    tills = page.inner_text("#kasir")
    assert "5371-01" in tills and "5310" not in tills
    text = pdf_text(download(page, "kasir", "PDF", tmp_path))
    assert "5371-01" in text and "5310" not in text
    assert page.goto("/kepatuhan").status == 403

    phone = signed_in(chromium, dashboard_site, "pemantau", viewport={"width": 390, "height": 844})
    phone.goto(f"/kepatuhan?instansi={AGENCY_A}")
    listed = phone.inner_text("#belum_memenuhi")
    assert NIP_KOP_2 not in listed and NIP_KOP_2[-4:] in listed
    # readable without sideways scrolling
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.goto("/ringkasan")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "ringkasan_ponsel")


def test_every_table_of_every_page_exports_what_it_shows(
    chromium: Any, dashboard_site: DashboardSite, tmp_path: Path
) -> None:
    page = signed_in(chromium, dashboard_site, "admin.prov")
    urls = [
        "/ringkasan",
        "/kepatuhan",
        f"/kepatuhan?instansi={AGENCY_A}",
        "/outlet",
        "/produsen",
        "/nip?q=19",
        "/pengguna",
    ]
    exported = 0
    for url in urls:
        page.goto(url)
        for panel in page.locator("section.panel[id]").all():
            name = panel.get_attribute("id")
            headers = [h.inner_text().strip(" ▲▼") for h in panel.locator("thead th").all()]
            shown = [
                [c.inner_text() for c in row.locator("td").all()] for row in panel.locator("tbody tr").all()
            ]
            workbook = download(page, name, "XLSX", tmp_path)
            rows = sheet_rows(workbook)
            header = next(load_workbook(workbook).active.iter_rows(min_row=5, max_row=5, values_only=True))
            if shown:
                assert list(header) == headers, (url, name)
                # the audit trail grows by each export made since the page was read
                assert len(rows) == len(shown) or (name == "audit" and len(rows) > len(shown)), (url, name)
                if name != "audit":
                    assert [str(v) if v is not None else "-" for v in rows[0]][:1] == shown[0][:1], (
                        url,
                        name,
                    )
            text = pdf_text(download(page, name, "PDF", tmp_path))
            title = panel.locator("h2").inner_text()
            assert title.split(",")[0] in " ".join(text.split()), (url, name)
            exported += 2
    assert exported >= 20


def test_the_pages_are_usable_without_javascript(chromium: Any, dashboard_site: DashboardSite) -> None:
    page = signed_in(chromium, dashboard_site, "pemantau", java_script_enabled=False)
    assert page.url.endswith("/ringkasan") and page.locator("#per_outlet tbody tr").count() == 2
    page.click("nav >> text=Kepatuhan ASN")
    page.click("#per_instansi th >> text=Persen")  # a plain link: the server sorts
    assert "per_instansi_urut=-percent" in page.url
    first = page.locator("#per_instansi tbody tr").first.inner_text()
    assert AGENCY_A in first  # 50% before 0%
    page.click(f"#per_instansi >> text={AGENCY_A}")
    assert NIP_KOP_2[-4:] in page.inner_text("#belum_memenuhi")
    page.click("form.signout button")
    assert page.locator("#password").count() == 1
