"""Damage a real till file the way a failing disk does, where `quick_check` at open does not look: one
byte of the unique index of receipt numbers (`sales.receipt_no`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def receipt_index(con: sqlite3.Connection) -> tuple[str, int]:
    """(name, root page) of the index behind UNIQUE(receipt_no) on `sales`."""
    for name, rootpage in con.execute(
        "SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales'"
    ):
        columns = [row[2] for row in con.execute(f"PRAGMA index_info('{name}')")]
        if columns == ["receipt_no"]:
            return str(name), int(rootpage)
    raise AssertionError("no unique index on sales.receipt_no")


def flip_receipt_index_byte(path: Path) -> str:
    """Change the last digit of the newest receipt number inside the index's root page (the table row
    keeps the right number). The till must be closed (its WAL folded in). Returns that receipt number."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _, rootpage = receipt_index(con)
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
        receipt = str(con.execute("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1").fetchone()[0])
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    start = (rootpage - 1) * page_size
    page = bytes(data[start : start + page_size])
    at = page.find(receipt.encode())
    assert at >= 0, "the newest receipt is not in the index's root page (index too big for this helper)"
    last = start + at + len(receipt) - 1
    # a digit the key keeps its order with (the newest is the largest): 9, or 8 when it already is 9
    data[last] = ord("9") if data[last] != ord("9") else ord("8")
    path.write_bytes(bytes(data))
    return receipt
