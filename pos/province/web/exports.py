"""A dashboard table to XLSX (openpyxl) or PDF (reportlab), all of its rows in the page's order.

The PDF carries title, period, date and who printed it; an agency's list is a letter to its head:
a signature block under the table ("Kupang, <date>", the head's title, a line for name and NIP)."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.core.asn_period import format_date_id
from pos.province.web.page_model import PageData
from pos.province.web.tables import DataTable, cell_text, cell_value


def _now() -> datetime:
    return datetime.now(ZoneInfo("Asia/Makassar"))


def to_xlsx(page: PageData, table: DataTable, show_nip: bool) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.name[:31]
    sheet.append([f"{page.title}: {table.title}"])
    sheet.append(
        [f"Periode {page.period.label} ({page.period.start.isoformat()} s.d. {page.period.end.isoformat()})"]
    )
    sheet.append([f"Dicetak {_now().strftime('%d/%m/%Y %H:%M')} WITA"])
    sheet.append([])
    sheet.append([c.label for c in table.columns])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for row in table.rows:
        values = [cell_value(c, row.get(c.key), show_nip) for c in table.columns]
        sheet.append(values)
    for index, column in enumerate(table.columns, start=1):
        if column.kind == "money":
            for (cell,) in sheet.iter_rows(min_row=6, min_col=index, max_col=index):
                cell.number_format = '"Rp"#,##0'
        if column.kind in ("text", "nip"):
            # text stays text: a name like "=1+1" from the registry never runs as a formula
            for (cell,) in sheet.iter_rows(min_row=6, min_col=index, max_col=index):
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        sheet.column_dimensions[get_column_letter(index)].width = 40 if column.key == "bought" else 20
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_pdf(page: PageData, table: DataTable, show_nip: bool, printed_by: str) -> bytes:
    buffer = io.BytesIO()
    wide = len(table.columns) > 5
    size = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{page.title}: {table.title}",
        author="NTT Mart - Pemerintah Provinsi NTT",
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    today = _now()
    story: list[Any] = [
        Paragraph("PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", styles["Heading3"]),
        Paragraph(table.title if page.agency else f"{page.title}: {table.title}", styles["Title"]),
        *([Paragraph(f"Instansi: <b>{_escape(page.agency)}</b>", styles["BodyText"])] if page.agency else []),
        Paragraph(
            f"Periode: {page.period.label} ({format_date_id(page.period.start)} s.d. "
            f"{format_date_id(page.period.end)})",
            styles["BodyText"],
        ),
        Paragraph(
            f"Tanggal: {format_date_id(today.date())}, {today.strftime('%H:%M')} WITA", styles["BodyText"]
        ),
        *[Paragraph(_escape(f"{label}: {value}"), small) for label, value in page.cards],
        Spacer(1, 4 * mm),
    ]
    header = [Paragraph(f"<b>{c.label}</b>", small) for c in table.columns]
    body = [
        [Paragraph(_escape(cell_text(c, row.get(c.key), show_nip)), small) for c in table.columns]
        for row in table.rows
    ]
    if not body:
        story.append(Paragraph(table.empty, styles["BodyText"]))
    else:
        grid = Table([header, *body], repeatRows=1, colWidths=_widths(table, size[0] - 30 * mm))
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *[("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(table.columns) if c.numeric],
                ]
            )
        )
        story.append(grid)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(f"Jumlah baris: {len(table.rows)}. Dicetak oleh: {_escape(printed_by)}.", small))
    if page.agency is not None:
        story += [
            Spacer(1, 12 * mm),
            Paragraph(f"Kupang, {format_date_id(today.date())}", styles["BodyText"]),
            Paragraph(f"Kepala {_escape(page.agency)}", styles["BodyText"]),
            Spacer(1, 22 * mm),
            Paragraph("(.................................................)", styles["BodyText"]),
            Paragraph("NIP ...........................................", styles["BodyText"]),
        ]
    doc.build(story)
    return buffer.getvalue()


def _widths(table: DataTable, usable: float) -> list[float]:
    weights = [
        3.0 if c.key == "bought" else 2.0 if c.kind in ("text", "nip", "time") else 1.2 for c in table.columns
    ]
    total = sum(weights)
    return [usable * w / total for w in weights]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
