"""tills: one token per till, events with their till and content hash, rejected events, instance id

Schema 0001 knew one token per outlet, and the till set-up registered outlets as `CODE-TERMINAL`
(`5371-01`). From here on an outlet code has no `-`: `5371-01` becomes terminal 01 of outlet 5371,
its token moves to that till, and two such registrations of one outlet are merged into one outlet.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TILL_LABEL = re.compile(r"^(?P<code>.+)-(?P<terminal>[0-9]{1,4})$")


def _now() -> datetime:
    now = datetime.now(UTC)
    # SQLite keeps naive UTC (pos.province.schema.UtcDateTime); PostgreSQL takes the aware value
    return now.replace(tzinfo=None) if op.get_bind().dialect.name == "sqlite" else now


def upgrade() -> None:
    op.create_table(
        "tills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=4), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("token_issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("app_version", sa.String(length=32), nullable=True),
        sa.Column("pending", sa.Integer(), nullable=True),
        sa.Column("rejected", sa.Integer(), nullable=True),
        sa.Column("clock_offset_s", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["outlet_id"], ["outlets.id"], name=op.f("fk_tills_outlet_id_outlets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tills")),
        sa.UniqueConstraint("outlet_id", "terminal", name="uq_tills_outlet_terminal"),
        sa.UniqueConstraint("token_hash", name=op.f("uq_tills_token_hash")),
    )
    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "rejected_events",
        sa.Column("id", big_id, nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("first_rejected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_rejected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"], name=op.f("fk_rejected_events_till_id_tills")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected_events")),
        sa.UniqueConstraint("uuid", name=op.f("uq_rejected_events_uuid")),
    )
    with op.batch_alter_table("rejected_events") as batch_op:
        batch_op.create_index(batch_op.f("ix_rejected_events_till_id"), ["till_id"], unique=False)
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("till_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("payload_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_till_id"), ["till_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_events_till_id_tills"), "tills", ["till_id"], ["id"])
    with op.batch_alter_table("sales") as batch_op:
        batch_op.add_column(sa.Column("till_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("tax_added", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.create_foreign_key(batch_op.f("fk_sales_till_id_tills"), "tills", ["till_id"], ["id"])
    with op.batch_alter_table("sale_lines") as batch_op:
        batch_op.add_column(
            sa.Column("tax_mode", sa.String(length=16), server_default="none", nullable=False)
        )
        batch_op.add_column(sa.Column("tax", sa.BigInteger(), server_default="0", nullable=False))
    with op.batch_alter_table("refunds") as batch_op:
        batch_op.add_column(sa.Column("till_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_refunds_till_id_tills"), "tills", ["till_id"], ["id"])
    _outlets_to_tills()
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM settings WHERE key = 'instance_id'")).first() is None:
        conn.execute(
            sa.text("INSERT INTO settings (key, value) VALUES ('instance_id', :v)"), {"v": str(uuid.uuid4())}
        )


def _outlets_to_tills() -> None:
    """Every registered outlet becomes a till of the outlet its code names (`5371-02`: outlet 5371,
    terminal 02; `5371`: terminal 01), keeping its token; events, sales and refunds follow."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, code, token_hash, token_issued_at, revoked_at, created_at, last_sync_at "
            "FROM outlets ORDER BY id"
        )
    ).all()
    by_code = {row.code: row.id for row in rows}
    taken: dict[int, set[str]] = {}
    for row in rows:
        match = _TILL_LABEL.match(row.code)
        base, terminal = (match["code"], match["terminal"].zfill(2)) if match else (row.code, "01")
        target = by_code.get(base)
        if target is None:  # the first registration of this outlet: it keeps its row, renamed
            conn.execute(sa.text("UPDATE outlets SET code = :c WHERE id = :i"), {"c": base, "i": row.id})
            by_code[base] = target = row.id
        used = taken.setdefault(target, set())
        while terminal in used:  # two registrations claim one terminal: give the later one the next
            terminal = f"{int(terminal) + 1:02d}"
        used.add(terminal)
        conn.execute(sa.text("UPDATE outlets SET token_hash = NULL WHERE id = :i"), {"i": row.id})
        till_id = conn.execute(
            sa.text(
                "INSERT INTO tills (outlet_id, terminal, token_hash, token_issued_at, revoked_at, created_at,"
                " last_sync_at) VALUES (:o, :t, :h, :issued, :revoked, :created, :synced) RETURNING id"
            ),
            {
                "o": target,
                "t": terminal,
                "h": row.token_hash,
                "issued": row.token_issued_at,
                "revoked": row.revoked_at,
                "created": row.created_at or _now(),
                "synced": row.last_sync_at,
            },
        ).scalar_one()
        for table in ("events", "sales", "refunds"):
            conn.execute(
                sa.text(f"UPDATE {table} SET till_id = :till, outlet_id = :o WHERE outlet_id = :old"),
                {"till": till_id, "o": target, "old": row.id},
            )
        if target != row.id:
            conn.execute(sa.text("DELETE FROM outlets WHERE id = :i"), {"i": row.id})


def downgrade() -> None:
    raise NotImplementedError("tokens moved to tills cannot be put back on outlets safely")
