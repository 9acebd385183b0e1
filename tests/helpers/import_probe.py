"""Imports every given `pos` module and prints, as JSON, the I/O their own code did at import time.

Run in a fresh interpreter by tests/unit/test_import_rules.py:
`python tests/helpers/import_probe.py PACKAGE_DIR MODULE...` (PACKAGE_DIR: the `pos` folder, whose
parent goes on sys.path). The third-party modules the sources import are
imported first, before the watch starts, so that what a library does when it is first imported (reading
its own data files) is not counted against `pos`; then an audit hook (`sys.addaudithook`) records
every file opened (other than Python code), folder made or removed, socket connected or looked up,
SQLite database connected and process started while the `pos` modules import. Each finding names the
innermost `pos` source file on the stack.
"""

from __future__ import annotations

import ast
import importlib
import json
import sys
from pathlib import Path
from types import FrameType

WATCHED = {
    "open",
    "os.mkdir",
    "os.remove",
    "os.rename",
    "os.rmdir",
    "os.truncate",
    "shutil.copyfile",
    "shutil.rmtree",
    "socket.connect",
    "socket.getaddrinfo",
    "sqlite3.connect",
    "subprocess.Popen",
    "os.system",
    "os.startfile",
}
CODE_SUFFIXES = (".py", ".pyc", ".so", ".pyd", ".dylib", ".dll")


def third_party_imports(paths: list[Path], package: str) -> list[str]:
    """Every module outside `package` named by an import in `paths` (`a.b` of `from a.b import c`)."""
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in found if name.split(".")[0] != package)


def _source_in(package_dir: Path, frame: FrameType | None) -> str | None:
    """The innermost file of the package on the stack, relative to the package's parent."""
    while frame is not None:
        filename = Path(frame.f_code.co_filename)
        if filename.is_relative_to(package_dir):
            return filename.relative_to(package_dir.parent).as_posix()
        frame = frame.f_back
    return None


def main(package_dir: Path, modules: list[str]) -> None:
    for name in third_party_imports(sorted(package_dir.rglob("*.py")), package_dir.name):
        try:
            importlib.import_module(name)
        except Exception:  # a name rather than a module, or an optional extra: nothing to warm up
            continue

    findings: list[dict[str, str]] = []
    busy = False

    def hook(event: str, args: tuple[object, ...]) -> None:
        nonlocal busy
        if busy or event not in WATCHED:
            return
        if event == "open" and str(args[0]).endswith(CODE_SUFFIXES):
            return
        busy = True
        try:
            where = _source_in(package_dir, sys._getframe(1))
            if where is not None:
                findings.append({"event": event, "args": repr(args)[:200], "in": where})
        finally:
            busy = False

    sys.addaudithook(hook)
    for module in modules:
        importlib.import_module(module)
    busy = True  # printing the result is not the modules' I/O
    print(json.dumps(findings))


if __name__ == "__main__":
    package = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(package.parent))
    main(package, sys.argv[2:])
