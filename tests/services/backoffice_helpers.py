"""Small helpers shared by the back-office service tests: counting rows, selling through the real till."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from pos.core.cart import Cart, Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import AuditEntry, OutboxEvent
from pos.services import catalog, checkout
from pos.services.checkout import CompletedSale
from pos.services.context import Actor


def count(db: Database, model: Any) -> int:
    with db.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def events(db: Database, kind: str) -> list[dict[str, Any]]:
    with db.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(OutboxEvent.payload).where(OutboxEvent.kind == kind).order_by(OutboxEvent.id)
        )
        return [json.loads(p) for p in rows]


def audits(db: Database, action: str) -> list[tuple[int | None, dict[str, Any]]]:
    """(user_id, detail) of each audit entry with this action, oldest first."""
    with db.unit_of_work() as uow:
        rows = uow.session.execute(
            select(AuditEntry.user_id, AuditEntry.detail)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.id)
        )
        return [(user_id, detail) for user_id, detail in rows]


def sell(
    db: Database,
    cashier: Actor,
    items: list[tuple[int, int]],
    *,
    now: datetime | None = None,
    sale_discount: Discount | None = None,
) -> CompletedSale:
    """Sell (product_id, qty) pairs through pos.services.checkout, paid exactly in cash."""
    cart = Cart()
    with db.unit_of_work() as uow:
        for product_id, qty in items:
            view = catalog.get_product(uow, product_id)
            assert view is not None
            cart.add(view.as_cart_product(), qty)
    if sale_discount is not None:
        cart.set_sale_discount(sale_discount)
    total = price_cart(cart).total
    with db.unit_of_work() as uow:
        return checkout.complete_sale(uow, cashier, cart, [Payment(PaymentMethod.CASH, total)], now=now)
