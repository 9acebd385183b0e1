"""Run every benchmark script in this folder (bench_*.py), each printing its figures beside their goals.

Before and after each script the CPU calibration figure (calibration.py: 3,000,000 pure-Python
additions) is printed, so its figures compare across machines and a machine busy with other work shows.
Qt's offscreen-only warnings are dropped in the benchmark processes (tests/helpers/qt_messages.py).

    python3 installer/dev.py bench            # all of them
    python3 installer/dev.py bench db sync    # only bench_db*.py and bench_sync*.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from calibration import calibration_line  # noqa: E402


def main(selected: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if any(s.stem.startswith(f"bench_{name}") for name in selected)]
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        print(f"before: {calibration_line()}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent.parent).returncode != 0:
            failed.append(script.stem)
        print(f"after:  {calibration_line()}", flush=True)
    if failed:
        print(f"\nbenchmarks that failed to run or missed a goal: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
