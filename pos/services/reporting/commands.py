"""`ntt-pos report ...`: the manager's reports for scripts and for checking (issue 13).

    ntt-pos report totals [--json]
    ntt-pos report sales --from YYYY-MM-DD --to YYYY-MM-DD
        --by day|hour|product|category|producer|payment|cashier [--json | --xlsx FILE | --pdf FILE]
    ntt-pos report stock [--idle-days N] [--json | --xlsx FILE | --pdf FILE]
    ntt-pos report asn --month YYYY-MM [--json | --xlsx FILE | --pdf FILE]

`--json` prints only JSON, amounts in integer rupiah. The summaries are brought up to date first
(pos.services.reporting.summary): the first report after an upgrade adds up the whole history once.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pos.core.report_period import Period, month_period, parse_day
from pos.core.timeutil import business_date, utc_now
from pos.db.engine import Database
from pos.db.paths import resolve_data_dir
from pos.services.reporting import summary
from pos.services.reporting.common import outlet_header
from pos.services.reporting.sales import GROUPINGS

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: Any, totals: Handler) -> None:
    p = subparsers.add_parser("report", help="laporan: total, penjualan, stok, ASN")
    p.add_argument("which", choices=("totals", "sales", "stock", "asn"))
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="tanggal awal (sales)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="tanggal akhir (sales)")
    p.add_argument("--by", choices=tuple(GROUPINGS), default="day", help="pengelompokan (sales)")
    p.add_argument("--month", metavar="YYYY-MM", help="bulan (asn)")
    p.add_argument("--idle-days", type=int, default=30, help="tidak terjual sejak N hari (stock)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="hanya JSON (rupiah bulat)")
    out.add_argument("--xlsx", metavar="FILE", help="tulis ke file Excel")
    out.add_argument("--pdf", metavar="FILE", help="tulis ke file PDF (A4)")
    p.set_defaults(handler=lambda args: totals(args) if args.which == "totals" else cmd_report(args))


def cmd_report(args: argparse.Namespace) -> int:
    db = Database.open(resolve_data_dir(args.data_dir, bool(args.demo)), create=False)
    try:
        summary.fold(db.unit_of_work)
        with db.unit_of_work() as uow:
            return _report(uow, args)
    finally:
        db.close()


def _report(uow: Any, args: argparse.Namespace) -> int:
    from pos.services.reporting import tables

    outlet = outlet_header(uow)
    charts: list[Any] = []
    if args.which == "sales":
        from pos.services.reporting.sales import sales_report

        if not args.start or not args.end:
            raise _usage("`report sales` butuh --from YYYY-MM-DD dan --to YYYY-MM-DD.")
        period = Period(parse_day(args.start, "--from"), parse_day(args.end, "--to"))
        report: Any = sales_report(uow, None, period, args.by)
        found = [tables.sales_table(report)]
        title = f"{found[0].title}, {period.label}"
        if args.pdf:
            from pos.services.reporting.export_pdf import sales_chart

            charts.append(sales_chart(report))
    elif args.which == "asn":
        from pos.services.reporting.asn_buyers import asn_report

        if not args.month:
            raise _usage("`report asn` butuh --month YYYY-MM.")
        report = asn_report(uow, None, month_period(args.month))
        found = [tables.asn_table(report)]
        title = f"Pembeli ASN, {report.period.label}"
    else:
        from pos.services.reporting.stock_report import stock_report

        report = stock_report(uow, None, _today(outlet.timezone), args.idle_days)
        found = tables.stock_tables(report)
        title = f"Stok per {report.today.isoformat()}"
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    elif args.xlsx:
        from pos.services.reporting.export_xlsx import write_xlsx

        write_xlsx(Path(args.xlsx), outlet, found)
        print(f"Laporan ditulis ke {args.xlsx}.")
    elif args.pdf:
        from pos.services.reporting.export_pdf import write_pdf

        write_pdf(Path(args.pdf), outlet, title, found, charts)
        print(f"Laporan ditulis ke {args.pdf}.")
    else:
        _print_text(found)
    return 0


def _today(zone: str) -> date:
    return business_date(utc_now(), zone)


def _usage(message: str) -> Exception:
    from pos.core.errors import DomainError

    return DomainError(message)


def _print_text(found: list[Any]) -> None:
    from pos.core.money import format_rupiah

    for table in found:
        print(f"{table.title} - {table.period}")
        for note in table.notes:
            print(f"  {note}")
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        for row in rows:
            cells = [
                format_rupiah(v)
                if i in table.money and isinstance(v, int)
                else ("-" if v is None else str(v))
                for i, v in enumerate(row)
            ]
            print("  " + " | ".join(cells))
        print()
