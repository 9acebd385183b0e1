"""The outlet's logo for receipts: converted once to a 1-bit image that fits the print head, then cached."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

# Dots across the head: 58 mm printers print 384, 80 mm 576; keep a margin and a modest height so a
# logo costs little paper and little time on a slow serial link.
MAX_WIDTH = {58: 360, 80: 512}
MAX_HEIGHT = 160
log = logging.getLogger(__name__)


def logo_image(path: str, paper: int) -> Any | None:
    """The prepared logo, or None when the file is missing or unreadable (a receipt never waits on it)."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        log.warning("logo %s tidak ditemukan; struk dicetak tanpa logo", path)
        return None
    return _prepared(path, stamp, paper)


@functools.lru_cache(maxsize=8)
def _prepared(path: str, stamp: int, paper: int) -> Any | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as source:
            image = source.convert("L")
    except (OSError, UnidentifiedImageError):
        log.warning("logo %s bukan gambar yang bisa dibaca; struk dicetak tanpa logo", path)
        return None
    image.thumbnail((MAX_WIDTH.get(paper, MAX_WIDTH[58]), MAX_HEIGHT))
    return image.convert("1")  # Floyd-Steinberg dithering keeps grey areas readable on a thermal head
