"""The CPU calibration figure printed with every benchmark: a fixed pure-Python loop, so figures from
different machines compare (issue 11: 3,000,000 additions took 0.68 s on a slow 2-core till)."""

from __future__ import annotations

import time

ADDITIONS = 3_000_000
SLOW_TILL_SECONDS = 0.68


def calibrate(repeats: int = 3) -> float:
    """Seconds for ADDITIONS additions in a plain for-loop; the best of `repeats` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        total = 0
        for number in range(ADDITIONS):
            total += number
        best = min(best, time.perf_counter() - start)
    return best


def calibration_line(seconds: float | None = None) -> str:
    value = calibrate() if seconds is None else seconds
    return (
        f"CPU calibration: {ADDITIONS:,} pure-Python additions in {value:.3f} s (best of 3; "
        f"the slow till of issue 11: {SLOW_TILL_SECONDS} s, {SLOW_TILL_SECONDS / value:.1f}x this machine)"
    )
