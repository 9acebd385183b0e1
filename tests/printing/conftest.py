"""Fixtures for the printing tests: the independent ESC/POS decoder (emupos) in its own venv.

emupos 0.4.0 needs Python >= 3.13 while the project supports 3.11, so it lives in a venv of its own,
run as a separate process. zbarimg (Debian zbar-tools) reads QR codes that printers without native QR
get as images. Neither is installed here: `python3 installer/dev.py test` provisions both (see
installer/provision.py); when that could not, these fixtures skip the test and say why.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DECODER = Path(__file__).with_name("emupos_decode.py")
PROVISION = Path(__file__).resolve().parents[2] / "installer" / "provision.py"

Decode = Callable[[bytes, int], dict[str, Any]]


def _provision() -> ModuleType:
    """installer/provision.py, the one place that knows where the emupos venv is (it is no package)."""
    spec = importlib.util.spec_from_file_location("ntt_pos_provision", PROVISION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def emupos_python() -> str:
    provision = _provision()
    reason = provision.emupos_missing()
    if reason is not None:
        pytest.skip(reason)
    return str(provision.emupos_python())


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
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        decoded: dict[str, Any] = json.loads(result.stdout)
        decoded["png"] = png
        return decoded

    return run


@pytest.fixture(scope="session")
def zbarimg() -> str:
    found = shutil.which("zbarimg")
    if found is None:
        pytest.skip(
            "zbarimg (Debian zbar-tools) is not installed; `python3 installer/dev.py test` installs "
            "it when it runs as root with apt-get"
        )
    return found
