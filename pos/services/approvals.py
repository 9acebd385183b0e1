"""Which carts need a manager's approval: discounts and price cuts above the outlet's limits.

The limits are settings (`discount.manager_pin_above_percent`, `price_override.manager_pin_above_percent`,
in percent). `pos.services.checkout.complete_sale` refuses a cart above them without an approving
manager, so the rule holds whatever screen (or script) builds the cart; the till asks for the PIN
before a discount is applied and, for a cart it cannot vouch for (recalled, restored after a crash),
again before paying.

How a percentage is measured (the same as the till always showed it):
- a line discount: its percent, or rupiah off / the line's gross;
- a sale discount: its percent, or rupiah off / the cart after line discounts;
- a price override: (price at scan - charged price) / price at scan; a raise needs nobody.
"""

from __future__ import annotations

from decimal import Decimal

from pos.core.cart import Cart, Discount
from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.db.models import User
from pos.db.uow import UnitOfWork
from pos.services import settings
from pos.services.context import ROLE_RANK, Actor, Role

DISCOUNT_LIMIT_KEY = "discount.manager_pin_above_percent"
PRICE_LIMIT_KEY = "price_override.manager_pin_above_percent"


class ApprovalRequired(DomainError):
    """The cart goes beyond the limits and no manager approved it."""


def _percent_of(discount: Discount, base: int) -> Decimal:
    if discount.percent is not None:
        return discount.percent
    return Decimal(100 * discount.off(base)) / max(1, base)


def _cut(listed: int, charged: int) -> Decimal:
    return Decimal(100 * (listed - charged)) / max(1, listed)


def over_limits(cart: Cart, discount_limit: Decimal, price_limit: Decimal) -> list[str]:
    """What in `cart` is above the limits, each as a short text for the approval dialog (empty: nothing)."""
    found: list[str] = []
    for number, line in enumerate(cart.lines, start=1):
        if line.unit_price < line.product.unit_price and _cut(line.product.unit_price, line.unit_price) > (
            price_limit
        ):
            found.append(
                f"Baris {number}: harga {format_rupiah(line.product.unit_price)} "
                f"ke {format_rupiah(line.unit_price)}"
            )
        if line.discount is not None and _percent_of(line.discount, line.gross) > discount_limit:
            found.append(f"Baris {number}: {line.discount.describe()}")
    if cart.sale_discount is not None:
        base = sum(line.after_discount for line in cart.lines)
        if _percent_of(cart.sale_discount, base) > discount_limit:
            found.append(f"Transaksi: {cart.sale_discount.describe()}")
    return found


def _may_touch_prices(cart: Cart) -> bool:
    """Cheap first look: most carts have no discount and no lowered price, and then no setting is read."""
    return cart.sale_discount is not None or any(
        line.discount is not None or line.unit_price < line.product.unit_price for line in cart.lines
    )


def needs_approval(uow: UnitOfWork, cart: Cart) -> list[str]:
    """What in the cart needs a manager under this outlet's limits (empty: nothing)."""
    if not _may_touch_prices(cart):
        return []
    return over_limits(
        cart,
        Decimal(str(settings.get(uow, DISCOUNT_LIMIT_KEY))),
        Decimal(str(settings.get(uow, PRICE_LIMIT_KEY))),
    )


def is_active_manager(uow: UnitOfWork, approver: Actor) -> bool:
    """From the users table, not the Actor handed in: a stale Actor of a demoted user approves nothing."""
    user = uow.session.get(User, approver.user_id)
    return user is not None and user.active and ROLE_RANK[Role(user.role)] >= ROLE_RANK[Role.MANAGER]


def approver_for(uow: UnitOfWork, actor: Actor, cart: Cart, approved_by: Actor | None) -> Actor | None:
    """The manager who answers for the cart's discounts and prices, or None when nothing needs one.

    A manager or admin selling answers for their own cart. Raises ApprovalRequired when the cart needs
    a manager and `approved_by` is missing or not a manager.
    """
    found = needs_approval(uow, cart)
    if not found:
        return None
    if approved_by is not None and is_active_manager(uow, approved_by):
        return approved_by
    if approved_by is None and actor.at_least(Role.MANAGER):
        return actor
    what = "; ".join(found)
    if approved_by is not None:
        raise ApprovalRequired(f"{approved_by.full_name} bukan manajer aktif; perlu persetujuan: {what}.")
    raise ApprovalRequired(f"Perlu persetujuan manajer untuk: {what}.")
