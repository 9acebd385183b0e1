"""Shared outlet data: what a till changed is marked for the province, what it pulled is applied

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

- `shared_changes`: one row per change of a shared record (product, category, producer, user, shared
  setting, the outlet's identity, stock movement, price change), written by the triggers below in the
  same transaction as the change, whatever wrote it (ORM, bulk insert, import). `pos.services.
  outlet_share` turns them into outbox events (`record`) at the start of each sync round.
- `shared_applying`: holds a row only inside the transaction that applies records pulled from the
  province, so that applying them marks nothing (the triggers' WHEN clause).
- `products.uid`: the product's id across the outlet's tills (a uuid5 of its code when it was first
  shared), so a product keeps its identity when its code changes.
- `price_changes.uuid` / `.till`, `stock_movements.till`: the global id of a ledger line and the till
  that wrote it (NULL: this till).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_NOT_APPLYING = "NOT EXISTS (SELECT 1 FROM shared_applying)"
_SHARED_SETTINGS = (
    "'receipt.header','receipt.logo','tax.ppn_enabled','tax.ppn_mode','tax.ppn_rate_percent',"
    "'discount.manager_pin_above_percent','price_override.manager_pin_above_percent',"
    "'void.requires_manager'"
)
# (trigger name, table, event, record type, marker value expression, extra WHEN condition)
_TRIGGERS = [
    ("shared_products_ai", "products", "INSERT", "product", "NEW.id", None),
    (
        "shared_products_au",
        "products",
        "UPDATE OF code, barcode, name, category_id, supplier_id, unit, price, cost, tax_mode, "
        "consignment, active, min_stock, consignment_price",
        "product",
        "NEW.id",
        None,
    ),
    ("shared_categories_ai", "categories", "INSERT", "category", "NEW.id", None),
    ("shared_categories_au", "categories", "UPDATE OF name", "category", "NEW.id", None),
    ("shared_suppliers_ai", "suppliers", "INSERT", "supplier", "NEW.id", None),
    (
        "shared_suppliers_au",
        "suppliers",
        "UPDATE OF code, name, owner, kabupaten, kabupaten_code, village, phone, bank_account, "
        "consignment, commission_bp, active",
        "supplier",
        "NEW.id",
        None,
    ),
    ("shared_users_ai", "users", "INSERT", "user", "NEW.id", None),
    (
        "shared_users_au",
        "users",
        "UPDATE OF username, full_name, role, pin_hash, active, must_change_pin",
        "user",
        "NEW.id",
        None,
    ),
    (
        "shared_outlets_au",
        "outlets",
        "UPDATE OF name, address, npwp, phone, timezone, receipt_footer",
        "outlet",
        "NEW.id",
        None,
    ),
    ("shared_movements_ai", "stock_movements", "INSERT", "movement", "NEW.id", None),
    ("shared_price_changes_ai", "price_changes", "INSERT", "price_change", "NEW.id", None),
]
_SETTING_TRIGGERS = [
    ("shared_settings_ai", "INSERT", "NEW.key"),
    ("shared_settings_au", "UPDATE OF value", "NEW.key"),
    ("shared_settings_ad", "DELETE", "OLD.key"),
]


def upgrade() -> None:
    op.create_table(
        "shared_changes",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_changes")),
    )
    op.create_table(
        "shared_applying",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_applying")),
    )
    op.execute("ALTER TABLE products ADD COLUMN uid VARCHAR(36)")
    op.execute("CREATE UNIQUE INDEX uq_products_uid ON products (uid)")
    op.execute("ALTER TABLE price_changes ADD COLUMN uuid VARCHAR(36)")
    op.execute("ALTER TABLE price_changes ADD COLUMN till VARCHAR(8)")
    op.execute("CREATE UNIQUE INDEX uq_price_changes_uuid ON price_changes (uuid)")
    op.execute("ALTER TABLE stock_movements ADD COLUMN till VARCHAR(8)")
    for name, table, event, record_type, value, _extra in _TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} WHEN {_NOT_APPLYING} BEGIN "
            f"INSERT INTO shared_changes(type, row_id) VALUES ('{record_type}', {value}); END"
        )
    for name, event, key in _SETTING_TRIGGERS:
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON settings "
            f"WHEN {key} IN ({_SHARED_SETTINGS}) AND {_NOT_APPLYING} BEGIN "
            f"INSERT INTO shared_changes(type, key) VALUES ('setting', {key}); END"
        )


def downgrade() -> None:
    for name, *_ in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, *_ in _SETTING_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS uq_price_changes_uuid")
    op.execute("DROP INDEX IF EXISTS uq_products_uid")
    op.execute("ALTER TABLE stock_movements DROP COLUMN till")
    op.execute("ALTER TABLE price_changes DROP COLUMN till")
    op.execute("ALTER TABLE price_changes DROP COLUMN uuid")
    op.execute("ALTER TABLE products DROP COLUMN uid")
    op.drop_table("shared_applying")
    op.drop_table("shared_changes")
