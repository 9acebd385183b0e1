"""summaries: per-ASN period totals, per-till and per-producer daily totals, backfilled from the sales

The ingest transaction keeps them up to date from here on (pos.province.summaries); this migration
fills them from the sales and refunds already stored, with the same code `verify` compares against.

Revision ID: 0004_summaries
Revises: 0003_web_users
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_summaries"
down_revision = "0003_web_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "asn_period_totals",
        sa.Column("period_key", sa.String(length=80), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("sales", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("period_key", "nip", name=op.f("pk_asn_period_totals")),
    )
    op.create_table(
        "till_day_totals",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("till_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("sales", sa.Integer(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("refunded", sa.BigInteger(), nullable=False),
        sa.Column("asn_sales", sa.Integer(), nullable=False),
        sa.Column("asn_gross", sa.BigInteger(), nullable=False),
        sa.Column("asn_refunded", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("business_date", "till_id", name=op.f("pk_till_day_totals")),
    )
    op.create_index(op.f("ix_till_day_totals_outlet_id"), "till_day_totals", ["outlet_id"], unique=False)
    op.create_table(
        "producer_day_totals",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("supplier_code", sa.String(length=64), nullable=False),
        sa.Column("sales", sa.Integer(), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("refunded_qty", sa.BigInteger(), nullable=False),
        sa.Column("refunded", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "business_date", "outlet_id", "supplier_code", name=op.f("pk_producer_day_totals")
        ),
    )
    op.create_index("ix_asn_agency", "asn", ["agency"], unique=False)

    from pos.province.summaries import rebuild_all  # the live code: what ingest and verify use

    rebuild_all(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_asn_agency", table_name="asn")
    op.drop_table("producer_day_totals")
    op.drop_index(op.f("ix_till_day_totals_outlet_id"), table_name="till_day_totals")
    op.drop_table("till_day_totals")
    op.drop_table("asn_period_totals")
