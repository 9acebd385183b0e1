"""Running slow work (argon2 sign-in, reports, lookups over many rows) off the GUI thread.

`TaskRunner.run(work, on_done, on_error)` runs `work()` on a pool thread and calls back on the GUI
thread through a queued signal, so a widget never waits and never touches Qt from another thread.
One runner belongs to the main window (no module-level singleton).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, value, error


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any], on_done: Any, on_error: Any) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            value = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._relay.finished.emit(self._on_error, None, error)
        else:
            self._relay.finished.emit(self._on_done, value, None)


class TaskRunner(QObject):
    """Background tasks with success/failure callbacks delivered on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self.active = 0

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.active += 1
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def wait(self, msecs: int = 10_000) -> bool:
        """Tests and shutdown: wait for running jobs (their callbacks arrive with the next events)."""
        return bool(self._pool.waitForDone(msecs))

    def _deliver(self, callback: Callable[[Any], None], value: Any, error: Exception | None) -> None:
        self.active -= 1
        callback(error if error is not None else value)
