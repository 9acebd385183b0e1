"""Parking a sale and recalling it later: several carts can wait, and they survive a restart.

A parked cart is stored as `Cart.snapshot()` with the buyer's NIP (if one was identified). Any signed-in
user may recall any parked sale (a colleague can finish it); parking and recalling are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from pos.core.cart import Cart
from pos.core.errors import DomainError
from pos.core.nip import parse_nip
from pos.core.pricing import price_cart
from pos.core.timeutil import local_time, utc_now
from pos.db.models import HeldSale, User
from pos.db.uow import UnitOfWork
from pos.services import audit, checkout
from pos.services.context import Actor

MAX_LABEL = 80


class HeldSaleError(DomainError):
    """A sale cannot be parked or recalled (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class HeldView:
    held_id: int
    label: str
    cashier: str
    created_at: datetime
    item_count: int
    line_count: int
    total: int
    has_buyer: bool


@dataclass(frozen=True)
class RecalledCart:
    """The cart as parked. `buyer_nip` is the 18 digits or None."""

    held_id: int
    label: str
    cart: Cart
    buyer_nip: str | None


def _cart_of(row: HeldSale) -> Cart:
    data: dict[str, Any] = row.snapshot
    return Cart.from_snapshot(data.get("cart", {}))


def _view(row: HeldSale, cashier: str) -> HeldView:
    cart = _cart_of(row)
    return HeldView(
        held_id=row.id,
        label=row.label,
        cashier=cashier,
        created_at=row.created_at,
        item_count=cart.item_count,
        line_count=len(cart.lines),
        total=price_cart(cart).total,
        has_buyer=bool(row.snapshot.get("buyer_nip")),
    )


def park(
    uow: UnitOfWork,
    actor: Actor,
    cart: Cart,
    label: str | None,
    *,
    buyer_nip: str | None = None,
    now: datetime | None = None,
) -> HeldView:
    """Park `cart` (the caller then clears its own cart); a blank label becomes "Parkir HH:MM"."""
    if cart.is_empty:
        raise HeldSaleError("Keranjang kosong: tidak ada yang diparkir.")
    nip = parse_nip(buyer_nip).digits if buyer_nip else None
    now = now or utc_now()
    text = (label or "").strip()
    if not text:
        zone = checkout.outlet_info(uow).timezone
        text = f"Parkir {local_time(now, zone):%H:%M}"
    row = HeldSale(
        label=text[:MAX_LABEL],
        user_id=actor.user_id,
        created_at=now,
        snapshot={"cart": cart.snapshot(), "buyer_nip": nip},
    )
    uow.session.add(row)
    uow.session.flush()
    view = _view(row, actor.username)
    audit.record(uow, actor, "sale.park", held_id=row.id, label=row.label, total=view.total)
    uow.commit()
    return view


def list_held(uow: UnitOfWork) -> list[HeldView]:
    """Parked sales, oldest first."""
    rows = uow.session.execute(
        select(HeldSale, User.username).join(User, User.id == HeldSale.user_id).order_by(HeldSale.id)
    ).all()
    return [_view(row, username) for row, username in rows]


def recall(uow: UnitOfWork, actor: Actor, held_id: int) -> RecalledCart:
    """Take a parked sale back into a cart and delete it from the parked list, in one commit.

    Prices are the parked prices: a price changed in the catalog meanwhile does not change a parked cart
    (the customer was told those prices); scan the item again to get the new price.
    """
    row = uow.session.get(HeldSale, held_id)
    if row is None:
        raise HeldSaleError("Transaksi parkir tidak ditemukan (mungkin sudah dipanggil di kasir lain).")
    cart = _cart_of(row)
    nip = row.snapshot.get("buyer_nip")
    recalled = RecalledCart(held_id=row.id, label=row.label, cart=cart, buyer_nip=nip if nip else None)
    audit.record(uow, actor, "sale.recall", held_id=row.id, label=row.label, parked_by=row.user_id)
    uow.session.delete(row)
    uow.commit()
    return recalled
