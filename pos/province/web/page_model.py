"""A dashboard page as data: its tables, figure cards and charts (rendered by templates/page.html and
exported by pos.province.web.exports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos.core.asn_period import AsnPeriod
from pos.core.errors import DomainError
from pos.province.web.tables import DataTable


class Forbidden(DomainError):
    """The page or the scope asked for is not this user's to read (HTTP 403)."""


@dataclass
class Chart:
    id: str
    kind: str  # Chart.js type: line, bar, doughnut
    title: str
    labels: list[str]
    series: list[dict[str, Any]]


@dataclass
class PageData:
    slug: str
    title: str
    period: AsnPeriod
    tables: list[DataTable] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    agency: str | None = None  # the agency page: its PDF is a letter to the head

    def table(self, name: str) -> DataTable:
        for table in self.tables:
            if table.name == name:
                return table
        raise Forbidden(f"Tabel {name} tidak ada di halaman ini")
