"""Report tables to an Excel workbook: one sheet per table, outlet and period in the title rows, a
frozen header, rupiah as real numbers with a rupiah number format, and every figure (totals
included) a value, never a formula. openpyxl is imported here only, when someone exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pos.services.reporting.common import OutletHeader
from pos.services.reporting.tables import Table

RUPIAH_FORMAT = '"Rp"#,##0;-"Rp"#,##0'
HEADER_ROW = 4  # title, period, note (or blank), then the header


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)[:31].strip()
    name, n = cleaned, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def write_xlsx(path: str | Path, outlet: OutletHeader, tables: Sequence[Table]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.title, taken))
        sheet.append([f"{outlet.name} - {table.title}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([f"Periode: {table.period}"])
        sheet.append([" / ".join(table.notes)] if table.notes else [])
        sheet.append(list(table.headers))
        for cell in sheet[HEADER_ROW]:
            cell.font, cell.fill = bold, header_fill
        for row in table.rows:
            sheet.append(list(row))
        if table.total is not None:
            sheet.append(list(table.total))
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        for column in table.money:
            letter = get_column_letter(column + 1)
            for cell in sheet[letter][HEADER_ROW:]:
                cell.number_format = RUPIAH_FORMAT
        for index, header in enumerate(table.headers):
            values = [len(str(r[index])) for r in table.rows[:200] if r[index] is not None]
            width = max([len(header), *values]) + (4 if index in table.money else 2)
            sheet.column_dimensions[get_column_letter(index + 1)].width = min(width, 48)
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    if not tables:
        book.create_sheet("Laporan")
    book.save(str(path))
