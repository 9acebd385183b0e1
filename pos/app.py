"""The one place that wires the till together: database, services, printer, sync and windows.

`run_gui(data_dir, demo)` is what `ntt-pos` and `ntt-pos --demo` call. `Till` holds the running
parts so the benchmarks and the screenshot script start exactly what a cashier gets.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _pause_gc_for_start_up() -> threading.Timer | None:
    """Start-up makes ~100,000 long-lived objects (SQLAlchemy, the models, Qt's wrappers, the window) and
    the cyclic GC walked them ~200 times meanwhile: 115-230 ms of CPU in a cold start on the loaded 2-core
    machine (docs/benchmarks.md). It is paused from this import until `build_till` has built the window,
    and 20 s at the most whatever happens (a process that imports this module and builds no till)."""
    if not gc.isenabled():
        return None
    gc.disable()
    timer = threading.Timer(20.0, gc.enable)
    timer.daemon = True
    timer.start()
    return timer


def _resume_gc() -> None:
    global _gc_paused
    if _gc_paused is not None:
        _gc_paused.cancel()
        _gc_paused = None
        gc.freeze()  # what start-up made stays out of later collections (else the first walks it all)
        gc.enable()


_gc_paused = _pause_gc_for_start_up()

from pos.db.engine import DB_FILENAME, Database  # noqa: E402 (after the pause: it imports SQLAlchemy)

log = logging.getLogger(__name__)


def open_database(data_dir: Path, demo: bool) -> Database:
    """Open the till database; with `demo` an empty one is created and seeded with the demo outlet."""
    if demo:
        from pos.services.demo import open_demo

        return open_demo(data_dir)[0]
    return Database.open(data_dir, create=False)


def initialize_data_dir(data_dir: Path, outlet_setup: Any) -> Any:
    """The wizard's "Selesai": create the till database and fill it in one transaction. With a server,
    as `ntt-pos init --server`: the outlet's shared data is read first (an admin the outlet has must
    come with its PIN, else nothing is created) and applied after (pos.sync.outlet_join).

    Slow (network, argon2, migrations): the wizard runs it on its TaskRunner. On any error no database
    file is left behind: the answers are checked and the outlet's data read before the file is made,
    and a file this call made is removed again if filling it fails, so "Selesai" can simply be retried
    (and a half-filled till is never opened as if it were set up)."""
    from pos.services.setup import initialize_outlet, validate

    validate(outlet_setup)
    snapshot = None
    if outlet_setup.server is not None:
        from pos.sync import outlet_join

        snapshot = outlet_join.fetch(outlet_setup.server.url, outlet_setup.server.token)
        outlet_join.check_admin(snapshot, outlet_setup.admin_username, outlet_setup.admin_pin)
    path = Path(data_dir) / DB_FILENAME
    created = not (path.exists() and path.stat().st_size > 0)
    db = Database.open(Path(data_dir), create=True)
    try:
        result = initialize_outlet(db, outlet_setup)
        if snapshot is not None:
            outlet_join.join(db, snapshot, result.admin_username)
    except BaseException:
        db.close()
        if created:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    db.close()
    return result


def run_setup_wizard(data_dir: Path) -> bool:
    """First run: the wizard until the outlet is set up (True) or the admin leaves it for later."""
    from pos.ui.setup.wizard import SetupWizard
    from pos.ui.widgets import run_dialog

    wizard = SetupWizard(data_dir, lambda answers: initialize_data_dir(data_dir, answers))
    return run_dialog(wizard) and wizard.result_ is not None


@dataclass
class Till:
    db: Database
    window: Any  # pos.ui.main_window.MainWindow
    print_queue: Any | None  # pos.printing.queue.PrintQueue
    sync: Any | None  # pos.sync.worker.SyncWorker
    health: Any | None = None  # pos.services.health.StartupCheck, on the window's TaskRunner
    idle_checkpoint: Any | None = None  # QTimer: the WAL checkpoint after a sale (checkpoint_when_idle)

    def stop(self) -> None:
        if self.idle_checkpoint is not None:
            self.idle_checkpoint.stop()  # never after the database closed
        if self.health is not None:
            self.health.cancel()  # a long integrity check never holds up closing the till
        if self.sync is not None:
            self.sync.stop(timeout=2.0)
        if self.print_queue is not None:
            self.print_queue.stop(timeout=2.0)
        # The cart in progress is on disk first, also a change made in the journal timer's last 150 ms
        # (closing at once after a scan): that change is written now instead of never.
        self.window.checkout.settle_journal()
        self.window.checkout.journal.stop(timeout=2.0)
        self.window.runner.wait(2000)
        self.db.close()


def build_till(db: Database, app: Any, *, start_sync: bool = True, check_health: bool = True) -> Till:
    """Create the window on `db`, start the print queue (if a printer is set), the sync worker and the
    background check (full integrity check, then the day's first backup)."""
    from pos.application.till import TillBackend
    from pos.ui.main_window import MainWindow

    backend = TillBackend(db.unit_of_work)
    window = MainWindow(backend)
    window.install_scanner(app)
    sync = None
    if start_sync:
        from pos.sync.worker import SyncWorker

        sync = SyncWorker(db, window.sync_status.emit)
        window.checkout.sale_completed.connect(lambda _sale: sync.wake())
        sync.start()
    till = Till(db, window, None, sync)
    rebuild_printer(till, backend.setting("printer"))
    window.admin_menu.printer_changed.connect(lambda value: rebuild_printer(till, value))
    if check_health:
        start_health_check(till)
    checkpoint_when_idle(till)
    _resume_gc()  # the window is built: start-up is over
    return till


IDLE_CHECKPOINT_MS = 2000  # after a sale: the cashier is greeting the next customer


def checkpoint_when_idle(till: Till, delay_ms: int = IDLE_CHECKPOINT_MS) -> None:
    """The WAL is checkpointed off the GUI thread `delay_ms` after the last sale (`Database.checkpoint_wal`),
    so the next sale starts it over and the automatic checkpoint no longer falls inside every ~30th sale's
    commit (it still does when sales follow each other faster than `delay_ms`, as in bench_db's loop)."""
    from PySide6.QtCore import QTimer

    window = till.window
    timer = QTimer(window, singleShot=True, interval=delay_ms)

    def failed(error: Exception) -> None:  # the automatic checkpoint still runs: noted, not shown
        log.warning("WAL checkpoint after a sale failed: %r", error)

    timer.timeout.connect(lambda: window.runner.run(till.db.checkpoint_wal, lambda _result: None, failed))
    window.checkout.sale_completed.connect(lambda _sale: timer.start())
    till.idle_checkpoint = timer


def start_health_check(till: Till) -> None:
    """`quick_check` at open misses a damaged index: the full check runs here, off the GUI thread (the
    scan field never waits), and only a failure shows, as the banner for the manager."""
    import logging

    from pos.services.health import StartupCheck

    check = StartupCheck(till.db)
    till.health = check

    def failed(error: Exception) -> None:
        logging.getLogger(__name__).error("pemeriksaan database setelah mulai gagal: %r", error)
        till.window.show_data_banner(f"Pemeriksaan database tidak selesai: {error}", error=False)

    till.window.runner.run(check.run, till.window.show_health, failed)


def rebuild_printer(till: Till, value: Any) -> None:
    """Print through the printer `value` from now on (at start, or after the admin saved another one).

    One queue lives as long as the till has a printer: another printer takes over its waiting jobs
    (`PrintQueue.update_settings`), in order, with their ids, so a receipt printed there is still marked
    printed. Choosing "Belum ada printer" stops the queue only when nothing waits; otherwise the jobs stay
    in it, shown in "Antrian cetak" for "Cetak ulang" (once a printer is set again) or "Buang" (audited),
    while new receipts are only previewed. Nothing waiting is dropped silently.
    """
    settings = _printer_settings(value)
    queue = till.print_queue
    if queue is not None and settings is None and not queue.pending():
        till.print_queue = None  # its last report ("Antrian cetak berhenti") must not reach the window
        queue.stop(timeout=2.0)
        queue = None
    moved = queue is not None
    if queue is None and settings is not None:
        queue = _new_print_queue(till, settings)
    window = till.window
    kept = dict(window.receipt_jobs)  # set_printer forgets them; the same queue keeps its job ids
    window.set_printer(None if settings is None or queue is None else _submitter(queue))
    window.admin_menu.print_queue = queue  # "Antrian cetak" shows its jobs
    if queue is None:
        return
    window.receipt_jobs.update(kept)
    till.print_queue = queue
    if moved:
        from pos.printing.connection import PrinterSettings

        queue.update_settings(settings or PrinterSettings(kind="none"))  # waiting jobs go to it now
    queue.start()


def _submitter(queue: Any) -> Any:
    return lambda doc, title: queue.submit(doc, title=title)


def _printer_settings(value: Any) -> Any | None:
    """The setting "printer" holds PrinterSettings fields; without one (or "Belum ada printer")
    receipts are only previewed."""
    if not value or value.get("kind") == "none":
        return None
    from pos.printing.connection import PrinterSettings

    return PrinterSettings(**value)


def _new_print_queue(till: Till, settings: Any) -> Any:
    from pos.printing.queue import PrintQueue

    queue: Any = None

    def report(status: Any) -> None:  # on the print thread; only the till's current queue is shown
        if queue is not None and till.print_queue is queue:
            till.window.printer_status.emit(status)

    queue = PrintQueue(settings, report)
    return queue


def show_demo_users(window: Any) -> None:
    from pos.services.demo_people import STAFF

    window.signin.show_demo_users([(m.username, m.role, m.pin) for m in STAFF])


def show_main_window(window: Any) -> None:
    """Maximized; un-maximized it keeps a size that fits the screen, its frame included."""
    from pos.ui.screen_fit import fit_to_screen

    fit_to_screen(window)
    window.showMaximized()


def make_app(argv: list[str] | None = None) -> Any:
    # PySide6 reads the source of every module imported after it (its __feature__ import hook), ~0.2 s
    # of a start: the till's Qt-free half (services, SQLAlchemy, models) is imported before it.
    importlib.import_module("pos.application.till")
    from PySide6.QtWidgets import QApplication

    from pos.ui.i18n import install_translations, stylesheet

    app = QApplication.instance()  # a QCoreApplication to the stubs; in this process a QApplication
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("NTT Mart POS")
    install_translations(app, os.environ.get("NTT_POS_LANG", "id"))
    app.setStyleSheet(stylesheet())
    return app


def start_diagnostics(app: Any, data_dir: Path, demo: bool) -> Any:
    """The log file (kept for the rest of the process) and the crash guard; logs what support asks
    first. Returns the `pos.ui.crash.CrashGuard` (its `main_window` is set once the window exists)."""
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    import pos
    from pos import logsetup
    from pos.db.paths import default_data_dir
    from pos.ui.crash import CrashGuard

    # `--data-dir D` keeps its logs in D/logs, the default data folder the user log folder; started
    # from `ntt-pos`, the CLI chose already (it knows whether --data-dir was given)
    explicit = None if Path(data_dir) == default_data_dir(demo) else Path(data_dir)
    handler = logsetup.current_handler() or logsetup.start_file_logging(explicit)
    guard = CrashGuard(app)
    guard.install()
    log.info(
        "kasir dibuka: versi %s, folder data %s%s, log %s, Python %s, Qt %s (PySide6 %s, %s), %s",
        pos.__version__,
        data_dir,
        " (demo)" if demo else "",
        handler.baseFilename,
        platform.python_version(),
        qVersion(),
        PySide6.__version__,
        app.platformName(),
        platform.platform(),
    )
    return guard


def run_gui(data_dir: Path, demo: bool, *, smoke_test: bool = False) -> int:
    app = make_app()
    guard = start_diagnostics(app, Path(data_dir), demo)
    from PySide6.QtWidgets import QMessageBox

    from pos.core.errors import DomainError
    from pos.db.engine import DatabaseRefused
    from pos.services.setup import data_dir_is_set_up

    smoke = None
    if smoke_test:  # installers and tests: quit after the first window painted (pos/ui/smoke.py)
        from pos.ui.smoke import SmokeTest

        smoke = SmokeTest(app)
    if not demo and not data_dir_is_set_up(Path(data_dir)) and not run_setup_wizard(Path(data_dir)):
        # left for later: the answers are kept in the draft, no database is used
        return 0 if smoke is None or smoke.painted else 1
    try:
        db = open_database(Path(data_dir), demo)
    except (DatabaseRefused, DomainError) as error:
        log.error("database tidak dibuka: %s", error)
        QMessageBox.critical(None, "NTT Mart POS", str(error))
        return 1
    till = build_till(db, app)
    guard.main_window = till.window
    if demo:
        show_demo_users(till.window)
    show_main_window(till.window)
    try:
        return int(app.exec())
    finally:
        till.stop()
