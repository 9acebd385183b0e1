"""The Windows installer, checked on Linux as far as Linux can: Inno Setup and the Windows runner are
not here (.github/workflows/windows-installer.yml builds, installs and uninstalls it on Windows).

The script is read with installer/inno.py, the same reader installer/build.py uses against the bundle
it just built; here it is held against the PyInstaller spec, the workflow and, when a bundle was built on
this machine, dist/ntt-pos itself.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "installer" / "ntt-pos.spec").read_text(encoding="utf-8")
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"


def _load(name: str) -> ModuleType:
    path = ROOT / "installer" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"ntt_pos_installer_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


inno = _load("inno")


@pytest.fixture(scope="module")
def script() -> Any:
    return inno.load()


def test_entries_parse_with_inno_quoting() -> None:
    entry = inno.parse_entry('Name: "{group}\\A; B"; Parameters: "/k ""x y"""; Flags: nowait postinstall')
    assert entry == {"Name": "{group}\\A; B", "Parameters": '/k "x y"', "Flags": "nowait postinstall"}


def test_it_installs_the_bundle_into_program_files(script: Any) -> None:
    assert inno.bundle_sources(script) == [ROOT / "dist" / "ntt-pos"]
    (files,) = script.entries("files")
    assert files["DestDir"] == "{app}" and "recursesubdirs" in files["Flags"]
    setup = script.setup()
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["AppVersion"] == "0.0.0"  # the default; the workflow passes /DAppVersion=pos.__version__


def test_start_menu_and_desktop_shortcuts_start_the_windowed_program(script: Any) -> None:
    icons = {entry["Name"]: entry for entry in script.entries("icons")}
    for name in ("{autoprograms}\\NTT Mart POS", "{autodesktop}\\NTT Mart POS"):
        assert icons[name]["Filename"] == "{app}\\ntt-pos-kasir.exe"
    assert icons["{autoprograms}\\NTT Mart POS (outlet demo)"]["Parameters"] == "--demo"
    # the spec makes that program, windowed, on Windows only; a Linux bundle has its console twin
    assert re.search(r'name="ntt-pos-kasir", console=False', SPEC)
    assert re.search(r'name="ntt-pos", console=True', SPEC)
    assert inno.WINDOWS_ONLY_TWINS == {"ntt-pos-kasir.exe": "ntt-pos.exe"}
    assert inno.app_files(script) == {"ntt-pos-kasir.exe"}


def test_the_till_data_is_never_in_program_files_nor_removed(script: Any) -> None:
    """The app keeps its data in the user's data folder (platformdirs); the installer neither creates
    it nor deletes it, so an uninstall or a reinstall keeps every sale."""
    assert "installdelete" not in script.sections
    assert "uninstalldelete" not in script.sections
    lines = [line for lines in script.sections.values() for line in lines]
    assert not [line for line in lines if re.search(r"\{(localappdata|userappdata|commonappdata)\}", line)]
    paths = (ROOT / "pos" / "db" / "paths.py").read_text(encoding="utf-8")
    assert 'user_data_dir("ntt-pos", "NTT Mart")' in paths


def test_the_workflow_builds_checks_and_uninstalls_on_windows() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["installer"]
    assert job["runs-on"].startswith("windows-")
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python installer/build.py" in runs  # the same build and checks as on Linux
    assert '"/DAppVersion=$version" installer\\windows\\ntt-pos.iss' in runs
    assert "import pos; print(pos.__version__)" in runs  # one version number
    assert "unins000.exe" in runs and "the uninstaller removed the till's data" in runs
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in job["steps"])


def test_the_built_bundle_has_every_file_the_script_names(script: Any) -> None:
    bundle = ROOT / "dist" / "ntt-pos"
    if not (bundle / "ntt-pos").is_file() and not (bundle / "ntt-pos.exe").is_file():
        pytest.skip("no bundle in dist/ntt-pos on this machine: `python3 installer/build.py` makes one")
    windows = (bundle / "ntt-pos.exe").is_file()
    assert inno.missing_from_bundle(script, bundle, windows) == []
