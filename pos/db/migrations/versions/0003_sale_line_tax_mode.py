"""sale lines remember how PPN applied when they were sold

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("tax_mode", sa.String(length=16), server_default="none", nullable=False)
        )
    # Lines sold before this revision: taxed lines take their product's mode, which is all we know.
    op.execute(
        "UPDATE sale_lines SET tax_mode = (SELECT p.tax_mode FROM products p WHERE p.id = sale_lines.product_id) "
        "WHERE tax != 0"
    )


def downgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_column("tax_mode")
