"""Tables of the provincial server (SQLAlchemy Core: ingest and reports are set-based, not per-object).

The Alembic migrations under `pos/province/migrations` create exactly these tables; a test compares them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetime on every backend (SQLite keeps no zone, so it is stored as naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# BigInteger ids become INTEGER on SQLite so they still alias the rowid (autoincrement).
BigId = BigInteger().with_variant(Integer(), "sqlite")

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kabupaten", String(100), nullable=False),
    # Legacy (schema 0001, one token per outlet): migration 0002 moved tokens to `tills`; always NULL now.
    # Kept rather than dropped because SQLite cannot drop them without rebuilding a referenced table.
    Column("token_hash", String(64), nullable=True, unique=True),
    Column("token_issued_at", UtcDateTime, nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_sync_at", UtcDateTime, nullable=True),
)

# One row per till (terminal) of an outlet; a bearer token belongs to exactly one till.
tills = Table(
    "tills",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("terminal", String(4), nullable=False),
    # sha256 of the bearer token: tokens are 256-bit random, so a fast hash is enough and lookups stay O(1)
    Column("token_hash", String(64), nullable=True, unique=True),
    Column("token_issued_at", UtcDateTime, nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_sync_at", UtcDateTime, nullable=True),
    # what the till said of itself at its last hello
    Column("app_version", String(32), nullable=True),
    Column("pending", Integer, nullable=True),
    Column("rejected", Integer, nullable=True),
    Column("clock_offset_s", Integer, nullable=True),
    UniqueConstraint("outlet_id", "terminal", name="uq_tills_outlet_terminal"),
)

events = Table(
    "events",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("payload", Text, nullable=False),
    # NULL only for events stored before migration 0002
    Column("till_id", Integer, ForeignKey("tills.id"), nullable=True, index=True),
    Column("payload_hash", String(64), nullable=True),
)

# What the province refused, per till, until a resend of the same uuid is accepted (then deleted).
rejected_events = Table(
    "rejected_events",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("uuid", String(64), nullable=False, unique=True),
    Column("till_id", Integer, ForeignKey("tills.id"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("reason", String(500), nullable=False),
    Column("payload", Text, nullable=False),
    Column("first_rejected_at", UtcDateTime, nullable=False),
    Column("last_rejected_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False),
)

sales = Table(
    "sales",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("event_id", BigInteger, ForeignKey("events.id"), nullable=False),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("receipt_no", String(64), nullable=False),
    Column("business_date", Date, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("cashier", String(64), nullable=False),
    Column("buyer_nip", String(18), nullable=True),
    Column("subtotal", BigInteger, nullable=False),
    Column("discount", BigInteger, nullable=False),
    Column("tax", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("change", BigInteger, nullable=False),
    Column("till_id", Integer, ForeignKey("tills.id"), nullable=True),
    Column("tax_added", BigInteger, nullable=False, server_default="0"),
    Index("ix_sales_business_date_buyer", "business_date", "buyer_nip"),
    Index("ix_sales_buyer_business_date", "buyer_nip", "business_date"),
    Index("ix_sales_outlet_id", "outlet_id"),
)

sale_lines = Table(
    "sale_lines",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("sale_id", BigInteger, ForeignKey("sales.id"), nullable=False, index=True),
    Column("product_code", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("supplier_code", String(64), nullable=True),
    Column("qty", Integer, nullable=False),
    Column("unit_price", BigInteger, nullable=False),
    Column("discount", BigInteger, nullable=False),
    Column("line_total", BigInteger, nullable=False),
    Column("tax_mode", String(16), nullable=False, server_default="none"),
    Column("tax", BigInteger, nullable=False, server_default="0"),
)

payments = Table(
    "payments",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("sale_id", BigInteger, ForeignKey("sales.id"), nullable=False, index=True),
    Column("method", String(16), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("reference", String(128), nullable=True),
)

refunds = Table(
    "refunds",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("event_id", BigInteger, ForeignKey("events.id"), nullable=False),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("sale_id", BigInteger, ForeignKey("sales.id"), nullable=False, index=True),
    Column("receipt_no", String(64), nullable=False),
    Column("business_date", Date, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("reason", String(500), nullable=False),
    Column("approved_by", String(64), nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("lines", Text, nullable=False),
    Column("till_id", Integer, ForeignKey("tills.id"), nullable=True),
)

asn = Table(
    "asn",
    metadata,
    Column("nip", String(18), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("agency", String(200), nullable=False),
    Column("kabupaten", String(100), nullable=False),
    Column("active", Boolean, nullable=False),
    # change sequence: every insert or change takes the next number, so tills pull "changes since N"
    Column("seq", BigInteger, nullable=False, index=True),
    Column("updated_at", UtcDateTime, nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The dashboard's people (pos.province.web): a role and, for agency and outlet users, the one scope they
# may read. Sessions signed before `password_changed_at` are void (set-password, disable-user).
web_users = Table(
    "web_users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("agency", String(200), nullable=True),
    Column("outlet_code", String(32), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until", UtcDateTime, nullable=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("password_changed_at", UtcDateTime, nullable=False),
    Column("last_login_at", UtcDateTime, nullable=True),
)

# Every sign-in, failed sign-in, lockout, sign-out and export of the dashboard, with who and from where.
web_audit = Table(
    "web_audit",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("username", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", String(500), nullable=False),
    Column("ip", String(64), nullable=False),
    Index("ix_web_audit_action_ip_at", "action", "ip", "at"),
)

# Summaries kept in the ingest transaction (pos.province.summaries), so reports and the dashboard read
# these instead of adding up raw sales; `ntt-pos-province verify` recomputes them from the raw sales.
# A refund is counted on its sale's date, till, buyer and producers (the period the sale counted in).

# Per buyer NIP and programme period: the calendar month ("2026-11") always, and the configured
# campaign ("campaign:Natal 2026") too while one is set. Buyers not in the registry have rows as well.
asn_period_totals = Table(
    "asn_period_totals",
    metadata,
    Column("period_key", String(80), primary_key=True),
    Column("nip", String(18), primary_key=True),
    Column("amount", BigInteger, nullable=False),  # sale totals minus refunds
    Column("sales", Integer, nullable=False),
)

# Per till and business date. till_id 0: a sale stored before tills existed (schema 0001).
till_day_totals = Table(
    "till_day_totals",
    metadata,
    Column("business_date", Date, primary_key=True),
    Column("till_id", Integer, primary_key=True, autoincrement=False),
    Column("outlet_id", Integer, nullable=False, index=True),
    Column("sales", Integer, nullable=False),
    Column("gross", BigInteger, nullable=False),  # sale totals
    Column("refunded", BigInteger, nullable=False),
    Column("asn_sales", Integer, nullable=False),  # sales with a buyer NIP
    Column("asn_gross", BigInteger, nullable=False),
    Column("asn_refunded", BigInteger, nullable=False),
)

# Per business date, outlet and producer (the supplier code on the sale line; "-" for none).
producer_day_totals = Table(
    "producer_day_totals",
    metadata,
    Column("business_date", Date, primary_key=True),
    Column("outlet_id", Integer, primary_key=True, autoincrement=False),
    Column("supplier_code", String(64), primary_key=True),
    Column("sales", Integer, nullable=False),  # sales with at least one line of this producer
    Column("qty", BigInteger, nullable=False),
    Column("gross", BigInteger, nullable=False),  # line totals
    Column("refunded_qty", BigInteger, nullable=False),
    Column("refunded", BigInteger, nullable=False),
)

# The dashboard lists an agency's ASN (Kepatuhan ASN): without it every agency page reads the registry.
Index("ix_asn_agency", asn.c.agency)

# Shared outlet data (pos.province.outlet_data): the newest state of every record of an outlet's catalog,
# producers, users, settings and stock ledger, numbered by the `outlet_seq` counter in commit order.
outlet_records = Table(
    "outlet_records",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("key", String(80), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("till_id", Integer, ForeignKey("tills.id"), nullable=True),
    Column("till", String(8), nullable=False),
    Column("data", Text, nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    # stock movements only: the product's uid and the signed quantity, for stock per product
    Column("product_key", String(36), nullable=True),
    Column("qty", Integer, nullable=True),
    UniqueConstraint("outlet_id", "type", "key", name="uq_outlet_records_outlet_type_key"),
    Index("ix_outlet_records_outlet_version", "outlet_id", "version"),
)
