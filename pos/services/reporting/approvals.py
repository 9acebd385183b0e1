"""Refunds, voids, discounts and price overrides in a period, each with who did it and who approved.

- refunds: `refunds.user_id` paid it out, `refunds.approved_by` (always a manager) approved it;
- voids: the audit log's `void.line` / `void.cart` entries, with the approver named in their detail
  (none when the outlet lets cashiers void alone, pos.services.voids);
- discounts: sales with a discount; `sales.approved_by` is the manager whose PIN allowed a discount
  or price cut above the outlet's limits (none: within the limits, pos.services.approvals);
- price overrides: sale lines sold at another price than the product's list price at the time,
  the amount being (list price - price) x units (negative when sold above the list price).
Rows are grouped by (kind, cashier, approver): how often and how much.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from pos.core.report_period import Period
from pos.db.uow import UnitOfWork
from pos.services.context import Actor
from pos.services.reporting import summary
from pos.services.reporting.common import may_see_reports, utc_bounds

KINDS = {"refund": "Refund", "void": "Pembatalan", "discount": "Diskon", "price": "Ubah harga"}
NO_APPROVER = "-"

_REFUNDS = """
SELECT r.user_id AS who, r.approved_by AS approver, COUNT(*) AS n, SUM(r.total) AS amount
FROM refunds r WHERE r.business_date BETWEEN :start AND :end GROUP BY 1, 2
"""
# discounts and price overrides: the summed days (pos.services.reporting.summary) plus the sales past the mark
_SUMMED = """
SELECT d.kind, d.cashier_id AS who, NULLIF(d.approved_by, 0) AS approver, SUM(d.count) AS n,
       SUM(d.amount) AS amount
FROM report_approval_days d WHERE d.day BETWEEN :start AND :end GROUP BY 1, 2, 3
"""
_LIVE = """
SELECT 'discount' AS kind, s.cashier_id AS who, s.approved_by AS approver, COUNT(*) AS n,
       SUM(s.discount) AS amount
FROM sales s WHERE s.id > :mark AND +s.business_date BETWEEN :start AND :end AND s.discount > 0
GROUP BY 1, 2, 3
UNION ALL
SELECT 'price', s.cashier_id, s.approved_by, COUNT(*), SUM((sl.list_price - sl.unit_price) * sl.qty)
FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id
WHERE s.id > :mark AND +s.business_date BETWEEN :start AND :end AND sl.unit_price != sl.list_price
GROUP BY 1, 2, 3
"""
# voids leave no sale: the audit log has them, with the approver's username and the line's amount
# (`amount`) or the cart's total (`total`) in the detail (pos.ui.checkout_actions)
_VOIDS = """
SELECT a.user_id AS who, json_extract(a.detail, '$.approved_by') AS approver, COUNT(*) AS n,
       SUM(COALESCE(json_extract(a.detail, '$.amount'), json_extract(a.detail, '$.total'), 0)) AS amount
FROM audit_log a WHERE a.action IN ('void.line', 'void.cart') AND a.at >= :first AND a.at < :after
GROUP BY 1, 2
"""


@dataclass(frozen=True)
class ApprovalRow:
    kind: str
    cashier: str
    approved_by: str
    count: int
    amount: int

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "cashier": self.cashier,
            "approved_by": None if self.approved_by == NO_APPROVER else self.approved_by,
            "count": self.count,
            "amount": self.amount,
        }


@dataclass(frozen=True)
class ApprovalsReport:
    period: Period
    rows: tuple[ApprovalRow, ...]

    def totals(self) -> dict[str, tuple[int, int]]:
        """kind -> (count, amount)."""
        out = {kind: (0, 0) for kind in KINDS}
        for row in self.rows:
            count, amount = out[row.kind]
            out[row.kind] = (count + row.count, amount + row.amount)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "report": "approvals",
            "period": self.period.to_json(),
            "rows": [row.to_json() for row in self.rows],
            "total": {kind: {"count": c, "amount": a} for kind, (c, a) in self.totals().items()},
        }


def approvals_report(uow: UnitOfWork, actor: Actor | None, period: Period, zone: str) -> ApprovalsReport:
    may_see_reports(actor)
    conn = uow.session.connection()
    first, after = utc_bounds(zone, period.start, period.end)
    params: dict[str, Any] = {
        "start": str(period.start),
        "end": str(period.end),
        "first": first,
        "after": after,
    }
    params["mark"] = summary.marks(uow)[0]
    users = {r.id: r.username for r in conn.execute(text("SELECT id, username FROM users"))}
    found: dict[tuple[str, str, str], tuple[int, int]] = {}

    def add(kind: str, who: str, approver: str | None, count: int, amount: int) -> None:
        key = (kind, who, approver or NO_APPROVER)
        before = found.get(key, (0, 0))
        found[key] = (before[0] + count, before[1] + amount)

    for r in conn.execute(text(_REFUNDS), params):
        add("refund", users.get(r.who, "-"), users.get(r.approver), int(r.n), int(r.amount or 0))
    for r in conn.execute(text(_VOIDS), params):  # the approver's username is in the audit detail
        add("void", users.get(r.who, "-"), r.approver, int(r.n), int(r.amount or 0))
    for sql in (_SUMMED, _LIVE):
        for r in conn.execute(text(sql), params):
            add(r.kind, users.get(r.who, "-"), users.get(r.approver), int(r.n), int(r.amount or 0))
    rows = [
        ApprovalRow(kind, who, approver, n, amount) for (kind, who, approver), (n, amount) in found.items()
    ]
    rows.sort(key=lambda row: (list(KINDS).index(row.kind), -row.amount, row.cashier))
    return ApprovalsReport(period, tuple(rows))
