"""Documents to ESC/POS bytes through python-escpos.

A document is rendered into python-escpos's `Dummy` printer, giving the exact bytes a printer gets;
the print queue sends those bytes to the real connection. Rendering never touches a device, so the
bytes can be golden-tested and written to a file for support (`write_escpos`).

python-escpos 3.1 facts this module is built around (docs/engineering-notes.md):
- `import escpos` takes ~300 ms and writes a temp folder: it is imported inside the functions here.
- The capability profile decides native QR/barcodes or images; 58 mm `POS-5890` profiles send no cut
  and rasterise barcodes. `profile=None` means python-escpos's generic "default" profile.
- The code page is set explicitly (CP437); every text is already folded to ASCII by
  `pos.core.document.printable`, so no code-page switch ever appears inside a line.
- `qr(native=True, center=True)` raises: alignment is set first with ESC a.
"""

from __future__ import annotations

import contextlib
import functools
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.core.barcode import is_valid_ean13
from pos.core.document import (
    QR,
    Barcode,
    Block,
    Cut,
    DrawerKick,
    Line,
    Logo,
    check_width,
    columns_for,
    layout_lines,
    printable,
)
from pos.core.errors import DomainError
from pos.printing.logo import logo_image

if TYPE_CHECKING:
    from collections.abc import Iterable

CODE_PAGE = "CP437"
# QR module size in dots: a receipt payload (~70 characters, version 4 at level M) stays ~200 dots.
_QR_MODULE = {58: 5, 80: 6}
QR_IMAGE_MASK = 2
_IMAGE_FRAGMENT = 960  # python-escpos sends taller images in parts


class UnknownProfile(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(f"Profil printer tidak dikenal: {name}")


def make_dummy(profile: str | None) -> Any:
    """A python-escpos `Dummy` printer with `profile` (None: the generic default profile)."""
    from escpos.exceptions import Error as EscposError
    from escpos.printer import Dummy

    try:
        return Dummy(profile=profile)
    except (EscposError, KeyError) as error:
        raise UnknownProfile(profile or "default") from error


def escpos_bytes(doc: Iterable[Block], paper: int = 80, profile: str | None = None) -> bytes:
    """The exact ESC/POS bytes of `doc` for `paper` (58 or 80 mm) on a printer of `profile`."""
    width = columns_for(paper)
    printer = make_dummy(profile)
    render_escpos(doc, printer, width, paper)
    return bytes(printer.output)


def write_escpos(
    document: Iterable[Block], path: str | Path, paper: int = 80, profile: str | None = None
) -> None:
    """Write the bytes the printer would get to `path` (for `ntt-pos receipt ... --escpos FILE`)."""
    data = escpos_bytes(document, paper, profile)
    Path(path).write_bytes(data)


def render_escpos(doc: Iterable[Block], printer: Any, width: int, paper: int = 80) -> None:
    """Send `doc` to a python-escpos printer object laid out for `width` columns."""
    check_width(width)
    writer = _Writer(printer, paper)
    # python-escpos prints notes to stdout ("Using hardware barcode renderer", unknown media width);
    # a till's console is no place for them.
    with contextlib.redirect_stdout(io.StringIO()):
        printer.hw("INIT")
        printer.charcode(CODE_PAGE)
        for block in doc:
            writer.block(block, width)


class _Writer:
    """Keeps the printer's current style so each change is sent once."""

    def __init__(self, printer: Any, paper: int) -> None:
        self.printer = printer
        self.paper = paper
        self.align = "left"
        self.bold = False
        self.double = False

    def block(self, block: Block, width: int) -> None:
        if isinstance(block, QR):
            self.qr(block.payload)
        elif isinstance(block, Barcode):
            self.barcode(block.ean13, width)
        elif isinstance(block, Cut):
            self.printer.cut()
        elif isinstance(block, DrawerKick):
            self.printer.cashdraw(block.pin)
        elif isinstance(block, Logo):
            self.logo(block.path)
        else:
            for line in layout_lines(block, width):
                self.line(line)

    def line(self, line: Line) -> None:
        self.style(line.align, line.bold, line.double)
        self.text(line.text + "\n")

    def text(self, text: str) -> None:
        """python-escpos encodes text one character at a time (most of a receipt's render time). The code
        page is forced to CP437 (`render_escpos`), where ASCII is its own bytes: those go out as they are."""
        if text.isascii():
            self.printer._raw(text.encode("ascii"))
        else:
            self.printer.text(text)

    def style(self, align: str, bold: bool, double: bool) -> None:
        if align != self.align:
            self.printer.set(align=align)
            self.align = align
        if double != self.double:
            if double:
                self.printer.set(double_width=True, double_height=True)
            else:
                self.printer.set(normal_textsize=True)
            self.double = double
            # python-escpos changes size with ESC !, which also clears emphasis.
            self.bold = False
        if bold != self.bold:
            self.printer.set(bold=bold)
            self.bold = bold

    def qr(self, payload: str) -> None:
        payload = printable(payload)
        if not payload:
            return
        self.style("center", False, False)
        size = _QR_MODULE.get(self.paper, 5)
        if self.printer.profile.supports("qrCode"):
            self.printer.qr(payload, size=size, native=True)
        else:
            # No native QR: print it as a raster image, which must fit the head. python-escpos would
            # draw it with `qrcode`, whose mask search costs ~5 ms a receipt; segno with a fixed mask
            # makes an equally valid code in < 1 ms (the mask only tunes contrast, scanners read any).
            self.raster(qr_image(payload, size))
        self.style("left", False, False)

    def raster(self, image: Any) -> None:
        """The bytes of python-escpos's `image(image)` (GS v 0, high density, not centred) for a 1-bit
        image, made straight from its bits: python-escpos converts the image four times first, a third
        of the render time of a receipt with its QR as an image."""
        from escpos.exceptions import ImageWidthError
        from PIL import ImageChops

        try:
            max_width = int(self.printer.profile.profile_data["media"]["width"]["pixels"])
        except (KeyError, ValueError):
            max_width = None
        if max_width is None or image.mode != "1" or image.height > _IMAGE_FRAGMENT:
            self.printer.image(image)  # python-escpos's own ways (no head width, fragments)
            return
        if image.width > max_width:
            raise ImageWidthError(f"{image.width} > {max_width}")
        width_bytes = (image.width + 7) // 8
        header = b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + image.height.to_bytes(2, "little")
        self.printer._raw(header + ImageChops.invert(image).tobytes())  # a set bit is a black dot

    def logo(self, path: str) -> None:
        profile = self.printer.profile
        if not (profile.supports("bitImageRaster") or profile.supports("graphics")):
            return  # text-only printers: the header names the outlet anyway
        image = logo_image(path, self.paper)
        if image is not None:
            self.style("center", False, False)
            self.printer.image(image)
            self.style("left", False, False)

    def barcode(self, digits: str, width: int) -> None:
        self.style("center", False, False)
        if is_valid_ean13(digits):
            # height in dots; module width 2 keeps 95 modules (190 dots) inside 58 mm paper.
            self.printer.barcode(digits, "EAN13", height=64, width=2, pos="BELOW", align_ct=True)
        else:
            # A wrong number must not stop a label run: print it as text so a person sees it.
            self.text(printable(digits)[:width] + "\n")
        # barcode() leaves the printer centred behind our back.
        self.printer.set(align="left")
        self.align = "left"


def qr_image(payload: str, module_dots: int) -> Any:
    """A 1-bit PIL image of `payload` as a QR code (level M, quiet zone of 2 modules).

    Drawn one pixel per module, then scaled up with nearest-neighbour: the same pixels as scaling in
    Python, in a fraction of the time. Cached per payload (a reprint or a preview draws it again)."""
    return _qr_image(payload, module_dots).copy()


_DARK_TO_BLACK = bytes([255, 0]) + bytes(254)


@functools.lru_cache(maxsize=16)
def _qr_image(payload: str, module_dots: int) -> Any:
    import segno
    from PIL import Image

    code = segno.make_qr(payload, error="m", mask=QR_IMAGE_MASK)
    quiet = 2
    side = len(code.matrix) + 2 * quiet
    blank, margin = b"\xff" * side * quiet, b"\xff" * quiet
    # segno's matrix holds 0x1 for a dark module and 0x0 for a light one: dark is 0 (black) in "L"
    modules = blank + b"".join(margin + bytes(row).translate(_DARK_TO_BLACK) + margin for row in code.matrix)
    image = Image.frombytes("L", (side, side), modules + blank)
    image = image.resize((side * module_dots, side * module_dots), Image.Resampling.NEAREST)
    return image.convert("1", dither=Image.Dither.NONE)
