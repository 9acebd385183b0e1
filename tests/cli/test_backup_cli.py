"""`ntt-pos backup`, `backups`, `restore` and `doctor` as real subprocesses on real till files."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from helpers.cli import ntt_pos
from helpers.damage import flip_receipt_index_byte

from pos.db.engine import DB_FILENAME


def one_line_error(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    return run.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def receipts(run: subprocess.CompletedProcess[str]) -> list[str]:
    assert run.returncode == 0, run.stderr
    return [line.split()[1] for line in run.stdout.splitlines()]


@pytest.fixture
def till_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a fresh copy of the demo till database (`demo_template`)."""
    folder = tmp_path / "kasir"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / DB_FILENAME)
    return folder


@pytest.mark.slow
def test_backup_writes_one_file_and_backups_lists_it(till_dir: Path, tmp_path: Path) -> None:
    sold = receipts(ntt_pos(till_dir, "simulate", "--sales", "3"))
    run = ntt_pos(till_dir, "backup")
    assert run.returncode == 0, run.stderr
    path = Path(run.stdout.strip())
    assert path.parent == till_dir / "backups" and [p.name for p in path.parent.iterdir()] == [path.name]
    usb = tmp_path / "usb"
    usb.mkdir()
    to = ntt_pos(till_dir, "backup", "--to", str(usb))
    assert to.returncode == 0 and [str(p) for p in usb.iterdir()] == [to.stdout.strip()]
    one_line_error(ntt_pos(till_dir, "backup", "--to", str(tmp_path / "tidak-ada")))

    listed = ntt_pos(till_dir, "backups", "--json")
    assert listed.returncode == 0, listed.stderr
    (entry,) = json.loads(listed.stdout)
    assert entry["file"] == str(path) and entry["sales"] == 3 and entry["last_receipt"] == sold[-1]
    assert entry["kind"] == "manual" and entry["size"] == path.stat().st_size
    table = ntt_pos(till_dir, "backups").stdout
    assert sold[-1] in table and str(path) in table and "PENJUALAN" in table


@pytest.mark.slow
def test_restore_replaces_a_damaged_database(till_dir: Path) -> None:
    ntt_pos(till_dir, "simulate", "--sales", "2")
    saved = ntt_pos(till_dir, "backup").stdout.strip()
    ntt_pos(till_dir, "simulate", "--sales", "2", "--seed", "9")
    live = till_dir / DB_FILENAME
    con = sqlite3.connect(live)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    live.write_bytes(live.read_bytes()[:8192] + b"\xde\xad" * 4096)  # a dead sector
    damaged = digest(live)

    doctor = ntt_pos(till_dir, "doctor")
    assert doctor.returncode == 1 and "[GAGAL] database" in doctor.stdout
    assert saved in doctor.stdout  # the pointer to the latest good backup

    restored = ntt_pos(till_dir, "restore", saved)
    assert restored.returncode == 0, restored.stderr
    replaced = next(p for p in (till_dir / "backups").iterdir() if p.name.endswith("-diganti.sqlite3"))
    assert digest(replaced) == damaged and str(replaced) in restored.stdout
    assert json.loads(ntt_pos(till_dir, "report", "totals", "--json").stdout)["sales"] == 2
    healthy = ntt_pos(till_dir, "doctor")
    assert healthy.returncode == 0 and "Sehat." in healthy.stdout


@pytest.mark.slow
def test_restore_refuses_a_newer_or_foreign_file_in_one_line(till_dir: Path, tmp_path: Path) -> None:
    saved = Path(ntt_pos(till_dir, "backup").stdout.strip())
    newer = tmp_path / "baru.sqlite3"
    shutil.copyfile(saved, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()
    foreign = tmp_path / "lain.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    con.close()
    before = digest(till_dir / DB_FILENAME)
    assert "lebih baru" in one_line_error(ntt_pos(till_dir, "restore", str(newer)))
    assert "database lain" in one_line_error(ntt_pos(till_dir, "restore", str(foreign)))
    assert digest(till_dir / DB_FILENAME) == before
    # a whole file of a newer app is not "damaged": doctor refuses it in one line (exit 2), not exit 1
    shutil.copyfile(newer, till_dir / DB_FILENAME)
    doctor = ntt_pos(till_dir, "doctor")
    assert doctor.returncode == 2 and "lebih baru" in one_line_error(doctor)


@pytest.mark.slow
def test_doctor_finds_a_damaged_receipt_index_that_quick_check_lets_open(till_dir: Path) -> None:
    ntt_pos(till_dir, "simulate", "--sales", "4")
    saved = ntt_pos(till_dir, "backup").stdout.strip()
    receipt = flip_receipt_index_byte(till_dir / DB_FILENAME)

    shown = ntt_pos(till_dir, "receipt", receipt)  # the file opens (quick_check), the index lies
    assert "tidak ditemukan" in one_line_error(shown)
    assert ntt_pos(till_dir, "report", "totals", "--json").returncode == 0

    doctor = ntt_pos(till_dir, "doctor")
    assert doctor.returncode == 1
    assert "[GAGAL] integritas SQLite" in doctor.stdout and "sqlite_autoindex_sales" in doctor.stdout
    assert "RUSAK" in doctor.stdout and saved in doctor.stdout


@pytest.mark.slow
def test_warnings_alone_keep_doctor_at_exit_0(till_dir: Path, tmp_path: Path) -> None:
    set_up = ntt_pos(till_dir, "backups", "--second-dir", str(tmp_path / "usb-belum-dipasang"))
    assert set_up.returncode == 0 and "belum ada" in set_up.stdout
    doctor = ntt_pos(till_dir, "doctor")
    assert doctor.returncode == 0, doctor.stdout
    assert "[PERINGATAN] folder cadangan kedua" in doctor.stdout
    assert "[PERINGATAN] cadangan: belum ada cadangan" in doctor.stdout
    assert "Sehat." in doctor.stdout
