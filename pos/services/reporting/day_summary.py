"""The end-of-day summary on the receipt printer: the day's sales, payments, refunds, approvals and best
sellers of the whole outlet (every shift), as a printer document (pos.core.document) for the print queue.
"""

from __future__ import annotations

from datetime import date

from pos.core.asn_period import format_date_id
from pos.core.document import Block, Columns, Cut, Document, Feed, Rule, Text, check_width
from pos.core.money import format_rupiah
from pos.core.report_period import Period
from pos.db.uow import UnitOfWork
from pos.services.context import Actor
from pos.services.reporting.approvals import KINDS, approvals_report
from pos.services.reporting.common import outlet_header
from pos.services.reporting.sales import sales_report
from pos.services.reporting.tables import change_text

TOP_PRODUCTS = 5


def day_summary_document(uow: UnitOfWork, actor: Actor | None, day: date, width: int) -> Document:
    check_width(width)
    period = Period(day, day)
    outlet = outlet_header(uow)
    by_payment = sales_report(uow, actor, period, "payment")
    by_cashier = sales_report(uow, actor, period, "cashier", compare=False)
    by_product = sales_report(uow, actor, period, "product", compare=False)
    approvals = approvals_report(uow, actor, period, outlet.timezone)
    total = by_payment.total
    blocks: list[Block] = [
        Text(outlet.name, "center", bold=True),
        Text("RINGKASAN HARIAN", "center", bold=True),
        Text(format_date_id(day), "center"),
        Rule(),
        Columns("Transaksi", str(total.sales)),
        Columns("Unit terjual", str(total.qty)),
        Columns("Penjualan", format_rupiah(total.gross)),
        Columns("Diskon diberikan", format_rupiah(total.discount)),
        Columns("Refund", format_rupiah(-total.refunds)),
        Columns("Bersih", format_rupiah(total.net), bold=True),
    ]
    if by_payment.previous is not None:
        before = by_payment.previous.total
        blocks.append(
            Columns("Kemarin", f"{format_rupiah(before.net)} ({change_text(total.net, before.net)})")
        )
    blocks += [Rule(), Text("Per cara bayar (diterima):", bold=True)]
    blocks += [Columns(f"  {row.label}", format_rupiah(row.figures.gross)) for row in by_payment.rows]
    blocks += [Rule(), Text("Per kasir (bersih):", bold=True)]
    blocks += [Columns(f"  {row.label}", format_rupiah(row.figures.net)) for row in by_cashier.rows]
    blocks += [Rule(), Text("Terlaris:", bold=True)]
    for row in by_product.rows[:TOP_PRODUCTS]:
        blocks += [
            Text(f"  {row.label}"),
            Columns(f"    {row.figures.qty} unit", format_rupiah(row.figures.net)),
        ]
    blocks += [Rule(), Text("Perlu persetujuan:", bold=True)]
    for kind, (count, amount) in approvals.totals().items():
        blocks.append(Columns(f"  {KINDS[kind]} ({count})", format_rupiah(amount)))
    approved = sorted({r.approved_by for r in approvals.rows if r.approved_by != "-"})
    if approved:
        blocks.append(Text(f"  Disetujui: {', '.join(approved)}"))
    blocks += [Feed(), Cut()]
    return tuple(blocks)
