"""Decode our ESC/POS bytes with emupos, written independently of python-escpos, and check what a
printer would print: the text, where each line sits on the paper, the QR payload, drawer and cut.

This keeps the golden files honest: a golden file can freeze a wrong receipt, a decoder cannot.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

import pytest
from sample_receipts import samples

from pos.core.document import DrawerKick, columns_for, render_text
from pos.core.receipt import receipt_document, receipt_qr_payload
from pos.printing.escpos_render import escpos_bytes

if TYPE_CHECKING:  # conftest is not importable at run time: every test folder has its own
    from conftest import Decode

DOTS = {58: 384, 80: 576}
CHAR_DOTS = 12  # font A is 12 dots wide on emupos's profile, as on Epson TM printers


@pytest.mark.parametrize("paper", [80, 58])
@pytest.mark.parametrize("name", ["cash", "split", "asn", "refund", "long_names"])
def test_printer_reads_the_receipt_we_preview(decode: Decode, name: str, paper: int) -> None:
    receipt = samples()[name]
    width = columns_for(paper)
    doc = receipt_document(receipt, width)
    decoded = decode(escpos_bytes(doc, paper, None), DOTS[paper])

    assert len(decoded["receipts"]) == 1
    printed = decoded["receipts"][0]
    assert printed["boundary"] == "cut"
    assert "printer.command.unknown" not in decoded["events"]
    # The text, line by line, is the preview's text (the preview pads alignment with spaces).
    preview = [line.strip() for line in render_text(doc, width).splitlines() if line.strip() != "[QR]"]
    text_lines = [line.strip() for line in printed["text"].splitlines() if not line.startswith("[qr ")]
    assert text_lines == preview
    assert f"[qr {receipt_qr_payload(receipt)}]" in printed["text"].splitlines()


@pytest.mark.parametrize("paper", [80, 58])
def test_alignment_on_paper(decode: Decode, paper: int) -> None:
    width = columns_for(paper)
    decoded = decode(escpos_bytes(receipt_document(samples()["cash"], width), paper, None), DOTS[paper])
    lines = {line["text"]: line for line in decoded["receipts"][0]["lines"] if line["ink"]}
    dots = DOTS[paper]
    # The outlet name is centred: its ink is balanced around the middle of the paper.
    title = next(line for text, line in lines.items() if text.startswith("NTT Mart"))
    assert title["justification"] == "center"
    left, right = title["ink"]
    assert abs((left + right) / 2 - dots / 2) <= CHAR_DOTS
    # Amounts are flush right: "TOTAL ... Rp150.000" ends at the right edge, its label at the left.
    total = next(line for text, line in lines.items() if text.startswith("TOTAL"))
    assert total["ink"][0] < CHAR_DOTS and total["ink"][1] > dots - CHAR_DOTS
    assert all(line["ink"][1] < dots for line in lines.values())


def test_drawer_kick_decoded(decode: Decode) -> None:
    doc = (DrawerKick(), *receipt_document(samples()["cash"], 48))
    assert "drawer.opened" in decode(escpos_bytes(doc, 80, None), 576)["events"]
    assert "drawer.opened" not in decode(escpos_bytes(doc[1:], 80, None), 576)["events"]


def test_image_qr_of_cheap_58mm_printer_reads_back(decode: Decode, zbarimg: str) -> None:
    """POS-5890 has no native QR: the QR is a raster image; zbarimg reads it from emupos's picture."""
    receipt = samples()["qris"]
    decoded = decode(escpos_bytes(receipt_document(receipt, 32), 58, "POS-5890"), 384)
    printed = decoded["receipts"][0]
    assert printed["boundary"] == "connection-closed"  # the profile has no cutter: no cut is sent
    assert any(line.startswith("[image ") for line in printed["text"].splitlines())
    result = subprocess.run(
        [zbarimg, "--quiet", "--raw", "-Sqrcode.enable", str(decoded["png"])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == receipt_qr_payload(receipt)
