"""Other tills' consigned sales and payouts, for a settlement that covers the whole outlet

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

- `shared_sale_lines` / `shared_refund_lines`: the sale lines and refund lines of the outlet's other
  tills, pulled from the province (records `sale_line`, `refund_line`); consignment settlements, payouts
  and producers' statements add them to this till's own (pos.services.outlet_sales).
- `supplier_payouts.till`: a payout made at another till (NULL: this till).
- triggers marking this till's new sale lines, refund lines and payouts for the province (as 0006).
"""

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_NOT_APPLYING = "NOT EXISTS (SELECT 1 FROM shared_applying)"
_TRIGGERS = [
    ("shared_sale_lines_ai", "sale_lines", "sale_line"),
    ("shared_refund_lines_ai", "refund_lines", "refund_line"),
    ("shared_payouts_ai", "supplier_payouts", "payout"),
]


def upgrade() -> None:
    op.create_table(
        "shared_sale_lines",
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("till", sa.String(length=8), nullable=False),
        sa.Column("sale_uuid", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("net", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_shared_sale_lines_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_shared_sale_lines_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_shared_sale_lines")),
    )
    op.create_index(
        "ix_shared_sale_lines_supplier_date", "shared_sale_lines", ["supplier_id", "business_date"]
    )
    op.create_table(
        "shared_refund_lines",
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("till", sa.String(length=8), nullable=False),
        sa.Column("line_key", sa.String(length=36), nullable=False),
        sa.Column("refund_uuid", sa.String(length=36), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("refunded_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_shared_refund_lines")),
    )
    op.create_index("ix_shared_refund_lines_line_key", "shared_refund_lines", ["line_key"])
    op.execute("ALTER TABLE supplier_payouts ADD COLUMN till VARCHAR(8)")
    for name, table, record_type in _TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {name} AFTER INSERT ON {table} WHEN {_NOT_APPLYING} BEGIN "
            f"INSERT INTO shared_changes(type, row_id) VALUES ('{record_type}', NEW.id); END"
        )


def downgrade() -> None:
    for name, *_ in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("ALTER TABLE supplier_payouts DROP COLUMN till")
    op.drop_index("ix_shared_refund_lines_line_key", table_name="shared_refund_lines")
    op.drop_table("shared_refund_lines")
    op.drop_index("ix_shared_sale_lines_supplier_date", table_name="shared_sale_lines")
    op.drop_table("shared_sale_lines")
