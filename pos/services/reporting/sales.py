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
`sales` (number of sales) adds up by day, hour, cashier and payment; by product and producer it counts
the sales that had one (a sale of two producers counts for both), by category the sales of each of
its products (a sale of two woven cloths counts twice for Tenun).
Past the summaries (pos.services.reporting.summary) the newest sales are added up live.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from pos.core.payments import PAYMENT_LABELS, PaymentMethod
from pos.core.report_period import FILLED_DAYS, Period
from pos.db.uow import UnitOfWork
from pos.services.context import Actor
from pos.services.reporting import summary
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


def lower_first(label: str) -> str:
    """`Produsen UMKM` -> `produsen UMKM`: the label inside a sentence, its acronym kept."""
    return label[:1].lower() + label[1:]


WEEKDAYS = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")

# What a line charged the customer: its net plus PPN added on top (pos.core.pricing); adds up to sale totals.
_LINE_GROSS = "(sl.net + CASE WHEN sl.tax_mode = 'ppn_added' THEN sl.tax ELSE 0 END)"
# Sales past the summaries' mark (pos.services.reporting.summary), found by their key: `+` keeps SQLite
# from walking the business-date index over the whole period instead.
_LIVE = "s.id > :mark AND +s.business_date BETWEEN :start AND :end"
_REFUNDS_IN_PERIOD = "r.business_date BETWEEN :start AND :end"

# sale-based groupings: the key in report_sales_days `d`, of a live sale `s`, of a refund `r`
_SALE_KEYS = {
    "day": ("d.day", "s.business_date", "r.business_date"),
    "hour": (
        "(((d.utc_hour * 60 + :offset) % 1440 + 1440) % 1440 / 60)",
        local_hour_sql("s.created_at"),
        local_hour_sql("r.created_at"),
    ),
    "cashier": ("d.cashier_id", "s.cashier_id", "r.user_id"),
}
_LINE_DIMS = ("product", "category", "producer")

_SUMMED_SALES = """
SELECT {key} AS key, SUM(d.sales) AS n, SUM(d.qty) AS qty, SUM(d.gross) AS gross, SUM(d.discount) AS discount
FROM report_sales_days d WHERE d.day BETWEEN :start AND :end GROUP BY 1
"""
_LIVE_SALES = f"""
SELECT {{key}} AS key, COUNT(*) AS n, SUM((SELECT SUM(qty) FROM sale_lines WHERE sale_id = s.id)) AS qty,
       SUM(s.total) AS gross, SUM(s.discount) AS discount
FROM sales s WHERE {_LIVE} GROUP BY 1
"""
_REFUNDS_BY_SALE = f"SELECT {{key}} AS key, SUM(r.total) AS amount FROM refunds r WHERE {_REFUNDS_IN_PERIOD}"
# line-based groupings go through (product, producer): a category is the product's current one
_SUMMED_LINES = """
SELECT d.product_id AS pid, NULLIF(d.supplier_id, 0) AS sid, SUM(d.sales) AS n, SUM(d.qty) AS qty,
       SUM(d.gross) AS gross, SUM(d.discount) AS discount
FROM report_line_days d WHERE d.day BETWEEN :start AND :end GROUP BY 1, 2
"""
_LIVE_LINES = f"""
SELECT pid, sid, SUM(n) AS n, SUM(qty) AS qty, SUM(gross) AS gross, SUM(discount) AS discount FROM (
    SELECT sl.product_id AS pid, sl.supplier_id AS sid, COUNT(DISTINCT sl.sale_id) AS n, SUM(sl.qty) AS qty,
           SUM({_LINE_GROSS}) AS gross, SUM(sl.line_discount + sl.sale_discount_share) AS discount
    FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id WHERE {_LIVE} GROUP BY s.business_date, 1, 2
) GROUP BY 1, 2
"""
_REFUNDS_BY_LINE = f"""
SELECT sl.product_id AS pid, sl.supplier_id AS sid, SUM(rl.amount) AS amount
FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN sale_lines sl ON sl.id = rl.sale_line_id
WHERE {_REFUNDS_IN_PERIOD} GROUP BY 1, 2
"""
_SUMMED_PAYMENTS = """
SELECT d.method AS key, SUM(d.sales) AS n, SUM(d.qty) AS qty, SUM(d.gross) AS gross,
       SUM(d.discount) AS discount
FROM report_payment_days d WHERE d.day BETWEEN :start AND :end GROUP BY 1
"""
_TOTAL = f"""
SELECT COALESCE(SUM(sales), 0) AS n, COALESCE(SUM(qty), 0) AS qty, COALESCE(SUM(gross), 0) AS gross,
       COALESCE(SUM(discount), 0) AS discount,
       (SELECT COALESCE(SUM(r.total), 0) FROM refunds r WHERE {_REFUNDS_IN_PERIOD}) AS refunds
FROM report_sales_days WHERE day BETWEEN :start AND :end
UNION ALL
SELECT COUNT(*), COALESCE(SUM((SELECT SUM(qty) FROM sale_lines WHERE sale_id = s.id)), 0),
       COALESCE(SUM(s.total), 0), COALESCE(SUM(s.discount), 0), 0
FROM sales s WHERE {_LIVE}
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
        return f"Penjualan per {lower_first(GROUPINGS[self.by])}"

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
    params["mark"] = summary.marks(uow)[0]
    conn = uow.session.connection()
    found: dict[Any, Figures] = {}

    def add(key: Any, figures: Figures) -> None:
        found[key] = found.get(key, Figures()) + figures

    def figures_of(r: Any) -> Figures:
        return Figures(sales=r.n, qty=r.qty or 0, gross=r.gross or 0, discount=r.discount or 0)

    if by in _SALE_KEYS:
        summed_key, live_key, refund_key = _SALE_KEYS[by]
        for sql in (_SUMMED_SALES.format(key=summed_key), _LIVE_SALES.format(key=live_key)):
            for r in conn.execute(text(sql), params):
                add(r.key, figures_of(r))
        for r in conn.execute(text(_REFUNDS_BY_SALE.format(key=refund_key) + " GROUP BY 1"), params):
            add(r.key, Figures(refunds=r.amount or 0))
    elif by in _LINE_DIMS:
        key_of = _line_key(uow, by)
        for sql in (_SUMMED_LINES, _LIVE_LINES):
            for r in conn.execute(text(sql), params):
                add(key_of(r.pid, r.sid), figures_of(r))
        for r in conn.execute(text(_REFUNDS_BY_LINE), params):
            add(key_of(r.pid, r.sid), Figures(refunds=r.amount or 0))
    else:
        for r in conn.execute(text(_SUMMED_PAYMENTS), params):
            add(r.key, figures_of(r))
        for r in conn.execute(text(summary.payments_sql(_LIVE)), params):
            add(
                r.method, Figures(sales=r.sales, qty=r.qty or 0, gross=r.gross or 0, discount=r.discount or 0)
            )
        for r in conn.execute(text(_REFUNDS_BY_SALE.format(key="'cash'") + " GROUP BY 1"), params):
            add(r.key, Figures(refunds=r.amount or 0))
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
    total = Figures()
    for r in uow.session.connection().execute(text(_TOTAL), params):
        total = total + Figures(int(r.n), int(r.qty), int(r.gross), int(r.discount), int(r.refunds))
    return total


def _line_key(uow: UnitOfWork, by: str) -> Any:
    """(product id, producer id) -> the row's key for a line-based grouping."""
    if by == "product":
        return lambda pid, sid: pid
    if by == "producer":
        return lambda pid, sid: sid
    category: dict[int, int | None] = dict(
        uow.session.connection().execute(text("SELECT id, category_id FROM products")).all()
    )
    return lambda pid, sid: category.get(pid)


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
