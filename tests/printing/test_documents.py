"""Layout rules of the documents: width, ASCII folding, tax line, refund marks, buyer block, reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sample_receipts import HEADER, ISSUED, receipt, samples

from pos.core.document import Barcode, Cut, Rule, Text, printable, render_text, wrap
from pos.core.receipt import ReceiptLine, ReceiptPayment, receipt_document
from pos.core.report_documents import (
    ConsignmentLine,
    ConsignmentStatement,
    ShiftReportData,
    consignment_statement_document,
    shift_report_document,
)
from pos.printing.escpos_render import escpos_bytes, write_escpos
from pos.printing.labels import ShelfLabel, shelf_labels_document, write_labels_pdf

amounts = st.integers(min_value=-(10**15), max_value=10**15)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.text(min_size=0, max_size=120), min_size=1, max_size=4),
    qty=st.integers(min_value=-999, max_value=10**6),
    price=amounts,
    discount=amounts,
    total=amounts,
    paid=amounts,
    paper=st.sampled_from([58, 80]),
)
def test_any_names_and_amounts_fit_the_paper(
    names: list[str], qty: int, price: int, discount: int, total: int, paid: int, paper: int
) -> None:
    width = 32 if paper == 58 else 48
    lines = tuple(ReceiptLine(name, qty, price, discount, total) for name in names)
    sale = receipt(
        lines,
        (ReceiptPayment(names[0], paid, names[-1] or None),),
        footer=names[0],
        change=total,
        tax=discount,
        tax_label=names[-1],
    )
    doc = receipt_document(sale, width)
    text = render_text(doc, width)
    assert all(len(line) <= width and line.isascii() for line in text.splitlines())
    data = escpos_bytes(doc, paper, None)
    assert data.startswith(b"\x1b@") and data.endswith(b"\x1dV\x00")


def test_printable_folds_to_readable_ascii() -> None:
    assert printable("Kain “Tenun” — Sumba’s café 🎉 ½ kg") == 'Kain "Tenun" - Sumba\'s cafe 1/2 kg'
    assert printable("Se'i\x1b@\nBabi\tÑ") == "Se'i @ Babi N"  # no control byte reaches the printer
    assert printable("宝") == "" and printable("Straße") == "Strasse"


def test_wrap_splits_long_words_and_keeps_indent() -> None:
    assert wrap("a" * 40, 16) == ["a" * 16, "a" * 16, "a" * 8]
    assert wrap("  Ref. Bank NTT 20261128-0042", 16) == ["  Ref. Bank NTT", "  20261128-0042"]
    assert wrap("", 16) == [""]


def test_tax_line_only_when_charged_and_refund_marked() -> None:
    cash = render_text(receipt_document(samples()["cash"], 48), 48)
    qris = render_text(receipt_document(samples()["qris"], 48), 48)
    refund = render_text(receipt_document(samples()["refund"], 48), 48)
    assert "PPN" not in cash and "PPN 11%" in qris and "NPWP 01.234.567.8-921.000" in qris
    assert "REFUND" in refund and "TOTAL REFUND" in refund and "5371-01-20261128-0001" in refund
    assert "Kembali" in cash and "Kembali" not in refund
    assert "11:04 WITA" in cash and "NTT Mart by Dekranasda Kota Kupang" in cash


def test_buyer_progress_toward_minimum() -> None:
    reached = render_text(receipt_document(samples()["asn"], 32), 32)
    short = render_text(receipt_document(samples()["asn_short"], 32), 32)
    assert "19860926 ****** * 001" in reached and "Minimal belanja tercapai" in reached
    assert "Kurang" in short and "Rp40.000" in short


def test_issued_at_must_be_aware() -> None:
    try:
        replace(samples()["cash"], issued_at=datetime(2026, 11, 28, 11, 4))
    except ValueError:
        return
    raise AssertionError("a naive issued_at was accepted")


def test_shift_reports_x_and_z() -> None:
    data = ShiftReportData(
        kind="Z",
        outlet_name=HEADER.outlet_name,
        shift_id="S-0042",
        cashier="kasir1",
        opened_at=ISSUED,
        closed_at=ISSUED.replace(hour=17),
        opening_float=200_000,
        cash_sales=1_250_000,
        non_cash_by_method=(("QRIS", 480_000), ("Debit", 150_000)),
        refunds=80_000,
        expected_cash=1_370_000,
        counted_cash=((100_000, 13), (50_000, 1), (10_000, 1)),
        difference=-10_000,
        sale_count=37,
        refund_count=1,
    )
    z = render_text(shift_report_document(data, 32), 32)
    assert "LAPORAN Z (TUTUP SHIFT)" in z and "Rp1.880.000" in z  # total sales: cash + QRIS + debit
    assert "13 x Rp100.000" in z and "Rp1.360.000" in z and "-Rp10.000" in z and "Kurang" in z
    x = render_text(
        shift_report_document(replace(data, kind="X", closed_at=None, counted_cash=(), difference=None), 48),
        48,
    )
    assert "LAPORAN X" in x and "Kas dihitung" not in x and "Tanda tangan" not in x


def test_consignment_statement() -> None:
    statement = ConsignmentStatement(
        outlet_name=HEADER.outlet_name,
        producer_name="Kelompok Tenun Ina Ndao",
        period_start=date(2026, 11, 1),
        period_end=date(2026, 11, 30),
        lines=(ConsignmentLine("Selendang Tenun Rote", 4, 1_000_000),),
        commission=150_000,
        amount_owed=850_000,
        paid=500_000,
        balance=350_000,
        commission_rate_bp=1500,
    )
    text = render_text(consignment_statement_document(statement, 32), 32)
    assert "Komisi 15%" in text and "Rp850.000" in text and "Rp350.000" in text and "01-11-2026" in text
    assert all(len(line) <= 32 for line in text.splitlines())


def test_write_escpos_writes_the_dummy_bytes(tmp_path: Path) -> None:
    doc = receipt_document(samples()["cash"], 32)
    target = tmp_path / "struk.bin"
    write_escpos(doc, target, 58, "POS-5890")
    assert target.read_bytes() == escpos_bytes(doc, 58, "POS-5890")


def test_shelf_labels_on_receipt_printer() -> None:
    labels = [ShelfLabel("Madu Hutan Sumba 250 ml", 85_000, "2000000000015"), ShelfLabel("Rusak", 1, "123")]
    doc = shelf_labels_document(labels, 32)
    assert Barcode("2000000000015") in doc and isinstance(doc[-1], Cut) and Rule() in doc
    data = escpos_bytes(doc, 80, "TM-T20II")
    assert b"\x1dkC\x0c200000000001" in data or b"\x1dk\x02200000000001" in data  # hardware EAN-13
    assert b"123\n" in data  # an invalid number is printed as text, not as wrong bars
    assert Text("Rp85.000", "center", bold=True, double=True) in doc


# EAN-13 encoding tables written out here, independently of reportlab, to read the PDF's bars back.
_L = [
    "0001101",
    "0011001",
    "0010011",
    "0111101",
    "0100011",
    "0110001",
    "0101111",
    "0111011",
    "0110111",
    "0001011",
]
_PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]


def _ean13_modules(code: str) -> str:
    g = ["".join("1" if c == "0" else "0" for c in pattern)[::-1] for pattern in _L]
    r = ["".join("1" if c == "0" else "0" for c in pattern) for pattern in _L]
    parity = _PARITY[int(code[0])]
    left = "".join((_L if p == "L" else g)[int(d)] for p, d in zip(parity, code[1:7], strict=True))
    return "101" + left + "01010" + "".join(r[int(d)] for d in code[7:]) + "101"


def test_pdf_sheet_has_real_ean13_bars(tmp_path: Path) -> None:
    code = "2000000000015"
    path = tmp_path / "labels.pdf"
    assert write_labels_pdf([ShelfLabel("Madu Hutan Sumba", 85_000, code)], path) == 1
    content = path.read_bytes()
    assert content.startswith(b"%PDF") and b"Madu Hutan Sumba" in content and b"Rp85.000" in content
    bars = []
    for raw in content.decode("latin-1").splitlines():
        parts = raw.split()  # a filled bar: "n x y width height re f*"
        if len(parts) >= 6 and parts[-2:] == ["re", "f*"]:
            x, _, w, _ = (float(value) for value in parts[-6:-2])
            bars.append((x, w))
    bars.sort()
    module = min(w for _, w in bars)
    start = bars[0][0]
    read = ["0"] * 95
    for x, w in bars:
        first = round((x - start) / module)
        for index in range(first, first + round(w / module)):
            read[index] = "1"
    assert "".join(read) == _ean13_modules(code)
