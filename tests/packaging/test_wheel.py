"""The package works from its wheel, not only from this checkout: a missing resource fails here.

The wheel is built from a copy of the sources (pyproject.toml, README.md, pos/) so the build leaves
nothing in the working tree, then installed the way a till would install it: into a fresh venv, with its
dependencies from the package index (`pip install ntt_mart_pos-*.whl`). That costs about 30 s on the
2-core machines (PySide6 is most of it), which is why the test is marked slow; reusing the project venv
(`--system-site-packages` or a .pth file) would be faster but could hide a dependency missing from
pyproject.toml, which is one of the things this test is for.

Every command then runs from outside the source tree (cwd in tmp, no PYTHONPATH, a clean environment
with only PATH, HOME and QT_QPA_PLATFORM), so `pos` can only come from the installed wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pos

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def pip_env() -> dict[str, str]:
    """The caller's environment (index settings, certificates) without anything that points at the
    checkout or the project venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "pos", source / "pos", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(out)],
        check=True,
        cwd=out,
        env=pip_env(),
        timeout=600,
    )
    (built,) = out.glob("ntt_mart_pos-*.whl")
    return built


@pytest.fixture(scope="module")
def venv_bin(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("till") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=pip_env(), timeout=300)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        cwd=venv,
        env=pip_env(),
        timeout=900,
    )
    return bin_dir


def test_the_wheel_carries_every_file_the_package_reads(wheel: Path) -> None:
    """Every non-Python file under pos/ (stylesheet, .qm, migration templates) and every migration."""
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "pos").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert sorted(wanted - names) == []
    assert wheel.name.startswith(f"ntt_mart_pos-{pos.__version__}-")  # pyproject's version is pos's


def test_installed_wheel_runs_the_till_from_outside_the_checkout(venv_bin: Path, tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    env = {"PATH": f"{venv_bin}{os.pathsep}/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    exe = str(venv_bin / "ntt-pos")

    def run(*args: str, **extra: str) -> str:
        done = subprocess.run(
            [exe, *args], capture_output=True, text=True, cwd=tmp_path, env={**env, **extra}, timeout=300
        )
        assert done.returncode == 0, f"ntt-pos {' '.join(args)}: {done.stdout}{done.stderr}"
        return done.stdout

    where = Path(
        subprocess.run(
            [str(venv_bin / "python"), "-c", "import pos; print(pos.__file__)"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            check=True,
        ).stdout.strip()
    )
    assert where.is_relative_to(venv_bin.parent) and not where.is_relative_to(ROOT)

    assert run("--version").strip() == f"ntt-pos {pos.__version__}"
    assert "Outlet demo dibuat" in run("--data-dir", str(data), "init", "--demo")
    sold = run("--data-dir", str(data), "simulate", "--sales", "3").splitlines()
    committed = [line.split() for line in sold if line.startswith("COMMITTED ")]
    assert len(committed) == 3
    escpos = tmp_path / "struk.bin"
    run("--data-dir", str(data), "receipt", committed[-1][1], "--escpos", str(escpos), "--paper", "58")
    assert escpos.read_bytes().startswith(b"\x1b@")  # ESC @: the printer's reset, first of every receipt
    assert "Sehat." in run("--data-dir", str(data), "doctor")
    # the GUI from the wheel: Qt, its offscreen plugin, the stylesheet and the English .qm all load
    line = run("--data-dir", str(data), "--smoke-test", NTT_POS_LANG="en").strip().splitlines()[-1]
    assert line.startswith('smoke-test ok: window "Till NTT Mart by Dekranasda Kota Kupang"'), line
    assert "stylesheet 0 chars" not in line
