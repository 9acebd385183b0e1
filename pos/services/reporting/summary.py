"""Report summary tables: a year of sales added up per day, kept off the sale's path.

The sale commit writes nothing here (it stays as fast as before): sales, their lines and the stock
ledger are append-only, so the summaries hold everything up to a mark (`report_marks`: the highest
sale id and stock movement id folded in) and a report adds the rows past the mark live. `fold` brings
the summaries up to date in short transactions of FOLD_CHUNK sales (a sale being committed meanwhile
waits at most one chunk, ~20 ms here); the first report after the upgrade folds the whole history
once (a year of a busy outlet: seconds, with the progress shown).

- `report_sales_days` (day, utc_hour, cashier_id): sales, units, gross (sale totals), discount. The
  hour is kept in UTC and turned into the outlet's hour when read (Indonesia's zones are whole hours).
- `report_line_days` (day, product_id, supplier_id or 0): sales with the product, units, gross
  (line net plus PPN added on top), discount, net (what consignment settles on). Category is the
  product's current one, read at report time.
- `report_payment_days` (day, method or 'none'): as pos.services.reporting.sales shares a sale out
  over its payment methods.
- `report_approval_days` (day, kind 'discount' or 'price', cashier_id, approved_by or 0): how many
  sales with a discount / lines sold off the list price, and the rupiah (pos.services.reporting.approvals).
- `report_stock` (product_id): units on hand (sum of the ledger) and the newest sale's time.
Refunds are few (about 1% of sales) and are read live.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from pos.db.uow import UnitOfWork

FOLD_CHUNK = 2_000
STOCK_CHUNK = 20_000

_IN_CHUNK = "s.id > :lo AND s.id <= :hi"
_FOLD_SALES = f"""
INSERT INTO report_sales_days (day, utc_hour, cashier_id, sales, qty, gross, discount)
SELECT s.business_date, CAST(substr(s.created_at, 12, 2) AS INTEGER), s.cashier_id, COUNT(*),
       SUM(COALESCE(q.qty, 0)), SUM(s.total), SUM(s.discount)
FROM sales s LEFT JOIN (SELECT sale_id, SUM(qty) AS qty FROM sale_lines
                        WHERE sale_id > :lo AND sale_id <= :hi GROUP BY sale_id) q ON q.sale_id = s.id
WHERE {_IN_CHUNK} GROUP BY 1, 2, 3
ON CONFLICT (day, utc_hour, cashier_id) DO UPDATE SET sales = sales + excluded.sales,
    qty = qty + excluded.qty, gross = gross + excluded.gross, discount = discount + excluded.discount
"""
_FOLD_LINES = """
INSERT INTO report_line_days (day, product_id, supplier_id, sales, qty, gross, discount, net)
SELECT s.business_date, sl.product_id, COALESCE(sl.supplier_id, 0), COUNT(DISTINCT sl.sale_id), SUM(sl.qty),
       SUM(sl.net + CASE WHEN sl.tax_mode = 'ppn_added' THEN sl.tax ELSE 0 END),
       SUM(sl.line_discount + sl.sale_discount_share), SUM(sl.net)
FROM sale_lines sl JOIN sales s ON s.id = sl.sale_id
WHERE sl.sale_id > :lo AND sl.sale_id <= :hi GROUP BY 1, 2, 3
ON CONFLICT (day, product_id, supplier_id) DO UPDATE SET sales = sales + excluded.sales,
    qty = qty + excluded.qty, gross = gross + excluded.gross, discount = discount + excluded.discount,
    net = net + excluded.net
"""
_FOLD_APPROVALS = f"""
INSERT INTO report_approval_days (day, kind, cashier_id, approved_by, count, amount)
SELECT * FROM (
    SELECT s.business_date, 'discount', s.cashier_id, COALESCE(s.approved_by, 0), COUNT(*), SUM(s.discount)
    FROM sales s WHERE {_IN_CHUNK} AND s.discount > 0 GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT s.business_date, 'price', s.cashier_id, COALESCE(s.approved_by, 0), COUNT(*),
           SUM((sl.list_price - sl.unit_price) * sl.qty)
    FROM sales s JOIN sale_lines sl ON sl.sale_id = s.id
    WHERE {_IN_CHUNK} AND sl.unit_price != sl.list_price GROUP BY 1, 2, 3, 4
) WHERE true
ON CONFLICT (day, kind, cashier_id, approved_by) DO UPDATE SET count = count + excluded.count,
    amount = amount + excluded.amount
"""
_FOLD_STOCK = """
INSERT INTO report_stock (product_id, on_hand, last_sold)
SELECT product_id, SUM(qty), MAX(CASE WHEN kind = 'sale' THEN created_at END)
FROM stock_movements WHERE id > :lo AND id <= :hi GROUP BY product_id
ON CONFLICT (product_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand,
    last_sold = CASE WHEN excluded.last_sold > COALESCE(last_sold, '') THEN excluded.last_sold
                     ELSE last_sold END
"""


def payments_sql(where: str) -> str:
    """Each sale's part per payment method (what it took net of change, its share of the discount, and
    for the method that took most the sale and its units), grouped by day and method."""
    return f"""
WITH took AS (
    SELECT s.id AS sale_id, s.business_date AS day, s.total, s.discount, p.method,
           SUM(p.amount) - CASE WHEN p.method = 'cash' THEN s.change ELSE 0 END AS took, MIN(p.id) AS first
    FROM sales s JOIN payments p ON p.sale_id = s.id
    WHERE {where}
    GROUP BY s.id, p.method
), shared AS (
    SELECT sale_id, day, method, took, discount,
           CASE WHEN total = 0 THEN 0 ELSE discount * took / total END AS share,
           ROW_NUMBER() OVER (PARTITION BY sale_id ORDER BY took DESC, first) AS rank
    FROM took
), settled AS (
    SELECT sale_id, day, method, took, rank,
           share + CASE WHEN rank = 1 THEN discount - SUM(share) OVER (PARTITION BY sale_id) ELSE 0 END
               AS discount
    FROM shared
)
SELECT st.day, st.method, SUM(st.rank = 1) AS sales,
       SUM(CASE WHEN st.rank = 1 THEN (SELECT SUM(qty) FROM sale_lines WHERE sale_id = st.sale_id) ELSE 0 END)
           AS qty,
       SUM(st.took) AS gross, SUM(st.discount) AS discount
FROM settled st GROUP BY st.day, st.method
UNION ALL
SELECT s.business_date, 'none', COUNT(*), SUM((SELECT SUM(qty) FROM sale_lines WHERE sale_id = s.id)), 0,
       SUM(s.discount)
FROM sales s WHERE {where} AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.sale_id = s.id)
GROUP BY s.business_date
"""


_FOLD_PAYMENTS = f"""
INSERT INTO report_payment_days (day, method, sales, qty, gross, discount)
SELECT * FROM ({payments_sql(_IN_CHUNK)}) WHERE true
ON CONFLICT (day, method) DO UPDATE SET sales = sales + excluded.sales, qty = qty + excluded.qty,
    gross = gross + excluded.gross, discount = discount + excluded.discount
"""

Progress = Callable[[int, int], None]


def marks(uow: UnitOfWork) -> tuple[int, int]:
    """(highest sale id, highest stock movement id) already in the summaries."""
    found: dict[str, int] = dict(
        uow.session.connection().execute(text("SELECT name, upto FROM report_marks")).all()
    )
    return int(found.get("sales", 0)), int(found.get("stock_movements", 0))


def unfolded(uow: UnitOfWork) -> int:
    """How many sales the summaries do not hold yet (a report adds them live)."""
    sale_mark, _ = marks(uow)
    return int(
        uow.session.connection()
        .execute(text("SELECT COUNT(*) FROM sales WHERE id > :m"), {"m": sale_mark})
        .scalar()
        or 0
    )


def fold(uow_factory: Callable[[], UnitOfWork], progress: Progress | None = None) -> int:
    """Bring the summaries up to the newest sale and stock movement; returns the sales folded in.
    Each chunk is its own short transaction: a sale committed meanwhile waits at most one chunk."""
    with uow_factory() as uow:
        sale_mark, move_mark = marks(uow)
        conn = uow.session.connection()
        last_sale = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM sales")).scalar() or 0)
        last_move = int(conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM stock_movements")).scalar() or 0)
    todo = max(0, last_sale - sale_mark) + max(0, last_move - move_mark) // 10
    done = 0
    for lo in range(sale_mark, last_sale, FOLD_CHUNK):
        hi = min(lo + FOLD_CHUNK, last_sale)
        with uow_factory() as uow:
            conn = uow.session.connection()
            for sql in (_FOLD_SALES, _FOLD_LINES, _FOLD_PAYMENTS, _FOLD_APPROVALS):
                conn.execute(text(sql), {"lo": lo, "hi": hi})
            _set_mark(uow, "sales", hi)
            uow.commit()
        done += hi - lo
        if progress is not None:
            progress(done, todo)
    for lo in range(move_mark, last_move, STOCK_CHUNK):
        hi = min(lo + STOCK_CHUNK, last_move)
        with uow_factory() as uow:
            uow.session.connection().execute(text(_FOLD_STOCK), {"lo": lo, "hi": hi})
            _set_mark(uow, "stock_movements", hi)
            uow.commit()
        done += (hi - lo) // 10
        if progress is not None:
            progress(min(done, todo), todo)
    return max(0, last_sale - sale_mark)


def _set_mark(uow: UnitOfWork, name: str, upto: int) -> None:
    uow.session.connection().execute(
        text(
            "INSERT INTO report_marks (name, upto) VALUES (:n, :u) ON CONFLICT (name) DO UPDATE SET upto = :u"
        ),
        {"n": name, "u": upto},
    )
