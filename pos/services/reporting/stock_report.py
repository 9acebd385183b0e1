"""Stock as the manager counts it: value at cost, low stock, goods not sold for N days, sold below zero.

On hand is the sum of the ledger (`stock_movements`; summed up to a mark in `report_stock`). Value at
cost is on hand x the product's purchase price for goods with stock and a price; consigned goods
without a purchase price are the producer's until sold, so they are counted (units) but have no value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from pos.core.timeutil import local_time
from pos.db.uow import UnitOfWork
from pos.services.context import Actor
from pos.services.reporting import summary
from pos.services.reporting.common import may_see_reports, outlet_header

DEFAULT_IDLE_DAYS = 30

# The ledger summed up to the mark (report_stock, pos.services.reporting.summary) plus the movements
# past it, found by their key.
_LEVELS = """
SELECT p.id, p.code, p.name, p.unit, p.cost, p.min_stock, s.name AS producer,
       COALESCE(rs.on_hand, 0) + COALESCE(l.qty, 0) AS on_hand,
       CASE WHEN COALESCE(l.last_sold, '') > COALESCE(rs.last_sold, '') THEN l.last_sold ELSE rs.last_sold END
           AS last_sold
FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id
LEFT JOIN report_stock rs ON rs.product_id = p.id
LEFT JOIN (SELECT product_id, SUM(qty) AS qty, MAX(CASE WHEN kind = 'sale' THEN created_at END) AS last_sold
           FROM stock_movements WHERE id > :mark GROUP BY product_id) l ON l.product_id = p.id
WHERE p.active
"""


@dataclass(frozen=True)
class StockRow:
    code: str
    name: str
    producer: str
    unit: str
    on_hand: int
    min_stock: int
    cost: int | None
    last_sold: date | None  # business date of the newest sale, None if never sold

    @property
    def value(self) -> int:
        return self.on_hand * self.cost if self.cost is not None and self.on_hand > 0 else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "producer": self.producer,
            "on_hand": self.on_hand,
            "min_stock": self.min_stock,
            "cost": self.cost,
            "value": self.value,
            "last_sold": self.last_sold.isoformat() if self.last_sold else None,
        }


@dataclass(frozen=True)
class StockReport:
    today: date
    idle_days: int
    products: int
    units: int  # units on hand, of goods with stock
    value: int  # at cost
    without_cost: int  # products with stock but no purchase price (consigned goods)
    low: tuple[StockRow, ...]
    idle: tuple[StockRow, ...]
    below_zero: tuple[StockRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "report": "stock",
            "today": self.today.isoformat(),
            "idle_days": self.idle_days,
            "products": self.products,
            "units": self.units,
            "value": self.value,
            "without_cost": self.without_cost,
            "low": [row.to_json() for row in self.low],
            "idle": [row.to_json() for row in self.idle],
            "below_zero": [row.to_json() for row in self.below_zero],
        }


def _stored_time(value: str | None) -> datetime | None:
    """A time as stored (ISO text in UTC, pos.db.types.UtcDateTime) read by plain SQL."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def stock_report(
    uow: UnitOfWork, actor: Actor | None, today: date, idle_days: int = DEFAULT_IDLE_DAYS
) -> StockReport:
    may_see_reports(actor)
    zone = outlet_header(uow).timezone
    rows = []
    for r in uow.session.connection().execute(text(_LEVELS), {"mark": summary.marks(uow)[1]}):
        sold = _stored_time(r.last_sold)
        rows.append(
            StockRow(
                r.code,
                r.name,
                r.producer or "",
                r.unit,
                int(r.on_hand),
                int(r.min_stock),
                None if r.cost is None else int(r.cost),
                local_time(sold, zone).date() if sold else None,
            )
        )
    since = today - timedelta(days=idle_days)
    stocked = [row for row in rows if row.on_hand > 0]
    return StockReport(
        today=today,
        idle_days=idle_days,
        products=len(rows),
        units=sum(row.on_hand for row in stocked),
        value=sum(row.value for row in stocked),
        without_cost=sum(1 for row in stocked if row.cost is None),
        low=tuple(
            sorted(
                (r for r in rows if r.min_stock > 0 and r.on_hand <= r.min_stock),
                key=lambda r: (r.on_hand - r.min_stock, r.name),
            )
        ),
        idle=tuple(
            sorted(
                (r for r in stocked if r.last_sold is None or r.last_sold < since),
                key=lambda r: (r.last_sold or date.min, r.name),
            )
        ),
        below_zero=tuple(sorted((r for r in rows if r.on_hand < 0), key=lambda r: (r.on_hand, r.name))),
    )
