"""The till's local database: typed SQLAlchemy 2.0 models.

Stock on hand is never stored: it is the sum of `stock_movements`. A sale, its lines, payments, stock
movements and its outbox event are written in one transaction by `pos.services.checkout`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pos.db.types import JsonText, UtcDateTime

# Stable constraint names keep Alembic batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JsonText(), Any: JsonText()}  # noqa: RUF012


class Outlet(Base):
    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kabupaten: Mapped[str] = mapped_column(String(80))
    kabupaten_code: Mapped[str | None] = mapped_column(String(4))  # Kemendagri (pos.core.regions)
    address: Mapped[str] = mapped_column(String(240), default="")
    npwp: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    terminal: Mapped[str] = mapped_column(String(4), default="01")
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Makassar")
    receipt_footer: Mapped[str] = mapped_column(String(240), default="Terima kasih, Tuhan memberkati")
    created_at: Mapped[datetime]


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('cashier','manager','admin')", name="role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    must_change_pin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Supplier(Base):
    """A UMKM producer; most supply on consignment (titip jual) for a commission."""

    __tablename__ = "suppliers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    owner: Mapped[str] = mapped_column(String(120), default="")
    kabupaten: Mapped[str] = mapped_column(String(80), default="")
    kabupaten_code: Mapped[str | None] = mapped_column(String(4))  # Kemendagri (pos.core.regions)
    village: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    bank_account: Mapped[str] = mapped_column(String(80), default="")
    consignment: Mapped[bool] = mapped_column(Boolean, default=True)
    # Commission in basis points (1500 = 15%) keeps percentages exact in integers.
    commission_bp: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("price >= 0", name="price_nonnegative"),
        CheckConstraint("tax_mode IN ('none','ppn_included','ppn_added')", name="tax_mode"),
        Index("uq_products_uid", "uid", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    unit: Mapped[str] = mapped_column(String(16), default="pcs")
    price: Mapped[int] = mapped_column(Integer)
    cost: Mapped[int | None] = mapped_column(Integer)
    tax_mode: Mapped[str] = mapped_column(String(16), default="none")
    consignment: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    min_stock: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]
    # Consigned goods bought from the producer at a fixed price per unit sold (instead of a commission).
    consignment_price: Mapped[int | None] = mapped_column(Integer)
    # The product's id across the outlet's tills (pos.services.outlet_share); NULL until first shared.
    uid: Mapped[str | None] = mapped_column(String(36))

    supplier: Mapped[Supplier | None] = relationship()
    category: Mapped[Category | None] = relationship()


class PriceChange(Base):
    __tablename__ = "price_changes"
    __table_args__ = (Index("uq_price_changes_uuid", "uuid", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    old_price: Mapped[int] = mapped_column(Integer)
    new_price: Mapped[int] = mapped_column(Integer)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime]
    # global id across the outlet's tills, and the till that made the change (NULL: this till)
    uuid: Mapped[str | None] = mapped_column(String(36))
    till: Mapped[str | None] = mapped_column(String(8))


class StockMovement(Base):
    """One line of the stock ledger; `qty` is signed (sales negative)."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('receive','sale','refund','adjust','stocktake','return','opening')", name="kind"
        ),
        Index("ix_stock_movements_product_kind", "product_id", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(120), default="")
    ref: Mapped[str | None] = mapped_column(String(40), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    till: Mapped[str | None] = mapped_column(String(8))  # the till that wrote it (NULL: this till)


class StockDocument(Base):
    """Goods received from, or returned to, a producer: the paper the producer signs and keeps.

    Its lines are also written to the ledger as movements whose `ref` is this document's uuid.
    """

    __tablename__ = "stock_documents"
    __table_args__ = (CheckConstraint("kind IN ('receive','return')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    consignment: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(240), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]


class StockDocumentLine(Base):
    __tablename__ = "stock_document_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("stock_documents.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int | None] = mapped_column(Integer)


class Stocktake(Base):
    """A stock count (stock opname) in progress or posted as 'stocktake' movements."""

    __tablename__ = "stocktakes"
    __table_args__ = (CheckConstraint("status IN ('open','posted','cancelled')", name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    note: Mapped[str] = mapped_column(String(240), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    started_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime]
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    posted_at: Mapped[datetime | None]


class StocktakeCount(Base):
    """A counted quantity; `expected` is the ledger's on-hand when it was counted, so sales made while
    counting do not show up as differences."""

    __tablename__ = "stocktake_counts"
    __table_args__ = (
        UniqueConstraint("stocktake_id", "product_id", name="uq_stocktake_counts_product"),
        CheckConstraint("counted >= 0", name="counted_nonnegative"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    counted: Mapped[int] = mapped_column(Integer)
    expected: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[datetime]


class SupplierPayout(Base):
    """Money paid to a producer for consigned goods sold in a period (business dates, inclusive)."""

    __tablename__ = "supplier_payouts"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("method IN ('cash','transfer')", name="method"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    period_start: Mapped[str] = mapped_column(String(10))
    period_end: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(240), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    paid_at: Mapped[datetime]
    till: Mapped[str | None] = mapped_column(String(8))  # paid at another till of the outlet (NULL: here)


class Shift(Base):
    __tablename__ = "shifts"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime]
    opening_float: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None]
    expected_cash: Mapped[int | None] = mapped_column(Integer)
    counted_cash: Mapped[int | None] = mapped_column(Integer)
    counts: Mapped[dict[str, Any] | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class CashMovement(Base):
    """Cash put into or taken out of a shift's drawer outside a sale (kas masuk / kas keluar).

    `direction` is "in" or "out"; `amount` is always positive. `payout_id` links a consignment
    payout paid in cash (pos.services.consignment.record_payout).
    """

    __tablename__ = "cash_movements"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("direction IN ('in','out')", name="direction"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    direction: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(24))
    amount: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(240), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    payout_id: Mapped[int | None] = mapped_column(ForeignKey("supplier_payouts.id"))
    created_at: Mapped[datetime]


class Sale(Base):
    __tablename__ = "sales"
    __table_args__ = (
        CheckConstraint("total >= 0", name="total_nonnegative"),
        CheckConstraint("paid >= total", name="fully_paid"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True)
    business_date: Mapped[str] = mapped_column(String(10), index=True)
    created_at: Mapped[datetime]
    cashier_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    buyer_nip: Mapped[str | None] = mapped_column(String(18), index=True)
    # the manager who approved a discount or price override above the limits (pos.services.approvals)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    subtotal: Mapped[int] = mapped_column(Integer)
    discount: Mapped[int] = mapped_column(Integer)
    tax: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    paid: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)

    lines: Mapped[list[SaleLine]] = relationship(order_by="SaleLine.line_no", viewonly=True)
    payments: Mapped[list[Payment]] = relationship(order_by="Payment.id", viewonly=True)


class SaleLine(Base):
    __tablename__ = "sale_lines"
    __table_args__ = (
        UniqueConstraint("sale_id", "line_no", name="uq_sale_lines_sale_line"),
        CheckConstraint("qty > 0", name="qty_positive"),
        Index("ix_sale_lines_supplier_sale", "supplier_id", "sale_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    product_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(160))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    list_price: Mapped[int] = mapped_column(Integer)
    line_discount: Mapped[int] = mapped_column(Integer)
    sale_discount_share: Mapped[int] = mapped_column(Integer)
    tax: Mapped[int] = mapped_column(Integer)
    net: Mapped[int] = mapped_column(Integer)
    # How PPN applied when sold: a refund gives back added PPN too; the product may change later.
    tax_mode: Mapped[str] = mapped_column(String(16), default="none", server_default="none")


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("method IN ('cash','qris','debit','transfer')", name="method"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(64))


class Refund(Base):
    __tablename__ = "refunds"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    refund_no: Mapped[str] = mapped_column(String(40), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    business_date: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    reason: Mapped[str] = mapped_column(String(240))
    total: Mapped[int] = mapped_column(Integer)


class RefundLine(Base):
    __tablename__ = "refund_lines"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)


class ReceiptCounter(Base):
    """Last receipt sequence per business date; bumped inside the sale's transaction."""

    __tablename__ = "receipt_counters"
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True, default="sale")
    last_seq: Mapped[int] = mapped_column(Integer)


class HeldSale(Base):
    """A parked cart, kept across restarts until recalled."""

    __tablename__ = "held_sales"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    snapshot: Mapped[dict[str, Any]]


class OpenCart(Base):
    """The cart being built at the till, written at every change: after a crash or a power cut it is
    offered back at the next sign-in. At most one row (`id` 1): a till has one checkout screen."""

    __tablename__ = "open_carts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
    snapshot: Mapped[dict[str, Any]]


class SaleReceipt(Base):
    """A sale's receipt as first issued (header, footer, buyer block: `Receipt` as data), so a reprint
    shows what the customer got; `printed_at` stays empty until a printer took it (or, without a
    printer, until it was shown on screen): after a crash the till lists what never printed."""

    __tablename__ = "sale_receipts"
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    snapshot: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime]
    printed_at: Mapped[datetime | None]


class AsnRegistryEntry(Base):
    __tablename__ = "asn_registry"
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    agency: Mapped[str] = mapped_column(String(160), default="")
    kabupaten: Mapped[str] = mapped_column(String(80), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class AsnPeriodTotal(Base):
    """A buyer's spending in a period across all outlets, as last pulled from the province."""

    __tablename__ = "asn_period_totals"
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    period_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    amount: Mapped[int] = mapped_column(Integer)
    fetched_at: Mapped[datetime]


class OutboxEvent(Base):
    """An event waiting for (or done with) delivery to the province; `id` is commit order."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("status IN ('pending','sent','rejected')", name="status"),
        Index("ix_outbox_status_id", "status", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]


class SharedChange(Base):
    """A shared record this till changed, not yet an outbox event: written by SQLite triggers (migration
    0006) in the change's own transaction, turned into `record` events by pos.services.outlet_share."""

    __tablename__ = "shared_changes"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(16))
    row_id: Mapped[int | None] = mapped_column(Integer)
    key: Mapped[str | None] = mapped_column(String(80))


class SharedSaleLine(Base):
    """A sale line of another till of the outlet (record `sale_line`), for consignment settlements."""

    __tablename__ = "shared_sale_lines"
    __table_args__ = (Index("ix_shared_sale_lines_supplier_date", "supplier_id", "business_date"),)
    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    till: Mapped[str] = mapped_column(String(8))
    sale_uuid: Mapped[str] = mapped_column(String(36))
    line_no: Mapped[int] = mapped_column(Integer)
    business_date: Mapped[str] = mapped_column(String(10))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    qty: Mapped[int] = mapped_column(Integer)
    net: Mapped[int] = mapped_column(Integer)


class SharedRefundLine(Base):
    """A refund line of another till of the outlet (record `refund_line`), of one of its sale lines."""

    __tablename__ = "shared_refund_lines"
    __table_args__ = (Index("ix_shared_refund_lines_line_key", "line_key"),)
    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    till: Mapped[str] = mapped_column(String(8))
    line_key: Mapped[str] = mapped_column(String(36))
    refund_uuid: Mapped[str] = mapped_column(String(36))
    business_date: Mapped[str] = mapped_column(String(10))
    qty: Mapped[int] = mapped_column(Integer)
    refunded_at: Mapped[datetime]


class SharedApplying(Base):
    """Has a row only inside the transaction applying pulled records: the triggers then mark nothing."""

    __tablename__ = "shared_applying"
    id: Mapped[int] = mapped_column(primary_key=True)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    detail: Mapped[dict[str, Any]]


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any]


def is_managed(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's `include_object`: the FTS5 index tables and the report summaries (a cache,
    pos.services.reporting.summary) are made by raw SQL in a migration, not by a model, so autogenerate
    must neither drop nor compare them."""
    return not (type_ == "table" and name is not None and name.startswith(("products_fts", "report_")))
