"""The cyclic GC is paused while the till starts (pos.app) and back, with start-up's objects frozen out
of later collections, once `build_till` has built the window: in a fresh process, as a till starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pos.db.engine import DB_FILENAME

CHILD = """
import gc, sys
import pos.app
assert not gc.isenabled(), "paused from the import of pos.app"
from pos.app import build_till, make_app
from pos.db.engine import Database
app = make_app([sys.argv[0]])
assert not gc.isenabled(), "still paused while the window is built"
till = build_till(Database.open(sys.argv[1], create=False), app, start_sync=False, check_health=False)
assert gc.isenabled() and gc.get_freeze_count() > 50_000, gc.get_freeze_count()
till.stop()
print("OK")
"""


def test_gc_paused_from_import_until_the_window_is_built(demo_template: Path, tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(demo_template.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0 and done.stdout.strip() == "OK", done.stderr[-2000:]
