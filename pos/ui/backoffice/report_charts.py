"""The Laporan tab's charts, drawn with pyqtgraph (docs/reports.md: why pyqtgraph, with its figures).

pyqtgraph (and numpy under it) is imported only here, and first by `load_library` from the report's
background task, so neither the till's start nor the GUI thread pays the ~0.3-0.7 s import: the checkout
never loads it at all. A chart is a PlotWidget redrawn by `show_report` from a SalesReport:
by day the net per day with the previous period dashed, by hour bars, the rest horizontal bars of the
biggest rows (top products, top producers, payment mix). Amounts are in thousands of rupiah.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from pos.services.reporting.sales import SalesReport
from pos.ui.i18n import fill

TOP = 10
BLUE, GREY, GREEN = "#1565c0", "#9e9e9e", "#2e7d32"
TITLES = {
    "day": QT_TRANSLATE_NOOP(
        "ReportCharts", "Penjualan bersih per hari (ribu Rp); putus-putus: periode sebelumnya"
    ),
    "hour": QT_TRANSLATE_NOOP("ReportCharts", "Penjualan bersih per jam (ribu Rp)"),
    "product": QT_TRANSLATE_NOOP("ReportCharts", "{0} produk teratas (ribu Rp)"),
    "producer": QT_TRANSLATE_NOOP("ReportCharts", "{0} produsen teratas (ribu Rp)"),
    "payment": QT_TRANSLATE_NOOP("ReportCharts", "Cara bayar (ribu Rp)"),
}


def load_library() -> Any:
    """Import pyqtgraph once (safe off the GUI thread: no widget is made) and set its look."""
    import pyqtgraph

    pyqtgraph.setConfigOptions(antialias=True, background="w", foreground="k")
    return pyqtgraph


def chart_for(report: SalesReport | None = None) -> Any:
    """A new, empty chart widget (a pyqtgraph PlotWidget); `show_report` draws into it."""
    pg = load_library()
    chart = pg.PlotWidget()
    chart.setMenuEnabled(False)
    chart.setMouseEnabled(x=False, y=False)
    chart.hideButtons()
    chart.setMinimumSize(240, 120)
    if report is not None:
        show_report(chart, report)
    return chart


def show_report(chart: Any, report: SalesReport) -> None:
    pg = load_library()
    chart.clear()
    plot = chart.getPlotItem()
    title = (
        fill(QCoreApplication.translate("ReportCharts", str(TITLES[report.by])), TOP)
        if report.by in TITLES
        else report.by
    )
    plot.setTitle(title, size="9pt")
    left, bottom = plot.getAxis("left"), plot.getAxis("bottom")
    if report.by == "day":
        now = [r.figures.net / 1000 for r in report.rows]
        chart.plot(list(range(1, len(now) + 1)), now, pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=4)
        if report.previous is not None:
            before = [r.figures.net / 1000 for r in report.previous.rows]
            pen = pg.mkPen(GREY, width=1.5, style=_dash())
            chart.plot(list(range(1, len(before) + 1)), before, pen=pen)
        step = max(1, len(report.rows) // 8)
        bottom.setTicks([[(n + 1, r.key[8:10]) for n, r in enumerate(report.rows) if n % step == 0]])
        left.setTicks(None)
    elif report.by == "hour":
        by_hour = {int(r.key): r.figures.net / 1000 for r in report.rows}
        hours = list(range(min(by_hour, default=8), max(by_hour, default=20) + 1))
        chart.addItem(
            pg.BarGraphItem(x=hours, height=[by_hour.get(h, 0) for h in hours], width=0.7, brush=BLUE)
        )
        bottom.setTicks([[(h, f"{h:02d}") for h in hours]])
        left.setTicks(None)
    else:
        rows = list(report.rows[:TOP])[::-1]
        ys = list(range(len(rows)))
        values = [r.figures.net / 1000 for r in rows]
        chart.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.7, width=values, brush=GREEN))
        left.setTicks([[(y, _short(r.label)) for y, r in zip(ys, rows, strict=True)]])
        bottom.setTicks(None)
    plot.enableAutoRange()


def _short(label: str, size: int = 22) -> str:
    return label if len(label) <= size else label[: size - 1] + "\u2026"


def _dash() -> Any:
    from PySide6.QtCore import Qt

    return Qt.PenStyle.DashLine
