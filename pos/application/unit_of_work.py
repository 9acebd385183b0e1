"""What every facade of the application layer is built on: a factory of units of work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from pos.db.uow import UnitOfWork

# `Database.unit_of_work`: each call a fresh session, rolled back on exit unless a use case committed it
UnitOfWorkFactory: TypeAlias = Callable[[], UnitOfWork]
