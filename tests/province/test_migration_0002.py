"""Migration 0002 on a province database that has traded under schema 0001, where the till set-up
registered outlets as `CODE-TERMINAL`: they become the tills of one outlet, keeping their tokens, and
their events, sales and refunds follow. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, select, text

from pos.province.database import alembic_config, create_province_engine, upgrade
from pos.province.outlets import authenticate, hash_token
from pos.province.reports import outlets_report
from pos.province.schema import events, metadata, outlets, refunds, sales, settings, tills

OLD = {"5371-01": "token-kupang-satu", "5371-02": "token-kupang-dua", "5310": "token-manggarai"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])])
def engine_at_0001(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = create_province_engine(f"sqlite:///{tmp_path}/province.sqlite3")
    else:
        engine = create_province_engine(request.getfixturevalue("pg_database_url"))
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    yield engine
    engine.dispose()


def _insert(conn: Connection, table: str, row: dict[str, Any]) -> int:
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    return int(
        conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), row).scalar_one()
    )


def _populate_0001(conn: Connection) -> dict[str, str]:
    """Three registrations as schema 0001 knew them, each with a sale (and one refund); returns the
    sale uuid of each registration."""
    sqlite = conn.dialect.name == "sqlite"
    now = datetime(2026, 11, 28, 3, 4, 5, tzinfo=UTC)
    stamp = now.replace(tzinfo=None) if sqlite else now  # SQLite keeps naive UTC (schema.UtcDateTime)
    sale_uuids = {}
    for number, (code, token) in enumerate(OLD.items(), start=1):
        outlet_id = _insert(
            conn,
            "outlets",
            {
                "code": code,
                "name": f"NTT Mart {code}",
                "kabupaten": "Kota Kupang",
                "token_hash": hash_token(token),
                "token_issued_at": stamp,
                "created_at": stamp,
                "last_sync_at": stamp,
            },
        )
        sale_uuid = f"00000000-0000-4000-8000-00000000000{number}"
        event_id = _insert(
            conn,
            "events",
            {
                "uuid": sale_uuid,
                "outlet_id": outlet_id,
                "kind": "sale",
                "created_at": stamp,
                "received_at": stamp,
                "payload": "{}",
            },
        )
        sale_id = _insert(
            conn,
            "sales",
            {
                "uuid": sale_uuid,
                "event_id": event_id,
                "outlet_id": outlet_id,
                "receipt_no": f"{code}-20261128-0001",
                "business_date": date(2026, 11, 28),
                "created_at": stamp,
                "cashier": "kasir1",
                "buyer_nip": None,
                "subtotal": 10_000 * number,
                "discount": 0,
                "tax": 0,
                "total": 10_000 * number,
                "change": 0,
            },
        )
        sale_uuids[code] = sale_uuid
        if code == "5371-02":
            refund_uuid = "00000000-0000-4000-8000-0000000000aa"
            refund_event = _insert(
                conn,
                "events",
                {
                    "uuid": refund_uuid,
                    "outlet_id": outlet_id,
                    "kind": "refund",
                    "created_at": stamp,
                    "received_at": stamp,
                    "payload": "{}",
                },
            )
            _insert(
                conn,
                "refunds",
                {
                    "uuid": refund_uuid,
                    "event_id": refund_event,
                    "outlet_id": outlet_id,
                    "sale_id": sale_id,
                    "receipt_no": "R-1",
                    "business_date": date(2026, 11, 28),
                    "created_at": stamp,
                    "reason": "rusak",
                    "approved_by": "manajer",
                    "total": 5_000,
                    "lines": json.dumps([{"product_code": "P", "qty": 1, "amount": 5_000}]),
                },
            )
    return sale_uuids


def test_code_terminal_registrations_become_tills_that_keep_their_tokens_and_data(
    engine_at_0001: Engine,
) -> None:
    engine = engine_at_0001
    with engine.begin() as conn:
        sale_uuids = _populate_0001(conn)
    upgrade(engine)

    with engine.connect() as conn:
        assert conn.execute(select(outlets.c.code).order_by(outlets.c.code)).scalars().all() == [
            "5310",
            "5371",
        ]
        assert conn.execute(select(outlets.c.token_hash)).scalars().all() == [None, None]
        rows = conn.execute(
            select(outlets.c.code, tills.c.terminal, tills.c.token_hash, tills.c.id)
            .join(outlets, outlets.c.id == tills.c.outlet_id)
            .order_by(outlets.c.code, tills.c.terminal)
        ).all()
        assert [(r.code, r.terminal, r.token_hash) for r in rows] == [
            ("5310", "01", hash_token(OLD["5310"])),
            ("5371", "01", hash_token(OLD["5371-01"])),
            ("5371", "02", hash_token(OLD["5371-02"])),
        ]
        till_ids = {f"{r.code}-{r.terminal}": r.id for r in rows}
        outlet_ids = dict(conn.execute(select(outlets.c.code, outlets.c.id)).all())
        # the old tokens still authenticate, each as its own till
        for old_code, label in (("5371-01", "5371-01"), ("5371-02", "5371-02"), ("5310", "5310-01")):
            till = authenticate(conn, OLD[old_code])
            assert till is not None and till.label == label
        # events, sales and refunds re-pointed to the merged outlet and to their till
        for table in (events, sales):
            found = {
                r.uuid: (r.outlet_id, r.till_id)
                for r in conn.execute(select(table.c.uuid, table.c.outlet_id, table.c.till_id))
                if r.uuid in sale_uuids.values()
            }
            assert found == {
                sale_uuids["5371-01"]: (outlet_ids["5371"], till_ids["5371-01"]),
                sale_uuids["5371-02"]: (outlet_ids["5371"], till_ids["5371-02"]),
                sale_uuids["5310"]: (outlet_ids["5310"], till_ids["5310-01"]),
            }
        assert conn.execute(select(refunds.c.outlet_id, refunds.c.till_id)).one() == (
            outlet_ids["5371"],
            till_ids["5371-02"],
        )
        report = {
            r["outlet"]: (r["sales"], r["gross"], r["refunds"], r["tills"]) for r in outlets_report(conn)
        }
        assert report == {"5371": (2, 30_000, 5_000, 2), "5310": (1, 30_000, 0, 1)}
        instance = conn.execute(select(settings.c.value).where(settings.c.key == "instance_id")).scalar_one()
        assert len(instance) == 36

        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
