"""The Laporan tab's use cases: the manager's reports over a period, their exports and the day's paper.

Every method may take a while on a year of sales (the first fold after an upgrade: seconds), so the
screen calls them from a background task (pos.ui.tasks), never on the GUI thread. One unit of work per
call; the reports themselves only read, `fold` commits its own short transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pos.application.unit_of_work import UnitOfWorkFactory
from pos.core.document import Document
from pos.core.report_period import Period
from pos.core.timeutil import business_date, utc_now
from pos.services import settings
from pos.services.context import Actor
from pos.services.reporting import summary, tables
from pos.services.reporting.approvals import approvals_report
from pos.services.reporting.asn_buyers import asn_report
from pos.services.reporting.common import OutletHeader, may_see_reports, outlet_header
from pos.services.reporting.consignment_owed import consignment_owed
from pos.services.reporting.day_summary import day_summary_document
from pos.services.reporting.sales import GROUPINGS, SalesReport, lower_first, sales_report
from pos.services.reporting.stock_report import stock_report
from pos.services.reporting.tables import cell_text

# cell_text is passed on so that the tab shows each cell as the XLSX and PDF exports do.
__all__ = ["CHARTED", "REPORTS", "ReportView", "ReportsBackend", "cell_text"]

# What the report chooser offers: the seven sales groupings, then the other reports.
REPORTS = {
    **{f"sales:{by}": f"Penjualan per {lower_first(label)}" for by, label in GROUPINGS.items()},
    "approvals": "Refund, pembatalan, diskon, ubah harga",
    "asn": "Pembeli ASN",
    "stock": "Stok",
    "owed": "Titip jual: utang ke produsen",
}
CHARTED = ("day", "hour", "product", "producer", "payment")  # the dashboard's charts


@dataclass(frozen=True)
class ReportView:
    """One report as the tab shows it: its tables, and the sales reports behind the charts."""

    key: str
    period: Period
    outlet: OutletHeader
    tables: tuple[tables.Table, ...]
    charts: dict[str, SalesReport]


class ReportsBackend:
    def __init__(self, uow_factory: UnitOfWorkFactory, actor: Actor) -> None:
        may_see_reports(actor)
        self._uow = uow_factory
        self.actor = actor

    def today(self) -> date:
        with self._uow() as uow:
            return business_date(utc_now(), outlet_header(uow).timezone)

    def behind(self) -> int:
        """Sales the summaries do not hold yet (a fold of many shows progress)."""
        with self._uow() as uow:
            return summary.unfolded(uow)

    def fold(self, progress: Callable[[int, int], None] | None = None) -> int:
        return summary.fold(self._uow, progress)

    def report(self, key: str, period: Period, *, with_charts: bool = True) -> ReportView:
        with self._uow() as uow:
            outlet = outlet_header(uow)
            charts = {by: sales_report(uow, self.actor, period, by) for by in CHARTED} if with_charts else {}
            found: list[tables.Table]
            if key.startswith("sales:"):
                by = key.split(":", 1)[1]
                found = [tables.sales_table(charts.get(by) or sales_report(uow, self.actor, period, by))]
            elif key == "approvals":
                found = [tables.approvals_table(approvals_report(uow, self.actor, period, outlet.timezone))]
            elif key == "asn":
                found = [tables.asn_table(asn_report(uow, self.actor, period))]
            elif key == "stock":
                found = tables.stock_tables(stock_report(uow, self.actor, period.end))
            elif key == "owed":
                found = [
                    tables.owed_table(consignment_owed(uow, self.actor, period.end), period.end.isoformat())
                ]
            else:
                raise ValueError(f"unknown report {key!r}")
        return ReportView(key, period, outlet, tuple(found), charts)

    def everything(self, period: Period) -> ReportView:
        """Every report of the period, for one workbook or one PDF."""
        views = [self.report(key, period, with_charts=(key == "sales:day")) for key in REPORTS]
        charts = {by: view.charts[by] for view in views[:1] for by in view.charts}
        return ReportView("all", period, views[0].outlet, tuple(t for v in views for t in v.tables), charts)

    def export_xlsx(self, view: ReportView, path: str | Path) -> None:
        from pos.services.reporting.export_xlsx import write_xlsx

        write_xlsx(path, view.outlet, view.tables)

    def export_pdf(self, view: ReportView, path: str | Path) -> None:
        from pos.services.reporting.export_pdf import sales_chart, write_pdf

        drawings: list[Any] = [sales_chart(view.charts[by]) for by in CHARTED if by in view.charts]
        write_pdf(path, view.outlet, f"Laporan {view.period.label}", view.tables, drawings)

    def day_summary(self, day: date) -> Document:
        with self._uow() as uow:
            return day_summary_document(uow, self.actor, day, settings.receipt_columns(uow))
