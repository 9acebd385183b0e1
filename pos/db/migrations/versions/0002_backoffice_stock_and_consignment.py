"""back office: stock documents, stocktakes, producer payouts, consignment purchase price

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consignment_price", sa.Integer(), nullable=True))

    op.create_table(
        "stock_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("consignment", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=240), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.CheckConstraint("kind IN ('receive','return')", name=op.f("ck_stock_documents_kind")),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_stock_documents_supplier_id_suppliers")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_stock_documents_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_stock_documents_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_stock_documents_uuid")),
    )
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_documents_supplier_id"), ["supplier_id"], unique=False)

    op.create_table(
        "stock_document_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("unit_cost", sa.Integer(), nullable=True),
        sa.CheckConstraint("qty > 0", name=op.f("ck_stock_document_lines_qty_positive")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["stock_documents.id"],
            name=op.f("fk_stock_document_lines_document_id_stock_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_document_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_document_lines")),
    )
    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stock_document_lines_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("note", sa.String(length=240), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=False),
        sa.Column("started_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.Column("posted_at", pos.db.types.UtcDateTime(length=32), nullable=True),
        sa.CheckConstraint("status IN ('open','posted','cancelled')", name=op.f("ck_stocktakes_status")),
        sa.ForeignKeyConstraint(["posted_by"], ["users.id"], name=op.f("fk_stocktakes_posted_by_users")),
        sa.ForeignKeyConstraint(["started_by"], ["users.id"], name=op.f("fk_stocktakes_started_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_stocktakes_uuid")),
    )
    op.create_table(
        "stocktake_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("counted_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.CheckConstraint("counted >= 0", name=op.f("ck_stocktake_counts_counted_nonnegative")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stocktake_counts_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"], ["stocktakes.id"], name=op.f("fk_stocktake_counts_stocktake_id_stocktakes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_counts")),
        sa.UniqueConstraint("stocktake_id", "product_id", name="uq_stocktake_counts_product"),
    )
    op.create_table(
        "supplier_payouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.String(length=10), nullable=False),
        sa.Column("period_end", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("note", sa.String(length=240), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("paid_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_supplier_payouts_amount_positive")),
        sa.CheckConstraint("method IN ('cash','transfer')", name=op.f("ck_supplier_payouts_method")),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_supplier_payouts_supplier_id_suppliers")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_supplier_payouts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_payouts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_supplier_payouts_uuid")),
    )
    with op.batch_alter_table("supplier_payouts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_supplier_payouts_supplier_id"), ["supplier_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("supplier_payouts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_payouts_supplier_id"))
    op.drop_table("supplier_payouts")
    op.drop_table("stocktake_counts")
    op.drop_table("stocktakes")
    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_document_lines_document_id"))
    op.drop_table("stock_document_lines")
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_documents_supplier_id"))
    op.drop_table("stock_documents")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("consignment_price")
