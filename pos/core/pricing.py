"""Money of a cart, computed once and exactly in int rupiah.

Order of work and rounding (every step is an int; nothing is rounded twice):
1. gross = qty * unit_price per line.
2. line discount: rupiah as given, or percent of gross rounded half up.
3. sale discount: rupiah as given, or percent of the sum of (gross - line discount) rounded half up;
   shared out to the lines pro rata to (gross - line discount) by largest remainder, so the shares add
   up exactly to the sale discount (ties go to the earlier line). net = gross - line discount - share.
4. PPN per tax mode on the summed nets of that mode (not line by line), rounded half up:
   PPN_INCLUDED: tax = base * 11/111 (the shelf price holds the tax; the total does not change);
   PPN_ADDED: tax = base * 11/100, added to the total.
   Each mode's tax is then shared to its lines by largest remainder, so line taxes add up exactly.
5. total = sum of nets + added tax.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.core.errors import DomainError
from pos.core.tax import TaxMode

if TYPE_CHECKING:
    from pos.core.cart import Cart, Product

# PPN (VAT) from 2025: 12% of a tax base (DPP) of 11/12 of the price, which is 11% of the price.
# Kept as a fraction so the arithmetic stays exact in ints.
PPN_RATE_NUMERATOR = 11
PPN_RATE_DENOMINATOR = 100


def _div_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for numerator >= 0 and denominator > 0."""
    return (2 * numerator + denominator) // (2 * denominator)


def ppn_included_in(amount: int) -> int:
    """PPN held inside a tax-inclusive amount: amount * 11/111, rounded half up."""
    return _div_half_up(amount * PPN_RATE_NUMERATOR, PPN_RATE_DENOMINATOR + PPN_RATE_NUMERATOR)


def ppn_added_to(amount: int) -> int:
    """PPN charged on top of a net amount: amount * 11/100, rounded half up."""
    return _div_half_up(amount * PPN_RATE_NUMERATOR, PPN_RATE_DENOMINATOR)


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Split `amount` pro rata to `weights` by largest remainder; the parts add up exactly to `amount`.

    Ties in the remainder go to the earlier weight, so the split is deterministic. All weights zero
    is only allowed for an amount of zero.
    """
    if amount < 0 or any(weight < 0 for weight in weights):
        raise DomainError("pembagian nominal tidak boleh negatif")
    total_weight = sum(weights)
    if total_weight == 0:
        if amount:
            raise DomainError("tidak ada dasar untuk membagi nominal")
        return [0] * len(weights)
    parts = [amount * weight // total_weight for weight in weights]
    remainders = [amount * weight % total_weight for weight in weights]
    leftover = amount - sum(parts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for index in by_remainder[:leftover]:
        parts[index] += 1
    return parts


@dataclass(frozen=True)
class PricedLine:
    """One cart line with its money. `net` is what the line earned (tax included for PPN_INCLUDED
    lines, tax excluded for PPN_ADDED lines); consignment settlement pays suppliers from it."""

    product: Product
    qty: int
    unit_price: int
    gross: int
    line_discount: int
    sale_discount_share: int
    net: int
    tax: int

    @property
    def discount(self) -> int:
        """All discount on this line: its own plus its share of the sale discount."""
        return self.line_discount + self.sale_discount_share

    @property
    def tax_added(self) -> int:
        """The part of `tax` the customer pays on top of `net`."""
        return self.tax if self.product.tax_mode is TaxMode.PPN_ADDED else 0

    @property
    def amount_due(self) -> int:
        """What the customer pays for this line: net plus any PPN added on top."""
        return self.net + self.tax_added


@dataclass(frozen=True)
class Totals:
    """The money of a whole sale; `total` is what the customer pays."""

    lines: tuple[PricedLine, ...]
    subtotal: int
    line_discounts: int
    sale_discount: int
    tax_included: int
    tax_added: int
    total: int
    item_count: int

    @property
    def discount(self) -> int:
        return self.line_discounts + self.sale_discount

    @property
    def tax(self) -> int:
        """All PPN of the sale (included and added); only the added part raised `total`."""
        return self.tax_included + self.tax_added


def _taxes(modes: Sequence[TaxMode], nets: Sequence[int]) -> tuple[list[int], int, int]:
    """Per-line tax, total included tax and total added tax, computed on each mode's summed base."""
    line_taxes = [0] * len(nets)
    totals: dict[TaxMode, int] = {}
    for mode, tax_of in ((TaxMode.PPN_INCLUDED, ppn_included_in), (TaxMode.PPN_ADDED, ppn_added_to)):
        indexes = [i for i, line_mode in enumerate(modes) if line_mode is mode]
        base = sum(nets[i] for i in indexes)
        tax = tax_of(base)
        totals[mode] = tax
        for i, share in zip(indexes, allocate(tax, [nets[i] for i in indexes]), strict=True):
            line_taxes[i] = share
    return line_taxes, totals[TaxMode.PPN_INCLUDED], totals[TaxMode.PPN_ADDED]


def price_cart(cart: Cart) -> Totals:
    """Work out the money of `cart` (see the module docstring for the order and the rounding)."""
    lines = cart.lines
    grosses = [line.gross for line in lines]
    line_discounts = [line.discount_amount for line in lines]
    after_line = [gross - off for gross, off in zip(grosses, line_discounts, strict=True)]
    sale_discount = cart.sale_discount.off(sum(after_line)) if cart.sale_discount else 0
    shares = allocate(sale_discount, after_line)
    nets = [amount - share for amount, share in zip(after_line, shares, strict=True)]
    line_taxes, tax_included, tax_added = _taxes([line.product.tax_mode for line in lines], nets)
    priced = tuple(
        PricedLine(
            product=line.product,
            qty=line.qty,
            unit_price=line.unit_price,
            gross=gross,
            line_discount=line_off,
            sale_discount_share=share,
            net=net,
            tax=tax,
        )
        for line, gross, line_off, share, net, tax in zip(
            lines, grosses, line_discounts, shares, nets, line_taxes, strict=True
        )
    )
    return Totals(
        lines=priced,
        subtotal=sum(grosses),
        line_discounts=sum(line_discounts),
        sale_discount=sale_discount,
        tax_included=tax_included,
        tax_added=tax_added,
        total=sum(nets) + tax_added,
        item_count=cart.item_count,
    )
