"""outlet_records: the shared data of each outlet (catalog, producers, users, settings, stock ledger)

Every record a till sends (event kind `record`) is kept here in its newest state, with a version from
the `outlet_seq` counter; the outlet's tills pull "records since version N" (pos.province.outlet_data).

Revision ID: 0005_outlet_records
Revises: 0004_summaries
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_outlet_records"
down_revision = "0004_summaries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outlet_records",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("till_id", sa.Integer(), nullable=True),
        sa.Column("till", sa.String(length=8), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("product_key", sa.String(length=36), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_outlet_records_outlet_id_outlets")
        ),
        sa.ForeignKeyConstraint(["till_id"], ["tills.id"], name=op.f("fk_outlet_records_till_id_tills")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet_records")),
        sa.UniqueConstraint("outlet_id", "type", "key", name="uq_outlet_records_outlet_type_key"),
    )
    op.create_index("ix_outlet_records_outlet_version", "outlet_records", ["outlet_id", "version"])


def downgrade() -> None:
    op.drop_index("ix_outlet_records_outlet_version", table_name="outlet_records")
    op.drop_table("outlet_records")
