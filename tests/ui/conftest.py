"""Qt settings and fixtures for driving the real cashier widgets (pytest-qt, offscreen platform).

The demo outlet is seeded once per session (argon2 hashes make that the slow part) and each test gets
its own copy of the SQLite file in tmp_path, so tests never see each other's sales.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads: no screen on CI or here

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos.app import open_database
from pos.db.engine import DB_FILENAME, Database
from pos.ui.backend import TillBackend
from pos.ui.i18n import stylesheet
from pos.ui.main_window import MainWindow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A UI test stuck in a dialog's exec() fails after a minute instead of hanging the whole suite."""
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/") and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(60))


@pytest.fixture(autouse=True)
def python_signal_heartbeat(qapp: QApplication) -> Iterator[None]:
    """pytest-timeout's SIGALRM only runs when Python code runs; inside a nested Qt event loop with
    nothing to do, none would. A 100 ms no-op timer lets the alarm through."""
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(100)
    yield
    timer.stop()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    db = open_database(folder, demo=True)
    db.close()
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copy(demo_template / DB_FILENAME, tmp_path / DB_FILENAME)
    db = Database.open(tmp_path, create=False)
    yield db
    db.close()


@pytest.fixture
def window(qtbot: Any, qapp: QApplication, demo_db: Database) -> Iterator[MainWindow]:
    qapp.setStyleSheet(stylesheet())
    win = MainWindow(TillBackend(demo_db.unit_of_work))
    qtbot.addWidget(win)
    win.install_scanner(qapp)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    qapp.removeEventFilter(win.scanner)
    win.runner.wait(5000)
