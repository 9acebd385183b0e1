"""What `ntt-pos` writes to its log file (`--data-dir D`: `D/logs/ntt-pos.log`) while its terminal output
stays exactly as it was: the start line, failed sign-ins, a sync that cannot reach the province."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.cli import ntt_pos

import pos
from pos.cli import main
from pos.db.engine import DB_FILENAME, Database
from pos.sync.runner import Connection, save_connection

TOKEN = "nttpos_8fK2mQx-Vb3LrT9w_ZpYc1HdNe6sUaGj0oWiE4tRyXk"


@pytest.fixture
def till_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a fresh copy of the demo till database (`demo_template`)."""
    folder = tmp_path / "till"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / DB_FILENAME)
    return folder


def log_of(till_dir: Path) -> str:
    return (till_dir / "logs" / "ntt-pos.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_doctor_says_where_the_log_is_and_the_log_has_the_start_line(till_dir: Path) -> None:
    run = ntt_pos(till_dir, "doctor")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == f"Log kasir: {till_dir / 'logs' / 'ntt-pos.log'}"
    assert run.stderr == ""  # nothing of the log reaches the terminal
    assert f"ntt-pos doctor: versi {pos.__version__}, folder data {till_dir}, Python " in log_of(till_dir)


def test_a_sync_that_cannot_reach_the_province_is_logged_without_its_token(till_dir: Path) -> None:
    db = Database.open(till_dir, create=False)
    try:  # a closed port on this machine: refused at once
        save_connection(db, Connection("http://127.0.0.1:9", TOKEN, "5371-01"))
    finally:
        db.close()
    run = ntt_pos(till_dir, "sync", "--once")
    assert run.returncode == 3
    assert run.stdout == "" and len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("ntt-pos: sinkronisasi belum selesai")
    text = log_of(till_dir)
    assert "sync tidak sampai (jaringan/server): server provinsi tidak terjangkau" in text
    assert TOKEN not in text and TOKEN.removeprefix("nttpos_") not in text


@pytest.mark.slow
def test_sign_ins_and_failed_sign_ins_are_logged_by_username_only(
    till_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong, right, new = tmp_path / "salah.pin", tmp_path / "admin.pin", tmp_path / "baru.pin"
    wrong.write_text("1357\n", encoding="utf-8")
    right.write_text("9999\n", encoding="utf-8")  # the demo admin's
    new.write_text("4682\n", encoding="utf-8")
    args = ["--data-dir", str(till_dir), "users", "add", "kasir3"]
    args += ["--name", "Kasir Tiga", "--role", "cashier"]
    assert main([*args, "--pin-file", str(new), "--admin", "admin", "--admin-pin-file", str(wrong)]) == 2
    refused = capsys.readouterr()
    assert refused.out == "" and refused.err.startswith("ntt-pos: ") and len(refused.err.splitlines()) == 1
    assert main([*args, "--pin-file", str(new), "--admin", "admin", "--admin-pin-file", str(right)]) == 0

    text = log_of(till_dir)
    assert "sign-in gagal: admin salah PIN (percobaan ke-1)" in text
    assert "sign-in: admin (admin)" in text
    assert "1357" not in text and "9999" not in text and "4682" not in text
