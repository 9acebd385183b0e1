"""Each dashboard page's content for one scope, from pos.province.dashboard_queries (summary tables).

Called only by pos.province.web.pages.build, which has already checked the user's role and scope."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from pos.core.asn_period import AsnPeriod
from pos.core.money import format_rupiah
from pos.province import dashboard_queries as dq
from pos.province.programme import load_programme
from pos.province.web import queries
from pos.province.web.page_model import Chart, Forbidden, PageData
from pos.province.web.tables import PAGE_SIZE, Column, DataTable, page_number, percent

OUTLET_COLUMNS = [
    Column("outlet", "Kode"),
    Column("name", "Outlet"),
    Column("kabupaten", "Kabupaten/Kota"),
    Column("sales", "Transaksi", "int"),
    Column("net", "Penjualan neto", "money"),
    Column("asn_net", "Belanja ASN", "money"),
    Column("asn_share", "Porsi ASN", "percent"),
]
COMPLIANCE_COLUMNS = [
    Column("asn", "ASN", "int"),
    Column("met", "Memenuhi", "int"),
    Column("not_met", "Belum", "int"),
    Column("percent", "Persen", "percent"),
    Column("amount", "Belanja", "money"),
]
# the agency list's sortable columns and the query's own sort names
MEMBER_SORTS = {"amount": "amount", "-amount": "-amount", "name": "name", "nip": "nip"}


def _id(number: float, decimals: int = 1) -> str:
    """1234.5 as people in Indonesia write it: 1.234,5."""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def summary(conn: Connection, period: AsnPeriod, outlet: str | None) -> PageData:
    data = dq.summary_month(conn, period.key, dq.Scope(outlet=outlet))
    page = PageData("ringkasan", "Ringkasan", period)
    page.cards = [("Penjualan neto periode berjalan", format_rupiah(data.net))]
    if data.target:
        page.cards.append(
            ("Target bulanan", f"{format_rupiah(data.target)} (tercapai {_id(data.target_percent or 0)}%)")
        )
    page.cards += [
        ("Transaksi", _id(data.sales, 0)),
        ("Belanja ASN", f"{format_rupiah(data.asn_net)} ({_id(data.asn_share)}% dari penjualan)"),
    ]
    if data.asn is not None:
        page.cards.append(("ASN memenuhi minimum", f"{_id(data.asn.met, 0)} dari {_id(data.asn.asn, 0)}"))
    rows = [dict(asdict(o), asn_share=percent(o.asn_net, o.net)) for o in data.outlets]
    page.tables.append(
        DataTable("per_outlet", "Per outlet", OUTLET_COLUMNS, rows, sort="net", descending=True)
    )
    regions = [dict(asdict(k), asn_share=percent(k.asn_net, k.net)) for k in data.kabupaten]
    page.tables.append(
        DataTable(
            "per_kabupaten",
            "Per kabupaten/kota",
            [Column("kabupaten", "Kabupaten/Kota"), Column("outlets", "Outlet", "int"), *OUTLET_COLUMNS[3:]],
            regions,
        )
    )
    today = datetime.now(UTC).date()
    this = {p.day.day: p.net for p in data.daily}
    last = {p.day.day: p.net for p in data.previous_daily}
    days = list(range(1, 32))
    series = [{"label": data.label, "data": [_point(this, period, d, today) for d in days]}]
    if not period.key.startswith("campaign:"):  # a campaign has no previous month to set beside it
        series.append({"label": "Bulan sebelumnya", "data": [last.get(d, 0) for d in days]})
    page.charts.append(Chart("tren", "line", "Penjualan neto harian (Rp)", [str(d) for d in days], series))
    page.charts.append(
        Chart(
            "asn",
            "doughnut",
            "Porsi belanja ASN",
            ["ASN", "Bukan ASN"],
            [{"label": "Rp", "data": [data.asn_net, max(data.net - data.asn_net, 0)]}],
        )
    )
    peaks = sorted((p for p in data.daily if p.peak), key=lambda p: -p.net)
    mean = data.net / max(len(data.daily), 1)
    page.tables.append(
        DataTable(
            "puncak",
            "Hari puncak (gaji ASN dibayar tanggal 1)",
            [
                Column("day", "Tanggal"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
                Column("times", "Kali rata-rata harian", "percent"),
            ],
            [
                {
                    "day": p.day.strftime("%d/%m/%Y"),
                    "sales": p.sales,
                    "net": p.net,
                    "times": p.net / mean * 100,
                }
                for p in peaks
            ],
            empty="Belum ada hari dengan penjualan 1,5 kali rata-rata harian.",
        )
    )
    return page


def _point(days: dict[int, int], period: AsnPeriod, day: int, today: Any) -> int | None:
    try:
        moment = period.start.replace(day=day)
    except ValueError:  # the 31st of a shorter month
        return None
    return None if moment > today or moment > period.end else days.get(day, 0)


def compliance(conn: Connection, period: AsnPeriod) -> PageData:
    minimum = load_programme(conn).minimum
    # one pass over 150,000 ASN for both tables (two GROUP BYs cost twice that on PostgreSQL)
    grid = queries.compliance_grid(conn, period.key, minimum)
    agencies = queries.roll_up(grid, "agency")
    regions = queries.roll_up(grid, "kabupaten")
    asn_count = sum(a["asn"] for a in agencies)
    met = sum(a["met"] for a in agencies)
    page = PageData("kepatuhan", "Kepatuhan ASN", period)
    page.cards = [
        ("Minimum per ASN", format_rupiah(minimum)),
        ("ASN memenuhi", f"{_id(met, 0)} dari {_id(asn_count, 0)} ({_id(percent(met, asn_count))}%)"),
        ("Belanja ASN terdaftar", format_rupiah(sum(a["amount"] for a in agencies))),
    ]
    page.tables.append(
        DataTable(
            "per_instansi",
            "Per instansi",
            [Column("agency", "Instansi"), *COMPLIANCE_COLUMNS],
            agencies,
            link={"agency": "/kepatuhan?instansi="},
        )
    )
    page.tables.append(
        DataTable(
            "per_kabupaten",
            "Per kabupaten/kota",
            [Column("kabupaten", "Kabupaten/Kota"), *COMPLIANCE_COLUMNS],
            regions,
        )
    )
    lowest = sorted(agencies, key=lambda a: (a["percent"], a["agency"]))[:15]
    page.charts.append(
        Chart(
            "instansi",
            "bar",
            "Persen ASN yang memenuhi minimum (15 instansi terendah)",
            [a["agency"] for a in lowest],
            [{"label": "% memenuhi", "data": [round(a["percent"], 1) for a in lowest]}],
        )
    )
    return page


def agency(conn: Connection, period: AsnPeriod, name: str, params: dict[str, str], export: bool) -> PageData:
    found_counts = dq.agency_compliance(conn, period.key, name)
    counts = found_counts[0] if found_counts else None
    if counts is None or counts.asn == 0:
        raise Forbidden(f"Instansi '{name}' tidak ada di registri ASN")
    wanted = params.get("belum_memenuhi_urut", "amount")
    sort = MEMBER_SORTS.get(wanted.replace("total", "amount"), "amount")
    if export:  # every row, a thousand at a time
        members: list[dq.AsnMember] = []
        number = 1
        while True:
            chunk = dq.agency_members_below_minimum(conn, period.key, name, number, sort, 1000)
            members += chunk.items
            if number >= chunk.pages:
                break
            number += 1
        total = len(members)
        page_no = 1
    else:
        page_no = page_number(params, "belum_memenuhi")
        found = dq.agency_members_below_minimum(conn, period.key, name, page_no, sort, PAGE_SIZE)
        members, total = found.items, found.total
    bought = queries.purchases_of(conn, [m.nip for m in members if m.amount], period)
    rows = [
        {
            "nip": m.nip,
            "name": m.name,
            "kabupaten": m.kabupaten,
            "amount": m.amount,
            "remaining": m.remaining,
            "bought": ", ".join(f"{item} ({qty})" for item, qty in bought.get(m.nip, []))
            or "belum berbelanja",
        }
        for m in members
    ]
    page = PageData("kepatuhan", f"Kepatuhan ASN: {name}", period, agency=name)
    minimum = load_programme(conn).minimum
    page.cards = [
        ("Minimum per ASN", format_rupiah(minimum)),
        ("ASN memenuhi", f"{_id(counts.met, 0)} dari {_id(counts.asn, 0)} ({_id(counts.percent)}%)"),
        ("Belum memenuhi", _id(counts.not_met, 0)),
        ("Belanja instansi", format_rupiah(counts.amount)),
    ]
    table = DataTable(
        "belum_memenuhi",
        "ASN yang belum memenuhi minimum",
        [
            Column("nip", "NIP", "nip"),
            Column("name", "Nama"),
            Column("kabupaten", "Kabupaten/Kota"),
            Column("amount", "Sudah belanja", "money"),
            Column("remaining", "Kurang", "money"),
            Column("bought", "Yang dibeli"),
        ],
        rows,
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
        page=page_no,
        total=total,
        sortable=("nip", "name", "amount"),
        empty="Semua ASN instansi ini sudah memenuhi minimum.",
    )
    page.tables.append(table)
    return page


def outlets(conn: Connection, period: AsnPeriod, outlet: str | None) -> PageData:
    page = PageData("outlet", "Outlet", period)
    rows = queries.outlet_months(conn, period, outlet)
    page.tables.append(DataTable("outlet", f"Per outlet, {period.label}", OUTLET_COLUMNS, rows))
    tills = [
        dict(
            asdict(t),
            till=t.till,
            state="dicabut" if t.revoked else ("diam > 24 jam" if t.silent else "aktif"),
            warn=t.silent and not t.revoked,
        )
        for t in dq.outlet_status(conn, datetime.now(UTC), outlet)
    ]
    page.cards = [
        ("Kasir", _id(len(tills), 0)),
        ("Diam lebih dari 24 jam", _id(sum(1 for t in tills if t["warn"]), 0)),
        ("Event ditolak di provinsi", _id(sum(t["rejected_at_province"] for t in tills), 0)),
    ]
    page.tables.append(
        DataTable(
            "kasir",
            "Per kasir (penjualan bulan ini)",
            [
                Column("till", "Kasir"),
                Column("outlet_name", "Outlet"),
                Column("sales", "Transaksi", "int"),
                Column("net", "Penjualan neto", "money"),
                Column("last_sync", "Sinkron terakhir", "time"),
                Column("pending", "Menunggu", "int"),
                Column("rejected_at_province", "Ditolak", "int"),
                Column("app_version", "Versi"),
                Column("state", "Status"),
            ],
            tills,
            highlight="warn",
        )
    )
    return page


def producers(conn: Connection, period: AsnPeriod, outlet: str | None) -> PageData:
    page = PageData("produsen", "Produsen UMKM", period)
    rows = [asdict(p) for p in dq.producer_sales(conn, period.key, outlet)]
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = totals.setdefault(
            row["supplier"], {"supplier": row["supplier"], "outlets": 0, "qty": 0, "net": 0}
        )
        entry["outlets"] += 1
        entry["qty"] += row["qty"]
        entry["net"] += row["net"]
    page.tables.append(
        DataTable(
            "per_produsen",
            "Per produsen",
            [
                Column("supplier", "Produsen"),
                Column("outlets", "Outlet", "int"),
                Column("qty", "Unit", "int"),
                Column("net", "Penjualan neto", "money"),
            ],
            list(totals.values()),
            sort="net",
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
                Column("outlet_name", "Nama outlet"),
                Column("sales", "Transaksi", "int"),
                Column("qty", "Unit", "int"),
                Column("gross", "Bruto", "money"),
                Column("refunded", "Retur", "money"),
                Column("net", "Neto", "money"),
            ],
            rows,
        )
    )
    page.notes.append("Produsen ditulis dengan kodenya di kasir outlet. Unit sudah dikurangi retur.")
    return page


def nip_search(conn: Connection, period: AsnPeriod, text: str) -> PageData:
    page = PageData("nip", "Cari NIP", period)
    found = queries.find_asn(conn, text)
    bought = queries.purchases_of(conn, [f["nip"] for f in found], period) if found else {}
    for row in found:
        person = dq.asn_person(conn, row["nip"], period.key)
        row["amount"] = person.amount if person else 0
        row["remaining"] = person.remaining if person else None
        row["bought"] = ", ".join(f"{n} ({q})" for n, q in bought.get(row["nip"], [])) or "-"
        row["status"] = "aktif" if row["active"] else "nonaktif"
    page.tables.append(
        DataTable(
            "hasil",
            f"Hasil pencarian '{text}'" if text else "Ketik awal NIP atau sebagian nama",
            [
                Column("nip", "NIP", "nip"),
                Column("name", "Nama"),
                Column("agency", "Instansi"),
                Column("kabupaten", "Kabupaten/Kota"),
                Column("status", "Status"),
                Column("amount", "Belanja periode", "money"),
                Column("remaining", "Kurang", "money"),
                Column("bought", "Yang dibeli"),
            ],
            found,
            empty="Tidak ada yang cocok." if text else "Belum ada pencarian.",
        )
    )
    return page


def users(conn: Connection, period: AsnPeriod) -> PageData:
    """The admin's view of who may sign in and what was done: users (made with `add-user`) and the
    latest 500 entries of the audit table."""
    from pos.province.web.accounts import list_users, recent_audit

    page = PageData("pengguna", "Pengguna dan jejak audit", period)
    page.tables.append(
        DataTable(
            "pengguna",
            "Pengguna dasbor",
            [
                Column("username", "Pengguna"),
                Column("role", "Peran"),
                Column("scope", "Cakupan"),
                Column("state", "Status"),
                Column("last_login_at", "Masuk terakhir", "time"),
                Column("created_at", "Dibuat", "time"),
            ],
            list_users(conn),
        )
    )
    page.tables.append(
        DataTable(
            "audit",
            "Jejak audit (500 terakhir)",
            [
                Column("at", "Waktu", "time"),
                Column("username", "Pengguna"),
                Column("action", "Kejadian"),
                Column("detail", "Rincian"),
                Column("ip", "Alamat"),
            ],
            recent_audit(conn),
        )
    )
    page.notes.append(
        "Pengguna ditambah, diganti kata sandinya dan dinonaktifkan dengan perintah ntt-pos-province."
    )
    return page
