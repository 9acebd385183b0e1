"""The print queue: a worker thread (no Qt) that prints jobs in order and never blocks a sale.

The cashier's screen submits a job and goes on; the worker renders it to ESC/POS bytes (importing
python-escpos off the GUI thread), sends it, and reports through `on_status`, called on the worker
thread (a Qt UI forwards it with a queued signal). A job that fails (printer offline, paper out,
USB permission, timeout, a connection dropped mid-job) stays at the head of the queue, in order,
and is retried every `retry_interval` seconds or at once on `retry()`; it can be discarded or
reprinted. Nothing here ever raises into the caller.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from pos.core.document import Block
from pos.printing.connection import (
    NO_PRINTER,
    EscposConnection,
    PrinterFault,
    PrinterSettings,
    describe_failure,
)
from pos.printing.escpos_render import escpos_bytes

log = logging.getLogger(__name__)

StatusKind = Literal["ready", "printing", "offline", "paper_out", "error", "stopped"]


@dataclass(frozen=True, slots=True)
class PrintJob:
    """`copies` copies of a document; `title` names it for people ("Struk 5371-01-...-0001")."""

    id: int
    document: tuple[Block, ...]
    copies: int = 1
    title: str = ""
    attempts: int = 0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the status bar shows: `message` is plain Bahasa Indonesia; `pending` jobs wait."""

    kind: StatusKind
    message: str
    pending: int
    job_id: int | None = None


class Connection(Protocol):
    def send(self, data: bytes) -> None: ...


StatusCallback = Callable[[PrinterStatus], None]

_MESSAGES = {"ready": "Printer siap", "printing": "Mencetak...", "stopped": "Antrian cetak berhenti"}


@dataclass
class _State:
    jobs: list[PrintJob] = field(default_factory=list)
    running: bool = True
    wake_now: bool = False


class PrintQueue:
    """Prints jobs one at a time on its own thread; see the module docstring."""

    def __init__(
        self,
        settings: PrinterSettings,
        on_status: StatusCallback | None = None,
        *,
        connect: Callable[[PrinterSettings], Connection] | None = None,
        retry_interval: float = 5.0,
    ) -> None:
        self._settings = settings
        self._on_status = on_status
        self._connect = connect or EscposConnection
        self._retry_interval = retry_interval
        self._ids = itertools.count(1)
        self._state = _State()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self.last_status = PrinterStatus("ready", _MESSAGES["ready"], 0)

    # --- caller side (any thread) -----------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
            self._thread.start()

    def submit(self, document: tuple[Block, ...], copies: int = 1, title: str = "") -> int:
        """Queue a job and return its id; starts the worker if needed."""
        job = PrintJob(next(self._ids), tuple(document), max(1, copies), title)
        with self._changed:
            self._state.jobs.append(job)
            self._changed.notify_all()
        self.start()
        return job.id

    def pending(self) -> list[PrintJob]:
        """Jobs not yet printed, oldest first (the head may have failed: see `last_error`)."""
        with self._changed:
            return list(self._state.jobs)

    def retry(self) -> None:
        """Try the waiting jobs now instead of at the next retry interval."""
        with self._changed:
            self._state.wake_now = True
            self._changed.notify_all()

    def discard(self, job_id: int) -> bool:
        """Drop a waiting job (e.g. a customer left without the receipt); True when it was queued."""
        with self._changed:
            before = len(self._state.jobs)
            self._state.jobs = [job for job in self._state.jobs if job.id != job_id]
            return len(self._state.jobs) != before

    def update_settings(self, settings: PrinterSettings) -> None:
        """Use another printer from the next attempt on; waiting jobs are tried again at once."""
        with self._changed:
            self._settings = settings
            self._state.wake_now = True
            self._changed.notify_all()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the worker after the job in hand; waiting jobs stay in `pending()`."""
        with self._changed:
            self._state.running = False
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_idle(self, timeout: float) -> bool:
        """Block until no job waits (for tests and shutdown); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._state.jobs, timeout)

    # --- worker thread ----------------------------------------------------------------------

    def _run(self) -> None:
        failed = False
        while True:
            with self._changed:
                if failed:
                    self._changed.wait_for(self._retry_due, self._retry_interval)
                else:
                    self._changed.wait_for(lambda: bool(self._state.jobs) or not self._state.running)
                if not self._state.running:
                    break
                self._state.wake_now = False
                if not self._state.jobs:
                    failed = False
                    continue
                job, settings = self._state.jobs[0], self._settings
            failed = not self._attempt(job, settings)
        self._report("stopped", _MESSAGES["stopped"])

    def _retry_due(self) -> bool:
        return self._state.wake_now or not self._state.running

    def _attempt(self, job: PrintJob, settings: PrinterSettings) -> bool:
        self._report("printing", _MESSAGES["printing"], job.id)
        try:
            if settings.kind == "none":
                raise PrinterFault(NO_PRINTER, "offline")
            data = escpos_bytes(job.document, settings.paper, settings.profile) * job.copies
            self._connect(settings).send(data)
        except Exception as error:  # a printer problem must never escape into the sale
            fault = error if isinstance(error, PrinterFault) else describe_failure(error, settings.kind)
            log.warning("print job %s failed: %s (%r)", job.id, fault.message, error)
            self._mark_failed(job, fault.message)
            self._report("offline" if fault.kind == "offline" else "paper_out" if fault.kind == "paper_out"
                         else "error", fault.message, job.id)
            return False
        with self._changed:
            self._state.jobs = [queued for queued in self._state.jobs if queued.id != job.id]
            self._changed.notify_all()
        self._report("ready", _MESSAGES["ready"], job.id)
        return True

    def _mark_failed(self, job: PrintJob, message: str) -> None:
        with self._changed:
            self._state.jobs = [
                replace(queued, attempts=queued.attempts + 1, last_error=message) if queued.id == job.id
                else queued
                for queued in self._state.jobs
            ]

    def _report(self, kind: StatusKind, message: str, job_id: int | None = None) -> None:
        with self._changed:
            pending = len(self._state.jobs)
        status = PrinterStatus(kind, message, pending, job_id)
        self.last_status = status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("print status callback failed")
