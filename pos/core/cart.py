"""The cart a cashier builds at the till: products, quantities, price overrides and discounts.

The cart only holds what the cashier chose and refuses what cannot be sold; the money is worked out
once, exactly, by `pos.core.pricing.price_cart`. Every mutation is checked as a whole before it is
applied, so a refused change leaves the cart exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.core.tax import TaxMode

MAX_QTY = 9999
SNAPSHOT_VERSION = 1

__all__ = [
    "MAX_QTY",
    "Cart",
    "CartError",
    "CartLine",
    "Discount",
    "Product",
]


class CartError(DomainError):
    """The cashier asked for something the cart cannot hold (message in Bahasa Indonesia)."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Product:
    """What the till knows about an item at the moment it is scanned."""

    product_id: int
    code: str
    name: str
    unit_price: int
    tax_mode: TaxMode = TaxMode.NONE
    supplier_id: int | None = None

    def __post_init__(self) -> None:
        if not _is_int(self.unit_price) or self.unit_price < 0:
            raise CartError(f"harga {self.name} tidak boleh negatif")
        # Accept the plain string too (from JSON or a database row), keep the enum.
        object.__setattr__(self, "tax_mode", TaxMode(self.tax_mode))


@dataclass(frozen=True)
class Discount:
    """A discount either in rupiah (`amount`) or in percent (`percent`, 0-100 with at most one decimal).

    Build one with `Discount.of_rupiah(5_000, "cacat")` or `Discount.of_percent("12.5", "promo")`.
    A percent discount rounds half up to whole rupiah (`off`). The reason is kept for the audit trail.
    """

    reason: str
    amount: int | None = None
    percent: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.reason or not self.reason.strip():
            raise CartError("alasan diskon wajib diisi")
        object.__setattr__(self, "reason", self.reason.strip())
        if (self.amount is None) == (self.percent is None):
            raise CartError("diskon harus berupa nominal rupiah atau persen")
        if self.amount is not None:
            if not _is_int(self.amount) or self.amount < 0:
                raise CartError("diskon tidak boleh negatif")
            return
        percent = _parse_percent(self.percent)
        object.__setattr__(self, "percent", percent)

    @classmethod
    def of_rupiah(cls, amount: int, reason: str) -> Discount:
        return cls(reason=reason, amount=amount)

    @classmethod
    def of_percent(cls, percent: int | str | Decimal, reason: str) -> Discount:
        return cls(reason=reason, percent=_parse_percent(percent))

    def off(self, base: int) -> int:
        """Rupiah taken off `base`; a percent rounds half up (`base * tenths / 1000`, exact in ints)."""
        if self.amount is not None:
            return self.amount
        assert self.percent is not None
        tenths = int(self.percent * 10)
        return (2 * base * tenths + 1000) // 2000

    def describe(self) -> str:
        """Short text for a screen or receipt, e.g. `Diskon 10%` or `Diskon Rp5.000`."""
        if self.percent is not None:
            text = f"{self.percent.normalize():f}".replace(".", ",")
            return f"Diskon {text}%"
        assert self.amount is not None
        return f"Diskon {format_rupiah(self.amount)}"

    def to_json(self) -> dict[str, Any]:
        if self.percent is not None:
            return {"percent": f"{self.percent:f}", "reason": self.reason}
        return {"amount": self.amount, "reason": self.reason}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Discount:
        reason = data.get("reason")
        if not isinstance(reason, str):
            raise CartError("data diskon tersimpan rusak")
        if "percent" in data:
            return cls.of_percent(data["percent"], reason)
        return cls.of_rupiah(data.get("amount"), reason)  # type: ignore[arg-type]  # checked in __post_init__


def _parse_percent(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise CartError("persen diskon harus angka")
    try:
        percent = Decimal(value.strip().replace(",", ".")) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise CartError("persen diskon harus angka") from None
    if not percent.is_finite() or percent < 0 or percent > 100:
        raise CartError("persen diskon harus antara 0 dan 100")
    if percent * 10 != int(percent * 10):
        raise CartError("persen diskon paling banyak satu angka di belakang koma")
    return percent.quantize(Decimal("0.1"))


@dataclass(frozen=True)
class CartLine:
    """One line of the cart. `unit_price` is the price charged (the product's, or the override)."""

    product: Product
    qty: int
    unit_price: int
    discount: Discount | None = None

    @property
    def price_overridden(self) -> bool:
        return self.unit_price != self.product.unit_price

    @property
    def gross(self) -> int:
        return self.qty * self.unit_price

    @property
    def discount_amount(self) -> int:
        return self.discount.off(self.gross) if self.discount else 0

    @property
    def after_discount(self) -> int:
        return self.gross - self.discount_amount


def _check_qty(qty: object) -> int:
    if not _is_int(qty) or not 1 <= qty <= MAX_QTY:  # type: ignore[operator]
        raise CartError(f"jumlah harus antara 1 dan {MAX_QTY:,}".replace(",", "."))
    return qty  # type: ignore[return-value]


def _check_price(price: object) -> int:
    if not _is_int(price):
        raise CartError("harga harus bilangan bulat rupiah")
    if price < 0:  # type: ignore[operator]
        raise CartError("harga tidak boleh negatif")
    return price  # type: ignore[return-value]


def _check_state(lines: Sequence[CartLine], sale_discount: Discount | None) -> None:
    for number, line in enumerate(lines, start=1):
        if line.discount_amount > line.gross:
            raise CartError(
                f"diskon baris {number} ({format_rupiah(line.discount_amount)}) "
                f"melebihi harga baris ({format_rupiah(line.gross)})"
            )
    if sale_discount is not None:
        base = sum(line.after_discount for line in lines)
        off = sale_discount.off(base)
        if off > base:
            raise CartError(
                f"diskon transaksi ({format_rupiah(off)}) melebihi total belanja ({format_rupiah(base)})"
            )


class Cart:
    """The sale being built. Line indexes are 0-based; messages number lines from 1, as the screen does."""

    def __init__(self) -> None:
        self._lines: list[CartLine] = []
        self._sale_discount: Discount | None = None

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    @property
    def sale_discount(self) -> Discount | None:
        return self._sale_discount

    @property
    def is_empty(self) -> bool:
        return not self._lines

    @property
    def item_count(self) -> int:
        return sum(line.qty for line in self._lines)

    def add(self, product: Product, qty: int = 1) -> int:
        """Add `qty` of `product`; scanning it again raises that line's qty unless its price was changed."""
        _check_qty(qty)
        for index, line in enumerate(self._lines):
            if line.product == product and not line.price_overridden:
                new_qty = line.qty + qty
                if new_qty > MAX_QTY:
                    raise CartError(f"jumlah {product.name} melebihi {MAX_QTY:,}".replace(",", "."))
                self._apply_line(index, replace(line, qty=new_qty))
                return index
        self._apply([*self._lines, CartLine(product, qty, product.unit_price)], self._sale_discount)
        return len(self._lines) - 1

    def set_qty(self, index: int, qty: int) -> None:
        line = self._line(index)
        self._apply_line(index, replace(line, qty=_check_qty(qty)))

    def remove(self, index: int) -> None:
        self._line(index)
        self._apply([*self._lines[:index], *self._lines[index + 1 :]], self._sale_discount)

    def override_price(self, index: int, price: int) -> None:
        line = self._line(index)
        self._apply_line(index, replace(line, unit_price=_check_price(price)))

    def set_line_discount(self, index: int, discount: Discount | None) -> None:
        line = self._line(index)
        self._apply_line(index, replace(line, discount=discount))

    def set_sale_discount(self, discount: Discount | None) -> None:
        self._apply(self._lines, discount)

    def clear(self) -> None:
        self._lines = []
        self._sale_discount = None

    def snapshot(self) -> dict[str, Any]:
        """A JSON-friendly copy to park the sale and recall it later, also after a restart."""
        return {
            "version": SNAPSHOT_VERSION,
            "lines": [
                {
                    "product": {
                        "product_id": line.product.product_id,
                        "code": line.product.code,
                        "name": line.product.name,
                        "unit_price": line.product.unit_price,
                        "tax_mode": str(line.product.tax_mode),
                        "supplier_id": line.product.supplier_id,
                    },
                    "qty": line.qty,
                    "unit_price": line.unit_price,
                    "discount": line.discount.to_json() if line.discount else None,
                }
                for line in self._lines
            ],
            "sale_discount": self._sale_discount.to_json() if self._sale_discount else None,
        }

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any]) -> Cart:
        """Rebuild a parked cart; damaged or foreign data raises CartError instead of a half-built cart."""
        try:
            if data.get("version") != SNAPSHOT_VERSION:
                raise CartError("versi data transaksi tersimpan tidak dikenal")
            lines = [_line_from_json(raw) for raw in data["lines"]]
            raw_sale = data.get("sale_discount")
            sale_discount = Discount.from_json(raw_sale) if raw_sale is not None else None
        except CartError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError):
            raise CartError("data transaksi tersimpan rusak") from None
        cart = cls()
        cart._apply(lines, sale_discount)
        return cart

    def _line(self, index: int) -> CartLine:
        if not _is_int(index) or not 0 <= index < len(self._lines):
            raise CartError(f"baris {index + 1 if _is_int(index) else index} tidak ada")
        return self._lines[index]

    def _apply_line(self, index: int, line: CartLine) -> None:
        lines = list(self._lines)
        lines[index] = line
        self._apply(lines, self._sale_discount)

    def _apply(self, lines: Sequence[CartLine], sale_discount: Discount | None) -> None:
        _check_state(lines, sale_discount)
        self._lines = list(lines)
        self._sale_discount = sale_discount


def _line_from_json(raw: Mapping[str, Any]) -> CartLine:
    p = raw["product"]
    for key in ("product_id", "code", "name", "unit_price"):
        if key not in p:
            raise CartError("data transaksi tersimpan rusak")
    if not _is_int(p["product_id"]) or not isinstance(p["code"], str) or not isinstance(p["name"], str):
        raise CartError("data transaksi tersimpan rusak")
    supplier_id = p.get("supplier_id")
    if supplier_id is not None and not _is_int(supplier_id):
        raise CartError("data transaksi tersimpan rusak")
    product = Product(
        product_id=p["product_id"],
        code=p["code"],
        name=p["name"],
        unit_price=_check_price(p["unit_price"]),
        tax_mode=TaxMode(p.get("tax_mode", TaxMode.NONE)),
        supplier_id=supplier_id,
    )
    raw_discount = raw.get("discount")
    discount = Discount.from_json(raw_discount) if raw_discount is not None else None
    return CartLine(product, _check_qty(raw["qty"]), _check_price(raw["unit_price"]), discount)
