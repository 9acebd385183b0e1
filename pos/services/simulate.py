"""Simulated trading: random baskets through the same checkout service the till uses.

Used by `ntt-pos simulate`, the crash test and benchmarks; deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from sqlalchemy import select

from pos.core.cart import Cart
from pos.core.payments import Payment, PaymentMethod, quick_tenders
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import AsnRegistryEntry, Product, User
from pos.services import checkout
from pos.services.catalog import get_product
from pos.services.checkout import CompletedSale
from pos.services.context import Actor, Role
from pos.services.users import actor_of


def pick_cashier(db: Database, username: str | None = None) -> Actor:
    with db.unit_of_work() as uow:
        query = select(User).where(User.active.is_(True)).order_by(User.id)
        wanted = User.username == username if username else User.role == Role.CASHIER.value
        query = query.where(wanted)
        user = uow.session.scalars(query).first()
        if user is None:
            raise checkout.CheckoutError("Tidak ada kasir aktif untuk simulasi.")
        return actor_of(user)


def _payments(rng: random.Random, total: int) -> list[Payment]:
    roll = rng.random()
    if total == 0:
        return []
    if roll < 0.55:
        return [Payment(PaymentMethod.CASH, rng.choice(quick_tenders(total)))]
    if roll < 0.80:
        return [Payment(PaymentMethod.QRIS, total)]
    if roll < 0.90:
        return [Payment(PaymentMethod.DEBIT, total, f"EDC{rng.randrange(10**6):06d}")]
    if roll < 0.95:
        return [Payment(PaymentMethod.TRANSFER, total, f"TRF{rng.randrange(10**8):08d}")]
    part = total // 2
    cash = total - part
    return [Payment(PaymentMethod.QRIS, part), Payment(PaymentMethod.CASH, rng.choice(quick_tenders(cash)))]


def simulate(
    db: Database,
    actor: Actor,
    count: int,
    *,
    seed: int = 1,
    on_commit: Callable[[CompletedSale], None] | None = None,
) -> Iterator[CompletedSale]:
    """Yield `count` committed sales; `on_commit` runs right after each commit (before the next)."""
    rng = random.Random(seed)
    with db.unit_of_work() as uow:
        active = select(Product.id).where(Product.active.is_(True)).order_by(Product.id)
        ids = list(uow.session.scalars(active))
        nips = list(uow.session.scalars(select(AsnRegistryEntry.nip).order_by(AsnRegistryEntry.nip)))
        products = {pid: get_product(uow, pid) for pid in ids}
    if not ids:
        raise checkout.CheckoutError("Katalog kosong: tidak ada produk untuk disimulasikan.")
    for _ in range(count):
        cart = Cart()
        for pid in rng.sample(ids, k=min(len(ids), rng.randint(1, 6))):
            view = products[pid]
            assert view is not None
            cart.add(view.as_cart_product(), rng.choice((1, 1, 1, 2, 3)))
        total = price_cart(cart).total
        buyer = rng.choice(nips) if nips and rng.random() < 0.3 else None
        with db.unit_of_work() as uow:
            sale = checkout.complete_sale(uow, actor, cart, _payments(rng, total), buyer_nip=buyer)
        if on_commit is not None:
            on_commit(sale)
        yield sale
