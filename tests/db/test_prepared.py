"""pos.db.prepared runs a Core statement on the unit of work's DBAPI connection: it must store what
SQLAlchemy would (types, defaults, literals), inside the same transaction, and fail the same way."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from sqlalchemy import Table, bindparam, exc, select

from pos.db.engine import Database
from pos.db.models import OutboxEvent, ReceiptCounter
from pos.db.prepared import Prepared

OUTBOX = cast(Table, OutboxEvent.__table__)
COUNTERS = cast(Table, ReceiptCounter.__table__)
WHEN = datetime(2026, 11, 28, 3, 4, 5, 678901, tzinfo=UTC)


def raw(db: Database, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_rows_are_stored_as_sqlalchemy_stores_them(demo_db: Database) -> None:
    insert = Prepared(
        OUTBOX.insert(), ("uuid", "kind", "payload", "created_at")
    )  # status, attempts: defaults
    with demo_db.unit_of_work() as uow:
        insert.run(uow, {"uuid": "prepared-1", "kind": "sale", "payload": "{}", "created_at": WHEN})
        uow.session.execute(  # the same row through SQLAlchemy
            OUTBOX.insert(), {"uuid": "core-1", "kind": "sale", "payload": "{}", "created_at": WHEN}
        )
        uow.commit()
    rows = raw(
        demo_db, "SELECT uuid, created_at, status, attempts FROM outbox WHERE uuid IN (?, ?) ORDER BY uuid",
        "core-1", "prepared-1",
    )  # fmt: skip
    assert rows[0][1:] == rows[1][1:] == ("2026-11-28T03:04:05.678901+00:00", "pending", 0)
    with demo_db.unit_of_work() as uow:  # and read back by the ORM as the aware datetime it was
        stored = uow.session.scalar(select(OutboxEvent.created_at).where(OutboxEvent.uuid == "prepared-1"))
    assert stored == WHEN


def test_a_literal_of_the_statement_and_returning(demo_db: Database) -> None:
    bump = Prepared(
        COUNTERS.update()
        .where(COUNTERS.c.business_date == bindparam("day"))
        .values(last_seq=COUNTERS.c.last_seq + 5)
        .returning(COUNTERS.c.last_seq),
        ("day",),
    )
    create = Prepared(COUNTERS.insert(), ("business_date", "last_seq"))  # kind: its default "sale"
    with demo_db.unit_of_work() as uow:
        assert bump.run(uow, {"day": "2031-01-01"}).fetchone() is None
        create.run(uow, {"business_date": "2031-01-01", "last_seq": 1})
        assert bump.run(uow, {"day": "2031-01-01"}).fetchone() == (6,)
        uow.commit()
    assert raw(demo_db, "SELECT kind, last_seq FROM receipt_counters WHERE business_date = '2031-01-01'") == [
        ("sale", 6)
    ]


def test_writes_go_with_the_unit_of_work_and_errors_are_sqlalchemys(demo_db: Database) -> None:
    insert = Prepared(OUTBOX.insert(), ("uuid", "kind", "payload", "created_at", "status", "attempts"))
    row = {
        "uuid": "dup",
        "kind": "sale",
        "payload": "{}",
        "created_at": WHEN,
        "status": "pending",
        "attempts": 0,
    }
    with demo_db.unit_of_work() as uow:
        insert.run_many(uow, [row])
        uow.rollback()  # never committed: gone
    assert raw(demo_db, "SELECT COUNT(*) FROM outbox WHERE uuid = 'dup'") == [(0,)]
    with demo_db.unit_of_work() as uow:
        insert.run(uow, row)
        with pytest.raises(exc.IntegrityError):  # what callers and the screens catch, as from SQLAlchemy
            insert.run_many(uow, [row])


def test_a_parameter_nobody_gives_is_refused_when_prepared() -> None:
    with pytest.raises(ValueError, match="day"):
        Prepared(COUNTERS.update().where(COUNTERS.c.business_date == bindparam("day")).values(last_seq=1), ())
