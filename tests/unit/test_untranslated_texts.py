"""Texts a person reads are marked for translation: a plain string literal handed straight to a Qt text
setter or constructor in pos/ui (QLabel("..."), setText("..."), addTab(page, "..."), a QMessageBox's
title and text...) stays Indonesian in the English UI, because pyside6-lupdate never sees it.

Found with `ast` on the source. A text counts as marked when it is written inside `self.tr(...)`,
`QCoreApplication.translate(...)`, `QT_TRANSLATE_NOOP(...)` or `fill(...)` (which wraps one of them).
What is looked through to the literal: `a if c else b`, `a + b`, f-strings (their written parts),
tuples and lists (header labels), a module-level constant named in the call (`HEADERS`), and the loop
variable of a `for label, widget in (("Nama", ...), ...)` over a written table. Strings without a
letter (digits, symbols, "") are no text; the few words that are data rather than text are in ALLOWED.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_CODE = sorted([*(ROOT / "pos" / "ui").rglob("*.py"), ROOT / "pos" / "app.py"])

# Values, not text to translate: a unit stored with the product, a currency sign, the product's name,
# a key's name, a device path and an address given as examples.
ALLOWED = frozenset({"Rp", "pcs", "NTT Mart POS", "Enter", "/dev/usb/lp0", "https://pos.nttprov.go.id"})
LETTER = re.compile(r"[^\W\d_]")
TAG = re.compile(r"<[^>]*>")  # <br>, <b>: markup, not words

MARKERS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "fill"})
# call name -> positions of its text arguments (constructors and setters of Qt, and the project's own
# helpers that put a text on screen)
TEXT_ARGS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton"), (0,)),
    **dict.fromkeys(("QAction", "QMenu"), (0,)),
    "QProgressDialog": (0, 1),
    **dict.fromkeys(("setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip"), (0,)),
    **dict.fromkeys(("setTitle", "setSubTitle", "setLabelText", "setInformativeText", "showMessage"), (0,)),
    **dict.fromkeys(("setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setHeaderLabels"), (0,)),
    **dict.fromkeys(("setCancelButtonText", "setOkButtonText", "setSpecialValueText"), (0,)),
    **dict.fromkeys(("addMenu", "addAction"), (0,)),
    "addButton": (0,),
    "addRow": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "setButtonText": (1,),
    **dict.fromkeys(("information", "warning", "critical", "question", "about"), (1, 2)),
    **dict.fromkeys(("getText", "getInt", "getItem", "getSaveFileName", "getOpenFileName"), (1,)),
    # the project's own: pos.ui.widgets, the back office's message line and file dialogs, the till's
    # message line, refusals raised in the UI and shown to the manager
    **dict.fromkeys(("confirm", "show_error"), (1, 2)),
    **dict.fromkeys(("ask_save_path", "ask_open_path"), (1,)),
    **dict.fromkeys(("ok", "error"), (0,)),  # on a MessageLine only: not a logger's
    "say": (0,),
    "DomainError": (0,),
    "fill_table": (1,),
}
TEXT_KEYWORDS = frozenset({"text", "placeholderText", "toolTip", "statusTip", "windowTitle", "title"})


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def unmarked_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal reaching a text argument without a translation call."""
    tree = ast.parse(source)
    constants: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name):
                constants[target.id] = statement.value
    found: list[tuple[int, str]] = []

    def texts(node: ast.expr, loops: dict[str, list[ast.expr]], depth: int = 0) -> Iterator[str]:
        if depth > 4:
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value
        elif isinstance(node, ast.JoinedStr):
            yield "".join(
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        elif isinstance(node, ast.IfExp):
            yield from texts(node.body, loops, depth + 1)
            yield from texts(node.orelse, loops, depth + 1)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            yield from texts(node.left, loops, depth + 1)
            yield from texts(node.right, loops, depth + 1)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                yield from texts(element, loops, depth + 1)
        elif isinstance(node, ast.Call) and call_name(node) in ("list", "tuple") and node.args:
            yield from texts(node.args[0], loops, depth + 1)
        elif isinstance(node, ast.Name):
            for value in loops.get(node.id, ()):
                yield from texts(value, loops, depth + 1)
            if node.id not in loops and node.id in constants:
                yield from texts(constants[node.id], loops, depth + 1)

    def loop_bindings(loop: ast.For) -> dict[str, list[ast.expr]]:
        """The values each loop variable takes when the loop runs over a table written in place."""
        table = constants.get(loop.iter.id) if isinstance(loop.iter, ast.Name) else loop.iter
        rows = table.elts if isinstance(table, (ast.Tuple, ast.List)) else []
        bound: dict[str, list[ast.expr]] = {}
        for row in rows:
            if isinstance(loop.target, ast.Name):
                bound.setdefault(loop.target.id, []).append(row)
            elif isinstance(loop.target, ast.Tuple) and isinstance(row, ast.Tuple):
                for name, value in zip(loop.target.elts, row.elts, strict=False):
                    if isinstance(name, ast.Name):
                        bound.setdefault(name.id, []).append(value)
        return bound

    def report(call: ast.Call, argument: ast.expr, loops: dict[str, list[ast.expr]]) -> None:
        for text in texts(argument, loops):
            if LETTER.search(TAG.sub("", text)) and text.strip() not in ALLOWED:
                found.append((call.lineno, text))

    def visit(node: ast.AST, loops: dict[str, list[ast.expr]]) -> None:
        if isinstance(node, ast.For):
            loops = {**loops, **loop_bindings(node)}
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in ("tr", "translate") and node.args:
                # tr(label) marks nothing lupdate can see: the table `label` comes from must be marked
                text = node.args[-1 if name == "translate" else 0]
                if not isinstance(text, ast.Constant):
                    report(node, text, loops)
            if name in MARKERS:
                return  # a marked text, and whatever fills its places
            if name in ("ok", "error") and not ast.unparse(node.func).endswith("message." + name):
                return
            arguments = [node.args[i] for i in TEXT_ARGS.get(name, ()) if i < len(node.args)]
            arguments += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            for argument in arguments:
                report(node, argument, loops)
        for child in ast.iter_child_nodes(node):
            visit(child, loops)

    visit(tree, {})
    return found


def test_no_plain_text_reaches_the_screen_unmarked() -> None:
    unmarked = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in QT_CODE
        for line, text in unmarked_texts(path.read_text(encoding="utf-8"))
    ]
    assert not unmarked, (
        f"{len(unmarked)} texts shown without a translation call (wrap them in self.tr, "
        f"QCoreApplication.translate or QT_TRANSLATE_NOOP; see pos/ui/i18n.py):\n" + "\n".join(unmarked)
    )


def test_the_scan_finds_plain_texts_and_passes_marked_ones() -> None:
    source = (
        "HEADERS = ('Kode', 'Nama')\n"
        "KINDS = (('one', 'Satu jenis'), ('two', QT_TRANSLATE_NOOP('Screen', 'Dua jenis')))\n"
        "class Screen:\n"
        "    def build(self):\n"
        "        QLabel('Satu')\n"
        "        self.button.setText(self.tr('Dua'))\n"
        "        self.tabs.addTab(page, 'Tiga')\n"
        "        self.edit = QLineEdit(placeholderText='Empat')\n"
        "        self.message.error('Lima' if x else self.tr('Enam'))\n"
        "        self.message.ok(f'{n} tujuh')\n"
        "        self.message.ok(fill(self.tr('{0} delapan'), n))\n"
        "        fill_table(self.table, HEADERS, rows)\n"
        "        for label, widget in (('Sembilan', a), (self.tr('Sepuluh'), b)):\n"
        "            form.addRow(label, widget)\n"
        "        QMessageBox.warning(self, 'Judul', self.tr('Isi'))\n"
        "        self.unit.setText('pcs')\n"
        "        self.qty.setText('15')\n"
        "        QLabel('s/d')\n"
        "        log.error('tidak dicek %s', x)\n"
        "        for key, label in KINDS:\n"
        "            combo.addItem(self.tr(label), key)\n"
        "        self.info.setText(f'{a}<br>{b}')\n"
    )
    assert unmarked_texts(source) == [
        (5, "Satu"),
        (7, "Tiga"),
        (8, "Empat"),
        (9, "Lima"),
        (10, " tujuh"),
        (12, "Kode"),
        (12, "Nama"),
        (14, "Sembilan"),
        (15, "Judul"),
        (18, "s/d"),
        (21, "Satu jenis"),
    ]
