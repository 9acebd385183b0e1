"""Report summaries: sales, lines, payments per day and stock per product, kept off the sale's path

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

Made by plain SQL, not models (like the FTS tables): they are a cache of the sales and the stock ledger
that `pos.services.reporting.summary` keeps up to date when a report is asked for, never inside a sale.
The sale commit writes nothing here. Filled by the first report after the upgrade (everything up to
`report_marks`); a downgrade drops them, nothing is lost.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = {
    "report_marks": "name TEXT PRIMARY KEY, upto INTEGER NOT NULL",
    "report_sales_days": (
        "day TEXT NOT NULL, utc_hour INTEGER NOT NULL, cashier_id INTEGER NOT NULL, sales INTEGER NOT NULL, "
        "qty INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL, "
        "PRIMARY KEY (day, utc_hour, cashier_id)"
    ),
    "report_line_days": (
        "day TEXT NOT NULL, product_id INTEGER NOT NULL, supplier_id INTEGER NOT NULL, sales INTEGER NOT NULL, "
        "qty INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL, net INTEGER NOT NULL, "
        "PRIMARY KEY (day, product_id, supplier_id)"
    ),
    "report_payment_days": (
        "day TEXT NOT NULL, method TEXT NOT NULL, sales INTEGER NOT NULL, qty INTEGER NOT NULL, "
        "gross INTEGER NOT NULL, discount INTEGER NOT NULL, PRIMARY KEY (day, method)"
    ),
    "report_approval_days": (
        "day TEXT NOT NULL, kind TEXT NOT NULL, cashier_id INTEGER NOT NULL, approved_by INTEGER NOT NULL, "
        "count INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (day, kind, cashier_id, approved_by)"
    ),
    "report_stock": "product_id INTEGER PRIMARY KEY, on_hand INTEGER NOT NULL, last_sold TEXT",
}


def upgrade() -> None:
    for name, columns in TABLES.items():
        op.execute(f"CREATE TABLE {name} ({columns}) WITHOUT ROWID")


def downgrade() -> None:
    for name in TABLES:
        op.execute(f"DROP TABLE {name}")
