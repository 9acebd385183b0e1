"""The dashboard's pages as data (tables, figures, charts), each built for one signed-in user's scope.

Scope is decided here and nowhere else: the HTML pages and the XLSX/PDF exports both come from these
builders, so an export can never hold more than the page it came from. An agency head reads only their
agency's compliance; an outlet manager only their outlet's sales, tills and producers; NIPs are masked
for everyone but the province admin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from pos.core.asn_period import AsnPeriod
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.province import reports
from pos.province.programme import current_period, load_programme, month_period, province_today
from pos.province.tills import tills_report
from pos.province.web import queries
from pos.province.web.accounts import WebRole, WebUser
from pos.province.web.tables import Column, DataTable, is_silent, percent

PAGES = {
    "ringkasan": ("Ringkasan", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "kepatuhan": ("Kepatuhan ASN", (WebRole.ADMIN, WebRole.VIEWER, WebRole.AGENCY)),
    "outlet": ("Outlet", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "produsen": ("Produsen UMKM", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "nip": ("Cari NIP", (WebRole.ADMIN,)),
}


class Forbidden(DomainError):
    """The page or the scope asked for is not this user's to read (HTTP 403)."""


@dataclass
class Chart:
    id: str
    kind: str  # Chart.js type: line, bar, doughnut
    title: str
    labels: list[str]
    series: list[dict[str, Any]]


@dataclass
class PageData:
    slug: str
    title: str
    period: AsnPeriod
    tables: list[DataTable] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    agency: str | None = None  # the agency page: its PDF is a letter to the head

    def table(self, name: str) -> DataTable:
        for table in self.tables:
            if table.name == name:
                return table
        raise Forbidden(f"Tabel {name} tidak ada di halaman ini")


def home_of(user: WebUser) -> str:
    if user.role is WebRole.AGENCY:
        return "/kepatuhan"
    return "/ringkasan"


def allowed(user: WebUser, slug: str) -> bool:
    return user.role in PAGES[slug][1]


def pick_period(conn: Connection, month: str | None, compliance: bool) -> AsnPeriod:
    if month:
        return month_period(month)
    today = province_today()
    if compliance:
        return current_period(load_programme(conn), today)
    return month_period(today.strftime("%Y-%m"))


def build(conn: Connection, user: WebUser, slug: str, params: dict[str, str]) -> PageData:
    if slug not in PAGES or not allowed(user, slug):
        raise Forbidden("Halaman ini bukan untuk akun Anda")
    period = pick_period(conn, params.get("bulan") or None, slug in ("kepatuhan", "nip"))
    if slug == "ringkasan":
        return _summary(conn, user, period)
    if slug == "kepatuhan":
        agency = params.get("instansi") or None
        if user.role is WebRole.AGENCY:
            if agency is not None and agency != user.agency:
                raise Forbidden("Anda hanya dapat melihat instansi Anda sendiri")
            agency = user.agency
        return _agency(conn, period, agency) if agency else _compliance(conn, period)
    if slug == "outlet":
        return _outlets(conn, user, period)
    if slug == "produsen":
        return _producers(conn, user, period)
    return _nip_search(conn, period, params.get("q", ""))


def _scope_outlet(user: WebUser) -> str | None:
    return user.outlet_code if user.role is WebRole.OUTLET else None


def _summary(conn: Connection, user: WebUser, period: AsnPeriod) -> PageData:
    outlet = _scope_outlet(user)
    page = PageData("ringkasan", "Ringkasan", period)
    rows = queries.outlet_sales(conn, period, outlet)
    net = sum(r["net"] for r in rows)
    asn_part = sum(r["asn"] for r in rows)
    target = queries.monthly_target(conn) if outlet is None else 0
    page.cards = [
        ("Penjualan bulan berjalan", format_rupiah(net)),
        ("Transaksi", f"{sum(r['sales'] for r in rows):,}".replace(",", ".")),
        ("Belanja ASN", f"{format_rupiah(asn_part)} ({percent(asn_part, net):.1f}%)".replace(".0%", "%")),
    ]
    if outlet is None:
        page.cards.insert(
            1,
            (
                "Target bulanan",
                f"{format_rupiah(target)} — tercapai {percent(net, target):.1f}%"
                if target
                else "belum diatur",
            ),
        )
    for row in rows:
        row["asn_share"] = percent(row["asn"], row["net"])
    page.tables.append(
        DataTable(
            "per_outlet",
            "Per outlet",
            [
                Column("outlet", "Kode"),
                Column("name", "Outlet"),
                Column("kabupaten", "Kabupaten/Kota"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
                Column("asn", "Belanja ASN", "money"),
                Column("asn_share", "Porsi ASN", "percent"),
            ],
            rows,
            sort="net",
            descending=True,
        )
    )
    regions = queries.by_kabupaten(rows)
    for row in regions:
        row["asn_share"] = percent(row["asn"], row["net"])
    page.tables.append(
        DataTable(
            "per_kabupaten",
            "Per kabupaten/kota",
            [
                Column("kabupaten", "Kabupaten/Kota"),
                Column("outlets", "Outlet", "int"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
                Column("asn_share", "Porsi ASN", "percent"),
            ],
            regions,
        )
    )
    previous_end = period.start - timedelta(days=1)
    previous = month_period(previous_end.strftime("%Y-%m"))
    this_days = queries.daily_sales(conn, period.start, period.end, outlet)
    last_days = queries.daily_sales(conn, previous.start, previous.end, outlet)
    days = list(range(1, 32))
    page.charts.append(
        Chart(
            "tren",
            "line",
            "Penjualan harian (Rp), dibanding bulan lalu",
            [str(d) for d in days],
            [
                {"label": period.label, "data": [_day(this_days, period.start, d) for d in days]},
                {"label": previous.label, "data": [_day(last_days, previous.start, d) for d in days]},
            ],
        )
    )
    page.charts.append(
        Chart(
            "asn",
            "doughnut",
            "Porsi belanja ASN",
            ["ASN", "Bukan ASN"],
            [{"label": "Rp", "data": [asn_part, max(net - asn_part, 0)]}],
        )
    )
    peaks = sorted(((amount, day) for day, amount in this_days.items() if amount > 0), reverse=True)[:5]
    page.tables.append(
        DataTable(
            "puncak",
            "Puncak penjualan (hari gajian ASN tanggal 1)",
            [
                Column("day", "Tanggal"),
                Column("net", "Penjualan neto", "money"),
                Column("vs", "Dibanding rata-rata", "percent"),
            ],
            [
                {
                    "day": day.strftime("%d/%m/%Y") + (" (gajian)" if day.day <= 3 else ""),
                    "net": amount,
                    "vs": percent(amount, net // max(len(this_days), 1)),
                }
                for amount, day in peaks
            ],
        )
    )
    return page


def _day(days: dict[date, int], start: date, day: int) -> int | None:
    try:
        return days.get(start.replace(day=day), 0)
    except ValueError:  # the 31st of a shorter month
        return None


def _compliance_data(conn: Connection, period: AsnPeriod) -> tuple[dict[str, Any], int]:
    minimum = load_programme(conn).minimum
    return reports.compliance_report(conn, period, minimum), minimum


def _compliance(conn: Connection, period: AsnPeriod) -> PageData:
    data, minimum = _compliance_data(conn, period)
    page = PageData("kepatuhan", "Kepatuhan ASN", period)
    summary = data["summary"]
    page.cards = [
        ("Minimum per ASN", format_rupiah(minimum)),
        (
            "ASN memenuhi",
            f"{summary['met']} dari {summary['asn']} ({percent(summary['met'], summary['asn']):.1f}%)",
        ),
        ("Belanja ASN terdaftar", format_rupiah(summary["total"])),
    ]
    agencies = [dict(a, percent=percent(a["met"], a["asn"])) for a in data["agencies"]]
    page.tables.append(
        DataTable(
            "per_instansi",
            "Per instansi",
            [
                Column("agency", "Instansi"),
                Column("asn", "ASN", "int"),
                Column("met", "Memenuhi", "int"),
                Column("not_met", "Belum", "int"),
                Column("percent", "Persen", "percent"),
                Column("total", "Belanja", "money"),
            ],
            agencies,
            link={"agency": "/kepatuhan?instansi="},
        )
    )
    regions: dict[str, dict[str, Any]] = {}
    for person in data["asn"]:
        entry = regions.setdefault(
            person["kabupaten"], {"kabupaten": person["kabupaten"], "asn": 0, "met": 0, "total": 0}
        )
        entry["asn"] += 1
        entry["met"] += person["met"]
        entry["total"] += person["total"]
    page.tables.append(
        DataTable(
            "per_kabupaten",
            "Per kabupaten/kota",
            [
                Column("kabupaten", "Kabupaten/Kota"),
                Column("asn", "ASN", "int"),
                Column("met", "Memenuhi", "int"),
                Column("percent", "Persen", "percent"),
                Column("total", "Belanja", "money"),
            ],
            [
                dict(r, percent=percent(r["met"], r["asn"]))
                for r in sorted(regions.values(), key=lambda r: r["kabupaten"])
            ],
        )
    )
    top = sorted(agencies, key=lambda a: a["percent"])[:15]
    page.charts.append(
        Chart(
            "instansi",
            "bar",
            "Persen ASN memenuhi minimum (15 instansi terendah)",
            [a["agency"] for a in top],
            [{"label": "% memenuhi", "data": [round(a["percent"], 1) for a in top]}],
        )
    )
    return page


def _agency(conn: Connection, period: AsnPeriod, agency: str) -> PageData:
    data, minimum = _compliance_data(conn, period)
    people = [p for p in data["asn"] if p["agency"] == agency]
    if not people:
        raise Forbidden(f"Instansi '{agency}' tidak ada di registri ASN")
    below = [p for p in people if not p["met"]]
    bought = queries.purchases_of(conn, [p["nip"] for p in below if p["total"]], period)
    rows = [
        {
            "nip": p["nip"],
            "name": p["name"],
            "kabupaten": p["kabupaten"],
            "total": p["total"],
            "short": minimum - p["total"],
            "bought": ", ".join(f"{name} ({qty})" for name, qty in bought.get(p["nip"], []))
            or "belum berbelanja",
        }
        for p in below
    ]
    met = len(people) - len(below)
    page = PageData("kepatuhan", f"Kepatuhan ASN: {agency}", period, agency=agency)
    page.cards = [
        ("Minimum per ASN", format_rupiah(minimum)),
        ("ASN memenuhi", f"{met} dari {len(people)} ({percent(met, len(people)):.1f}%)"),
        ("Belum memenuhi", str(len(below))),
        ("Belanja instansi", format_rupiah(sum(p["total"] for p in people))),
    ]
    page.tables.append(
        DataTable(
            "belum_memenuhi",
            "ASN yang belum memenuhi minimum",
            [
                Column("nip", "NIP", "nip"),
                Column("name", "Nama"),
                Column("kabupaten", "Kabupaten/Kota"),
                Column("total", "Sudah belanja", "money"),
                Column("short", "Kurang", "money"),
                Column("bought", "Yang dibeli"),
            ],
            rows,
            sort="name",
            empty="Semua ASN instansi ini sudah memenuhi minimum.",
        )
    )
    return page


def _outlets(conn: Connection, user: WebUser, period: AsnPeriod) -> PageData:
    outlet = _scope_outlet(user)
    page = PageData("outlet", "Outlet", period)
    rows = queries.outlet_sales(conn, period, outlet)
    page.tables.append(
        DataTable(
            "outlet",
            f"Per outlet, {period.label}",
            [
                Column("outlet", "Kode"),
                Column("name", "Outlet"),
                Column("kabupaten", "Kabupaten/Kota"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
            ],
            rows,
        )
    )
    tills = [t for t in tills_report(conn) if outlet is None or t["outlet"] == outlet]
    for till in tills:
        till["silent"] = not till["revoked"] and is_silent(till["last_sync"])
        till["state"] = "dicabut" if till["revoked"] else ("diam > 24 jam" if till["silent"] else "aktif")
        till["net"] = till["gross"] - till["refunds"]
    silent = sum(1 for t in tills if t["silent"])
    page.cards = [("Kasir", str(len(tills))), ("Diam lebih dari 24 jam", str(silent))]
    page.tables.append(
        DataTable(
            "kasir",
            "Per kasir (sejak awal)",
            [
                Column("till", "Kasir"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
                Column("last_sync", "Sinkron terakhir", "time"),
                Column("pending", "Menunggu", "int"),
                Column("rejected_at_province", "Ditolak", "int"),
                Column("app_version", "Versi"),
                Column("state", "Status"),
            ],
            tills,
            highlight="silent",
        )
    )
    return page


def _producers(conn: Connection, user: WebUser, period: AsnPeriod) -> PageData:
    outlet = _scope_outlet(user)
    page = PageData("produsen", "Produsen UMKM", period)
    rows = queries.producer_sales(conn, period, outlet)
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = totals.setdefault(
            row["supplier"], {"supplier": row["supplier"], "outlets": 0, "qty": 0, "gross": 0}
        )
        entry["outlets"] += 1
        entry["qty"] += row["qty"]
        entry["gross"] += row["gross"]
    page.tables.append(
        DataTable(
            "per_produsen",
            "Per produsen",
            [
                Column("supplier", "Produsen"),
                Column("outlets", "Outlet", "int"),
                Column("qty", "Unit", "int"),
                Column("gross", "Penjualan bruto", "money"),
            ],
            list(totals.values()),
            sort="gross",
            descending=True,
        )
    )
    page.tables.append(
        DataTable(
            "produsen_outlet",
            "Per produsen dan outlet",
            [
                Column("supplier", "Produsen"),
                Column("outlet", "Outlet"),
                Column("sales", "Transaksi", "int"),
                Column("qty", "Unit", "int"),
                Column("gross", "Penjualan bruto", "money"),
            ],
            rows,
        )
    )
    page.notes.append("Bruto: sebelum retur. Produsen ditulis dengan kodenya di kasir.")
    return page


def _nip_search(conn: Connection, period: AsnPeriod, text: str) -> PageData:
    page = PageData("nip", "Cari NIP", period)
    found = queries.find_asn(conn, text)
    spent = queries.purchases_of(conn, [f["nip"] for f in found], period) if found else {}
    if found:
        from pos.province.asn import spending

        for row in found:
            row["total"] = spending(conn, row["nip"], period)
            row["bought"] = ", ".join(f"{n} ({q})" for n, q in spent.get(row["nip"], [])) or "-"
            row["status"] = "aktif" if row["active"] else "nonaktif"
    page.tables.append(
        DataTable(
            "hasil",
            f"Hasil pencarian '{text}'" if text else "Ketik NIP atau nama",
            [
                Column("nip", "NIP", "nip"),
                Column("name", "Nama"),
                Column("agency", "Instansi"),
                Column("kabupaten", "Kabupaten/Kota"),
                Column("status", "Status"),
                Column("total", "Belanja periode", "money"),
                Column("bought", "Yang dibeli"),
            ],
            found,
            empty="Tidak ada yang cocok." if text else "Belum ada pencarian.",
        )
    )
    return page
