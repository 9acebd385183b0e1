"""Unit of work: one Session, one transaction, committed explicitly or rolled back on exit.

SQLite's disk refusals (full, read-only, busy) leave the block as `pos.core.errors.StorageError`.
"""

from __future__ import annotations

import logging
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from pos.db.storage import storage_problem

log = logging.getLogger(__name__)


class UnitOfWork:
    """`with db.unit_of_work() as uow: ...; uow.commit()`; anything not committed is rolled back."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its `with` block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        problem = storage_problem(exc) if exc is not None else None
        if problem is not None:
            # Rolled back whole above; the caller gets one line naming the cause (disk full, read-only,
            # busy) instead of a driver error, and the log keeps SQLite's own words.
            log.warning("database: %s (sqlite: %s)", problem, getattr(exc, "orig", exc))
            raise problem from exc

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
