"""Product files on disk: the rows of a CSV or XLSX as text, and the export written back in the same form.

Reading never lets a damaged file escape as a traceback: an unreadable file is `ImportRefused` (one
message), text in the wrong encoding becomes U+FFFD so the importer can name the rows it spoils.

Cells starting with `=`, `+`, `-` or `@` would run as formulas when the file is opened in a spreadsheet
(CSV injection). The export writes them in CSV with a leading `'` and in XLSX as text cells; reading
removes that `'` again, so an export imports back unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.core.errors import DomainError
from pos.core.money import InvalidAmount, parse_rupiah
from pos.services.products import MAX_PRICE

COLUMNS = (
    "kode", "barcode", "nama", "kategori", "produsen", "satuan", "harga", "harga_pokok", "harga_titip",
    "pajak", "titip", "aktif", "stok_min",
)  # fmt: skip
REQUIRED = ("nama", "harga")
FORMULA_STARTS = ("=", "+", "-", "@")
# A `'` before these marks an escaped cell; `'` itself is included so that text which really starts
# with `'=` survives the round trip too (it is written as `''=`).
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")
UNREADABLE = "\ufffd"  # what bytes that are not UTF-8 decode to
_YES = {"ya", "y", "1", "true", "benar"}
_NO = {"tidak", "t", "n", "0", "false", "salah", ""}
_MAX_COUNT_DIGITS = 9  # SQLite integers are 64-bit; no shelf needs a billion units
Progress = Callable[[int, int], None]
Cell = str | int


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Baris {self.line}: {self.reason}"


class ImportRefused(DomainError):
    """The file cannot be imported; `errors` lists every bad row (nothing was written)."""

    def __init__(self, message: str, errors: tuple[RowError, ...] = ()) -> None:
        super().__init__(message)
        self.errors = errors


def escape(text: str) -> str:
    """Text as a CSV cell a spreadsheet shows instead of running: "=1+1" -> "'=1+1"."""
    if text.startswith(FORMULA_STARTS) or unescape(text) != text:
        return "'" + text
    return text


def unescape(text: str) -> str:
    """The text an escaped cell stands for: "'=1+1" -> "=1+1"; anything else is returned as it is."""
    if len(text) > 1 and text[0] == "'" and text[1] in _ESCAPED_STARTS:
        return text[1:]
    return text


def read_table(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) per data row, after the header row. CSV (`,` `;` or tab) or XLSX.

    Blank rows before the header are skipped; a file with no rows at all yields nothing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        yield from _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        yield from _read_csv(path)
    else:
        raise ImportRefused(f"Format {suffix or 'tanpa akhiran'} tidak didukung: pakai .csv atau .xlsx.")


def _header(cells: list[str]) -> list[str]:
    names = [c.strip().lower().replace(" ", "_") for c in cells]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        hint = ""
        if any(UNREADABLE in c or "\x00" in c for c in cells):
            hint = " File ini bukan teks UTF-8: simpan ulang sebagai 'CSV UTF-8' atau .xlsx."
        raise ImportRefused(f"Kolom wajib tidak ada di baris judul: {', '.join(missing)}.{hint}")
    return names


def _rows(numbered: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, dict[str, str]]]:
    header: list[str] | None = None
    for line, cells in numbered:
        texts = [unescape(c.strip()) for c in cells]
        if not any(texts):
            continue
        if header is None:
            header = _header(texts)
        else:
            yield line, dict(zip(header, texts, strict=False))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; bad bytes become U+FFFD, never an exception."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    text = _decode(path.read_bytes())
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = [(reader.line_num, cells) for cells in reader]
    except csv.Error as error:  # e.g. a field over the csv module's size limit
        raise ImportRefused(f"File CSV tidak bisa dibaca di baris {reader.line_num + 1}: {error}") from None
    yield from _rows(iter(table))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps barcodes and prices typed as numbers
    return str(value)


def _read_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook  # only needed when someone imports a spreadsheet

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception:  # a damaged zip or sheet raises any of a dozen types; all of them mean "broken"
        raise ImportRefused(_broken(path)) from None
    try:
        rows = workbook.active.iter_rows(values_only=True)
        # The sheet is read lazily, so a truncated file can fail half-way: collect it all here.
        table = [(number, [_cell(c) for c in cells]) for number, cells in enumerate(rows, start=1)]
    except Exception:  # as above
        raise ImportRefused(_broken(path)) from None
    finally:
        workbook.close()
    yield from _rows(iter(table))


def _broken(path: Path) -> str:
    return f"File {path.name} rusak atau bukan file Excel (.xlsx): simpan ulang dari spreadsheet, coba lagi."


# --- cells -> values: a bad cell is a DomainError, which the importer reports with the row's line ---


def amount_cell(text: str, label: str, *, optional: bool) -> int | None:
    if not text:
        if optional:
            return None
        raise DomainError(f"{label} wajib diisi")
    if text.lstrip().startswith("-"):
        raise DomainError(f"{label} tidak boleh negatif ({text})")
    try:
        value = parse_rupiah(text)
    except InvalidAmount as error:
        raise DomainError(f"{label}: {error}") from None
    if value > MAX_PRICE:
        raise DomainError(f"{label} terlalu besar ({text})")
    return value


def flag_cell(text: str, label: str, default: bool) -> bool:
    low = text.strip().lower()
    if not low:
        return default
    if low in _YES:
        return True
    if low in _NO:
        return False
    raise DomainError(f"{label} harus 'ya' atau 'tidak', bukan '{text}'")


def count_cell(text: str, label: str) -> int:
    """A whole number of units, 0 when empty."""
    text = text.strip() or "0"
    # Only ASCII digits: str.isdigit() is also true for "²", which int() then refuses.
    if not text.isascii() or not text.isdigit():
        raise DomainError(f"{label} '{text}' harus bilangan bulat tidak negatif")
    if len(text.lstrip("0")) > _MAX_COUNT_DIGITS:
        raise DomainError(f"{label} '{text}' terlalu besar")
    return int(text)


def write_table(path: Path, table: Sequence[Sequence[Cell]], progress: Progress | None = None) -> None:
    """COLUMNS then `table` as CSV (UTF-8 with BOM, which Excel opens correctly) or XLSX, by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportRefused("Ekspor hanya ke .csv atau .xlsx.")
    # Written beside and then renamed: a full disk never leaves half a catalog under the real name.
    partial = path.with_name(f".{path.name}.partial")
    try:
        if suffix == ".xlsx":
            partial.write_bytes(_xlsx_bytes(table, progress))
        else:
            with partial.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(COLUMNS)
                writer.writerows([escape(v) if isinstance(v, str) else v for v in row] for row in table)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    if progress is not None:
        progress(len(table), len(table))


def _xlsx_bytes(table: Sequence[Sequence[Cell]], progress: Progress | None) -> bytes:
    """The workbook in memory: openpyxl never sees the target path, so a bad path is one clean OSError."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Produk")

    def text_cell(text: str) -> Any:
        # openpyxl stores any string starting with "=" as a formula; a typed text cell with the quote
        # prefix style is shown as text and stays text when someone edits it in Excel.
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def value(v: Cell) -> Any:
        if not isinstance(v, str):
            return v
        if v.startswith(FORMULA_STARTS):
            return text_cell(v)
        return "'" + v if unescape(v) != v else v

    sheet.append(list(COLUMNS))
    for index, row in enumerate(table, start=1):
        sheet.append([value(v) for v in row])
        if progress is not None and index % 1000 == 0:
            progress(index, len(table))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
