"""Shelf and product labels: name, price and EAN-13, on the receipt printer or an A4 PDF sheet.

Goods without a barcode (tenun, se'i, honey in reused bottles) get an in-store EAN-13 (prefix 20-29);
the label carries it as real bars so the till's scanner reads it back. The PDF is drawn with
reportlab (imported lazily: it is only needed when someone prints a sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.core.barcode import is_valid_ean13
from pos.core.document import Barcode, Block, Cut, Document, Feed, Rule, Text, check_width, printable, wrap
from pos.core.money import format_rupiah

# A4 sheet of 3 x 8 labels of 70 x 37 mm, the common office label stock (e.g. 24 per sheet).
SHEET_COLUMNS = 3
SHEET_ROWS = 8
LABEL_WIDTH_MM = 70.0
LABEL_HEIGHT_MM = 37.125


@dataclass(frozen=True, slots=True)
class ShelfLabel:
    """One label: the product's name, its price in rupiah and its EAN-13 (13 digits)."""

    name: str
    price: int
    ean13: str


def shelf_labels_document(labels: list[ShelfLabel] | tuple[ShelfLabel, ...], width: int) -> Document:
    """Labels for the receipt printer, one after another with a rule between them, then a cut."""
    check_width(width)
    blocks: list[Block] = []
    for index, label in enumerate(labels):
        if index:
            blocks += [Rule("-"), Feed()]
        blocks += [
            Text(label.name, "center", bold=True),
            Text(format_rupiah(label.price), "center", bold=True, double=True),
            Barcode(label.ean13),
            Feed(),
        ]
    blocks.append(Cut())
    return tuple(blocks)


def write_labels_pdf(labels: list[ShelfLabel] | tuple[ShelfLabel, ...], path: str | Path) -> int:
    """Draw the labels on A4 sheets of 3 x 8 and write the PDF; returns the number of pages.

    Each label has the name (up to two lines), the price large, and the EAN-13 as real bars with its
    digits. A number that is not a valid EAN-13 is printed as text only, never as wrong bars.
    """
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode import createBarcodeDrawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = A4
    margin_x = (page_width - SHEET_COLUMNS * LABEL_WIDTH_MM * mm) / 2
    margin_y = (page_height - SHEET_ROWS * LABEL_HEIGHT_MM * mm) / 2
    canvas = Canvas(str(path), pagesize=A4, pageCompression=0)
    canvas.setTitle("Label rak NTT Mart")
    per_page = SHEET_COLUMNS * SHEET_ROWS
    pages = max(1, -(-len(labels) // per_page))
    for page in range(pages):
        for slot, label in enumerate(labels[page * per_page : (page + 1) * per_page]):
            column, row = slot % SHEET_COLUMNS, slot // SHEET_COLUMNS
            left = margin_x + column * LABEL_WIDTH_MM * mm
            top = page_height - margin_y - row * LABEL_HEIGHT_MM * mm
            centre = left + LABEL_WIDTH_MM * mm / 2
            name_lines = _name_lines(label.name)
            canvas.setFont("Helvetica-Bold", 8)
            for index, line in enumerate(name_lines):
                canvas.drawCentredString(centre, top - (5 + 3.5 * index) * mm, line)
            canvas.setFont("Helvetica-Bold", 14)
            canvas.drawCentredString(centre, top - 16 * mm, format_rupiah(label.price))
            if is_valid_ean13(label.ean13):
                drawing = createBarcodeDrawing(
                    "EAN13", value=label.ean13[:12], barHeight=11 * mm, barWidth=0.33 * mm, humanReadable=True
                )
                renderPDF.draw(drawing, canvas, centre - drawing.width / 2, top - 34 * mm)
            else:
                canvas.setFont("Helvetica", 9)
                canvas.drawCentredString(centre, top - 28 * mm, printable(label.ean13)[:30])
        canvas.showPage()
    canvas.save()
    return pages


def _name_lines(name: str) -> list[str]:
    # Helvetica 8 pt fits about 38 characters in 70 mm; a third line would hit the price.
    lines = wrap(printable(name), 38)
    if len(lines) > 2:
        lines = [lines[0], lines[1][:35] + "..."]
    return lines
