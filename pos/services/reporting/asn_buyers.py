"""ASN buyers in a period: how many, how much, how many reached the minimum, the biggest agencies.

A buyer's spending here is this till's sales to the NIP in the period minus the refunds of those
NIPs' sales made in the period. `reached` counts buyers whose spending here alone reached the
minimum; `reached_province` those whose province-wide total for the month (as last pulled from the
province, pos.services.asn) or their spending here reached it: the figure Dekranasda asks about.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from pos.core.report_period import Period
from pos.db.uow import UnitOfWork
from pos.services import asn
from pos.services.context import Actor
from pos.services.reporting.common import may_see_reports

UNREGISTERED = "Belum terdaftar"
TOP_AGENCIES = 10

_BUYERS = """
WITH spend AS (
    SELECT s.buyer_nip AS nip, COUNT(*) AS n, SUM(s.total) AS amount FROM sales s
    WHERE s.business_date BETWEEN :start AND :end AND s.buyer_nip IS NOT NULL GROUP BY 1
), back AS (
    SELECT s.buyer_nip AS nip, SUM(r.total) AS amount FROM refunds r JOIN sales s ON s.id = r.sale_id
    WHERE r.business_date BETWEEN :start AND :end AND s.buyer_nip IS NOT NULL GROUP BY 1
)
SELECT sp.nip, sp.n, sp.amount - COALESCE(b.amount, 0) AS spent, a.agency, pt.amount AS province
FROM spend sp LEFT JOIN back b ON b.nip = sp.nip LEFT JOIN asn_registry a ON a.nip = sp.nip
LEFT JOIN asn_period_totals pt ON pt.nip = sp.nip AND pt.period_key = :key
"""


@dataclass(frozen=True)
class AgencyRow:
    agency: str
    buyers: int
    sales: int
    amount: int
    reached: int

    def to_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "buyers": self.buyers,
            "sales": self.sales,
            "amount": self.amount,
            "reached": self.reached,
        }


@dataclass(frozen=True)
class AsnReport:
    period: Period
    minimum: int
    buyers: int
    sales: int
    amount: int
    reached: int
    reached_province: int
    agencies: tuple[AgencyRow, ...]  # the biggest first, at most TOP_AGENCIES
    previous: AsnReport | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "report": "asn",
            "period": self.period.to_json(),
            "minimum": self.minimum,
            "buyers": self.buyers,
            "sales": self.sales,
            "amount": self.amount,
            "reached": self.reached,
            "reached_province": self.reached_province,
            "agencies": [row.to_json() for row in self.agencies],
        }
        if self.previous is not None:
            out["previous"] = {
                "period": self.previous.period.to_json(),
                "buyers": self.previous.buyers,
                "amount": self.previous.amount,
                "reached": self.previous.reached,
            }
        return out


def asn_report(uow: UnitOfWork, actor: Actor | None, period: Period, *, compare: bool = True) -> AsnReport:
    may_see_reports(actor)
    minimum = asn.programme(uow).minimum
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "key": f"{period.start:%Y-%m}",  # the province's monthly key (pos.core.asn_period)
    }
    agencies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    buyers = sales = amount = reached = reached_province = 0
    for r in uow.session.connection().execute(text(_BUYERS), params):
        spent = int(r.spent)
        met = spent >= minimum
        buyers, sales, amount = buyers + 1, sales + int(r.n), amount + spent
        reached += met
        reached_province += met or int(r.province or 0) >= minimum
        row = agencies[r.agency or UNREGISTERED]
        row[0], row[1], row[2], row[3] = row[0] + 1, row[1] + int(r.n), row[2] + spent, row[3] + met
    top = sorted(agencies.items(), key=lambda item: (-item[1][2], item[0]))[:TOP_AGENCIES]
    before = period.previous() if compare else None
    return AsnReport(
        period=period,
        minimum=minimum,
        buyers=buyers,
        sales=sales,
        amount=amount,
        reached=reached,
        reached_province=reached_province,
        agencies=tuple(AgencyRow(name, *figures) for name, figures in top),
        previous=asn_report(uow, None, before, compare=False) if before is not None else None,
    )
