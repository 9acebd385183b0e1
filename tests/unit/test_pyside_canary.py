"""Canary for the PySide6 6.12.0 `none_dealloc` abort (docs/engineering-notes.md).

On Python 3.11, PySide6 6.12.0 drops a reference to `None` on every `QLabel.setText`; after ~5,200
calls the interpreter aborts. A till updates labels all day, so every PySide6 upgrade must pass this:
20,000 `setText` calls in a fresh process, which must exit cleanly with `sys.getrefcount(None)` not
fallen. On Python 3.12+ `None` is immortal, so the count stays put and only survival is informative.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    app = QApplication([])
    label = QLabel()
    edit = QLineEdit()
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        label.setText(f"Rp{{i}}")
        edit.setText(str(i))
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_setText_twenty_thousand_times_neither_aborts_nor_leaks_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert done.returncode == 0, f"Qt process died ({done.returncode}): {done.stderr[-2000:]}"
    before, after = (int(part) for part in done.stdout.split()[-2:])
    # A fall of even a few thousand means the binding is the 6.12.0 kind; growth is harmless.
    assert after >= before, f"refcount of None fell from {before} to {after}: PySide6 leaks None"
