"""`ntt-pos report sales|stock|asn` as a script would run it (a real subprocess on a copy of the demo
till with sales made by `ntt-pos simulate`, i.e. the real checkout): JSON only on stdout, rows adding up
to the total for every --by, the total equal to `report totals --json`, files written for --xlsx/--pdf."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pos.db.engine import DB_FILENAME
from tests.helpers.cli import ntt_pos

EVERYTHING = ("--from", "2000-01-01", "--to", "2100-12-31")
GROUPINGS = ("day", "hour", "product", "category", "producer", "payment", "cashier")


@pytest.fixture
def till_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a fresh copy of the demo till database (`demo_template`) with 25 sales."""
    folder = tmp_path / "till"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / DB_FILENAME)
    run = ntt_pos(folder, "simulate", "--sales", "25", "--seed", "13")
    assert run.returncode == 0, run.stderr
    return folder


def json_of(folder: Path, *args: str) -> dict[str, Any]:
    run = ntt_pos(folder, *args)
    assert run.returncode == 0, run.stderr
    found: dict[str, Any] = json.loads(run.stdout)  # only JSON on stdout
    return found


@pytest.mark.slow
def test_every_grouping_adds_up_to_report_totals(till_dir: Path) -> None:
    totals = json_of(till_dir, "report", "totals", "--json")
    assert totals["sales"] == 25
    for by in GROUPINGS:
        found = json_of(till_dir, "report", "sales", *EVERYTHING, "--by", by, "--json")
        total = found["total"]
        assert (total["sales"], total["gross"], total["refunds"]) == (
            totals["sales"], totals["gross"], totals["refunded"],
        ), by  # fmt: skip
        for column in ("gross", "discount", "refunds", "net", "qty"):
            assert sum(row[column] for row in found["rows"]) == total[column], (by, column)
        if by in ("day", "hour", "cashier", "payment"):
            assert sum(row["sales"] for row in found["rows"]) == total["sales"], by
        assert all(isinstance(row[k], int) for row in found["rows"] for k in ("gross", "net", "discount"))
        assert set(found["rows"][0]) == {
            "key",
            "label",
            "sales",
            "qty",
            "gross",
            "discount",
            "refunds",
            "net",
        }
        assert total["net"] == total["gross"] - total["refunds"]


@pytest.mark.slow
def test_files_stock_and_asn(till_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlsx, pdf = tmp_path / "produk.xlsx", tmp_path / "harian.pdf"
    assert (
        ntt_pos(till_dir, "report", "sales", *EVERYTHING, "--by", "product", "--xlsx", str(xlsx)).returncode
        == 0
    )
    assert ntt_pos(till_dir, "report", "sales", *EVERYTHING, "--by", "day", "--pdf", str(pdf)).returncode == 0
    gross = json_of(till_dir, "report", "totals", "--json")["gross"]
    sheet = load_workbook(xlsx).active
    assert sheet.cell(sheet.max_row, 2).value == "TOTAL" and sheet.cell(sheet.max_row, 5).value == gross
    assert pdf.read_bytes().startswith(b"%PDF")

    stock = json_of(till_dir, "report", "stock", "--json")
    assert stock["products"] == 335 and stock["value"] >= 0
    assert {"low", "idle", "below_zero"} <= set(stock)
    asn = json_of(till_dir, "report", "asn", "--month", "2026-12", "--json")
    assert asn["minimum"] > 0 and asn["buyers"] >= asn["reached"] >= 0


@pytest.mark.parametrize(
    "args",
    [
        ("report", "sales", "--by", "day", "--json"),  # no dates
        ("report", "sales", "--from", "2026-12-31", "--to", "2026-12-01", "--json"),  # backwards
        ("report", "asn", "--month", "12-2026", "--json"),
        ("report", "sales", *EVERYTHING, "--by", "week"),
    ],
)
def test_bad_report_arguments_exit_nonzero_in_one_line(
    demo_template: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "till").mkdir()
    shutil.copyfile(demo_template, tmp_path / "till" / DB_FILENAME)
    run = ntt_pos(tmp_path / "till", *args)
    assert run.returncode == 2
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("ntt-pos")  # ours: `ntt-pos: ...`, argparse's usage
