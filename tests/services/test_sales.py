"""Reading sales back as receipts: the ASN block, masking, reprints."""

from __future__ import annotations

from sqlalchemy import select

from pos.core.cart import Cart
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.db.engine import Database
from pos.db.models import AsnRegistryEntry
from pos.services import catalog, checkout, sales
from pos.services.context import Actor


def sell(db: Database, actor: Actor, nip: str | None) -> checkout.CompletedSale:
    cart = Cart()
    with db.unit_of_work() as uow:
        cart.add(catalog.search(uow, "kopi arabika", limit=1)[0].as_cart_product(), 2)
    total = price_cart(cart).total
    with db.unit_of_work() as uow:
        return checkout.complete_sale(uow, actor, cart, [Payment(PaymentMethod.QRIS, total)], buyer_nip=nip)


def test_receipt_of_an_asn_sale_shows_masked_nip_and_progress(demo_db: Database, demo_cashier: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        entry = uow.session.scalars(select(AsnRegistryEntry).limit(1)).one()
        nip, name = entry.nip, entry.name
    first = sell(demo_db, demo_cashier, nip)
    second = sell(demo_db, demo_cashier, nip)
    with demo_db.unit_of_work() as uow:
        receipt = sales.receipt_for(uow, second.receipt_no, reprint=True)
    assert receipt.reprint and receipt.buyer is not None
    assert receipt.buyer.name == name
    assert nip[:8] not in receipt.buyer.masked_nip and receipt.buyer.masked_nip.startswith("********")
    assert receipt.buyer.period_total == first.total + second.total
    assert receipt.buyer.minimum == 100_000
    assert receipt.total == second.total and sum(line.total for line in receipt.lines) == second.total


def test_receipt_without_buyer_has_no_asn_block(demo_db: Database, demo_cashier: Actor) -> None:
    sale = sell(demo_db, demo_cashier, None)
    with demo_db.unit_of_work() as uow:
        receipt = sales.receipt_for(uow, sale.receipt_no)
        assert sales.last_receipt_no(uow) == sale.receipt_no
    assert receipt.buyer is None and not receipt.reprint
    assert receipt.header.outlet_name == "NTT Mart by Dekranasda Kota Kupang"
    offset = receipt.issued_at.utcoffset()
    assert offset is not None and offset.total_seconds() == 8 * 3600  # WITA


def test_receipt_header_lines_from_settings_are_printed(demo_db: Database, demo_cashier: Actor) -> None:
    from pos.core.document import render_text
    from pos.core.receipt import receipt_document
    from pos.services import settings, users

    with demo_db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
        settings.put(uow, admin, "receipt.header", "Buka 08.00-21.00 WITA\nProduk asli UMKM NTT")
        uow.commit()
    sale = sell(demo_db, demo_cashier, None)
    with demo_db.unit_of_work() as uow:
        text = render_text(receipt_document(sales.receipt_for(uow, sale.receipt_no), 32), 32)
    assert "Buka 08.00-21.00 WITA" in text and "Produk asli UMKM NTT" in text
    assert text.index("Produk asli UMKM NTT") < text.index(sale.receipt_no)
