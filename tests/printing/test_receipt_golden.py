"""Golden files: the exact ESC/POS bytes (and the plain-text preview) of the sample receipts.

The bytes come from python-escpos's Dummy printer. They freeze what a printer gets; whether that is
right is checked independently by test_receipt_decoded.py, which decodes the same bytes with emupos.

Regenerate after an intended change, then review the .txt diffs and commit:
    NTT_POS_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/printing/test_receipt_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sample_receipts import samples

from pos.core.document import columns_for, render_text
from pos.core.receipt import receipt_document
from pos.printing.escpos_render import escpos_bytes

GOLDEN = Path(__file__).with_name("golden")
REGENERATE = os.environ.get("NTT_POS_REGENERATE_GOLDEN") == "1"
# (paper mm, python-escpos profile): generic 80 and 58 mm, and the cheap POS-5890 58 mm family
# (no native QR: the QR becomes a raster image; no cutter: no cut command).
PRINTERS = [(80, None), (58, None), (58, "POS-5890")]
CASES = [(name, paper, profile) for name in samples() for paper, profile in PRINTERS]


def _stem(name: str, paper: int, profile: str | None) -> str:
    return f"{name}-{paper}mm-{profile or 'default'}"


def _check(path: Path, produced: bytes) -> None:
    if REGENERATE:
        path.write_bytes(produced)
        return
    assert path.exists(), f"no golden file {path.name}: regenerate (see module docstring)"
    assert produced == path.read_bytes(), f"{path.name} differs from the golden file"


@pytest.mark.parametrize(("name", "paper", "profile"), CASES, ids=[_stem(*case) for case in CASES])
def test_receipt_bytes_match_golden(name: str, paper: int, profile: str | None) -> None:
    doc = receipt_document(samples()[name], columns_for(paper))
    _check(GOLDEN / f"{_stem(name, paper, profile)}.bin", escpos_bytes(doc, paper, profile))


@pytest.mark.parametrize("paper", [80, 58])
@pytest.mark.parametrize("name", list(samples()))
def test_receipt_preview_matches_golden(name: str, paper: int) -> None:
    width = columns_for(paper)
    text = render_text(receipt_document(samples()[name], width), width)
    assert all(len(line) <= width for line in text.splitlines())
    _check(GOLDEN / f"{name}-{paper}mm.txt", text.encode("ascii"))


def test_goldens_differ_where_the_printers_differ() -> None:
    """POS-5890 gets an image for the QR and no cut; the generic profile a native QR and a cut."""
    generic = (GOLDEN / "cash-58mm-default.bin").read_bytes()
    cheap = (GOLDEN / "cash-58mm-POS-5890.bin").read_bytes()
    assert b"\x1d(k" in generic and b"\x1dV" in generic
    assert b"\x1d(k" not in cheap and b"\x1dV" not in cheap and b"\x1dv0" in cheap
