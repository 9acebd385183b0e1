"""X/Z shift reports and consignment statements as printable documents.

The data classes are what the services hand over (plain values, int rupiah, times already in the
outlet's zone); the `*_document` functions lay them out with the same blocks as receipts, so the
on-screen preview and the receipt printer show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from pos.core.document import Block, Columns, Cut, Document, Feed, Rule, Text, check_width, signature_blocks
from pos.core.money import format_rupiah


@dataclass(frozen=True, slots=True)
class ShiftReportData:
    """One cashier shift, for an X report (mid-shift, nothing closes) or a Z report (the close).

    `non_cash_by_method` pairs a method label ("QRIS", "Debit") with its total; `counted_cash` pairs
    a denomination with how many notes or coins were counted (empty for an X report). `expected_cash`
    is opening float + cash sales - cash refunds + cash in - cash out; `difference` is counted minus
    expected. `cash_movements` pairs a label ("Kas keluar: Setor ke bank") with its signed amount.
    """

    kind: Literal["X", "Z"]
    outlet_name: str
    shift_id: str
    cashier: str
    opened_at: datetime
    closed_at: datetime | None
    opening_float: int
    cash_sales: int
    non_cash_by_method: tuple[tuple[str, int], ...]
    refunds: int
    expected_cash: int
    counted_cash: tuple[tuple[int, int], ...]
    difference: int | None
    sale_count: int = 0
    refund_count: int = 0
    printed_at: datetime | None = None
    cash_movements: tuple[tuple[str, int], ...] = ()

    @property
    def counted_total(self) -> int:
        return sum(denomination * count for denomination, count in self.counted_cash)


def shift_report_document(report: ShiftReportData, width: int) -> Document:
    """The X or Z report laid out for `width` columns."""
    check_width(width)
    title = "LAPORAN X (SEMENTARA)" if report.kind == "X" else "LAPORAN Z (TUTUP SHIFT)"
    blocks: list[Block] = [
        Text(report.outlet_name, "center", bold=True),
        Text(title, "center", bold=True),
        Rule(),
        Columns("Shift", report.shift_id),
        Columns("Kasir", report.cashier),
        Columns("Buka", _when(report.opened_at)),
    ]
    if report.closed_at is not None:
        blocks.append(Columns("Tutup", _when(report.closed_at)))
    if report.printed_at is not None:
        blocks.append(Columns("Dicetak", _when(report.printed_at)))
    blocks += [
        Rule(),
        Columns("Jumlah transaksi", str(report.sale_count)),
        Columns("Modal awal", format_rupiah(report.opening_float)),
        Columns("Penjualan tunai", format_rupiah(report.cash_sales)),
    ]
    for label, amount in report.non_cash_by_method:
        blocks.append(Columns(f"Penjualan {label}", format_rupiah(amount)))
    non_cash = sum(amount for _, amount in report.non_cash_by_method)
    blocks += [
        Columns("Total penjualan", format_rupiah(report.cash_sales + non_cash), bold=True),
        Columns(f"Refund ({report.refund_count})", format_rupiah(-report.refunds)),
    ]
    if report.cash_movements:
        blocks.append(Text(f"Kas masuk/keluar ({len(report.cash_movements)}):"))
        for label, amount in report.cash_movements:
            blocks += [Text(f"  {label}"), Columns("", format_rupiah(amount))]
    blocks += [
        Rule(),
        Columns("Kas seharusnya", format_rupiah(report.expected_cash), bold=True),
    ]
    if report.counted_cash:
        blocks.append(Text("Uang dihitung:"))
        for denomination, count in report.counted_cash:
            counted = format_rupiah(denomination * count)
            blocks.append(Columns(f"  {count} x {format_rupiah(denomination)}", counted))
        blocks.append(Columns("Kas dihitung", format_rupiah(report.counted_total), bold=True))
    if report.difference is not None:
        label = "Selisih" if report.difference == 0 else ("Lebih" if report.difference > 0 else "Kurang")
        blocks.append(Columns(f"{label}", format_rupiah(report.difference), bold=True))
    if report.kind == "Z":
        blocks += [Feed(), Text("Tanda tangan kasir:"), Feed(2), Text("Tanda tangan supervisor:"), Feed(2)]
    blocks.append(Cut())
    return tuple(blocks)


@dataclass(frozen=True, slots=True)
class ConsignmentLine:
    """One product sold on consignment in the period: units and gross sales in rupiah."""

    product: str
    qty: int
    gross: int


@dataclass(frozen=True, slots=True)
class ConsignmentStatement:
    """What the outlet owes one producer (titip jual) for a period.

    `commission` is the outlet's share in rupiah (its rate is shown when given, as basis points);
    `amount_owed` = gross - commission; `paid` was already paid out; `balance` = owed - paid.
    """

    outlet_name: str
    producer_name: str
    period_start: date
    period_end: date
    lines: tuple[ConsignmentLine, ...]
    commission: int
    amount_owed: int
    paid: int
    balance: int
    commission_rate_bp: int | None = None
    producer_code: str | None = None
    printed_at: datetime | None = None

    @property
    def gross(self) -> int:
        return sum(line.gross for line in self.lines)


def consignment_statement_document(statement: ConsignmentStatement, width: int) -> Document:
    """The producer's statement laid out for `width` columns, with room for both signatures."""
    check_width(width)
    period = f"{statement.period_start:%d-%m-%Y} s/d {statement.period_end:%d-%m-%Y}"
    blocks: list[Block] = [
        Text(statement.outlet_name, "center", bold=True),
        Text("LAPORAN TITIP JUAL", "center", bold=True),
        Rule(),
        Text(f"Produsen: {statement.producer_name}"),
    ]
    if statement.producer_code:
        blocks.append(Columns("Kode", statement.producer_code))
    blocks += [Text(f"Periode: {period}")]
    if statement.printed_at is not None:
        blocks.append(Columns("Dicetak", _when(statement.printed_at)))
    blocks.append(Rule())
    for line in statement.lines:
        blocks += [Text(line.product), Columns(f"  {line.qty} terjual", format_rupiah(line.gross))]
    if not statement.lines:
        blocks.append(Text("Tidak ada penjualan", "center"))
    commission = "Komisi"
    if statement.commission_rate_bp is not None:
        commission += f" {statement.commission_rate_bp / 100:g}%".replace(".", ",")
    blocks += [
        Rule(),
        Columns("Penjualan kotor", format_rupiah(statement.gross)),
        Columns(commission, format_rupiah(-statement.commission)),
        Columns("Hak produsen", format_rupiah(statement.amount_owed), bold=True),
        Columns("Sudah dibayar", format_rupiah(-statement.paid)),
        Columns("Sisa", format_rupiah(statement.balance), bold=True),
        *signature_blocks("Produsen", "Petugas"),
    ]
    return tuple(blocks)


def _when(moment: datetime) -> str:
    return f"{moment:%d-%m-%Y %H:%M}"
