"""The architecture rules of docs/architecture.md, checked on the source (every import, even lazy ones)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POS = ROOT / "pos"

# package -> the `pos` packages it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "pos.core": set(),
    "pos.db": {"pos.core"},
    # services build sync payloads with the pure wire-format package (one format for both sides)
    "pos.services": {"pos.core", "pos.db", "pos.sync.protocol"},
    "pos.printing": {"pos.core"},
    "pos.sync": {"pos.core", "pos.services", "pos.db"},
    "pos.province": {"pos.core", "pos.sync.protocol"},
    # the till's use cases as its front ends call them (Qt-free: not in QT_ALLOWED)
    "pos.application": {"pos.core", "pos.db", "pos.services", "pos.printing", "pos.sync"},
    "pos.ui": {"pos.core", "pos.application", "pos.services", "pos.printing", "pos.sync", "pos.logsetup"},
    "pos.cli": {
        "pos.core",
        "pos.db",
        "pos.application",
        "pos.services",
        "pos.printing",
        "pos.sync",
        "pos.app",
        "pos.logsetup",
    },
    "pos.app": {
        "pos.core",
        "pos.db",
        "pos.application",
        "pos.services",
        "pos.printing",
        "pos.sync",
        "pos.ui",
        "pos.logsetup",
    },
    # the log file and its secret mask: stdlib (and platformdirs) only, so every entry point can use it
    "pos.logsetup": set(),
    "pos.__main__": {"pos.cli"},
    "pos": set(),
}
QT_ALLOWED = ("pos.ui", "pos.app")
THIRD_PARTY_BANNED_IN_CORE = {"sqlalchemy", "PySide6", "escpos", "requests", "fastapi", "alembic"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def owner(module: str) -> str:
    """The rule that applies to a module: the longest key of ALLOWED that prefixes it."""
    keys = [k for k in ALLOWED if module == k or module.startswith(k + ".")]
    return max(keys, key=len)


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


SOURCES = sorted(p for p in POS.rglob("*.py") if "migrations" not in p.parts)


def allowed_target(rule: str, target: str) -> bool:
    if target == "pos" or target.startswith(rule + ".") or target == rule:
        return True
    return any(target == a or target.startswith(a + ".") for a in ALLOWED[rule])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_imports_follow_the_layering(path: Path) -> None:
    module = module_name(path)
    rule = owner(module)
    bad = []
    for target in imports_of(path):
        top = target.split(".")[0]
        if top == "PySide6" and not module.startswith(QT_ALLOWED):
            bad.append(target)
        if rule == "pos.core" and top in THIRD_PARTY_BANNED_IN_CORE:
            bad.append(target)
        if top != "pos":
            continue
        # pos.sync.protocol is shared with the province server: it must stay pure.
        pure = ("pos.core", "pos.sync.protocol")
        protocol_breach = module.startswith("pos.sync.protocol") and not target.startswith(pure)
        if protocol_breach or not allowed_target(rule, target):
            bad.append(target)
    assert not bad, f"{module} may not import {sorted(set(bad))} (docs/architecture.md)"


def test_rules_cover_every_package() -> None:
    for path in SOURCES:
        assert owner(module_name(path)), path


MODULES = {module_name(p): p for p in SOURCES}


def pos_modules_imported_by(path: Path) -> set[str]:
    """The `pos` modules `path` imports anywhere in it: at the top, in a function, under TYPE_CHECKING.

    `from a.b import c` imports the module `a.b.c` when there is one, else (a name) `a.b`; a module's own
    parent packages are left out (Python initialises them first whatever the module imports)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [
                f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES else node.module
                for alias in node.names
            ]
    module = module_name(path)
    found: set[str] = set()
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name and name != module and not module.startswith(name + "."):
            found.add(name)
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_import_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_inside_pos() -> None:
    """No two `pos` modules import each other, even through others, lazily or only for type checking:
    a lower module that needs a name from a higher one gets it moved down (e.g. `pos.core.tax`)."""
    graph = {module: pos_modules_imported_by(path) for module, path in MODULES.items()}
    cycles = import_cycles(graph)
    assert not cycles, f"modules importing each other (docs/architecture.md): {cycles}"


@pytest.mark.slow
def test_headless_modules_import_without_qt_or_escpos() -> None:
    """Importing every non-GUI module loads neither Qt nor python-escpos (slow; writes temp files)."""
    modules = [
        module_name(p)
        for p in SOURCES
        if not module_name(p).startswith(QT_ALLOWED) and module_name(p) != "pos.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in ('PySide6', 'escpos') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "", f"imported at module level: {out.stdout.strip()}"


PROBE = ROOT / "tests" / "helpers" / "import_probe.py"


def io_at_import(package_dir: Path, modules: list[str]) -> list[dict[str, str]]:
    """What importing `modules` (in a fresh interpreter) did to files, sockets, SQLite and processes."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(PROBE), str(package_dir), *modules],
        capture_output=True, text=True, check=True, cwd=package_dir.parent, env=env, timeout=120,
    )  # fmt: skip
    findings: list[dict[str, str]] = json.loads(done.stdout.splitlines()[-1])
    return findings


def test_the_import_probe_sees_io(tmp_path: Path) -> None:
    package = tmp_path / "busy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "quiet.py").write_text("import sqlite3\nNAME = 'quiet'\n")
    (package / "noisy.py").write_text(
        "import sqlite3\nfrom pathlib import Path\n"
        "DATA = Path(__file__).with_name('data.txt').write_text('x')\n"
        "CON = sqlite3.connect(':memory:')\n"
    )
    assert io_at_import(package, ["busy.quiet"]) == []
    found = {(f["event"], f["in"]) for f in io_at_import(package, ["busy.quiet", "busy.noisy"])}
    assert found == {("open", "busy/noisy.py"), ("sqlite3.connect", "busy/noisy.py")}


@pytest.mark.slow
def test_importing_any_module_does_no_io() -> None:
    """Importing every `pos` module (the Qt ones too) opens no file but Python code, makes or removes
    no folder, opens no socket or SQLite database and starts no process (docs/architecture.md)."""
    modules = [module for module in MODULES if module != "pos.__main__"]
    assert io_at_import(POS, modules) == []
