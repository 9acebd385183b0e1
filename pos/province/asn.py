"""The ASN registry (import from CSV, changes since a cursor) and ASN spending per period.

Every inserted or changed registry row takes the next number of the `asn_seq` counter, in the
importing transaction and under its row lock, so "changes since N" never skips a row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, func, insert, literal, select, union_all, update

from pos.core.asn_period import AsnPeriod
from pos.core.nip import InvalidNip, parse_nip
from pos.province.schema import asn, asn_period_totals, counters, refunds, sales
from pos.sync.protocol import AsnChangesJson, AsnEntryJson, PeriodTotalJson, PeriodTotalsJson

_ACTIVE_WORDS = {
    "1": True,
    "ya": True,
    "aktif": True,
    "true": True,
    "y": True,
    "0": False,
    "tidak": False,
    "nonaktif": False,
    "false": False,
    "n": False,
}


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


@dataclass(slots=True)
class ImportReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)


def _next_seq_block(conn: Connection, count: int) -> int:
    """Reserve `count` sequence numbers; returns the first. The UPDATE holds the row lock to commit."""
    if conn.execute(select(counters.c.value).where(counters.c.name == "asn_seq")).first() is None:
        conn.execute(insert(counters).values(name="asn_seq", value=0))
    conn.execute(update(counters).where(counters.c.name == "asn_seq").values(value=counters.c.value + count))
    last: int = conn.execute(select(counters.c.value).where(counters.c.name == "asn_seq")).scalar_one()
    return last - count + 1


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = [
        (number, [cell.strip() for cell in row])
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
        if any(cell.strip() for cell in row)
    ]
    if rows and "nip" in rows[0][1][0].lower() and not any(ch.isdigit() for ch in rows[0][1][0]):
        rows = rows[1:]  # header row
    return rows


def import_asn_csv(conn: Connection, text: str) -> ImportReport:
    """Columns: NIP, nama, instansi/OPD, kabupaten[, aktif]. Bad rows are reported, good rows stored."""
    report = ImportReport()
    wanted: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for line, cells in _read_rows(text):
        if len(cells) < 4:
            report.errors.append(RowError(line, "kolom kurang: perlu NIP, nama, instansi, kabupaten"))
            continue
        try:
            nip = parse_nip(cells[0]).digits
        except InvalidNip as error:
            report.errors.append(RowError(line, f"NIP '{cells[0]}' tidak sah: {error}"))
            continue
        name, agency, kabupaten = cells[1], cells[2], cells[3]
        if not name or not agency or not kabupaten:
            report.errors.append(RowError(line, "nama, instansi dan kabupaten wajib diisi"))
            continue
        if max(len(name), len(agency)) > 200 or len(kabupaten) > 100:
            report.errors.append(RowError(line, "isian terlalu panjang"))
            continue
        active = True
        if len(cells) > 4 and cells[4]:
            if cells[4].lower() not in _ACTIVE_WORDS:
                report.errors.append(RowError(line, f"kolom aktif '{cells[4]}' tidak dikenal (ya/tidak)"))
                continue
            active = _ACTIVE_WORDS[cells[4].lower()]
        if nip in wanted:
            report.errors.append(RowError(line, f"NIP {nip} ganda (sudah ada di baris {first_line[nip]})"))
            continue
        first_line[nip] = line
        wanted[nip] = {"nip": nip, "name": name, "agency": agency, "kabupaten": kabupaten, "active": active}
    existing: dict[str, tuple[str, str, str, bool]] = {}
    nips = list(wanted)
    for start in range(0, len(nips), 1000):
        chunk = nips[start : start + 1000]
        for row in conn.execute(
            select(asn.c.nip, asn.c.name, asn.c.agency, asn.c.kabupaten, asn.c.active).where(
                asn.c.nip.in_(chunk)
            )
        ):
            existing[row.nip] = (row.name, row.agency, row.kabupaten, row.active)
    new_rows = [row for nip, row in wanted.items() if nip not in existing]
    changed = [
        row
        for nip, row in wanted.items()
        if nip in existing and existing[nip] != (row["name"], row["agency"], row["kabupaten"], row["active"])
    ]
    report.unchanged = len(wanted) - len(new_rows) - len(changed)
    if new_rows or changed:
        seq = _next_seq_block(conn, len(new_rows) + len(changed))
        now = datetime.now(UTC)
        for offset, entry in enumerate(new_rows + changed):
            entry["seq"], entry["updated_at"] = seq + offset, now
        if new_rows:
            conn.execute(insert(asn), new_rows)
        if changed:
            conn.execute(
                update(asn)
                .where(asn.c.nip == bindparam("b_nip"))
                .values(
                    name=bindparam("name"),
                    agency=bindparam("agency"),
                    kabupaten=bindparam("kabupaten"),
                    active=bindparam("active"),
                    seq=bindparam("seq"),
                    updated_at=bindparam("updated_at"),
                ),
                [{**row, "b_nip": row["nip"]} for row in changed],
            )
    report.inserted, report.updated = len(new_rows), len(changed)
    return report


def changes_since(conn: Connection, cursor: int, limit: int) -> AsnChangesJson:
    rows = conn.execute(
        select(asn.c.nip, asn.c.name, asn.c.agency, asn.c.kabupaten, asn.c.active, asn.c.seq)
        .where(asn.c.seq > cursor)
        .order_by(asn.c.seq)
        .limit(limit + 1)
    ).all()
    entries: list[AsnEntryJson] = [
        {
            "nip": r.nip,
            "name": r.name,
            "agency": r.agency,
            "kabupaten": r.kabupaten,
            "active": bool(r.active),
            "seq": int(r.seq),
        }
        for r in rows[:limit]
    ]
    return {
        "entries": entries,
        "cursor": entries[-1]["seq"] if entries else cursor,
        "more": len(rows) > limit,
    }


def spending_query(period: AsnPeriod) -> Select[Any]:
    """Per buyer NIP, from the raw sales: sales in the period (by the sale's business date) minus what was
    refunded of them. Reports read `asn_period_totals` instead; this is what rebuilds and verifies it.

    A UNION ALL of sale totals and negative refunds, grouped once: joining every sale to the (few)
    refunds made PostgreSQL loop over all sales of the month."""
    in_period = and_(
        sales.c.buyer_nip.is_not(None),
        sales.c.business_date >= period.start,
        sales.c.business_date <= period.end,
    )
    sold = select(
        sales.c.buyer_nip.label("nip"), sales.c.total.label("amount"), literal(1).label("sale")
    ).where(in_period)
    refunded = (
        select(sales.c.buyer_nip.label("nip"), (-refunds.c.total).label("amount"), literal(0).label("sale"))
        .select_from(refunds.join(sales, sales.c.id == refunds.c.sale_id))
        .where(in_period)
    )
    movements = union_all(sold, refunded).subquery()
    return select(
        movements.c.nip,
        func.sum(movements.c.amount).label("amount"),
        func.sum(movements.c.sale).label("sales"),
    ).group_by(movements.c.nip)


def spending(conn: Connection, nip: str, period: AsnPeriod) -> int:
    """What `nip` bought in the period, refunds netted: one row of the summary kept by ingest."""
    amount = conn.execute(
        select(asn_period_totals.c.amount).where(
            asn_period_totals.c.period_key == period.key, asn_period_totals.c.nip == nip
        )
    ).scalar()
    return 0 if amount is None else int(amount)


def period_totals(conn: Connection, period: AsnPeriod, after: str | None, limit: int) -> PeriodTotalsJson:
    """Every buyer's total in the period, by NIP, a page at a time (from the summary kept by ingest)."""
    totals = asn_period_totals.c
    query = (
        select(totals.nip, totals.amount)
        .where(totals.period_key == period.key)
        .order_by(totals.nip)
        .limit(limit + 1)
    )
    if after:
        query = query.where(totals.nip > after)
    rows = conn.execute(query).all()
    items: list[PeriodTotalJson] = [{"nip": r.nip, "amount": int(r.amount)} for r in rows[:limit]]
    return {
        "period_key": period.key,
        "items": items,
        "next_after": items[-1]["nip"] if len(rows) > limit else None,
    }
