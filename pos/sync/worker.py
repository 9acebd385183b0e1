"""Background sync on a plain thread (no Qt; the app wraps `on_status` into a signal).

Checkout never waits for it: sales go to the outbox in their own transaction and `wake()` only sets
an event. State lives in the database (pending rows, cursor, last success), so after a restart the
worker simply carries on. Failures back off exponentially with jitter, so 22 outlets coming back
online at once do not hammer the province in step.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pos.db.engine import Database
from pos.services import outbox
from pos.sync.client import NotDelivered, ProvinceClient, SyncRefused
from pos.sync.protocol import MAX_BATCH_EVENTS
from pos.sync.runner import (
    CLOCK_OFFSET_KEY,
    LATEST_VERSION_KEY,
    clock_warning,
    load_connection,
    setting,
    sync_once,
)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    pending: int
    rejected: int
    last_success: datetime | None
    online: bool
    message: str  # one line for the status bar, Bahasa Indonesia
    refused: bool = False  # the province refused this till (token, till, version): a manager must act
    clock_warning: str | None = None
    latest_version: str | None = None  # the newest till release the province announced at the last hello


def backoff_delay(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": between half and all of min(cap, base * 2^(n-1))."""
    ceiling = min(cap, base * (2 ** max(0, failures - 1)))
    return float(ceiling / 2 + rng.uniform(0, ceiling / 2))


class SyncWorker:
    def __init__(
        self,
        db: Database,
        on_status: Callable[[SyncStatus], None],
        *,
        client_factory: Callable[[], ProvinceClient | None] | None = None,
        interval: float = 30.0,
        batch_size: int = MAX_BATCH_EVENTS,
        batches_per_round: int = 20,
        backoff_base: float = 2.0,
        backoff_cap: float = 300.0,
        rng: random.Random | None = None,
    ) -> None:
        self._db = db
        self._on_status = on_status
        self._client_factory = client_factory or self._client_from_settings
        self._interval = interval
        self._batch_size = batch_size
        self._batches_per_round = batches_per_round
        self._base, self._cap = backoff_base, backoff_cap
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0

    def _client_from_settings(self) -> ProvinceClient | None:
        connection = load_connection(self._db)
        if connection is None:
            return None
        return ProvinceClient(connection.server, connection.token)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Sync soon (after a sale); returns at once."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            delay = self.run_round()
            self._wake.wait(delay)
            self._wake.clear()

    def run_round(self) -> float:
        """One bounded round; returns how long to wait before the next one."""
        online, refused, message = False, False, ""
        more_pending = False
        try:
            client = self._client_factory()
            if client is None:
                message = "Belum terhubung ke server provinsi (jalankan ntt-pos connect)"
            else:
                with client:
                    summary = sync_once(
                        self._db, client, batch_size=self._batch_size, max_batches=self._batches_per_round
                    )
                more_pending = summary.pending > 0
                online, message = True, "Tersinkron"
        except SyncRefused as error:
            refused, message = True, f"Sinkronisasi ditolak: {error}"
        except NotDelivered as error:
            message = f"Offline: {error}"
        except Exception as error:  # the worker must survive anything (disk full, a bug); show it
            message = f"Sinkronisasi gagal: {error.__class__.__name__}: {error}"
        self.failures = 0 if online else self.failures + 1
        self._report(online, message, refused)
        if online:
            return 0.0 if more_pending else self._interval
        return backoff_delay(self.failures, self._base, self._cap, self._rng)

    def _report(self, online: bool, message: str, refused: bool = False) -> None:
        try:
            with self._db.unit_of_work() as uow:
                counts = outbox.counts(uow)
                last = outbox.last_success(uow)
            latest = setting(self._db, LATEST_VERSION_KEY)
            self._on_status(
                SyncStatus(
                    pending=counts.pending,
                    rejected=counts.rejected,
                    last_success=last,
                    online=online,
                    message=message,
                    refused=refused,
                    clock_warning=clock_warning(setting(self._db, CLOCK_OFFSET_KEY)),
                    latest_version=latest if isinstance(latest, str) else None,
                )
            )
        except Exception:  # a failing status callback must not stop syncing
            return
