"""Report tables (and the sales charts) to an A4 PDF: the outlet in the header of every page, page
numbers in the footer, charts drawn as vector drawings (reportlab.graphics), tables with rupiah
written the Indonesian way (`Rp1.234.567`). reportlab is imported here only, when someone exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pos.services.reporting.common import OutletHeader
from pos.services.reporting.sales import SalesReport
from pos.services.reporting.tables import Table, cell_text

TOP = 10  # bars in a top-products or top-producers chart


def sales_chart(report: SalesReport, width: float = 480, height: float = 200) -> Any:
    """The chart of a sales report as a reportlab Drawing: by day a line with the previous period,
    by hour bars, otherwise horizontal bars of the biggest rows (net)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, _chart_title(report), fontName="Helvetica-Bold", fontSize=10))
    if report.by == "day":
        plot = LinePlot()
        now = [(n, r.figures.net / 1000) for n, r in enumerate(report.rows, start=1)]
        before = report.previous.rows if report.previous is not None else ()
        plot.data = [
            now or [(1, 0)],
            [(n, r.figures.net / 1000) for n, r in enumerate(before, start=1)] or [(1, 0)],
        ]
        plot.lines[0].strokeColor, plot.lines[1].strokeColor = colors.HexColor("#1565c0"), colors.grey
        plot.lines[1].strokeDashArray = (3, 2)
        chart: Any = plot
    elif report.by == "hour":
        chart = VerticalBarChart()
        chart.data = [[r.figures.net / 1000 for r in report.rows] or [0]]
        chart.categoryAxis.categoryNames = [r.key for r in report.rows] or [""]
        chart.bars[0].fillColor = colors.HexColor("#1565c0")
    else:
        rows = list(report.rows[:TOP])[::-1]
        chart = HorizontalBarChart()
        chart.data = [[r.figures.net / 1000 for r in rows] or [0]]
        chart.categoryAxis.categoryNames = [r.label[:28] for r in rows] or [""]
        chart.categoryAxis.labels.fontSize = 6
        chart.bars[0].fillColor = colors.HexColor("#2e7d32")
    chart.x, chart.y = (150 if report.by not in ("day", "hour") else 40), 20
    chart.width, chart.height = width - chart.x - 10, height - 50
    drawing.add(chart)
    return drawing


def _chart_title(report: SalesReport) -> str:
    if report.by == "day":
        return "Penjualan bersih per hari (ribu Rp); garis abu-abu: periode sebelumnya"
    if report.by == "hour":
        return "Penjualan bersih per jam (ribu Rp)"
    return f"{TOP} teratas: penjualan bersih (ribu Rp)"


def write_pdf(
    path: str | Path, outlet: OutletHeader, title: str, tables: Sequence[Table], charts: Sequence[Any] = ()
) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    styles = getSampleStyleSheet()

    def page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(15 * mm, A4[1] - 12 * mm, outlet.name)
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, A4[1] - 16 * mm, f"{outlet.address}  ({outlet.code})")
        canvas.drawRightString(A4[0] - 15 * mm, A4[1] - 12 * mm, title)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    story: list[Any] = []
    for drawing in charts:
        story += [drawing, Spacer(1, 4 * mm)]
    for table in tables:
        story.append(Paragraph(f"<b>{table.title}</b> - {table.period}", styles["Heading3"]))
        for note in table.notes:
            story.append(Paragraph(note, styles["Normal"]))
        body = [list(table.headers)]
        rows = [*table.rows, *([table.total] if table.total is not None else [])]
        body += [[cell_text(v, i in table.money) for i, v in enumerate(row)] for row in rows]
        grid = PdfTable(body, repeatRows=1)
        style = [
            ("FONT", (0, 0), (-1, -1), "Helvetica", 7),
            ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 7),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f0")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("ALIGN", (0, 1), (-1, -1), "RIGHT"),
        ]
        style += [("ALIGN", (i, 1), (i, -1), "LEFT") for i, r in enumerate(table.rows[:1] and table.rows[0])
                  if isinstance(r, str)]  # fmt: skip
        if table.total is not None:
            style.append(("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 7))
        grid.setStyle(TableStyle(style))
        story += [grid, Spacer(1, 6 * mm)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=22 * mm, bottomMargin=16 * mm, title=title)
    doc.leftMargin = doc.rightMargin = 15 * mm
    doc.build(story, onFirstPage=page, onLaterPages=page)
