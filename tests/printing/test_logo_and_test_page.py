"""The logo (converted once, only on printers with graphics) and the printer test page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from pos.core.barcode import (
    TEST_PAGE_BARCODE,
    InvalidBarcode,
    is_valid_ean13,
    make_instore_ean13,
    validate_barcode,
)
from pos.core.document import Barcode, Cut, Logo, Text, render_text
from pos.printing.connection import PrinterSettings
from pos.printing.escpos_render import escpos_bytes
from pos.printing.logo import logo_image
from pos.printing.queue import PrintQueue
from pos.printing.test_page import test_page_document as make_test_page

WITA = ZoneInfo("Asia/Makassar")


def make_logo(path: Path) -> Path:
    image = Image.new("RGB", (1200, 400), "white")
    for x in range(100, 1100):
        for y in range(150, 250):
            image.putpixel((x, y), (30, 30, 30))
    image.save(path)
    return path


def test_logo_is_fitted_to_the_head_and_cached(tmp_path: Path) -> None:
    path = str(make_logo(tmp_path / "logo.png"))
    small = logo_image(path, 58)
    assert small is not None and small.mode == "1"
    assert small.width <= 360 and small.height <= 160
    assert logo_image(path, 58) is small  # converted once
    assert logo_image(path, 80).width > small.width


def test_missing_or_broken_logo_never_stops_a_receipt(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"bukan gambar")
    for path in (str(tmp_path / "tidak-ada.png"), str(broken)):
        assert logo_image(path, 58) is None
        data = escpos_bytes((Logo(path), Text("NTT Mart")), paper=80)
        assert b"NTT Mart" in data


def test_logo_prints_only_where_graphics_work(tmp_path: Path) -> None:
    path = str(make_logo(tmp_path / "logo.png"))
    doc = (Logo(path), Text("NTT Mart"))
    with_logo = escpos_bytes(doc, paper=80)
    without = escpos_bytes((Text("NTT Mart"),), paper=80)
    assert len(with_logo) > len(without) + 1000  # a raster image went out
    assert render_text(doc, 32) == render_text((Text("NTT Mart"),), 32)  # the preview leaves it out


def test_test_page_fits_and_shows_the_ruler() -> None:
    for width in (32, 48):
        page = make_test_page(
            "NTT Mart by Dekranasda Kota Kupang",
            "Jaringan 127.0.0.1:9100",
            width,
            datetime(2026, 11, 28, 9, 30, tzinfo=WITA),
        )
        text = render_text(page, width)
        lines = text.splitlines()
        assert all(len(line) <= width for line in lines)
        assert "".join(str(i % 10) for i in range(1, width + 1)) in lines
        assert 'Aksen: Se\'i - "Madu" ... ok' in text
        data = escpos_bytes(page, paper=58 if width == 32 else 80)
        assert b"TES PRINTER" in data


def test_the_test_page_barcode_is_one_no_product_can_have() -> None:
    """Scanning the test page must not sell anything: its code is refused for every product."""
    page = make_test_page("NTT Mart", "file", 32, datetime(2026, 11, 28, 9, 30, tzinfo=WITA))
    codes = [block.ean13 for block in page if isinstance(block, Barcode)]
    assert codes == [TEST_PAGE_BARCODE] and is_valid_ean13(TEST_PAGE_BARCODE)  # the scanner reads it
    assert make_instore_ean13(1) != TEST_PAGE_BARCODE  # 2000000000015: the first in-store product
    with pytest.raises(InvalidBarcode, match="halaman tes"):
        validate_barcode(TEST_PAGE_BARCODE)


def test_the_file_printer_keeps_every_job(tmp_path: Path) -> None:
    """A shop without a printer prints to a file: each receipt stays there, one after the other."""
    target = tmp_path / "struk.bin"
    queue = PrintQueue(PrinterSettings(kind="file", file_path=str(target)), retry_interval=3600)
    for number in (1, 2, 3):
        queue.submit((Text(f"Struk nomor {number}"), Cut()), title=f"Struk {number}")
    assert queue.wait_idle(20)
    queue.stop()
    data = target.read_bytes()
    assert [data.count(f"Struk nomor {n}".encode()) for n in (1, 2, 3)] == [1, 1, 1]
    assert data.count(b"cetakan berikutnya") == 2  # a separator between jobs, not before the first
    assert data.startswith(escpos_bytes((Text("Struk nomor 1"), Cut()), paper=80))
