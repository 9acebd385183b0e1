"""The printer test page of the settings dialog: shows width, styles, code page, QR, barcode, cut."""

from __future__ import annotations

from datetime import datetime

from pos.core.barcode import TEST_PAGE_BARCODE
from pos.core.document import QR, Barcode, Block, Columns, Cut, Document, Feed, Logo, Rule, Text


def test_page_document(
    outlet_name: str, connection: str, width: int, printed_at: datetime, logo: str | None = None
) -> Document:
    """A page that lets a person see at a glance whether the printer is set up right.

    The ruler must end exactly at the right edge (wrong paper width shows at once), the accented line
    must come out as plain letters, and the QR and barcode must scan.
    """
    ruler = "".join(str(i % 10) for i in range(1, width + 1))
    blocks: list[Block] = [Logo(logo)] if logo else []
    blocks += [
        Text("TES PRINTER", "center", bold=True, double=True),
        Text(outlet_name, "center"),
        Rule(),
        Columns("Koneksi", connection),
        Columns("Lebar", f"{width} karakter"),
        Columns("Waktu", f"{printed_at:%d-%m-%Y %H:%M}"),
        Rule(),
        Text(ruler),
        Text("Huruf tebal", bold=True),
        Text("Besar", double=True),
        Columns("Kopi Bajawa 2 x Rp45.000", "Rp90.000"),
        Text("Aksen: Sé'i – “Madu” … ok"),
        Rule("="),
        QR("NTTPOS1|TES-PRINTER"),
        Barcode(TEST_PAGE_BARCODE),  # no product can have it (pos.core.barcode)
        Feed(),
        Text("Jika semua terbaca, printer siap.", "center"),
        Cut(),
    ]
    return tuple(blocks)
