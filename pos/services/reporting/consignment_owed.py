"""What the outlet owes each consignment producer since that producer's last payout, up to today.

The settlement itself is pos.services.consignment.settle (the same figures as the Titip jual tab and
the producer's statement): here only the period changes, from the day after the last paid period
(or the producer's first sale) to today, and the units and net sold come from the report summaries
(report_line_days plus the sales past their mark, pos.services.reporting.summary) in one pass per
period instead of one walk of the sale lines per producer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from pos.db.uow import UnitOfWork
from pos.services import consignment
from pos.services.context import Actor
from pos.services.reporting import summary

_SINCE = """
SELECT s.id, (SELECT MAX(p.period_end) FROM supplier_payouts p WHERE p.supplier_id = s.id) AS paid_to,
       (SELECT sa.business_date FROM sales sa  -- the first sale: one seek in ix_sale_lines_supplier_sale
        WHERE sa.id = (SELECT MIN(sl.sale_id) FROM sale_lines sl WHERE sl.supplier_id = s.id)) AS first_sale
FROM suppliers s WHERE s.consignment ORDER BY s.name
"""

# (producer, product) -> units and net sold in a period: summed days plus the sales past the mark
_SOLD = """
SELECT sid, pid, SUM(qty) AS qty, SUM(net) AS net FROM (
    SELECT d.supplier_id AS sid, d.product_id AS pid, SUM(d.qty) AS qty, SUM(d.net) AS net
    FROM report_line_days d WHERE d.day BETWEEN :start AND :end AND d.supplier_id > 0 GROUP BY 1, 2
    UNION ALL
    SELECT sl.supplier_id, sl.product_id, SUM(sl.qty), SUM(sl.net)
    FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id
    WHERE s.id > :mark AND +s.business_date BETWEEN :start AND :end AND sl.supplier_id IS NOT NULL
    GROUP BY 1, 2
) GROUP BY 1, 2
"""


@dataclass(frozen=True)
class OwedRow:
    code: str
    name: str
    since: date
    qty: int
    gross: int
    commission: int
    owed: int
    last_paid_to: date | None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "since": self.since.isoformat(),
            "qty": self.qty,
            "gross": self.gross,
            "commission": self.commission,
            "owed": self.owed,
            "last_paid_to": self.last_paid_to.isoformat() if self.last_paid_to else None,
        }


def consignment_owed(uow: UnitOfWork, actor: Actor, today: date) -> list[OwedRow]:
    """Producers with something owed first (largest first), then the rest by name."""
    rows = []
    mark = summary.marks(uow)[0]
    sold_in: dict[date, dict[int, dict[int, tuple[int, int]]]] = {}
    for r in uow.session.connection().execute(text(_SINCE)).all():
        paid_to = date.fromisoformat(r.paid_to) if r.paid_to else None
        first_sale = date.fromisoformat(r.first_sale) if r.first_sale else today
        since = paid_to + timedelta(days=1) if paid_to else first_sale
        if since > today:
            continue  # paid up to today
        if since not in sold_in:
            sold_in[since] = _sold(uow, since, today, mark)
        found = consignment.settle(uow, actor, r.id, since, today, sold=sold_in[since].get(r.id, {}))
        rows.append(
            OwedRow(
                found.supplier_code,
                found.supplier_name,
                since,
                found.qty,
                found.gross,
                found.commission,
                found.owed,
                paid_to,
            )
        )
    return sorted(rows, key=lambda row: (row.owed == 0, -row.owed, row.name))


def _sold(uow: UnitOfWork, start: date, end: date, mark: int) -> dict[int, dict[int, tuple[int, int]]]:
    out: dict[int, dict[int, tuple[int, int]]] = {}
    params = {"start": start.isoformat(), "end": end.isoformat(), "mark": mark}
    for r in uow.session.connection().execute(text(_SOLD), params):
        out.setdefault(int(r.sid), {})[int(r.pid)] = (int(r.qty), int(r.net))
    return out
