"""Translations kept whole: every translatable text in the code has a finished English entry, in the
context Qt looks it up in (resources/i18n/ntt_pos_en.ts, filled by resources/i18n/fill_en.py).

Found on the source with `ast`, as pyside6-lupdate finds them: `self.tr("...")` (context: the class
the call is written in, which Qt reaches through the object's class and its bases),
`QCoreApplication.translate("Context", "...")` and `QT_TRANSLATE_NOOP("Context", "...")`. A `tr` on
another object (`parent.tr`, `window.tr`) is refused: lupdate files it under the variable's name, a
context Qt never asks for, so its English never shows.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "ntt_pos_en.ts"
QT_CODE = sorted([*(ROOT / "pos" / "ui").rglob("*.py"), ROOT / "pos" / "app.py"])

Found = tuple[str, str, str]  # (where, context, source text)


def translatable(path: Path) -> tuple[list[Found], list[str]]:
    """The texts `path` marks for translation, and the `tr` calls made on something else than self."""
    found: list[Found] = []
    misplaced: list[str] = []
    where = path.relative_to(ROOT)

    def literal(node: ast.expr) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    def visit(node: ast.AST, owner: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            owner = node.name
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr" and isinstance(func, ast.Attribute):
                target = ast.unparse(func.value)
                if target != "self" or owner is None:
                    misplaced.append(f"{where}:{node.lineno}: {target}.tr(...)")
                elif (text := literal(node.args[0])) is not None:
                    found.append((f"{where}:{node.lineno}", owner, text))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, text = literal(node.args[0]), literal(node.args[1])
                if context is not None and text is not None:
                    found.append((f"{where}:{node.lineno}", context, text))
        for child in ast.iter_child_nodes(node):
            visit(child, owner)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found, misplaced


def english_entries() -> dict[tuple[str, str], str]:
    """(context, source) -> English, for the finished entries of the .ts file."""
    entries: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not (translation.text or "").strip():
                continue  # unfinished, vanished or obsolete: not shown by Qt
            entries[(name, message.findtext("source") or "")] = translation.text or ""
    return entries


def test_every_translatable_text_has_an_english_entry_in_its_context() -> None:
    english = english_entries()
    missing: list[str] = []
    misplaced: list[str] = []
    for path in QT_CODE:
        found, wrong = translatable(path)
        misplaced += wrong
        missing += [f"{where}: [{context}] {text!r}" for where, context, text in found
                    if (context, text) not in english]  # fmt: skip
    assert not misplaced, "tr on another object lands in a context Qt never asks for; use " \
        f"QCoreApplication.translate('Context', ...): {misplaced}"  # fmt: skip
    assert not missing, (
        f"{len(missing)} texts without English (run pyside6-lupdate and resources/i18n/fill_en.py, "
        f"see its docstring): {missing[:20]}"
    )


def test_the_scan_sees_each_kind_of_translatable_call(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class Screen:\n"
        "    def build(self):\n"
        "        self.tr('Satu')\n"
        "        self.tr(label)\n"  # not a literal: its text is marked where it is written
        "        parent.tr('Dua')\n"
        "LABEL = QT_TRANSLATE_NOOP('Screen', 'Tiga')\n"
        "QCoreApplication.translate('Lain', 'Empat')\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found, misplaced = translatable(sample)
    finally:
        ROOT = saved
    assert [(context, text) for _where, context, text in found] == [
        ("Screen", "Satu"),
        ("Screen", "Tiga"),
        ("Lain", "Empat"),
    ]
    assert misplaced == ["sample.py:5: parent.tr(...)"]
