"""Release versions compare as numbers: the till must not announce an older or equal release."""

from __future__ import annotations

import pytest

from pos.core.versions import is_newer, version_tuple


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.1.0", (0, 1)),
        ("1.2", (1, 2)),
        ("v1.2.0", (1, 2)),
        ("0.10.0", (0, 10)),
        ("1.0.0rc1", (1,)),
        ("0.0.0", ()),
        ("bukan", None),
        ("", None),
    ],
)
def test_version_tuple(text: str, expected: tuple[int, ...] | None) -> None:
    assert version_tuple(text) == expected


@pytest.mark.parametrize(
    ("candidate", "current", "newer"),
    [
        ("0.10.0", "0.9.0", True),  # as text "0.10.0" < "0.9.0"
        ("0.2.0", "0.1.0", True),
        ("1.0", "0.99.99", True),
        ("0.1.0", "0.1.0", False),
        ("0.1", "0.1.0", False),
        ("0.0.9", "0.1.0", False),
        ("1.0.0rc1", "1.0.0", False),
        (None, "0.1.0", False),
        ("rusak", "0.1.0", False),
    ],
)
def test_is_newer(candidate: str | None, current: str, newer: bool) -> None:
    assert is_newer(candidate, current) is newer
