"""Kemendagri codes for the outlet's and producers' kabupaten; the open cart; receipts as issued

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

- `outlets.kabupaten_code`, `suppliers.kabupaten_code`: filled here from the stored NAME, never from a
  code: earlier versions offered a list whose codes were neither Kemendagri's nor BPS's (Sikka 5309,
  Ende 5310), so only the names are trustworthy. A name that is no kabupaten/kota of NTT keeps a NULL
  code (the manager picks it from the list later). Outlet codes that users chose are not touched.
- `open_carts`: the cart in progress, kept across a crash.
- `sale_receipts`: the receipt as first issued and whether it printed. Sales made before this revision
  count as printed (nothing is known about them) and are reprinted from today's outlet data.
"""

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Kemendagri codes as of this revision (a migration keeps its own copy: pos.core.regions may change).
KEMENDAGRI = (
    ("5301", "Kupang"), ("5302", "Timor Tengah Selatan"), ("5303", "Timor Tengah Utara"),
    ("5304", "Belu"), ("5305", "Alor"), ("5306", "Flores Timur"), ("5307", "Sikka"), ("5308", "Ende"),
    ("5309", "Ngada"), ("5310", "Manggarai"), ("5311", "Sumba Timur"), ("5312", "Sumba Barat"),
    ("5313", "Lembata"), ("5314", "Rote Ndao"), ("5315", "Manggarai Barat"), ("5316", "Nagekeo"),
    ("5317", "Sumba Tengah"), ("5318", "Sumba Barat Daya"), ("5319", "Manggarai Timur"),
    ("5320", "Sabu Raijua"), ("5321", "Malaka"), ("5371", "Kota Kupang"),
)  # fmt: skip


def _key(name: str) -> str:
    words = " ".join(name.replace(".", ". ").split()).lower()
    for prefix in ("kabupaten ", "kab. ", "kab "):
        if words.startswith(prefix):
            return words.removeprefix(prefix).strip()
    return words


def _code_by_name(name: str) -> str | None:
    for code, known in KEMENDAGRI:
        if _key(name) == known.lower():
            return code
    return None


def _fill_codes(table: str) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(f"SELECT id, kabupaten FROM {table}")).all()
    for row_id, name in rows:
        code = _code_by_name(name or "")
        if code is not None:
            conn.execute(
                sa.text(f"UPDATE {table} SET kabupaten_code = :code WHERE id = :id"),
                {"code": code, "id": row_id},
            )


def upgrade() -> None:
    with op.batch_alter_table("outlets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kabupaten_code", sa.String(length=4), nullable=True))
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kabupaten_code", sa.String(length=4), nullable=True))
    _fill_codes("outlets")
    _fill_codes("suppliers")

    op.create_table(
        "open_carts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.Column("snapshot", pos.db.types.JsonText(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_open_carts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_carts")),
    )
    op.create_table(
        "sale_receipts",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("snapshot", pos.db.types.JsonText(), nullable=True),
        sa.Column("created_at", pos.db.types.UtcDateTime(length=32), nullable=False),
        sa.Column("printed_at", pos.db.types.UtcDateTime(length=32), nullable=True),
        sa.ForeignKeyConstraint(["sale_id"], ["sales.id"], name=op.f("fk_sale_receipts_sale_id_sales")),
        sa.PrimaryKeyConstraint("sale_id", name=op.f("pk_sale_receipts")),
    )
    op.execute(
        "INSERT INTO sale_receipts (sale_id, snapshot, created_at, printed_at) "
        "SELECT id, NULL, created_at, created_at FROM sales"
    )


def downgrade() -> None:
    op.drop_table("sale_receipts")
    op.drop_table("open_carts")
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.drop_column("kabupaten_code")
    with op.batch_alter_table("outlets", schema=None) as batch_op:
        batch_op.drop_column("kabupaten_code")
