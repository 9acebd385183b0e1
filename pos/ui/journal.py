"""Writing the cart in progress off the GUI thread: a scan must not wait for the disk (an SQLite commit
with synchronous=FULL costs ~8 ms, more than the scan-to-cart budget).

`submit` keeps only the latest snapshot; one worker thread writes it. `flush` waits until what was
submitted is on disk: the checkout calls it before the payment dialog opens and before a sale, a park
or a recall changes the open cart in its own transaction, so a late write can never bring back a cart
that was just sold or parked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Save = Callable[[Any, dict[str, Any]], None]  # (actor, pos.services.open_cart.snapshot_of(...))


class CartJournal:
    def __init__(self, save: Save) -> None:
        self._save = save
        self._changed = threading.Condition()
        self._pending: tuple[Any, dict[str, Any]] | None = None
        self._busy = False
        self._running = True
        self._thread: threading.Thread | None = None
        self.last_error: Exception | None = None

    def submit(self, actor: Any, snapshot: dict[str, Any]) -> None:
        with self._changed:
            self._pending = (actor, snapshot)
            self._changed.notify_all()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cart-journal", daemon=True)
            self._thread.start()

    def flush(self, timeout: float = 10.0) -> bool:
        """Block until every submitted cart is written; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self.flush(timeout)
        with self._changed:
            self._running = False
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending is not None or not self._running)
                if self._pending is None:
                    return
                actor, snapshot = self._pending
                self._pending, self._busy = None, True
            try:
                self._save(actor, snapshot)
                self.last_error = None
            except Exception as error:  # kept for the screen; the next change tries again
                log.warning("open cart not written: %r", error)
                self.last_error = error
            with self._changed:
                self._busy = False
                self._changed.notify_all()
