"""A printer document (receipt paper for a producer, a statement) as a one-column A4 PDF.

The PDF shows exactly the lines the receipt printer would print (`layout_lines`), in a monospaced
font so columns line up; bold lines stay bold and double-size lines print larger. reportlab is
imported lazily: only needed when someone saves a PDF.
"""

from __future__ import annotations

from pathlib import Path

from pos.core.document import QR, Barcode, Cut, Document, DrawerKick, Feed, layout_lines

FONT_SIZE = 10
LINE_HEIGHT = 13


def write_document_pdf(document: Document, path: str | Path, title: str, width: int = 48) -> int:
    """Write the document laid out for `width` columns; returns the number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = A4
    canvas = Canvas(str(path), pagesize=A4, pageCompression=0)
    canvas.setTitle(title)
    char_width = canvas.stringWidth("M", "Courier", FONT_SIZE)
    left = (page_width - width * char_width) / 2
    top = page_height - 60
    y = top
    pages = 1
    for block in document:
        if isinstance(block, (Cut, DrawerKick, QR, Barcode)):
            continue
        if isinstance(block, Feed):
            y -= LINE_HEIGHT * block.lines
            continue
        for line in layout_lines(block, width):
            if y < 60:
                canvas.showPage()
                pages += 1
                y = top
            size = FONT_SIZE * 1.6 if line.double else FONT_SIZE
            canvas.setFont("Courier-Bold" if line.bold or line.double else "Courier", size)
            text = line.text
            if line.align == "center":
                canvas.drawCentredString(page_width / 2, y, text)
            elif line.align == "right":
                canvas.drawRightString(left + width * char_width, y, text)
            else:
                canvas.drawString(left, y, text)
            y -= LINE_HEIGHT * (1.6 if line.double else 1)
    canvas.showPage()
    canvas.save()
    return pages
