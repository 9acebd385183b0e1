"""`ntt-pos` headless commands, run as a real subprocess the way support staff would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import ntt_pos

from pos.db.engine import DB_FILENAME


@pytest.fixture
def till_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a fresh copy of the demo till database (`demo_template`)."""
    shutil.copyfile(demo_template, tmp_path / DB_FILENAME)
    return tmp_path


@pytest.mark.slow
def test_simulate_receipt_report_doctor(till_dir: Path) -> None:
    run = ntt_pos(till_dir, "simulate", "--sales", "12", "--seed", "7")
    assert run.returncode == 0, run.stderr
    committed = [line.split() for line in run.stdout.splitlines()]
    assert len(committed) == 12 and all(parts[0] == "COMMITTED" for parts in committed)

    receipt_no, total = committed[3][1], int(committed[3][2])
    shown = ntt_pos(till_dir, "receipt", receipt_no, "--json")
    assert shown.returncode == 0, shown.stderr
    sale = json.loads(shown.stdout)
    assert sale["receipt_no"] == receipt_no and sale["total"] == total
    assert sum(line["total"] for line in sale["lines"]) == total
    assert sum(p["amount"] for p in sale["payments"]) - sale["change"] == total
    assert sale["buyer_nip"] is None or sale["buyer_nip"].startswith("********")

    totals = json.loads(ntt_pos(till_dir, "report", "totals", "--json").stdout)
    assert totals["sales"] == 12 and totals["unsynced"] == 12
    assert totals["gross"] == sum(int(parts[2]) for parts in committed)

    doctor = ntt_pos(till_dir, "doctor")
    assert doctor.returncode == 0 and "Sehat." in doctor.stdout


@pytest.mark.slow
def test_receipt_as_text_preview(till_dir: Path) -> None:
    receipt_no = ntt_pos(till_dir, "simulate", "--sales", "1").stdout.split()[1]
    shown = ntt_pos(till_dir, "receipt", receipt_no)
    assert shown.returncode == 0, shown.stderr
    assert receipt_no in shown.stdout and "TOTAL" in shown.stdout
    assert all(len(line) <= 32 for line in shown.stdout.splitlines())


@pytest.mark.slow
def test_init_demo_creates_a_working_outlet(tmp_path: Path) -> None:
    run = ntt_pos(tmp_path / "baru", "init", "--demo")
    assert run.returncode == 0, run.stderr
    assert "Outlet demo dibuat" in run.stdout
    again = ntt_pos(tmp_path / "baru", "init", "--demo")
    assert again.returncode == 0 and "sudah ada" in again.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "totals"), "belum ada"),
        (("receipt", "5371-01-20261128-9999"), "belum ada"),
        (("doctor",), "belum ada"),
    ],
)
@pytest.mark.slow
def test_missing_database_gives_one_line_and_nonzero_exit(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    run = ntt_pos(tmp_path, *args)
    assert run.returncode == 2
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "Traceback" not in run.stderr
    assert not (tmp_path / DB_FILENAME).exists()


@pytest.mark.slow
def test_unknown_receipt_and_foreign_file_are_refused_cleanly(till_dir: Path, tmp_path: Path) -> None:
    run = ntt_pos(till_dir, "receipt", "TIDAK-ADA")
    assert run.returncode == 2 and "tidak ditemukan" in run.stderr and "Traceback" not in run.stderr
    foreign = tmp_path / "asing"
    foreign.mkdir()
    (foreign / DB_FILENAME).write_bytes(b"PK\x03\x04 bukan sqlite" * 20)
    run = ntt_pos(foreign, "doctor")
    assert run.returncode == 2 and "bukan database kasir" in run.stderr
    assert (foreign / DB_FILENAME).read_bytes().startswith(b"PK\x03\x04")


@pytest.mark.parametrize("args", [("simulate",), ("simulate", "--sales", "lima"), ("report", "semua")])
@pytest.mark.slow
def test_bad_arguments_exit_nonzero_without_traceback(till_dir: Path, args: tuple[str, ...]) -> None:
    run = ntt_pos(till_dir, *args)
    assert run.returncode == 2 and "Traceback" not in run.stderr and run.stderr.strip()


@pytest.mark.slow
def test_receipt_as_escpos_bytes(till_dir: Path, tmp_path: Path) -> None:
    receipt_no = ntt_pos(till_dir, "simulate", "--sales", "1").stdout.split()[1]
    for paper in ("58", "80"):
        out = tmp_path / f"struk-{paper}.bin"
        run = ntt_pos(till_dir, "receipt", receipt_no, "--escpos", str(out), "--paper", paper)
        assert run.returncode == 0, run.stderr
        data = out.read_bytes()
        assert data.startswith(b"\x1b@") and receipt_no.encode() in data


def test_headless_commands_never_import_qt(till_dir: Path) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['ntt-pos', '--data-dir', {str(till_dir)!r}, 'report', 'totals', '--json']\n"
        "from pos.cli import main\n"
        "rc = main()\n"
        "print('QT' if 'PySide6' in sys.modules else 'NOQT', rc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip().splitlines()[-1] == "NOQT 0"
