"""Every pytest fixture name means one thing across the suite: the fixtures of one name, in whichever
conftest or test module, return the same type (a `till` is a Till everywhere; a folder is `..._dir`)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _returned(annotation: ast.expr | None) -> str:
    """`Iterator[X]` / `Generator[X, ...]` of a yield fixture is `X`."""
    if annotation is None:
        return "?"
    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) in ("Iterator", "Generator"):
        inner = annotation.slice
        return ast.unparse(inner.elts[0] if isinstance(inner, ast.Tuple) else inner)
    return ast.unparse(annotation)


def fixture_types() -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if "fixture" not in ast.unparse(decorator):
                    continue
                name = node.name
                for keyword in getattr(decorator, "keywords", []):
                    if keyword.arg == "name":
                        name = ast.literal_eval(keyword.value)
                found[name].add((_returned(node.returns), str(path.relative_to(TESTS))))
    return found


def test_a_fixture_name_returns_one_type() -> None:
    mixed = {
        name: sorted(places)
        for name, places in fixture_types().items()
        if len({returned for returned, _ in places}) > 1
    }
    assert mixed == {}, "rename the fixtures so that each name has one type"
