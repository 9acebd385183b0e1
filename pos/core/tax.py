"""How PPN (VAT) applies to a product; the rates and the arithmetic are in `pos.core.pricing`.

A module of its own so that both the cart (which holds each product's mode) and pricing (which reads a
cart) import it without importing each other.
"""

from __future__ import annotations

from enum import StrEnum


class TaxMode(StrEnum):
    """How PPN applies to a product; most UMKM suppliers are not PKP, hence NONE by default."""

    NONE = "none"
    PPN_INCLUDED = "ppn_included"
    PPN_ADDED = "ppn_added"
