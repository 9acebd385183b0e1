"""`ntt-pos --smoke-test` (installers, CI, tests/packaging) opens the real GUI and quits after the first
paint, saying what loaded; `ntt-pos --version` prints pos.__version__. Real subprocesses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pos
from pos.db.engine import DB_FILENAME


def ntt_pos(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_version() -> None:
    done = ntt_pos("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"ntt-pos {pos.__version__}"


@pytest.mark.slow
def test_smoke_test_paints_the_till_window_in_english_and_quits(demo_template: Path, tmp_path: Path) -> None:
    shutil.copy(demo_template, tmp_path / DB_FILENAME)
    done = ntt_pos("--data-dir", str(tmp_path), "--smoke-test", NTT_POS_LANG="en")
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith('smoke-test ok: window "Till NTT Mart by Dekranasda Kota Kupang"'), line
    assert "stylesheet 0 chars" not in line


def test_smoke_test_on_a_fresh_folder_paints_the_wizard(tmp_path: Path) -> None:
    done = ntt_pos("--data-dir", str(tmp_path / "baru"), "--smoke-test")
    assert done.returncode == 0, done.stderr
    assert 'smoke-test ok: window "Menyiapkan kasir NTT Mart"' in done.stdout
    assert not (tmp_path / "baru" / DB_FILENAME).exists()  # the wizard creates nothing until "Selesai"
