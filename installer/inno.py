"""Reading installer/windows/ntt-pos.iss on any platform, so Linux can check what only Windows runs.

Inno Setup itself runs only on Windows (.github/workflows/windows-installer.yml). What can be checked
without it is checked here, by installer/build.py against the bundle it just built and by
tests/packaging/test_inno_script.py: every file the script installs or starts is in the bundle, the
shortcuts start the bundle's program, and nothing removes the till's data folder.

Stdlib only: build.py imports this before anything is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

ISS = Path(__file__).resolve().parent / "windows" / "ntt-pos.iss"

# The windowed twin of `ntt-pos.exe` (same program, no console window) is made only on Windows
# (installer/ntt-pos.spec); a Linux bundle stands in for it with the console program.
WINDOWS_ONLY_TWINS = {"ntt-pos-kasir.exe": "ntt-pos.exe"}

_APP_FILE = re.compile(r'\{app\}\\([^"\s;]+)')
_ENTRY_PART = re.compile(r'\s*(\w+)\s*:\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')


@dataclass
class InnoScript:
    defines: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)  # raw lines, comments dropped

    def entries(self, section: str) -> list[dict[str, str]]:
        """`Name: "x"; Filename: "{app}\\y"` lines of a section as dicts, quotes and `""` undone."""
        return [parse_entry(line) for line in self.sections.get(section, [])]

    def setup(self) -> dict[str, str]:
        values = {}
        for line in self.sections.get("setup", []):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
        return values


def parse_entry(line: str) -> dict[str, str]:
    entry: dict[str, str] = {}
    position = 0
    while position < len(line):
        match = _ENTRY_PART.match(line, position)
        if match is None or match.end() == position:
            raise ValueError(f"not an Inno Setup entry: {line!r}")
        key, value = match.group(1), match.group(2).strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            value = value[1:-1].replace('""', '"')
        entry[key] = value
        position = match.end()
    return entry


def parse(text: str) -> InnoScript:
    """Sections and `#define`s; `{#Name}` is replaced by its define (the part of ISPP this script uses)."""
    script = InnoScript()
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("//"):
            continue
        define = re.fullmatch(r'#\s*define\s+(\w+)\s+"([^"]*)"', line)
        if define:
            script.defines.setdefault(define.group(1), define.group(2))
            continue
        if line.startswith("#"):  # #ifndef / #endif around the defaults
            continue
        section = re.fullmatch(r"\[(\w+)\]", line)
        if section:
            current = section.group(1).lower()
            script.sections.setdefault(current, [])
            continue
        if current is not None:
            for name, value in script.defines.items():
                line = line.replace("{#" + name + "}", value)
            script.sections[current].append(line)
    return script


def load(path: Path = ISS) -> InnoScript:
    return parse(path.read_text(encoding="utf-8"))


def app_files(script: InnoScript) -> set[str]:
    """Files under {app} that shortcuts, [Run] entries (their parameters too) and the uninstall icon
    name, as Windows paths relative to {app}."""
    entries = script.entries("icons") + script.entries("run")
    texts = [value for entry in entries for value in entry.values()]
    texts.append(script.setup().get("UninstallDisplayIcon", ""))
    return {match.group(1) for text in texts for match in _APP_FILE.finditer(text)}


def bundle_sources(script: InnoScript, iss_dir: Path = ISS.parent) -> list[Path]:
    """The [Files] sources as folders on this machine (`...\\dist\\ntt-pos\\*` -> dist/ntt-pos)."""
    folders = []
    for entry in script.entries("files"):
        source = PureWindowsPath(entry["Source"])
        folder = source.parent if source.name == "*" else source
        folders.append((iss_dir / Path(*folder.parts)).resolve())
    return folders


def missing_from_bundle(script: InnoScript, bundle: Path, windows: bool) -> list[str]:
    """What the script names that `bundle` lacks; [] when the installer would be whole."""
    wrong = [path for path in bundle_sources(script) if path != bundle.resolve()]
    missing = [f"[Files] {path} (not the bundle)" for path in wrong]
    for name in sorted(app_files(script)):
        wanted = name if windows else WINDOWS_ONLY_TWINS.get(name, name)
        if not windows:
            wanted = wanted.removesuffix(".exe")
        if not (bundle / Path(*PureWindowsPath(wanted).parts)).is_file():
            missing.append(name)
    return missing
