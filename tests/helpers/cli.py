"""`ntt-pos` as support staff run it: a real subprocess with its own data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def ntt_pos(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )
