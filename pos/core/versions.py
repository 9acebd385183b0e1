"""Comparing app versions ("0.1.0" against the "0.2.0" the province announced) as tuples of numbers.

Plain string comparison puts "0.10.0" before "0.9.0"; a till must not nag about an older release.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+")


def version_tuple(version: str) -> tuple[int, ...] | None:
    """(1, 2, 0) for "1.2.0" or "v1.2"; trailing zeros dropped so "1.2" equals "1.2.0".

    Each dot-separated part counts by its leading digits ("0rc1" is 0: a pre-release never reads as
    newer than its release). None when the text has no leading number at all.
    """
    parts: list[int] = []
    for part in version.strip().removeprefix("v").split("."):
        match = _NUMBER.match(part)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.end() != len(part):  # "0rc1", "3+local": the rest is not a version number
            break
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts) if parts or version.strip().removeprefix("v")[:1].isdigit() else None


def is_newer(candidate: str | None, current: str) -> bool:
    """True when `candidate` is a readable version greater than `current`."""
    if not candidate:
        return False
    theirs, ours = version_tuple(candidate), version_tuple(current)
    return theirs is not None and ours is not None and theirs > ours
