"""Drawing a QR code as a QImage with segno (pure Python), crisp at any size: whole pixels per module."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(payload: str, size: int = 360, border: int = 4) -> QImage:
    """A square black-on-white image of `payload`, at most `size` pixels, quiet zone of `border` modules."""
    import segno  # only the payment screen needs it; keeps start-up lean

    code = segno.make(payload, error="m", micro=False)
    matrix = code.matrix
    modules = len(matrix) + 2 * border
    scale = max(1, size // modules)
    side = modules * scale
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(Qt.GlobalColor.black))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect((x + border) * scale, (y + border) * scale, scale, scale)
    painter.end()
    return image
