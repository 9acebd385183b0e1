"""Cash movements of a shift (kas masuk / kas keluar); the manager who approved a sale's discount

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

- `cash_movements`: cash put into or taken out of a shift's drawer outside a sale, each approved by a
  manager; counted in the shift's expected cash. Shifts closed before this revision keep the expected
  cash fixed at their close.
- `sales.approved_by`: the manager who approved a discount or price override above the limits. Sales
  made before this revision have none recorded (the approval is in the audit log).
"""

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=240), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=False),
        sa.Column("payout_id", sa.Integer(), nullable=True),
        sa.Column("created_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_cash_movements_amount_positive")),
        sa.CheckConstraint("direction IN ('in','out')", name=op.f("ck_cash_movements_direction")),
        sa.ForeignKeyConstraint(
            ["approved_by"], ["users.id"], name=op.f("fk_cash_movements_approved_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["payout_id"], ["supplier_payouts.id"], name=op.f("fk_cash_movements_payout_id_supplier_payouts")
        ),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name=op.f("fk_cash_movements_shift_id_shifts")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_cash_movements_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
        sa.UniqueConstraint("uuid", name=op.f("uq_cash_movements_uuid")),
    )
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movements_shift_id"), ["shift_id"], unique=False)
    # A plain ALTER TABLE (SQLite takes a REFERENCES clause on a NULL column): a batch copy of `sales`
    # would have to drop the table its lines, payments and receipts point at.
    op.execute(
        "ALTER TABLE sales ADD COLUMN approved_by INTEGER "
        "CONSTRAINT fk_sales_approved_by_users REFERENCES users (id)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE sales DROP COLUMN approved_by")
    with op.batch_alter_table("cash_movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cash_movements_shift_id"))
    op.drop_table("cash_movements")
