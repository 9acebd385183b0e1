"""Is a till database already at the newest schema? Answered without Alembic, for a fast start.

Importing Alembic and asking it for the head revision costs ~0.2 s of every start of the till (more on a
slow till PC), while the schema changes only when the app is updated. `is_current` reads the file's
`alembic_version` with plain sqlite3 and the head from the migration files' `revision` and
`down_revision` lines; anything it is not sure of (no version table, a merge, a file it cannot read)
is "not current", and `pos.db.migrate` (Alembic) decides as before.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

VERSIONS_DIR = Path(__file__).with_name("migrations") / "versions"
_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*[\"']([^\"']+)[\"']\s*$", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(None|[\"']([^\"']+)[\"'])\s*$", re.MULTILINE)


def head_revision(versions: Path = VERSIONS_DIR) -> str | None:
    """The one revision no other migration builds on, or None when that is not plain to see."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted(versions.glob("*.py"))
        for file in files:
            source = file.read_text(encoding="utf-8")
            found, down = _REVISION.findall(source), _DOWN.findall(source)
            if len(found) != 1 or len(down) != 1:
                return None
            revisions.add(found[0])
            if down[0][0] != "None":
                parents.add(down[0][1])
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def file_revision(path: Path) -> str | None:
    """The schema revision recorded in the database file (read-only), or None."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def is_current(path: Path) -> bool:
    """True only when the file is surely at the newest schema (then no migration can be needed)."""
    head = head_revision()
    return head is not None and file_revision(path) == head
