"""Every report as one or more plain tables: what the Laporan tab shows, and what goes to XLSX and PDF.

A table keeps its figures as integers (rupiah or counts) and says which columns are money, so each
output formats them its own way (a rupiah number format in Excel, `Rp1.234` on paper and screen)
while the figures stay the same everywhere. `total` is a row of values, never a formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pos.core.asn_period import format_date_id
from pos.core.money import format_rupiah
from pos.services.reporting.approvals import KINDS, ApprovalsReport
from pos.services.reporting.asn_buyers import AsnReport
from pos.services.reporting.consignment_owed import OwedRow
from pos.services.reporting.sales import GROUPINGS, SalesReport, lower_first
from pos.services.reporting.stock_report import StockReport, StockRow

Cell = str | int | None


@dataclass(frozen=True)
class Table:
    title: str  # also the sheet name (shortened to Excel's 31 characters)
    period: str  # what the figures cover, for the title line
    headers: tuple[str, ...]
    money: frozenset[int]  # indexes of rupiah columns
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    notes: tuple[str, ...] = field(default=())  # lines under the title (the comparison)


SALES_HEADERS = ("Kode", "Nama", "Transaksi", "Unit", "Penjualan", "Diskon", "Refund", "Bersih")


def cell_text(value: object, money: bool) -> str:
    """A report cell as shown on screen and on paper: rupiah for money, 1.234 for counts, '-' for none."""
    if value is None:
        return "-"
    if money and isinstance(value, int):
        return format_rupiah(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def change_text(now: int, before: int) -> str:
    """`+12,5%` against the previous period; `baru` when there was nothing before."""
    if before == 0:
        return "baru" if now else "0%"
    percent = (now - before) * 1000 // abs(before)
    sign = "+" if percent >= 0 else "-"
    whole, tenth = divmod(abs(percent), 10)
    return f"{sign}{whole},{tenth}%"


def sales_table(report: SalesReport) -> Table:
    rows = tuple(
        (row.key, row.label, f.sales, f.qty, f.gross, f.discount, f.refunds, f.net)
        for row in report.rows
        for f in (row.figures,)
    )
    t = report.total
    notes: tuple[str, ...] = ()
    if report.previous is not None:
        p = report.previous.total
        notes = (
            f"Periode sebelumnya {report.previous.period.label}: bersih {format_rupiah(p.net)}, "
            f"{p.sales} transaksi; sekarang {change_text(t.net, p.net)}",
        )
    return Table(
        title=f"Penjualan per {lower_first(GROUPINGS[report.by])}",
        period=report.period.label,
        headers=SALES_HEADERS,
        money=frozenset({4, 5, 6, 7}),
        rows=rows,
        total=("", "TOTAL", t.sales, t.qty, t.gross, t.discount, t.refunds, t.net),
        notes=notes,
    )


def approvals_table(report: ApprovalsReport) -> Table:
    totals = report.totals()
    return Table(
        title="Refund, pembatalan, diskon, ubah harga",
        period=report.period.label,
        headers=("Jenis", "Kasir", "Disetujui oleh", "Jumlah", "Nilai"),
        money=frozenset({4}),
        rows=tuple((KINDS[r.kind], r.cashier, r.approved_by, r.count, r.amount) for r in report.rows),
        notes=tuple(f"{KINDS[k]}: {c} kali, {format_rupiah(a)}" for k, (c, a) in totals.items()),
    )


def asn_table(report: AsnReport) -> Table:
    notes = [
        f"Minimum belanja {format_rupiah(report.minimum)}",
        f"{report.buyers} ASN berbelanja, {report.sales} transaksi, {format_rupiah(report.amount)}",
        f"Mencapai minimum di outlet ini: {report.reached}; menurut data provinsi: {report.reached_province}",
    ]
    if report.previous is not None:
        notes.append(
            f"Periode sebelumnya: {report.previous.buyers} ASN, {format_rupiah(report.previous.amount)}"
        )
    return Table(
        title="Pembeli ASN per instansi",
        period=report.period.label,
        headers=("Instansi", "ASN", "Transaksi", "Belanja", "Capai minimum"),
        money=frozenset({3}),
        rows=tuple((a.agency, a.buyers, a.sales, a.amount, a.reached) for a in report.agencies),
        total=("TOTAL", report.buyers, report.sales, report.amount, report.reached),
        notes=tuple(notes),
    )


def _stock_rows(rows: tuple[StockRow, ...]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((r.code, r.name, r.producer, r.on_hand, r.min_stock, r.cost, r.value, _day(r)) for r in rows)


def _day(row: StockRow) -> str:
    return format_date_id(row.last_sold) if row.last_sold else "belum pernah"


def stock_tables(report: StockReport) -> list[Table]:
    headers = ("Kode", "Nama", "Produsen", "Stok", "Minimum", "Harga pokok", "Nilai", "Terakhir terjual")
    today = format_date_id(report.today)
    summary = (
        f"{report.products} produk aktif, {report.units} unit di toko, nilai pokok "
        f"{format_rupiah(report.value)} ({report.without_cost} produk titip jual tanpa harga pokok)",
    )
    return [
        Table("Stok menipis", today, headers, frozenset({5, 6}), _stock_rows(report.low), notes=summary),
        Table(
            f"Tidak terjual {report.idle_days} hari",
            today,
            headers,
            frozenset({5, 6}),
            _stock_rows(report.idle),
        ),
        Table("Stok minus", today, headers, frozenset({5, 6}), _stock_rows(report.below_zero)),
    ]


def owed_table(rows: list[OwedRow], today: str) -> Table:
    return Table(
        title="Titip jual: utang ke produsen",
        period=f"sejak pembayaran terakhir s/d {today}",
        headers=("Kode", "Produsen", "Sejak", "Unit", "Penjualan", "Komisi", "Utang"),
        money=frozenset({4, 5, 6}),
        rows=tuple(
            (r.code, r.name, format_date_id(r.since), r.qty, r.gross, r.commission, r.owed) for r in rows
        ),
        total=(
            "",
            "TOTAL",
            "",
            sum(r.qty for r in rows),
            sum(r.gross for r in rows),
            sum(r.commission for r in rows),
            sum(r.owed for r in rows),
        ),
    )
