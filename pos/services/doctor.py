"""Health checks of a till database: SQLite integrity, whole and balanced sales, a consistent stock ledger.

Each check is one SQL query over all rows, so a year of sales is checked in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from pos.db.uow import UnitOfWork


@dataclass(frozen=True)
class Check:
    """One doctor line. `ok` False means damaged or inconsistent data (doctor exits non-zero); a
    `warning` is something to look at that leaves the data healthy (exit 0)."""

    name: str
    ok: bool
    detail: str
    warning: bool = False

    @property
    def label(self) -> str:
        return "GAGAL" if not self.ok else ("PERINGATAN" if self.warning else "OK")


# Each query returns the receipt numbers (or ids) that break the rule; none means healthy.
SALE_CHECKS: tuple[tuple[str, str], ...] = (
    (
        "setiap penjualan punya baris",
        "SELECT s.receipt_no FROM sales s "
        "WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)",
    ),
    (
        "subtotal = jumlah qty x harga",
        "SELECT s.receipt_no FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id "
        "HAVING s.subtotal != SUM(l.qty * l.unit_price)",
    ),
    (
        "subtotal - diskon = jumlah bersih baris",
        "SELECT s.receipt_no FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id "
        "HAVING s.subtotal - s.discount != SUM(l.net) "
        "OR s.discount != SUM(l.line_discount + l.sale_discount_share)",
    ),
    (
        "total = bersih + PPN yang ditambahkan",
        "SELECT s.receipt_no FROM sales s JOIN sale_lines l ON l.sale_id = s.id GROUP BY s.id "
        "HAVING s.total != SUM(l.net) + SUM(CASE WHEN l.tax_mode = 'ppn_added' THEN l.tax ELSE 0 END) "
        "OR s.tax != SUM(l.tax)",
    ),
    (
        "pembayaran = dibayar, dibayar - kembalian = total",
        "SELECT s.receipt_no FROM sales s LEFT JOIN payments p ON p.sale_id = s.id GROUP BY s.id "
        "HAVING COALESCE(SUM(p.amount), 0) != s.paid OR s.paid - s.change != s.total "
        "OR s.change > COALESCE(SUM(CASE WHEN p.method = 'cash' THEN p.amount END), 0)",
    ),
    (
        "stok keluar sesuai baris penjualan, per produk",
        # per (sale, product), both ways: units booked to the wrong product balance out per sale
        "SELECT s.receipt_no FROM sales s JOIN ("
        " SELECT sale_id, product_id, SUM(qty) AS sold, 0 AS moved FROM sale_lines"
        " GROUP BY sale_id, product_id"
        " UNION ALL SELECT s2.id, m.product_id, 0, -SUM(m.qty) FROM stock_movements m"
        " JOIN sales s2 ON s2.uuid = m.ref WHERE m.kind = 'sale' GROUP BY s2.id, m.product_id"
        ") x ON x.sale_id = s.id GROUP BY s.id, x.product_id HAVING SUM(x.sold) != SUM(x.moved)",
    ),
    (
        "setiap penjualan punya satu event sinkronisasi",
        "SELECT s.receipt_no FROM sales s WHERE (SELECT COUNT(*) FROM outbox o WHERE o.uuid = s.uuid) != 1",
    ),
    (
        "setiap refund seimbang",
        "SELECT r.refund_no FROM refunds r LEFT JOIN refund_lines rl ON rl.refund_id = r.id GROUP BY r.id "
        "HAVING COALESCE(SUM(rl.amount), 0) != r.total",
    ),
    (
        "refund tidak melebihi jumlah terjual",
        "SELECT l.id FROM sale_lines l JOIN refund_lines rl ON rl.sale_line_id = l.id GROUP BY l.id "
        "HAVING SUM(rl.qty) > l.qty",
    ),
    (
        "buku stok hanya untuk produk yang ada",
        "SELECT m.id FROM stock_movements m LEFT JOIN products p ON p.id = m.product_id WHERE p.id IS NULL",
    ),
)


def run_checks(uow: UnitOfWork, *, sample: int = 5) -> list[Check]:
    conn = uow.session.connection()
    checks: list[Check] = []
    integrity = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    checks.append(Check("integritas SQLite", integrity == ["ok"], "; ".join(integrity[:sample])))
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    checks.append(Check("kunci asing", not fk, f"{len(fk)} baris tanpa induk" if fk else "ok"))
    for name, sql in SALE_CHECKS:
        bad = [str(row[0]) for row in conn.execute(text(sql)).fetchall()]
        detail = "ok" if not bad else f"{len(bad)} bermasalah, mis. {', '.join(bad[:sample])}"
        checks.append(Check(name, not bad, detail))
    return checks
