"""What the test suite needs beyond the project venv, installed by `python3 installer/dev.py test` (or
`python3 installer/dev.py provision` alone), never by the tests themselves.

- Debian packages (docs/engineering-notes.md): `zbar-tools` (zbarimg reads printed QR codes and barcodes
  back), `xvfb`, `openbox`, `xdotool` and `x11-utils` (a real X window with a window manager, a scanner
  typed as an X keyboard, xwininfo and xprop to measure windows with their frames:
  tests/integration/test_real_x.py) and the xcb libraries Qt's xcb platform plugin loads. Installed with
  apt-get only where it can be: as root on a machine with apt-get. Elsewhere the reason is printed and the
  tests that need a package skip, saying which. `chromium` (Debian's browser, driven by Playwright's
  Python package with executable_path: Playwright's own browser builds are never downloaded) and
  `poppler-utils` (pdftotext) for the dashboard's browser tests, tests/province/web.
- emupos (an independent ESC/POS decoder, tests/printing) needs Python >= 3.13 while the project
  supports 3.11, so it gets a venv of its own, made with a Python >= 3.13 found on the machine (PATH,
  pyenv). Without one, the reason is written beside the venv and the decoding tests skip with it.

Idempotent and fast when all is there (one dpkg-query, one file check). Stdlib only: this runs before
anything is installed. tests/printing/conftest.py reads `emupos_python()` and `emupos_missing()` here.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

DEBIAN_PACKAGES = (
    "zbar-tools",
    "xvfb",
    "openbox",
    "xdotool",
    "x11-utils",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-cursor0",
    "libxcb-image0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "chromium",
    "poppler-utils",
)
EMUPOS_VERSION = "0.4.0"  # alpha: pinned (docs/engineering-notes.md)
MIN_EMUPOS_PYTHON = (3, 13)


def cache_dir() -> Path:
    return Path(os.environ.get("NTT_POS_TEST_CACHE", Path.home() / ".cache" / "ntt-pos-test"))


def emupos_venv() -> Path:
    return cache_dir() / "emupos-venv"


def emupos_python() -> Path:
    return emupos_venv() / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _emupos_marker() -> Path:
    return emupos_venv() / f".emupos-{EMUPOS_VERSION}"


def _missing_note() -> Path:
    return cache_dir() / "emupos-venv.missing"


def emupos_missing() -> str | None:
    """None when the emupos venv is ready; otherwise why not, for a test's skip message."""
    if _emupos_marker().exists() and emupos_python().exists():
        return None
    try:
        reason = _missing_note().read_text(encoding="utf-8").strip()
    except OSError:
        reason = "it was never set up"
    setup = "`python3 installer/dev.py provision` sets it up"
    return f"emupos {EMUPOS_VERSION} venv is missing ({reason}); {setup}"


def missing_debian_packages() -> list[str]:
    if shutil.which("dpkg-query") is None:
        return list(DEBIAN_PACKAGES)
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\n", *DEBIAN_PACKAGES],
        capture_output=True,
        text=True,
    )
    installed = {line.split()[0] for line in done.stdout.splitlines() if line.split()[1:2] == ["ii"]}
    return [name for name in DEBIAN_PACKAGES if name not in installed]


def ensure_debian_packages() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        print(
            f"provision: not installing {' '.join(missing)}: that needs root and apt-get "
            "(the tests that use them skip and say so)",
            flush=True,
        )
        return
    print(f"provision: apt-get install {' '.join(missing)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if subprocess.run(install, env=env, capture_output=True, timeout=1200).returncode != 0:
        # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=1200)
        done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=1200)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            print(f"provision: apt-get failed ({' '.join(tail)}); the tests that need these skip", flush=True)


def _python_version(candidate: str) -> tuple[int, int] | None:
    try:
        done = subprocess.run(
            [candidate, "-c", "import sys, venv, ensurepip; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        return None
    if done.returncode != 0:
        return None
    major, minor = done.stdout.split()
    return int(major), int(minor)


def _version_in_path(path: str) -> tuple[int, ...]:
    """(3, 13, 0) for ~/.pyenv/versions/3.13.0/bin/python3; pre-releases and odd names sort first."""
    name = Path(path).parent.parent.name
    return tuple(int(part) if part.isdigit() else -1 for part in name.split("."))


def find_python_for_emupos() -> str | None:
    """A Python >= 3.13 with venv: on PATH by name, or installed by pyenv, newest first."""
    candidates = [found for name in ("python3.14", "python3.13", "python3") if (found := shutil.which(name))]
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    installed = glob.glob(os.path.join(pyenv_root, "versions", "3.*", "bin", "python3"))
    candidates += sorted(installed, key=_version_in_path, reverse=True)
    for candidate in candidates:
        version = _python_version(candidate)
        if version is not None and version >= MIN_EMUPOS_PYTHON:
            return candidate
    return None


def ensure_emupos() -> None:
    if emupos_missing() is None:
        return
    note = _missing_note()
    note.parent.mkdir(parents=True, exist_ok=True)
    base = find_python_for_emupos()
    if base is None:
        reason = "no Python >= 3.13 with venv on this machine (PATH, pyenv)"
        note.write_text(reason + "\n", encoding="utf-8")
        print(f"provision: emupos skipped: {reason}", flush=True)
        return
    print(f"provision: emupos {EMUPOS_VERSION} into {emupos_venv()} with {base}", flush=True)
    steps = [
        [base, "-m", "venv", "--clear", str(emupos_venv())],
        [str(emupos_python()), "-m", "pip", "install", "-q", f"emupos=={EMUPOS_VERSION}"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
            reason = f"`{' '.join(step[:3])} ...` failed: {' '.join(tail)}"
            note.write_text(reason + "\n", encoding="utf-8")
            print(f"provision: emupos skipped: {reason}", flush=True)
            return
    _emupos_marker().touch()
    note.unlink(missing_ok=True)


def provision() -> None:
    ensure_debian_packages()
    ensure_emupos()
