"""Finding products at the till: by scanned barcode (UNIQUE index) and by name as the cashier types (FTS5)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import Row, text

from pos.core.cart import Product as CartProduct
from pos.core.tax import TaxMode
from pos.db.uow import UnitOfWork
from pos.services import settings

_COLUMNS = """
    p.id, p.code, p.barcode, p.name, p.price, p.unit, p.tax_mode, p.supplier_id, p.active,
    s.name AS supplier_name,
    (SELECT COALESCE(SUM(m.qty), 0) FROM stock_movements m WHERE m.product_id = p.id) AS on_hand,
    (SELECT value FROM settings WHERE key = 'tax.ppn_enabled') AS ppn_enabled,
    (SELECT value FROM settings WHERE key = 'tax.ppn_mode') AS ppn_mode
"""
_FROM = "FROM products p LEFT JOIN suppliers s ON s.id = p.supplier_id"
_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_RESULTS = 50
_SECOND = "abcdefghijklmnopqrstuvwxyz0123456789"
RANKED_TOKEN_LENGTH = 3
RANK_AT_MOST = 100  # bm25 over 100 matches ~0.5 ms, over 300 ~1.5 ms, over the ~6,000 of "kopi" ~15 ms


@dataclass(frozen=True)
class ProductView:
    product_id: int
    code: str
    barcode: str | None
    name: str
    price: int
    unit: str
    tax_mode: TaxMode
    supplier_id: int | None
    supplier_name: str | None
    on_hand: int
    active: bool

    def as_cart_product(self) -> CartProduct:
        return CartProduct(
            product_id=self.product_id,
            code=self.barcode or self.code,
            name=self.name,
            unit_price=self.price,
            tax_mode=self.tax_mode,
            supplier_id=self.supplier_id,
        )


def outlet_tax(ppn_enabled: str | None, ppn_mode: str | None) -> TaxMode | None:
    """How the outlet charges PPN, from the stored settings "tax.ppn_enabled" and "tax.ppn_mode" (JSON
    text, read in the product query itself so a scan costs no extra query): None when it does not (not
    PKP: no product is taxed), else the mode for products that have none of their own."""
    enabled = json.loads(ppn_enabled) if ppn_enabled else settings.DEFAULTS["tax.ppn_enabled"]
    if not enabled:
        return None
    mode = json.loads(ppn_mode) if ppn_mode else settings.DEFAULTS["tax.ppn_mode"]
    return TaxMode.PPN_ADDED if mode == "added" else TaxMode.PPN_INCLUDED


def _effective(mode: TaxMode, outlet: TaxMode | None) -> TaxMode:
    if outlet is None:
        return TaxMode.NONE
    return outlet if mode is TaxMode.NONE else mode


def _view(row: Row[tuple[object, ...]]) -> ProductView:
    m = row._mapping
    outlet = outlet_tax(m["ppn_enabled"], m["ppn_mode"])
    return ProductView(
        product_id=int(m["id"]),
        code=str(m["code"]),
        barcode=m["barcode"],
        name=str(m["name"]),
        price=int(m["price"]),
        unit=str(m["unit"]),
        tax_mode=_effective(TaxMode(m["tax_mode"]), outlet),
        supplier_id=m["supplier_id"],
        supplier_name=m["supplier_name"],
        on_hand=int(m["on_hand"]),
        active=bool(m["active"]),
    )


def barcode_candidates(code: str) -> list[str]:
    """A UPC-A label may be stored as its EAN-13 form (leading 0), and the other way round."""
    code = code.strip()
    found = [code]
    if len(code) == 12 and code.isdigit():
        found.append("0" + code)
    if len(code) == 13 and code.startswith("0"):
        found.append(code[1:])
    return found


def find_by_barcode(uow: UnitOfWork, code: str) -> ProductView | None:
    """The active product with this barcode or SKU code, or None."""
    conn = uow.session.connection()
    for candidate in barcode_candidates(code):
        row = conn.execute(
            text(f"SELECT {_COLUMNS} {_FROM} WHERE p.barcode = :c AND p.active"), {"c": candidate}
        ).first()
        if row is not None:
            return _view(row)
    row = conn.execute(text(f"SELECT {_COLUMNS} {_FROM} WHERE p.code = :c AND p.active"), {"c": code}).first()
    return _view(row) if row is not None else None


def get_product(uow: UnitOfWork, product_id: int) -> ProductView | None:
    row = (
        uow.session.connection()
        .execute(text(f"SELECT {_COLUMNS} {_FROM} WHERE p.id = :id"), {"id": product_id})
        .first()
    )
    return _view(row) if row is not None else None


def fts_query(typed: str) -> str | None:
    """Turn what the cashier typed into an FTS5 query: every word as a prefix, all words required.

    Quoting each token keeps FTS5 syntax characters (`"`, `*`, `-`, `:`) in names from being parsed.
    """
    tokens = _TOKEN.findall(typed)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def _by_two_letters(typed: str) -> str:
    """The FTS5 query of `typed` with each one-letter word ("k"*) as the two-letter prefixes it covers.

    The FTS table has prefix indexes of 2 and 3 letters (migration 0001), none of 1: "k"* merges the
    lists of every word starting with k (2-3 ms on 100,000 products, the slowest key of an F2 search),
    while ("ka"* OR "kb"* ... OR "k") reads the prefix index and stops at the LIMIT (~0.4 ms). Words whose
    second letter is none of a-z0-9 are missed, so `search` runs the plain query when this one finds
    fewer rows than asked.
    """
    parts = [
        "(" + " OR ".join([f'"{token}{c}"*' for c in _SECOND] + [f'"{token}"']) + ")"
        if len(token) == 1
        else f'"{token}"*'
        for token in _TOKEN.findall(typed)
    ]
    return " AND ".join(parts)


def search(uow: UnitOfWork, typed: str, limit: int = 20) -> list[ProductView]:
    """Active products whose name, code or barcode starts with each typed word.

    Ranking (bm25) is only worth its cost once every word has 3 letters and the words leave at most
    RANK_AT_MOST matches: ranking the ~50,000 matches of "k" on a 100,000-product catalog took ~45 ms
    and the ~6,000 of "kopi" ~15 ms (the F2 search runs at every key), while the first matches in index
    order take < 1 ms, and counting up to RANK_AT_MOST + 1 of them ~0.3 ms; the cashier's next word
    narrows a list that long anyway. Unranked results are shown in name order.
    """
    query = fts_query(typed)
    if query is None:
        return []
    limit = max(1, min(limit, MAX_RESULTS))
    conn = uow.session.connection()
    ranked = all(len(token) >= RANKED_TOKEN_LENGTH for token in _TOKEN.findall(typed))
    if ranked:
        matches = conn.execute(
            text("SELECT count(*) FROM (SELECT 1 FROM products_fts WHERE products_fts MATCH :q LIMIT :most)"),
            {"q": query, "most": RANK_AT_MOST + 1},
        ).scalar_one()
        ranked = matches <= RANK_AT_MOST
    # Unranked, `rank` is not even selected: bm25 of a row needs the statistics of every term the
    # words' prefixes match (all the words starting with "k"), ~8 ms of a one-letter search.
    matched = "rowid, rank" if ranked else "rowid"
    order = "ORDER BY rank" if ranked else ""
    sql = text(
        f"SELECT {_COLUMNS} FROM (SELECT {matched} FROM products_fts WHERE products_fts MATCH :q "
        f"{order} LIMIT :lim) f JOIN products p ON p.id = f.rowid "
        f"LEFT JOIN suppliers s ON s.id = p.supplier_id WHERE p.active "
        f"ORDER BY {'f.rank' if ranked else 'p.name'}"
    )
    quick = query if ranked else _by_two_letters(typed)
    rows = conn.execute(sql, {"q": quick, "lim": limit * 2}).all()
    one_letter = any(len(token) == 1 for token in _TOKEN.findall(typed))
    if not ranked and one_letter and len(rows) < limit:  # a word the two-letter prefixes miss: all of them
        rows = conn.execute(sql, {"q": query, "lim": limit * 2}).all()
    return [_view(row) for row in rows[:limit]]
