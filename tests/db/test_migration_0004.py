"""Migration 0004 on a till made before it: kabupaten codes by name, sales made before count as printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from pos.db import migrate
from pos.db.engine import DB_FILENAME, Database


def test_kabupaten_codes_come_from_the_stored_names_and_outlet_codes_stay(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")  # a till of the previous version
        conn.execute(
            text(
                "INSERT INTO outlets (id, code, name, kabupaten, address, terminal, timezone, receipt_footer,"
                " created_at) VALUES (1, '5309', 'NTT Mart by Dekranasda Sikka', 'Kabupaten Sikka',"
                " 'Maumere', '01', 'Asia/Makassar', 'Terima kasih', '2026-11-01T00:00:00+00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO users (id, username, full_name, role, pin_hash, active, failed_attempts,"
                " must_change_pin, created_at) VALUES (1, 'admin', 'Admin', 'admin', 'x', 1, 0, 0,"
                " '2026-11-01T00:00:00+00:00')"
            )
        )
        for sid, kabupaten in (
            (1, "Ende"),
            (2, "kab. rote  ndao"),
            (3, "Atambua"),
            (4, "Kota Kupang"),
            (5, "Kupang"),
        ):
            conn.execute(
                text(
                    "INSERT INTO suppliers (id, code, name, owner, kabupaten, village, phone, bank_account,"
                    " consignment, commission_bp, active) VALUES (:id, :code, 'UMKM', '', :kab, '', '', '',"
                    " 1, 1500, 1)"
                ),
                {"id": sid, "code": f"SUP-{sid:03d}", "kab": kabupaten},
            )
        conn.execute(
            text(
                "INSERT INTO sales (id, uuid, receipt_no, business_date, created_at, cashier_id, subtotal,"
                " discount, tax, total, paid, change) VALUES (1, 'u-1', '5309-01-20261101-0001',"
                " '2026-11-01', '2026-11-01T01:00:00+00:00', 1, 1000, 0, 0, 1000, 1000, 0)"
            )
        )
    db.close()

    upgraded = Database.open(tmp_path)
    upgraded.close()
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    try:
        assert con.execute("SELECT code, kabupaten, kabupaten_code FROM outlets").fetchall() == [
            ("5309", "Kabupaten Sikka", "5307")  # Sikka is 53.07 (Kemendagri); the outlet code stays
        ]
        codes = dict(con.execute("SELECT id, kabupaten_code FROM suppliers").fetchall())
        assert codes == {1: "5308", 2: "5314", 3: None, 4: "5371", 5: "5301"}
        receipts = con.execute("SELECT sale_id, snapshot, printed_at IS NOT NULL FROM sale_receipts")
        # a sale from before: nothing is known about its printing, so it is not listed as unprinted
        assert receipts.fetchall() == [(1, None, 1)]
    finally:
        con.close()
