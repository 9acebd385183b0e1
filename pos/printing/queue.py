"""The print queue: a worker thread (no Qt) that prints jobs in order and never blocks a sale.

The cashier's screen submits a job and goes on; the worker renders it to ESC/POS bytes (importing
python-escpos off the GUI thread), sends it, and reports through `on_status`, called on the worker
thread (a Qt UI forwards it with a queued signal). Nothing here ever raises into the caller.

When a job fails, what happens next depends on whose fault it is:
- The printer's (offline, paper out, cover open, USB permission, timeout, a connection dropped
  mid-job, no printer chosen): the job stays at the head and every later job waits behind it, in
  order, because none of them could print either. The status says why and how many wait; the head
  is retried every `retry_interval` seconds, at once on `retry()` / `reprint()`, and after
  `update_settings()` on the new printer.
- The job's own (it cannot be rendered for this printer, or printing failed with an error we do not
  know): the job is set aside (`held`), later jobs go on printing, and the status counts it as
  failed (`PrinterStatus.failed`) until someone prints it again (`reprint`) or throws it away
  (`discard`, which the caller audits).
So a failed job never blocks later ones silently: either they wait with the failure shown, or they
print while the failed job is shown. Changing the printer keeps every waiting job.
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
    held: bool = False  # failed for a reason of its own: set aside until reprinted or discarded


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the status bar shows: `message` is plain Bahasa Indonesia; `pending` jobs wait (held ones
    included), `failed` of them are held after failing on their own."""

    kind: StatusKind
    message: str
    pending: int
    job_id: int | None = None
    failed: int = 0


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
        """Jobs not yet printed, oldest first, held ones included (see `last_error` and `held`)."""
        with self._changed:
            return list(self._state.jobs)

    def reprint(self, job_id: int) -> bool:
        """ "Cetak ulang": print this waiting or held job next, now; True when it was queued."""
        with self._changed:
            found = [job for job in self._state.jobs if job.id == job_id]
            if not found:
                return False
            rest = [job for job in self._state.jobs if job.id != job_id]
            self._state.jobs = [replace(found[0], held=False), *rest]
            self._state.wake_now = True
            self._changed.notify_all()
        self.start()
        return True

    def retry(self) -> None:
        """Try the waiting jobs now instead of at the next retry interval."""
        with self._changed:
            self._state.wake_now = True
            self._changed.notify_all()

    def discard(self, job_id: int) -> bool:
        """Drop a waiting job (e.g. a customer left without the receipt); True when it was queued.
        The caller audits it (who threw away what)."""
        with self._changed:
            before = len(self._state.jobs)
            self._state.jobs = [job for job in self._state.jobs if job.id != job_id]
            dropped = len(self._state.jobs) != before
            self._state.wake_now = True  # the job behind a discarded head goes now, not after a pause
            self._changed.notify_all()
        if dropped:
            log.info("print job %s discarded", job_id)
            self._report_state()
        return dropped

    def update_settings(self, settings: PrinterSettings) -> None:
        """Use another printer from the next attempt on; waiting jobs (held ones too: the new printer
        may take them) are tried again at once, on it."""
        with self._changed:
            self._settings = settings
            self._state.jobs = [replace(job, held=False) if job.held else job for job in self._state.jobs]
            self._state.wake_now = True
            self._changed.notify_all()
            waiting = len(self._state.jobs)
        log.info("printer changed to %s: %d waiting job(s) move to it", settings.kind, waiting)
        self._report_state()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the worker after the job in hand; waiting jobs stay in `pending()`."""
        with self._changed:
            self._state.running = False
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_idle(self, timeout: float) -> bool:
        """Block until no job waits, held ones apart (for tests and shutdown); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._next_job() is None, timeout)

    # --- worker thread ----------------------------------------------------------------------

    def _run(self) -> None:
        failed = False
        while True:
            with self._changed:
                if failed:
                    self._changed.wait_for(self._retry_due, self._retry_interval)
                else:
                    self._changed.wait_for(lambda: self._next_job() is not None or not self._state.running)
                if not self._state.running:
                    break
                self._state.wake_now = False
                job, settings = self._next_job(), self._settings
                if job is None:
                    failed = False
                    continue
            failed = not self._attempt(job, settings)
        self._report("stopped", _MESSAGES["stopped"])

    def _next_job(self) -> PrintJob | None:
        """The oldest job not set aside (call with the lock held)."""
        return next((job for job in self._state.jobs if not job.held), None)

    def _retry_due(self) -> bool:
        return self._state.wake_now or not self._state.running

    def _attempt(self, job: PrintJob, settings: PrinterSettings) -> bool:
        self._report("printing", _MESSAGES["printing"], job.id)
        try:
            if settings.kind == "none":
                raise PrinterFault(NO_PRINTER, "offline")
            try:
                data = escpos_bytes(job.document, settings.paper, settings.profile) * job.copies
            except Exception as error:  # this job cannot be made for this printer: the job's own fault
                name = type(error).__name__
                raise PrinterFault(f"Dokumen tidak bisa dibuat untuk printer ini ({name})") from error
            self._connect(settings).send(data)
        except Exception as error:  # a printer problem must never escape into the sale
            fault = error if isinstance(error, PrinterFault) else describe_failure(error, settings.kind)
            log.warning("print job %s failed: %s (%r)", job.id, fault.message, error)
            own_fault = fault.kind not in ("offline", "paper_out")
            self._mark_failed(job, fault.message, held=own_fault)
            self._report(
                "offline"
                if fault.kind == "offline"
                else "paper_out"
                if fault.kind == "paper_out"
                else "error",
                fault.message,
                job.id,
            )
            return own_fault  # a held job does not hold up the next one; a printer fault does
        with self._changed:
            self._state.jobs = [queued for queued in self._state.jobs if queued.id != job.id]
            self._changed.notify_all()
        self._report("ready", _MESSAGES["ready"], job.id)
        return True

    def _mark_failed(self, job: PrintJob, message: str, *, held: bool) -> None:
        with self._changed:
            self._state.jobs = [
                replace(queued, attempts=queued.attempts + 1, last_error=message, held=held)
                if queued.id == job.id
                else queued
                for queued in self._state.jobs
            ]

    def _report_state(self) -> None:
        """After a person changed the queue (discard, another printer): where it stands now."""
        with self._changed:
            waiting = self._next_job() is not None
            no_printer = self._settings.kind == "none"
        if waiting and no_printer:
            self._report("offline", NO_PRINTER)
        elif waiting:
            self._report("printing", _MESSAGES["printing"])
        else:
            self._report("ready", _MESSAGES["ready"])

    def _report(self, kind: StatusKind, message: str, job_id: int | None = None) -> None:
        with self._changed:
            pending = len(self._state.jobs)
            failed = sum(1 for job in self._state.jobs if job.held)
        status = PrinterStatus(kind, message, pending, job_id, failed)
        self.last_status = status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("print status callback failed")
