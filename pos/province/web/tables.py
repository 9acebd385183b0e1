"""A dashboard table as data: columns with a kind, rows as dicts; sorted and paged on the server, the
same rows (all of them, not a page) written to XLSX and PDF. Cells are formatted here once for the page
and the PDF; the XLSX keeps numbers as numbers. NIPs are masked for every role but admin."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pos.core.money import format_rupiah

Kind = Literal["text", "int", "money", "percent", "nip", "time"]
PAGE_SIZE = 50
SILENT_AFTER = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    kind: Kind = "text"

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "money", "percent")


@dataclass
class DataTable:
    name: str  # the export's file name and the query-string prefix of its sort and page
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    sort: str = ""
    descending: bool = False
    page: int = 1
    # a row's key whose true value marks the row (a till silent for more than 24 hours)
    highlight: str | None = None
    link: dict[str, str] = field(default_factory=dict)  # column key -> url prefix of the row's value
    empty: str = "Belum ada data."
    # Set when the query sorted and paged in SQL (a long agency list): `rows` is then that one page
    # (or every row, for an export) and `total` the count of all of them.
    total: int | None = None
    sortable: tuple[str, ...] | None = None  # None: every column

    @property
    def pages(self) -> int:
        return max(1, -(-(len(self.rows) if self.total is None else self.total) // PAGE_SIZE))

    @property
    def count(self) -> int:
        return len(self.rows) if self.total is None else self.total

    def visible(self) -> list[dict[str, Any]]:
        if self.total is not None:
            return self.rows
        page = min(max(self.page, 1), self.pages)
        return self.rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]


def arrange(table: DataTable, params: dict[str, str]) -> DataTable:
    """Sorts by `<name>_urut` (a column key, `-key` descending) and picks page `<name>_hal`."""
    if table.total is not None:  # sorted and paged by its query
        return table
    wanted = params.get(f"{table.name}_urut", "")
    descending = wanted.startswith("-")
    key = wanted.lstrip("-")
    if key in {c.key for c in table.columns}:
        table.sort, table.descending = key, descending
        table.rows.sort(key=lambda r: _sort_key(r.get(key)), reverse=descending)
    table.page = page_number(params, table.name)
    return table


def page_number(params: dict[str, str], name: str) -> int:
    try:
        return min(max(1, int(params.get(f"{name}_hal", "1"))), 10**6)
    except ValueError:
        return 1


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, bool | int | float):
        return (1, value)
    return (2, str(value).lower())


def mask_nip(nip: str | None) -> str:
    if not nip:
        return ""
    return "*" * (len(nip) - 4) + nip[-4:]


def wita(value: datetime | str | None) -> str:
    if not value:
        return "belum pernah"
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(ZoneInfo("Asia/Makassar")).strftime("%d/%m/%Y %H:%M WITA")


def is_silent(last_sync: datetime | str | None, now: datetime | None = None) -> bool:
    if not last_sync:
        return True
    moment = datetime.fromisoformat(last_sync) if isinstance(last_sync, str) else last_sync
    return (now or datetime.now(UTC)) - moment > SILENT_AFTER


def cell_text(column: Column, value: Any, show_nip: bool) -> str:
    if value is None:
        return "belum pernah" if column.kind == "time" else "-"
    if column.kind == "money":
        return format_rupiah(int(value))
    if column.kind == "int":
        return f"{int(value):,}".replace(",", ".")
    if column.kind == "percent":
        return f"{float(value):.1f}%".replace(".", ",")
    if column.kind == "nip":
        return str(value) if show_nip else mask_nip(str(value))
    if column.kind == "time":
        return wita(value)
    return str(value)


def cell_value(column: Column, value: Any, show_nip: bool) -> Any:
    """What an XLSX cell holds: numbers stay numbers (rupiah as whole numbers), the rest as text."""
    if value is None:
        return None
    if column.kind in ("money", "int"):
        return int(value)
    if column.kind == "percent":
        return round(float(value), 1)
    return cell_text(column, value, show_nip)


def percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0
