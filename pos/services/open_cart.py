"""The cart in progress, kept on disk like a parked sale: a crash, a killed app or a power cut in the
middle of a sale (even with the payment dialog open) loses nothing; the next sign-in offers it back.

The checkout screen writes it at every change. Finishing the sale, parking it or recalling a parked
one goes through `discard`/`save` inside THAT operation's transaction, so after a crash a cart is never
both sold and offered again, nor parked and offered again, nor recalled and lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete

from pos.core.cart import Cart
from pos.core.nip import parse_nip
from pos.core.pricing import price_cart
from pos.core.timeutil import utc_now
from pos.db.models import HeldSale, OpenCart, User
from pos.db.uow import UnitOfWork
from pos.services import held
from pos.services.context import Actor

ROW_ID = 1  # a till has one checkout screen, so one open cart


@dataclass(frozen=True)
class OpenCartView:
    cart: Cart
    buyer_nip: str | None
    cashier: str
    updated_at: datetime
    item_count: int
    total: int


def snapshot_of(cart: Cart, buyer_nip: str | None) -> dict[str, Any]:
    """The same shape a parked sale keeps (pos.services.held)."""
    return {"cart": cart.snapshot(), "buyer_nip": parse_nip(buyer_nip).digits if buyer_nip else None}


def save(
    uow: UnitOfWork,
    actor: Actor,
    snapshot: dict[str, Any],
    *,
    commit: bool = True,
    now: datetime | None = None,
) -> None:
    """Keep the cart being built (`snapshot_of`); an empty cart removes it."""
    if not snapshot.get("cart", {}).get("lines"):
        discard(uow, commit=commit)
        return
    row = uow.session.get(OpenCart, ROW_ID)
    if row is None:
        row = OpenCart(id=ROW_ID, user_id=actor.user_id, updated_at=now or utc_now(), snapshot=snapshot)
        uow.session.add(row)
    else:
        row.user_id, row.updated_at, row.snapshot = actor.user_id, now or utc_now(), snapshot
    if commit:
        uow.commit()


def discard(uow: UnitOfWork, *, commit: bool = True) -> None:
    """No cart in progress any more; with commit=False it goes with the caller's own commit."""
    uow.session.execute(delete(OpenCart))
    if commit:
        uow.commit()


def load(uow: UnitOfWork) -> OpenCartView | None:
    """The cart left in progress (by a crash), or None."""
    row = uow.session.get(OpenCart, ROW_ID)
    if row is None:
        return None
    cart = Cart.from_snapshot(row.snapshot.get("cart", {}))
    if cart.is_empty:
        return None
    user = uow.session.get(User, row.user_id)
    return OpenCartView(
        cart=cart,
        buyer_nip=row.snapshot.get("buyer_nip") or None,
        cashier=user.full_name if user else "?",
        updated_at=row.updated_at,
        item_count=cart.item_count,
        total=price_cart(cart).total,
    )


def recall_parked(uow: UnitOfWork, actor: Actor, held_id: int) -> held.RecalledCart:
    """Recall a parked sale: it becomes the open cart in the same commit that removes it from the list."""
    row = uow.session.get(HeldSale, held_id)
    if row is not None:
        save(uow, actor, dict(row.snapshot), commit=False)
    return held.recall(uow, actor, held_id)
