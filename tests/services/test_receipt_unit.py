"""A sale's receipt names each product's unit beside its quantity (issue 11), as the sale was made."""

from __future__ import annotations

from backoffice_helpers import sell
from sqlalchemy import select

from pos.core.document import render_text
from pos.core.receipt import receipt_document
from pos.db.engine import Database
from pos.db.models import Product
from pos.services import receipts
from pos.services.context import Actor


def test_the_receipt_carries_the_products_unit(demo_db: Database, demo_cashier: Actor) -> None:
    with demo_db.unit_of_work() as uow:
        product = uow.session.scalars(select(Product).where(Product.active).order_by(Product.id)).first()
        assert product is not None
        product.unit = "botol"
        uow.commit()
        product_id = product.id
    sale = sell(demo_db, demo_cashier, [(product_id, 2)])
    with demo_db.unit_of_work() as uow:
        issued = receipts.receipt(uow, sale.receipt_no)
    assert [line.unit for line in issued.lines] == ["botol"]
    text = render_text(receipt_document(issued, 32), 32)
    assert "  2 botol x Rp" in text
    with demo_db.unit_of_work() as uow:
        uow.session.get_one(Product, product_id).unit = "pcs"  # a later change: the kept receipt stays
        uow.commit()
    with demo_db.unit_of_work() as uow:
        assert receipts.receipt(uow, sale.receipt_no, reprint=True).lines[0].unit == "botol"
