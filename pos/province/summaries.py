"""The summary tables, kept up to date in the ingest transaction, and rebuilt from the raw sales.

Every accepted sale adds to three summaries, and every accepted refund subtracts from them on its
sale's date, till, buyer and producers (the period the sale counted in, as the raw reports always did):
- `asn_period_totals`: per buyer NIP and period: the calendar month, and the configured campaign;
- `till_day_totals`: per till and business date (sales, gross, refunds, the ASN part of each);
- `producer_day_totals`: per outlet, producer (supplier code) and business date.
Duplicates and replays add nothing: only the events a transaction actually inserted are counted, in the
same savepoint as their rows, so a batch redone event by event never counts an event twice.

Concurrency: the totals are written as `INSERT ... ON CONFLICT DO UPDATE SET x = x + excluded.x`, one
statement per table with its keys sorted, so two ingests touching the same ASN at once both count (the
second waits on the first's row lock, then adds to the committed figure) and never deadlock on each
other's summary rows. SQLite serialises writers anyway (BEGIN IMMEDIATE, pos.province.database).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, and_, case, delete, func, literal, select, text, union_all
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos.core.asn_period import AsnPeriod, AsnProgramme, PeriodKind, period_for
from pos.province.asn import spending_query
from pos.province.programme import load_programme, month_period, save_programme
from pos.province.schema import (
    asn_period_totals,
    producer_day_totals,
    refunds,
    sale_lines,
    sales,
    till_day_totals,
)
from pos.sync.protocol.events import Refund, Sale

NO_PRODUCER = "-"
_TILL_FIELDS = ("sales", "gross", "refunded", "asn_sales", "asn_gross", "asn_refunded")
_PRODUCER_FIELDS = ("sales", "qty", "gross", "refunded_qty", "refunded")


@dataclass
class Deltas:
    """What one transaction adds to the summaries, summed per row key before it is written."""

    asn: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    till: dict[tuple[date, int], list[int]] = field(default_factory=dict)
    producer: dict[tuple[date, int, str], list[int]] = field(default_factory=dict)
    till_outlet: dict[int, int] = field(default_factory=dict)

    def add_asn(self, keys: list[str], nip: str, amount: int, count: int) -> None:
        for key in keys:
            entry = self.asn[(key, nip)]
            entry[0] += amount
            entry[1] += count

    def add_till(self, day: date, till_id: int, outlet_id: int, values: tuple[int, ...]) -> None:
        self.till_outlet[till_id] = outlet_id
        entry = self.till.setdefault((day, till_id), [0] * len(_TILL_FIELDS))
        for index, value in enumerate(values):
            entry[index] += value

    def add_producer(self, day: date, outlet_id: int, supplier: str, values: tuple[int, ...]) -> None:
        entry = self.producer.setdefault((day, outlet_id, supplier), [0] * len(_PRODUCER_FIELDS))
        for index, value in enumerate(values):
            entry[index] += value


def period_keys(programme: AsnProgramme, day: date) -> list[str]:
    """The ASN periods a sale of `day` counts in: its month, and the campaign when one is set and holds it."""
    keys = [f"{day.year:04d}-{day.month:02d}"]
    if programme.period is PeriodKind.CAMPAIGN:
        campaign = period_for(programme, day)
        if campaign is not None:
            keys.append(campaign.key)
    return keys


def add_sales(
    deltas: Deltas, programme: AsnProgramme, till_id: int, outlet_id: int, sold: list[Sale]
) -> None:
    for sale in sold:
        buyer = sale.buyer_nip is not None
        deltas.add_till(
            sale.business_date,
            till_id,
            outlet_id,
            (1, sale.total, 0, int(buyer), sale.total if buyer else 0, 0),
        )
        if sale.buyer_nip is not None:
            deltas.add_asn(period_keys(programme, sale.business_date), sale.buyer_nip, sale.total, 1)
        per_producer: dict[str, list[int]] = {}
        for line in sale.lines:
            entry = per_producer.setdefault(line.supplier_code or NO_PRODUCER, [0, 0])
            entry[0] += line.qty
            entry[1] += line.line_total
        for supplier, (qty, gross) in per_producer.items():
            deltas.add_producer(sale.business_date, outlet_id, supplier, (1, qty, gross, 0, 0))


def add_refund(conn: Connection, deltas: Deltas, programme: AsnProgramme, refund: Refund) -> None:
    """A stored refund, counted against its sale (read back: it may be of an earlier batch)."""
    sale = conn.execute(
        select(
            sales.c.id, sales.c.business_date, sales.c.till_id, sales.c.outlet_id, sales.c.buyer_nip
        ).where(sales.c.uuid == refund.sale_uuid)
    ).one()
    _refund_into(
        deltas,
        programme,
        sale,
        refund.total,
        [(x.product_code, x.qty, x.amount) for x in refund.lines],
        _suppliers_of(conn, [sale.id]),
    )


def _refund_into(
    deltas: Deltas,
    programme: AsnProgramme,
    sale: Any,
    total: int,
    lines: list[tuple[str, int, int]],
    supplier_of: dict[tuple[int, str], str],
) -> None:
    buyer = sale.buyer_nip is not None
    till_id = sale.till_id or 0
    deltas.add_till(sale.business_date, till_id, sale.outlet_id, (0, 0, total, 0, 0, total if buyer else 0))
    if sale.buyer_nip is not None:
        deltas.add_asn(period_keys(programme, sale.business_date), sale.buyer_nip, -total, 0)
    for code, qty, amount in lines:
        supplier = supplier_of.get((sale.id, code), NO_PRODUCER)
        deltas.add_producer(sale.business_date, sale.outlet_id, supplier, (0, 0, 0, qty, amount))


def _suppliers_of(conn: Connection, sale_ids: list[int]) -> dict[tuple[int, str], str]:
    found: dict[tuple[int, str], str] = {}
    for start in range(0, len(sale_ids), 1000):
        for row in conn.execute(
            select(sale_lines.c.sale_id, sale_lines.c.product_code, sale_lines.c.supplier_code).where(
                sale_lines.c.sale_id.in_(sale_ids[start : start + 1000])
            )
        ):
            found[(row.sale_id, row.product_code)] = row.supplier_code or NO_PRODUCER
    return found


def _upsert(conn: Connection, table: Table, keys: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    rows.sort(key=lambda row: tuple(row[k] for k in keys))  # one lock order for every writer
    statement = (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(table)
    added = [name for name in rows[0] if name not in keys and name != "outlet_id"]  # outlet_id: not a sum
    # one statement for any number of rows (executemany, in list order): compiled once and cached
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: table.c[name] + statement.excluded[name] for name in added}
        ),
        rows,
    )


def apply(conn: Connection, deltas: Deltas) -> None:
    """Write what the transaction added (one statement per table; nothing when it added nothing)."""
    _upsert(
        conn,
        asn_period_totals,
        ("period_key", "nip"),
        [{"period_key": k, "nip": n, "amount": a, "sales": c} for (k, n), (a, c) in deltas.asn.items()],
    )
    _upsert(
        conn,
        till_day_totals,
        ("business_date", "till_id"),
        [
            {
                "business_date": d,
                "till_id": t,
                "outlet_id": deltas.till_outlet[t],
                **dict(zip(_TILL_FIELDS, v, strict=True)),
            }
            for (d, t), v in deltas.till.items()
        ],
    )
    _upsert(
        conn,
        producer_day_totals,
        ("business_date", "outlet_id", "supplier_code"),
        [
            {
                "business_date": d,
                "outlet_id": o,
                "supplier_code": s,
                **dict(zip(_PRODUCER_FIELDS, v, strict=True)),
            }
            for (d, o, s), v in deltas.producer.items()
        ],
    )


# ---- rebuilding from the raw sales (migration backfill, a new campaign, verify's reference) ----


def raw_till_days(start: date | None = None, end: date | None = None) -> Any:
    """Per business date and till, from the raw sales and refunds: the columns of `till_day_totals`."""
    window = and_(True, *_dates(start, end))
    has_buyer = sales.c.buyer_nip.is_not(None)
    sold = select(
        sales.c.business_date,
        func.coalesce(sales.c.till_id, 0).label("till_id"),
        sales.c.outlet_id,
        literal(1).label("sales"),
        sales.c.total.label("gross"),
        literal(0).label("refunded"),
        case((has_buyer, 1), else_=0).label("asn_sales"),
        case((has_buyer, sales.c.total), else_=0).label("asn_gross"),
        literal(0).label("asn_refunded"),
    ).where(window)
    refunded = (
        select(
            sales.c.business_date,
            func.coalesce(sales.c.till_id, 0).label("till_id"),
            sales.c.outlet_id,
            literal(0),
            literal(0),
            refunds.c.total,
            literal(0),
            literal(0),
            case((has_buyer, refunds.c.total), else_=0),
        )
        .select_from(refunds.join(sales, sales.c.id == refunds.c.sale_id))
        .where(window)
    )
    moves = union_all(sold, refunded).subquery()
    return select(
        moves.c.business_date,
        moves.c.till_id,
        func.min(moves.c.outlet_id).label("outlet_id"),
        *(func.sum(moves.c[name]).label(name) for name in _TILL_FIELDS),
    ).group_by(moves.c.business_date, moves.c.till_id)


def _dates(start: date | None, end: date | None) -> list[Any]:
    limits = []
    if start is not None:
        limits.append(sales.c.business_date >= start)
    if end is not None:
        limits.append(sales.c.business_date <= end)
    return limits


def raw_producer_days(conn: Connection, start: date | None = None, end: date | None = None) -> Deltas:
    """Per business date, outlet and producer, from the raw sale lines and refunds (refund lines are JSON)."""
    deltas = Deltas()
    producer = func.coalesce(sale_lines.c.supplier_code, NO_PRODUCER)
    rows = conn.execute(
        select(
            sales.c.business_date,
            sales.c.outlet_id,
            producer.label("supplier"),
            func.count(func.distinct(sale_lines.c.sale_id)),
            func.sum(sale_lines.c.qty),
            func.sum(sale_lines.c.line_total),
        )
        .select_from(sale_lines.join(sales, sales.c.id == sale_lines.c.sale_id))
        .where(and_(True, *_dates(start, end)))
        .group_by(sales.c.business_date, sales.c.outlet_id, producer)
    )
    for day, outlet_id, supplier, count, qty, gross in rows:
        deltas.add_producer(day, outlet_id, supplier, (int(count), int(qty), int(gross), 0, 0))
    refunded = conn.execute(
        select(
            refunds.c.total,
            refunds.c.lines,
            sales.c.id,
            sales.c.business_date,
            sales.c.till_id,
            sales.c.outlet_id,
            sales.c.buyer_nip,
        )
        .select_from(refunds.join(sales, sales.c.id == refunds.c.sale_id))
        .where(and_(True, *_dates(start, end)))
    ).all()
    supplier_of = _suppliers_of(conn, list({r.id for r in refunded}))
    ignored = Deltas()  # the till and ASN parts come from SQL; only the producer part is wanted here
    for r in refunded:
        lines = [(x["product_code"], int(x["qty"]), int(x["amount"])) for x in json.loads(r.lines)]
        _refund_into(ignored, AsnProgramme(), r, 0, lines, supplier_of)
    for key, values in ignored.producer.items():
        deltas.add_producer(*key, tuple(values))
    return deltas


def sale_months(conn: Connection) -> list[AsnPeriod]:
    """Every calendar month from the first to the last business date of a stored sale."""
    first, last = conn.execute(select(func.min(sales.c.business_date), func.max(sales.c.business_date))).one()
    if first is None:
        return []
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(month_period(f"{year:04d}-{month:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def rebuild_period(conn: Connection, period: AsnPeriod) -> None:
    """The ASN totals of one period, recomputed from the raw sales (rows of that key replaced)."""
    conn.execute(delete(asn_period_totals).where(asn_period_totals.c.period_key == period.key))
    totals = spending_query(period).subquery()
    conn.execute(
        asn_period_totals.insert().from_select(
            ["period_key", "nip", "amount", "sales"],
            select(
                literal(period.key, asn_period_totals.c.period_key.type),
                totals.c.nip,
                totals.c.amount,
                totals.c.sales,
            ),
        )
    )


def rebuild_all(conn: Connection) -> None:
    """Every summary from the raw sales: the migration's backfill (and a repair after `verify` failed)."""
    for table in (asn_period_totals, till_day_totals, producer_day_totals):
        conn.execute(delete(table))
    programme = load_programme(conn)
    for month in sale_months(conn):
        rebuild_period(conn, month)
    if programme.period is PeriodKind.CAMPAIGN:
        assert programme.campaign_start is not None
        campaign = period_for(programme, programme.campaign_start)
        assert campaign is not None
        rebuild_period(conn, campaign)
    days = raw_till_days().subquery()
    conn.execute(
        till_day_totals.insert().from_select(
            ["business_date", "till_id", "outlet_id", *_TILL_FIELDS], select(*days.c)
        )
    )
    apply(conn, raw_producer_days(conn))


def set_programme(conn: Connection, programme: AsnProgramme) -> None:
    """Save the ASN programme and give a new campaign its totals from the sales already stored.

    On PostgreSQL the sales and refunds tables are locked in SHARE mode first: an ingest that already
    inserted finishes before the rebuild reads, and one that has not yet inserted waits for this commit
    and then reads the new programme (ingest reads it after its inserts)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE sales, refunds IN SHARE MODE"))
    save_programme(conn, programme)
    conn.execute(delete(asn_period_totals).where(asn_period_totals.c.period_key.like("campaign:%")))
    if programme.period is PeriodKind.CAMPAIGN:
        assert programme.campaign_start is not None
        campaign = period_for(programme, programme.campaign_start)
        assert campaign is not None
        rebuild_period(conn, campaign)
