"""Printer-independent documents: receipts, shift reports, statements and labels as blocks.

A `Document` is a tuple of blocks. Every block that prints text is laid out by `layout_lines` into
lines of at most `width` characters, and both renderers use it: `render_text` here (the on-screen
preview and the reprint dialog) and the ESC/POS renderer in `pos.printing`, so the preview shows
exactly the characters the printer gets. All text is folded to printable ASCII first (`printable`):
thermal printers only know a code page, and a product name with curly quotes, accents or emoji
must print readably rather than as garbage or an exception.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from pos.core.errors import DomainError

Align = Literal["left", "center", "right"]

# Narrowest paper we lay out for; 58 mm paper has 32 columns, 80 mm has 48.
MIN_WIDTH = 16
COLUMNS_BY_PAPER = {58: 32, 80: 48}
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph, wrapped at word boundaries to the width; `double` prints at double size."""

    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False


@dataclass(frozen=True, slots=True)
class Columns:
    """A label on the left and a value (usually an amount) flush right on the same line."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A full-width separator line."""

    char: str = "-"


@dataclass(frozen=True, slots=True)
class QR:
    """A QR code of `payload`, centred."""

    payload: str


@dataclass(frozen=True, slots=True)
class Barcode:
    """An EAN-13 barcode with its digits below, centred."""

    ean13: str


@dataclass(frozen=True, slots=True)
class Feed:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    """Feed past the cutter and cut (printers without a cutter only feed)."""


@dataclass(frozen=True, slots=True)
class DrawerKick:
    """Open the cash drawer wired to the printer's drawer port (pin 2 or 5)."""

    pin: Literal[2, 5] = 2


@dataclass(frozen=True, slots=True)
class Logo:
    """The outlet's logo image (a file path), centred; printed only where the printer has graphics.

    The text preview leaves it out: it is decoration, and the receipt reads the same without it.
    """

    path: str


Block = Text | Columns | Rule | QR | Barcode | Feed | Cut | DrawerKick | Logo
Document = tuple[Block, ...]


def signature_blocks(left: str, right: str) -> list[Block]:
    """Two signature places side by side (producer and staff) closing a paper, then the cut."""
    return [Feed(), Columns(left, right), Feed(2), Columns("(............)", "(............)"), Cut()]


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: `text` is printable ASCII no longer than the width it was laid out for."""

    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False


# Characters NFKD leaves alone or turns into something unhelpful; everything else is decomposed.
_FOLD_TABLE = {
    "‘": "'",
    "’": "'",
    "‚": ",",
    "‛": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "′": "'",
    "″": '"',
    "‹": "<",
    "›": ">",
    "«": "<<",
    "»": ">>",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": ".",
    "×": "x",
    "÷": ":",
    "°": "o",
    "€": "EUR",
    "£": "GBP",
    "ß": "ss",
    "Æ": "AE",
    "æ": "ae",
    "Ø": "O",
    "ø": "o",
    "Œ": "OE",
    "œ": "oe",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Ð": "D",
    "ð": "d",
    "Þ": "Th",
    "þ": "th",
    "ı": "i",
    "©": "(c)",
    "®": "(R)",
    "™": "TM",
    "½": "1/2",
    "¼": "1/4",
    "¾": "3/4",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}


def printable(text: str) -> str:
    """Fold `text` to printable ASCII on one line: accents dropped, quotes straightened, emoji removed.

    Control characters (newlines, tabs, ESC) become spaces: a name must never break the layout or
    smuggle printer commands into the byte stream.
    """
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if " " <= char <= "~":
            out.append(char)
            continue
        folded = _FOLD_TABLE.get(char)
        if folded is None:
            if unicodedata.category(char)[0] in "CZ":
                folded = " "
            else:
                decomposed = unicodedata.normalize("NFKD", char)
                folded = "".join(c for c in decomposed if " " <= c <= "~")
        out.append(folded)
    # Dropped emoji leave doubled spaces; collapse them but keep an intentional leading indent.
    result = "".join(out)
    body = result.lstrip(" ")
    return result[: len(result) - len(body)] + _SPACES.sub(" ", body)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to `width` columns; words longer than a line are split. Never empty.

    Leading spaces are an indent (up to a quarter of the width) kept on every wrapped line.
    """
    body = text.lstrip(" ")
    indent = min(len(text) - len(body), width // 4)
    if indent:
        return [" " * indent + piece if piece else piece for piece in _wrap(body, width - indent)]
    return _wrap(text, width)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def columns_lines(left: str, right: str, width: int) -> list[str]:
    """The left text wrapped, with `right` flush right on its last line (or on a line of its own)."""
    left, right = printable(left), printable(right).strip()
    if not right:
        return wrap(left, width)
    if len(right) > width:
        return [*wrap(left, width), *(piece.rjust(width) for piece in wrap(right, width))]
    left_lines = wrap(left, width)
    last = left_lines[-1]
    if len(last) + 1 + len(right) <= width:
        return [*left_lines[:-1], last + right.rjust(width - len(last))]
    return [*left_lines, right.rjust(width)]


def layout_lines(block: Block, width: int) -> list[Line]:
    """The text lines of a block at `width` columns; QR, barcode, cut and drawer kick have none."""
    if isinstance(block, Text):
        room = width // 2 if block.double else width
        pieces = wrap(printable(block.text), room)
        return [Line(piece, block.align, block.bold, block.double) for piece in pieces]
    if isinstance(block, Columns):
        return [Line(piece, "left", block.bold) for piece in columns_lines(block.left, block.right, width)]
    if isinstance(block, Rule):
        char = printable(block.char)[:1] or "-"
        return [Line(char * width)]
    if isinstance(block, Feed):
        return [Line("")] * max(block.lines, 0)
    return []


def columns_for(paper: int) -> int:
    """Characters per line (font A) for 58 or 80 mm paper: the one rule for every receipt-paper document
    (receipts, shift reports, producer papers, labels). Any other paper size is refused."""
    try:
        return COLUMNS_BY_PAPER[paper]
    except (KeyError, TypeError):
        raise DomainError(f"Lebar kertas harus 58 atau 80 mm, bukan {paper}") from None


def check_width(width: int) -> None:
    if width < MIN_WIDTH:
        raise ValueError(f"paper width of {width} columns is too narrow (minimum {MIN_WIDTH})")


def render_text(doc: Iterable[Block], width: int) -> str:
    """The document as plain text of at most `width` columns a line, as the printer lays it out."""
    check_width(width)
    return "\n".join(_text_lines(doc, width)) + "\n"


def _text_lines(doc: Iterable[Block], width: int) -> Iterator[str]:
    for block in doc:
        if isinstance(block, QR):
            yield "[QR]".center(width).rstrip()
        elif isinstance(block, Barcode):
            yield f"|||| {printable(block.ean13)} ||||"[:width].center(width).rstrip()
        else:
            for line in layout_lines(block, width):
                yield _aligned(line, width)


def _aligned(line: Line, width: int) -> str:
    # Double-size characters take two columns on paper; the preview shows them once, placed where
    # their doubled run would sit.
    shown = len(line.text) * 2 if line.double else len(line.text)
    if line.align == "center":
        pad = (width - shown) // 2
    elif line.align == "right":
        pad = width - shown
    else:
        pad = 0
    return (" " * max(pad, 0) + line.text).rstrip()
