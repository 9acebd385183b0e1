"""The logo (converted once, only on printers with graphics) and the printer test page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

from pos.core.document import Logo, Text, render_text
from pos.printing.escpos_render import escpos_bytes
from pos.printing.logo import logo_image
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
