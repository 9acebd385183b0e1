"""The fast start: a database already at the newest schema opens without Alembic; anything else still
goes through `pos.db.migrate` (upgrade with a backup first, or refusal: tests/db/test_engine.py)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from pos.db import migrate, schema_version
from pos.db.engine import DB_FILENAME, Database


def test_head_from_the_migration_files_is_alembics_head() -> None:
    assert schema_version.head_revision() == migrate.head_revision()


def test_head_is_unknown_for_a_merge_or_a_gap(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    assert schema_version.head_revision(tmp_path) == "b"
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = "a"\n')  # two heads
    assert schema_version.head_revision(tmp_path) is None
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')  # a merge
    assert schema_version.head_revision(tmp_path) is None


def test_current_file_opens_without_alembic(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    assert schema_version.is_current(tmp_path / DB_FILENAME)
    script = (
        "import sys; from pathlib import Path; from pos.db.engine import Database; "
        f"db = Database.open(Path({str(tmp_path)!r}), create=False); "
        "assert db.report.backup is None and not db.report.created; "
        "print('alembic' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_unknown_or_missing_revision_is_not_current(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    path = tmp_path / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'zzzz-older'")  # unknown to this app
    con.commit()
    con.close()
    assert not schema_version.is_current(path)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE alembic_version")
    con.commit()
    con.close()
    assert schema_version.file_revision(path) is None and not schema_version.is_current(path)
