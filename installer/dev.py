#!/usr/bin/env python3
"""One-command developer entry points on a machine with only Python 3.11+.

    python3 installer/dev.py demo    # install what the till needs, open the cashier on the demo outlet
    python3 installer/dev.py test    # install the test tools, run ruff (lint, format), mypy, the test suite
    python3 installer/dev.py provision  # only what `test` installs beyond .venv (installer/provision.py)
    python3 installer/dev.py bench   # run the benchmarks, each figure printed beside its goal

Everything goes into `.venv` beside pyproject.toml; it is reinstalled only when pyproject.toml changes.
`test` also installs what the suite needs outside the venv (Debian packages as root, the emupos venv):
the tests themselves install nothing and skip, saying why, when something could not be installed.
Stdlib only: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import provision  # installer/provision.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_env(extras: str) -> Path:
    """Create .venv and install the project (editable) with `extras`, once per pyproject version."""
    if sys.version_info < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        sys.exit(f"NTT Mart POS needs Python {wanted} or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}"
    if not stamp.exists():
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        print(f"Installing NTT Mart POS ({extras or 'till'}) into {VENV} ...", flush=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        # Playwright drives Debian's chromium (tests/province/web): never a browser build of its own
        no_browsers = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
        subprocess.run([python, "-m", "pip", "install", "-q", "-e", target], check=True, env=no_browsers)
        for old in VENV.glob(".installed-*"):
            old.unlink()
        stamp.touch()
    return python


def run(args: list[str | Path], **env: str) -> int:
    return subprocess.run([str(a) for a in args], cwd=ROOT, env={**os.environ, **env}).returncode


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command == "demo":
        python = ensure_env("")
        return run([python, "-m", "pos", "--demo", *rest])
    if command == "provision":
        provision.provision()
        return 0
    if command == "test":
        python = ensure_env("test")
        provision.provision()
        for step in (
            [python, "-m", "ruff", "check", "pos", "tests", "installer"],
            [python, "-m", "ruff", "format", "--check", "pos", "tests", "installer"],
            [python, "-m", "mypy"],
            [python, "-m", "pytest", *rest],
        ):
            print("+", " ".join(str(s) for s in step[1:]), flush=True)
            code = run(step)
            if code != 0:
                return code
        return 0
    if command == "bench":
        python = ensure_env("test")
        return run([python, "tests/benchmarks/run_all.py", *rest])
    print(__doc__)
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
