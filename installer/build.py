#!/usr/bin/env python3
"""Build the till's self-contained one-folder bundle, dist/ntt-pos/, and check it.

    python3 installer/build.py             # build venv, wheel, PyInstaller bundle, then the checks
    python3 installer/build.py --check     # only the checks, on the dist/ntt-pos/ already there

Needs only Python 3.11+ and the package registries: it makes its own build venv (.venv-build), builds
the project's wheel from a copy of the sources (so the bundle carries exactly what the wheel carries,
nothing else of the checkout), installs it there with PyInstaller, and runs installer/ntt-pos.spec.
The result is dist/ntt-pos/ntt-pos (ntt-pos.exe and the windowed ntt-pos-kasir.exe on Windows): the
cashier app and every CLI command. installer/windows/ntt-pos.iss makes the Windows installer from it.

The checks run the bundled program as a till would, with no venv and no project on the path: a clean
environment (PATH=/usr/bin:/bin, a fresh HOME, QT_QPA_PLATFORM=offscreen), cwd in a temporary folder:
`--version`, `init --demo`, `simulate --sales 3`, `receipt NO --escpos FILE`, `doctor` and the GUI's
`--smoke-test`; then that the Inno Setup script names only files the bundle has. Size and build time are
printed at the end (docs/installer.md keeps the figures of the last measured build).

Stdlib only: this file runs before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import inno  # noqa: E402  (installer/inno.py, beside this file)

BUILD_VENV = ROOT / ".venv-build"
WORK = ROOT / "build" / "bundle"  # gitignored: the wheel's sources and PyInstaller's work folder
DIST = ROOT / "dist"
BUNDLE = DIST / "ntt-pos"
SPEC = HERE / "ntt-pos.spec"
PYINSTALLER = "pyinstaller>=6.10,<7"
MIN_PYTHON = (3, 11)
WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(args: list[str | Path], cwd: Path | None = None) -> None:
    say("+ " + " ".join(str(a) for a in args))
    subprocess.run([str(a) for a in args], check=True, cwd=cwd)


def venv_python() -> Path:
    return BUILD_VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_build_venv() -> Path:
    """The build venv with PyInstaller and the project's dependencies, remade when pyproject changes."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"The build needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; this is {sys.version}.")
    try:
        import ensurepip  # noqa: F401  (Debian splits it off: python3-venv)
    except ImportError:
        sys.exit("This Python has no venv/ensurepip: on Debian, `apt-get install python3-venv`.")
    python = venv_python()
    stamp_text = (ROOT / "pyproject.toml").read_bytes() + PYINSTALLER.encode() + sys.version.encode()
    stamp = BUILD_VENV / f".deps-{hashlib.sha256(stamp_text).hexdigest()[:16]}"
    if not python.exists():
        say(f"creating {BUILD_VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(BUILD_VENV)
    if not stamp.exists():
        run([python, "-m", "pip", "install", "-q", "--upgrade", "pip", PYINSTALLER])
        for old in BUILD_VENV.glob(".deps-*"):
            old.unlink()
        stamp.touch()
    return python


def install_project(python: Path) -> None:
    """Build the wheel from a copy of pyproject.toml, README.md and pos/ and install it (with its
    dependencies): setuptools' in-tree build/ folder can keep files the checkout no longer has."""
    source, wheels = WORK / "src", WORK / "wheel"
    for folder in (source, wheels):
        shutil.rmtree(folder, ignore_errors=True)
    source.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "pos", source / "pos", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run([python, "-m", "pip", "wheel", "-q", "--no-deps", source, "-w", wheels])
    (wheel,) = wheels.glob("ntt_mart_pos-*.whl")
    run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", wheel])
    run([python, "-m", "pip", "install", "-q", wheel])  # dependencies, when pyproject added some


def pyinstaller(python: Path) -> None:
    shutil.rmtree(BUNDLE, ignore_errors=True)
    scripts = python.parent
    # cwd is the work folder, not the checkout, so `pos` can only come from the build venv
    run(
        [
            scripts / f"pyinstaller{EXE}",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            DIST,
            "--workpath",
            WORK / "pyinstaller",
            SPEC,
        ],
        cwd=WORK,
    )


def clean_env(home: Path) -> dict[str, str]:
    """What `env -i PATH=/usr/bin:/bin` leaves, plus a fresh HOME and the offscreen Qt platform."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if WINDOWS:  # Windows cannot start a process without these; the user folders point into `home`
        env = {
            "PATH": os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
            "SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"),
            "USERPROFILE": str(home),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "TEMP": str(home),
            "TMP": str(home),
            "QT_QPA_PLATFORM": "offscreen",
        }
    return env


def check_bundle(bundle: Path = BUNDLE) -> list[str]:
    """Run the bundled program as a till would; returns what failed (empty: all good)."""
    exe = bundle / f"ntt-pos{EXE}"
    if not exe.is_file():
        return [f"{exe} does not exist: build first"]
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ntt-pos-check-") as tmp:
        home, data = Path(tmp) / "home", Path(tmp) / "data"
        home.mkdir()
        env = clean_env(home)

        def ntt_pos(*args: str, lang: str = "id") -> str:
            started = time.monotonic()
            done = subprocess.run(
                [str(exe), *args],
                capture_output=True,
                text=True,
                cwd=tmp,
                env={**env, "NTT_POS_LANG": lang},
                timeout=300,
            )
            command = "ntt-pos " + " ".join(args)
            say(f"  {command}: exit {done.returncode} in {time.monotonic() - started:.1f} s")
            if done.returncode != 0:
                failures.append(f"{command}: exit {done.returncode}: {done.stdout}{done.stderr}")
            return done.stdout

        version = ntt_pos("--version").strip()
        say(f"  {version}")
        if not version.startswith("ntt-pos "):
            failures.append(f"--version printed {version!r}")
        if "Outlet demo dibuat" not in ntt_pos("--data-dir", str(data), "init", "--demo"):
            failures.append("init --demo did not create the demo outlet")
        output = ntt_pos("--data-dir", str(data), "simulate", "--sales", "3")
        sold = [line.split() for line in output.splitlines() if line.startswith("COMMITTED ")]
        if len(sold) != 3:
            failures.append(f"simulate --sales 3 committed {len(sold)} sales")
        else:
            escpos = Path(tmp) / "struk.bin"
            ntt_pos("--data-dir", str(data), "receipt", sold[-1][1], "--escpos", str(escpos), "--paper", "58")
            if not (escpos.is_file() and escpos.read_bytes().startswith(b"\x1b@")):
                failures.append("receipt --escpos wrote no ESC/POS receipt")
        if "Sehat." not in ntt_pos("--data-dir", str(data), "doctor"):
            failures.append("doctor did not find the database healthy")
        smoke = ntt_pos("--data-dir", str(data), "--smoke-test", lang="en").strip().splitlines()
        say(f"  {smoke[-1] if smoke else '(no smoke-test line)'}")
        painted = bool(smoke) and smoke[-1].startswith('smoke-test ok: window "Till ')
        if not painted or " stylesheet 0 " in smoke[-1]:
            failures.append("the GUI smoke test did not paint the English till window with its stylesheet")
    missing = inno.missing_from_bundle(inno.load(), bundle, WINDOWS)
    if missing:
        failures.append(f"installer/windows/ntt-pos.iss names what the bundle lacks: {missing}")
    return failures


def report(bundle: Path, seconds: float | None) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    packed = 0
    for path in files:  # about what a download (zip, or the installer's lzma2: smaller) weighs
        packer = zlib.compressobj(6)
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                packed += len(packer.compress(chunk))
        packed += len(packer.flush())
    say(f"bundle {bundle}: {size / 2**20:.0f} MiB in {len(files)} files, {packed / 2**20:.0f} MiB compressed")
    biggest: dict[str, int] = {}
    for path in files:
        parts = path.relative_to(bundle).parts
        key = "/".join(parts[:3]) if len(parts) > 3 else "/".join(parts)
        biggest[key] = biggest.get(key, 0) + path.stat().st_size
    for key, value in sorted(biggest.items(), key=lambda kv: -kv[1])[:8]:
        say(f"  {value / 2**20:7.1f} MiB  {key}")
    if seconds is not None:
        say(f"build time {seconds / 60:.1f} min ({os.cpu_count()} cores)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the bundle already in dist/")
    args = parser.parse_args(argv)
    seconds = None
    if not args.check:
        started = time.monotonic()
        python = ensure_build_venv()
        install_project(python)
        pyinstaller(python)
        seconds = time.monotonic() - started
    say(f"checking {BUNDLE} (clean environment, outside the checkout)")
    failures = check_bundle()
    if BUNDLE.is_dir():
        report(BUNDLE, seconds)
    for failure in failures:
        print(f"[build] FAILED: {failure}", file=sys.stderr)
    say("bundle OK" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
