"""Fixtures for the printing tests: the independent ESC/POS decoder (emupos) in its own venv.

emupos 0.4.0 needs Python >= 3.13 while the project supports 3.11, so it lives in a venv of its own
under ~/.cache/ntt-pos-test/emupos-venv, created here with pip on first use (a fresh machine needs
nothing by hand) and run as a separate process. zbarimg (Debian zbar-tools) reads QR codes that
printers without native QR get as images; it is installed with apt-get when the tests run as root.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

EMUPOS_VERSION = "0.4.0"
PYTHON_313_CANDIDATES = ("/root/.pyenv/versions/3.13.0/bin/python3", "python3.13", "python3.14")
DECODER = Path(__file__).with_name("emupos_decode.py")
CACHE = Path(os.environ.get("NTT_POS_TEST_CACHE", Path.home() / ".cache" / "ntt-pos-test"))

Decode = Callable[[bytes, int], dict[str, Any]]


def _python_313() -> str | None:
    for candidate in PYTHON_313_CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).exists() else None)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def emupos_python() -> str:
    venv = CACHE / "emupos-venv"
    python = venv / "bin" / "python"
    marker = venv / f".emupos-{EMUPOS_VERSION}"
    if not marker.exists():
        base = _python_313()
        if base is None:
            tried = ", ".join(PYTHON_313_CANDIDATES)
            pytest.skip(f"emupos needs Python >= 3.13 and none was found (tried {tried})")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([base, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"emupos=={EMUPOS_VERSION}"], check=True)
        marker.touch()
    return str(python)


@pytest.fixture(scope="session")
def decode(emupos_python: str, tmp_path_factory: pytest.TempPathFactory) -> Decode:
    """bytes, width in dots -> emupos's reading (see emupos_decode.py); also saves the PNG."""
    directory = tmp_path_factory.mktemp("emupos")
    counter = iter(range(10**6))

    def run(data: bytes, width_dots: int) -> dict[str, Any]:
        number = next(counter)
        source, png = directory / f"job{number}.bin", directory / f"job{number}.png"
        source.write_bytes(data)
        result = subprocess.run(
            [emupos_python, str(DECODER), str(source), str(width_dots), str(png)],
            capture_output=True, text=True, check=True, timeout=60,
        )
        decoded: dict[str, Any] = json.loads(result.stdout)
        decoded["png"] = png
        return decoded

    return run


@pytest.fixture(scope="session")
def zbarimg() -> str:
    found = shutil.which("zbarimg")
    if found is None and sys.platform == "linux" and hasattr(os, "geteuid") and os.geteuid() == 0:
        install = ["apt-get", "install", "-y", "-q", "zbar-tools"]
        if subprocess.run(install, capture_output=True, timeout=300).returncode != 0:
            # A fresh machine has no package lists yet.
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, timeout=300)
            subprocess.run(install, capture_output=True, timeout=300)
        found = shutil.which("zbarimg")
    if found is None:
        pytest.skip("zbarimg (Debian zbar-tools) is not installed and could not be installed here")
    return found
