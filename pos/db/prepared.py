"""A fixed Core statement run straight on the DBAPI connection of a unit of work, for the sale's hot path.

A sale is written by the same seven statements every time. SQLAlchemy's execution of each (compiled-cache
lookup, execution context, parameter processing, result object) took ~0.08 ms of CPU: with them a sale
cost ~0.9 ms of CPU against ~0.27 ms for the same rows through plain sqlite3 (tests/benchmarks/bench_db.py,
issue 11's "sale commit <= 3x bare sqlite"). `Prepared` compiles a statement once for SQLite with the
keys it will be given, and runs it on the session connection's own sqlite3 connection: the same
transaction (the unit of work still commits), the same conversion of values by the column types (e.g.
`UtcDateTime`), and the columns' Python-side defaults for keys not given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import exc
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.sql import ClauseElement

from pos.db.uow import UnitOfWork

_DIALECT = sqlite_dialect.dialect()


class Prepared:
    """`statement` compiled once; `run` / `run_many` take mappings with exactly `keys`."""

    def __init__(self, statement: ClauseElement, keys: Sequence[str]) -> None:
        compiled: Any = statement.compile(dialect=_DIALECT, column_keys=list(keys))  # an SQLCompiler
        self.sql = str(compiled)
        names = list(compiled.positiontup or [])
        defaults: dict[str, Any] = {}
        for column in getattr(compiled, "insert_prefetch", ()) or ():
            default = column.default
            if default is None or not (default.is_scalar or default.is_callable):
                raise ValueError(f"{self.sql}: no value for {column.name} and no plain default")
            defaults[column.key] = default  # a key the caller did not give
        self._defaults = defaults
        # a literal of the statement (the 1 of `last_seq + 1`) is a parameter with its value
        self._constants = {
            name: compiled.binds[name].effective_value
            for name in names
            if name not in keys and name not in defaults and not compiled.binds[name].required
        }
        unknown = [
            name
            for name in names
            if name not in keys and name not in defaults and name not in self._constants
        ]
        if unknown:
            raise ValueError(f"{self.sql}: parameters {unknown} are not among the keys {list(keys)}")
        self._plan: list[tuple[str, Callable[[Any], Any] | None]] = [
            (name, compiled.binds[name].type.bind_processor(_DIALECT)) for name in names
        ]

    def _values(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        values = []
        for name, process in self._plan:
            if name in row:
                value = row[name]
            elif name in self._constants:
                value = self._constants[name]
            else:
                default = self._defaults[name]
                value = default.arg if default.is_scalar else default.arg(None)
            values.append(process(value) if process is not None else value)
        return tuple(values)

    def run(self, uow: UnitOfWork, row: Mapping[str, Any]) -> sqlite3.Cursor:
        values = self._values(row)
        try:
            return dbapi_connection(uow).execute(self.sql, values)
        except sqlite3.Error as error:
            raise self._wrapped(error, values) from error

    def run_many(self, uow: UnitOfWork, rows: Sequence[Mapping[str, Any]]) -> None:
        values = [self._values(row) for row in rows]
        try:
            dbapi_connection(uow).executemany(self.sql, values)
        except sqlite3.Error as error:
            raise self._wrapped(error, values) from error

    def _wrapped(self, error: sqlite3.Error, values: Any) -> Exception:
        """The error as SQLAlchemy raises it (IntegrityError, OperationalError ...): callers and the
        screens' storage-error handling catch those."""
        return exc.DBAPIError.instance(self.sql, values, error, sqlite3.Error, hide_parameters=True)


def dbapi_connection(uow: UnitOfWork) -> sqlite3.Connection:
    """The sqlite3 connection under the unit of work's session (its transaction, begun by the session's
    first statement or by the first write here, is the one `uow.commit()` commits)."""
    return cast(sqlite3.Connection, uow.session.connection().connection.driver_connection)
