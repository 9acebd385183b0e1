"""Sales over a period grouped one way (day, hour, product, category, producer, payment, cashier).

For every grouping the rows' gross, discount, refunds and net add up to the total, which is the
period's sale totals, sale discounts and refunds (so, over every sale, `report totals`):
- sales are charged to their business date, their hour (outlet time) and their cashier; a line's
  part of the sale (`net`, plus PPN added on top) to its product, the product's category and the
  producer the line was sold for;
- refunds to their own business date and hour, the user who paid them out, and the refunded lines'
  products; refunds are paid in cash (pos.services.shifts), so by payment they are on Tunai;
- by payment, each method's part is what it took net of change (change only comes from cash); the
  sale's discount is shared out in proportion, the remainder to the method that took most, which
  also counts the sale and its units. A Rp0 sale without payment is "Tanpa pembayaran".
`sales` (number of sales) adds up by day, hour, cashier and payment; by product, category and producer
it counts the sales that had one, so a sale of two categories counts in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from pos.core.payments import PAYMENT_LABELS, PaymentMethod
from pos.core.report_period import FILLED_DAYS, Period
from pos.db.uow import UnitOfWork
from pos.services.context import Actor
from pos.services.reporting.common import (
    Figures,
    OutletHeader,
    local_hour_sql,
    may_see_reports,
    outlet_header,
    utc_offset_minutes,
)

GROUPINGS = {
    "day": "Hari",
    "hour": "Jam",
    "product": "Produk",
    "category": "Kategori",
    "producer": "Produsen UMKM",
    "payment": "Cara bayar",
    "cashier": "Kasir",
}
WEEKDAYS = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")
NO_PAYMENT = "none"

# What a line charged the customer: its net plus PPN added on top (pos.core.pricing); adds up to sale totals.
_LINE_GROSS = "(sl.net + CASE WHEN sl.tax_mode = 'ppn_added' THEN sl.tax ELSE 0 END)"
_IN_PERIOD = "s.business_date BETWEEN :start AND :end"
_REFUNDS_IN_PERIOD = "r.business_date BETWEEN :start AND :end"

# sale-based groupings: the key of a sale, of a refund
_SALE_KEYS = {
    "day": ("s.business_date", "r.business_date"),
    "hour": (local_hour_sql("s.created_at"), local_hour_sql("r.created_at")),
    "cashier": ("s.cashier_id", "r.user_id"),
}
# line-based groupings: the key of a sale line (products `p` joined when needed)
_LINE_KEYS = {"product": "sl.product_id", "category": "p.category_id", "producer": "sl.supplier_id"}

_BY_SALE = f"""
SELECT {{key}} AS key, COUNT(*) AS n, SUM(s.total) AS gross, SUM(s.discount) AS discount
FROM sales s WHERE {_IN_PERIOD} GROUP BY 1
"""
_QTY_BY_SALE = f"""
SELECT {{key}} AS key, SUM(sl.qty) AS qty
FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id WHERE {_IN_PERIOD} GROUP BY 1
"""
_REFUNDS_BY_SALE = f"SELECT {{key}} AS key, SUM(r.total) AS amount FROM refunds r WHERE {_REFUNDS_IN_PERIOD}"
_BY_LINE = f"""
SELECT {{key}} AS key, COUNT(DISTINCT sl.sale_id) AS n, SUM(sl.qty) AS qty, SUM({_LINE_GROSS}) AS gross,
       SUM(sl.line_discount + sl.sale_discount_share) AS discount
FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id {{join}} WHERE {_IN_PERIOD} GROUP BY 1
"""
_REFUNDS_BY_LINE = f"""
SELECT {{key}} AS key, SUM(rl.amount) AS amount
FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id
JOIN sale_lines sl ON sl.id = rl.sale_line_id {{join}}
WHERE {_REFUNDS_IN_PERIOD}
"""
_TOTAL = f"""
SELECT COUNT(*) AS n, COALESCE(SUM(s.total), 0) AS gross, COALESCE(SUM(s.discount), 0) AS discount,
       COALESCE((SELECT SUM(sl.qty) FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id
                 WHERE {_IN_PERIOD}), 0) AS qty,
       COALESCE((SELECT SUM(r.total) FROM refunds r WHERE {_REFUNDS_IN_PERIOD}), 0) AS refunds
FROM sales s WHERE {_IN_PERIOD}
"""
_PAYMENTS = f"""
WITH took AS (
    SELECT s.id AS sale_id, s.total, s.discount, p.method,
           SUM(p.amount) - CASE WHEN p.method = 'cash' THEN s.change ELSE 0 END AS took, MIN(p.id) AS first
    FROM sales s JOIN payments p ON p.sale_id = s.id
    WHERE {_IN_PERIOD}
    GROUP BY s.id, p.method
), shared AS (
    SELECT sale_id, method, took, discount,
           CASE WHEN total = 0 THEN 0 ELSE discount * took / total END AS share,
           ROW_NUMBER() OVER (PARTITION BY sale_id ORDER BY took DESC, first) AS rank
    FROM took
), settled AS (
    SELECT sale_id, method, took, rank,
           share + CASE WHEN rank = 1 THEN discount - SUM(share) OVER (PARTITION BY sale_id) ELSE 0 END
               AS discount
    FROM shared
)
SELECT st.method AS key, SUM(st.rank = 1) AS sales,
       SUM(CASE WHEN st.rank = 1 THEN (SELECT SUM(qty) FROM sale_lines WHERE sale_id = st.sale_id) ELSE 0 END)
           AS qty,
       SUM(st.took) AS gross, SUM(st.discount) AS discount
FROM settled st GROUP BY st.method
"""
_UNPAID = f"""
SELECT COUNT(*) AS sales, COALESCE(SUM(s.discount), 0) AS discount,
       COALESCE(SUM((SELECT SUM(qty) FROM sale_lines WHERE sale_id = s.id)), 0) AS qty
FROM sales s WHERE {_IN_PERIOD} AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id)
"""


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, **self.figures.to_json()}


@dataclass(frozen=True)
class SalesReport:
    by: str
    period: Period
    outlet: OutletHeader
    rows: tuple[Row, ...]
    total: Figures
    previous: SalesReport | None = None

    @property
    def title(self) -> str:
        return f"Penjualan per {GROUPINGS[self.by].lower()}"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "report": "sales",
            "by": self.by,
            "outlet": {"code": self.outlet.code, "name": self.outlet.name},
            "period": self.period.to_json(),
            "rows": [row.to_json() for row in self.rows],
            "total": self.total.to_json(),
        }
        if self.previous is not None:
            before = self.previous
            out["previous"] = {"period": before.period.to_json(), "total": before.total.to_json()}
        return out


def sales_report(
    uow: UnitOfWork, actor: Actor | None, period: Period, by: str, *, compare: bool = True
) -> SalesReport:
    """The period's sales grouped `by`, with the previous period of the same length when `compare`."""
    may_see_reports(actor)
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}")
    outlet = outlet_header(uow)
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "offset": utc_offset_minutes(outlet.timezone, period.start),
    }
    conn = uow.session.connection()
    found: dict[Any, Figures] = {}

    def add(key: Any, figures: Figures) -> None:
        found[key] = found.get(key, Figures()) + figures

    if by in _SALE_KEYS:
        sale_key, refund_key = _SALE_KEYS[by]
        for r in conn.execute(text(_BY_SALE.format(key=sale_key)), params):
            add(r.key, Figures(sales=r.n, gross=r.gross, discount=r.discount))
        for r in conn.execute(text(_QTY_BY_SALE.format(key=sale_key)), params):
            add(r.key, Figures(qty=r.qty))
        refunds_sql = _REFUNDS_BY_SALE.format(key=refund_key)
    elif by in _LINE_KEYS:
        key = _LINE_KEYS[by]
        join = "JOIN products p ON p.id = sl.product_id" if key.startswith("p.") else ""
        for r in conn.execute(text(_BY_LINE.format(key=key, join=join)), params):
            add(r.key, Figures(sales=r.n, qty=r.qty, gross=r.gross, discount=r.discount))
        refunds_sql = _REFUNDS_BY_LINE.format(key=key, join=join)
    else:
        for r in conn.execute(text(_PAYMENTS), params):
            add(r.key, Figures(sales=r.sales, qty=r.qty, gross=r.gross, discount=r.discount))
        unpaid = conn.execute(text(_UNPAID), params).one()
        if unpaid.sales:
            add(NO_PAYMENT, Figures(sales=unpaid.sales, qty=unpaid.qty, discount=unpaid.discount))
        refunds_sql = _REFUNDS_BY_SALE.format(key="'cash'")
    for r in conn.execute(text(refunds_sql + " GROUP BY 1"), params):
        if r.amount:
            add(r.key, Figures(refunds=r.amount))
    if by == "day" and period.days <= FILLED_DAYS:
        for day in period.each_day():
            add(day.isoformat(), Figures())
    rows = _labelled(uow, by, found)
    total = _period_total(uow, params)
    before = period.previous() if compare else None
    previous = sales_report(uow, None, before, by, compare=False) if before is not None else None
    return SalesReport(by, period, outlet, rows, total, previous)


def _period_total(uow: UnitOfWork, params: dict[str, Any]) -> Figures:
    """The period's figures straight from the sales and refunds: what every grouping adds up to."""
    r = uow.session.connection().execute(text(_TOTAL), params).one()
    return Figures(int(r.n), int(r.qty), int(r.gross), int(r.discount), int(r.refunds))


def _labelled(uow: UnitOfWork, by: str, found: dict[Any, Figures]) -> tuple[Row, ...]:
    names = _names(uow, by, [k for k in found if k is not None])
    rows = []
    for key, figures in found.items():
        code, label = names(key)
        rows.append(Row(code, label, figures))
    if by in ("day", "hour"):
        rows.sort(key=lambda row: row.key)
    else:
        rows.sort(key=lambda row: (-row.figures.gross, -row.figures.net, row.label))
    return tuple(rows)


def _names(uow: UnitOfWork, by: str, keys: list[Any]) -> Any:
    """key -> (the row's key in JSON, its label)."""
    conn = uow.session.connection()
    if by == "day":
        from datetime import date

        def day(key: str) -> tuple[str, str]:
            d = date.fromisoformat(key)
            return key, f"{d:%d-%m-%Y} ({WEEKDAYS[d.weekday()]})"

        return day
    if by == "hour":
        return lambda key: (f"{int(key):02d}", f"{int(key):02d}.00-{int(key):02d}.59")
    if by == "payment":
        labels = {m.value: PAYMENT_LABELS[m] for m in PaymentMethod}
        return lambda key: (key, labels.get(key, "Tanpa pembayaran (Rp0)"))
    table, code, name, none = {
        "product": ("products", "code", "name", ("-", "Produk tidak dikenal")),
        "category": ("categories", "CAST(id AS TEXT)", "name", ("none", "Tanpa kategori")),
        "producer": ("suppliers", "code", "name", ("none", "Tanpa produsen")),
        "cashier": ("users", "username", "full_name", ("-", "Pengguna tidak dikenal")),
    }[by]
    known = (
        {
            r.id: (r.code, r.name)
            for r in conn.execute(text(f"SELECT id, {code} AS code, {name} AS name FROM {table}"))
        }
        if keys
        else {}
    )
    return lambda key: known.get(key, none)
