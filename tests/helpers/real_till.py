"""A real outlet till for seam tests: set up the way `ntt-pos init` does (not the demo), with producers,
products in every PPN mode and opening stock entered through the back-office services, and sales made
by the real checkout. Its outbox holds exactly what a shop's till would send to the province."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pos.core.cart import Cart, Discount
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import OutboxEvent, User
from pos.services import catalog, checkout, products, refunds, settings, setup, stock, suppliers, users
from pos.services.context import Actor, Role

ADMIN_PIN = "2468"
MANAGER_PIN = "3579"

# code, name, price, producer, tax mode
CATALOG: tuple[tuple[str, str, int, str, str], ...] = (
    ("8991000000010", "Kopi Arabika Manggarai 250 g", 75_000, "SUP-001", "none"),
    ("8991000000027", "Madu Hutan Timor 500 ml", 120_000, "SUP-002", "none"),
    ("8991000000034", "Tenun Ikat Sumba Timur", 1_050_000, "SUP-002", "ppn_included"),
    ("8991000000041", "Minyak Kayu Putih Buru 60 ml", 33_333, "SUP-001", "ppn_added"),
    ("8991000000058", "Se'i Sapi Kupang 250 g", 85_000, "SUP-003", "ppn_included"),
)


@dataclass
class RealTill:
    db: Database
    admin: Actor
    manager: Actor
    catalog: dict[str, Any] = field(default_factory=dict)

    def cart(self, *items: tuple[str, int]) -> Cart:
        cart = Cart()
        for code, qty in items:
            cart.add(self.catalog[code], qty)
        return cart

    def sell(
        self,
        cart: Cart,
        payments: Sequence[Payment] | None = None,
        *,
        buyer_nip: str | None = None,
        now: datetime | None = None,
    ) -> checkout.CompletedSale:
        if payments is None:
            payments = [Payment(PaymentMethod.CASH, price_cart(cart).total)] if price_cart(cart).total else []
        with self.db.unit_of_work() as uow:
            return checkout.complete_sale(uow, self.admin, cart, payments, buyer_nip=buyer_nip, now=now)

    def refund(self, receipt_no: str, lines: dict[int, int] | None = None) -> refunds.RefundResult:
        with self.db.unit_of_work() as uow:
            return refunds.refund_sale(uow, self.admin, self.manager, receipt_no, lines, "barang rusak", None)

    def sale_lines(self, receipt_no: str) -> list[refunds.RefundableLine]:
        with self.db.unit_of_work() as uow:
            return list(refunds.find_sale_for_refund(uow, receipt_no).lines)

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        """The outbox envelopes in commit order, as the till sends them."""
        with self.db.unit_of_work() as uow:
            query = uow.session.query(OutboxEvent).order_by(OutboxEvent.id)
            if kind:
                query = query.filter(OutboxEvent.kind == kind)
            return [json.loads(row.payload) for row in query]


def line_discount(percent: str) -> Discount:
    return Discount.of_percent(percent, "promo")


def make_real_till(folder: Path, code: str = "5371", terminal: str = "01", *, ppn: bool = True) -> RealTill:
    """An outlet set up by the first-run service, with three producers and five products in stock.

    With `ppn` the outlet is PKP (PPN included by default): the catalog then sells in both PPN modes
    (products without their own mode take the outlet's); without it no line carries PPN."""
    db = Database.open(folder, create=True)
    setup.initialize_outlet(
        db,
        setup.OutletSetup(
            outlet_code=code,
            name=f"NTT Mart Uji {code}",
            kabupaten_code="5371",
            address="Jl. El Tari No. 1, Kupang",
            admin_username="admin",
            admin_pin=ADMIN_PIN,
            terminal=terminal,
        ),
    )
    with db.unit_of_work() as uow:
        admin = users.actor_of(uow.session.query(User).filter_by(username="admin").one())
        if ppn:
            settings.set_tax(uow, admin, ppn_enabled=True, mode="included", rate_percent=11)
            uow.commit()
        info = users.create_user(
            uow, admin, username="manajer", full_name="Agustina Nalle", role=Role.MANAGER, pin=MANAGER_PIN
        )
        manager = Actor(info.user_id, info.username, info.full_name, info.role)
    producer_ids: dict[str, int] = {}
    for number, name in enumerate(("Kopi Flores Bajawa", "Tenun Ina Ndao", "Se'i Bu Ati"), start=1):
        with db.unit_of_work() as uow:
            made = suppliers.create_supplier(
                uow, admin, suppliers.SupplierInput(name=name, code=f"SUP-{number:03d}", kabupaten="5371")
            )
            producer_ids[made.code] = made.supplier_id
    till = RealTill(db, admin, manager)
    for barcode, name, price, producer, tax_mode in CATALOG:
        with db.unit_of_work() as uow:
            detail = products.create_product(
                uow,
                admin,
                products.ProductInput(
                    name=name,
                    price=price,
                    barcode=barcode,
                    supplier_id=producer_ids[producer],
                    tax_mode=tax_mode,
                ),
            )
            stock.receive(uow, admin, producer_ids[producer], [stock.StockLine(detail.product_id, 500)])
            view = catalog.find_by_barcode(uow, barcode)
            assert view is not None
            till.catalog[barcode] = view.as_cart_product()
    return till
