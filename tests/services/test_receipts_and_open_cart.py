"""Receipts kept as issued (a reprint is the receipt the customer got) and what never printed; the cart
in progress kept across a crash, never both sold (or parked, or recalled) and offered again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from pos.application.till import TillBackend
from pos.core.document import render_text
from pos.core.receipt import receipt_document
from pos.db.models import Outlet
from pos.services import held, open_cart, receipts

if TYPE_CHECKING:
    from conftest import Till

KOPI, MADU = "8991000000011", "8991000000028"


def test_a_reprint_is_the_receipt_as_issued_even_after_the_footer_changed(till: Till) -> None:
    sale = till.sell([(KOPI, 1)])
    with till.db.unit_of_work() as uow:
        first = receipts.receipt(uow, sale.receipt_no)
    with till.db.unit_of_work() as uow:
        outlet = uow.session.scalars(select(Outlet)).one()
        old_footer = outlet.receipt_footer
        outlet.receipt_footer, outlet.address = "Promo Natal: diskon tenun!", "Alamat baru"
        uow.commit()
    with till.db.unit_of_work() as uow:
        again = receipts.receipt(uow, sale.receipt_no, reprint=True)
    assert not first.reprint and again.reprint
    text = render_text(receipt_document(again, 48), 48)
    assert old_footer in text and "Promo Natal" not in text and "Alamat baru" not in text
    assert "CETAK ULANG" in text and again.header == first.header and again.lines == first.lines


def test_receipts_that_never_printed_are_listed_until_printed(till: Till) -> None:
    printed = till.sell([(KOPI, 1)])
    crashed = till.sell([(MADU, 1)])  # committed, then the power went before the printer had it
    with till.db.unit_of_work() as uow:
        receipts.receipt(uow, printed.receipt_no)
        receipts.mark_printed(uow, printed.receipt_no)
    with till.db.unit_of_work() as uow:
        assert [r.receipt_no for r in receipts.unprinted(uow)] == [crashed.receipt_no]
        assert receipts.unprinted(uow)[0].total == crashed.total
        original = receipts.receipt(uow, crashed.receipt_no)
    assert not original.reprint  # printed later, it is still the original
    with till.db.unit_of_work() as uow:
        receipts.mark_printed(uow, crashed.receipt_no)
        assert receipts.unprinted(uow) == []


def test_the_open_cart_survives_and_goes_with_the_sale_or_the_park(till: Till) -> None:
    backend = TillBackend(till.db.unit_of_work)
    cart = till.cart((KOPI, 2), (MADU, 1))
    backend.save_open_cart(till.cashier, cart, None)
    left = backend.left_open_cart()
    assert left is not None and left.item_count == 3 and left.total == 270_000
    assert left.cart.snapshot() == cart.snapshot()

    # Paying commits the sale and drops the open cart in ONE transaction.
    from pos.core.payments import Payment, PaymentMethod

    backend.complete_sale(
        till.cashier, cart, [Payment(PaymentMethod.CASH, 270_000)], buyer_nip=None, shift_id=None
    )
    assert backend.left_open_cart() is None

    backend.save_open_cart(till.cashier, till.cart((MADU, 1)), None)
    parked = backend.park(till.cashier, till.cart((MADU, 1)), "Terputus 10:00", None)
    assert backend.left_open_cart() is None and parked.total == 120_000

    # Recalling makes it the open cart in the same commit that takes it off the parked list.
    backend.recall(till.cashier, parked.held_id)
    with till.db.unit_of_work() as uow:
        assert held.list_held(uow) == []
        back = open_cart.load(uow)
    assert back is not None and back.total == 120_000

    backend.save_open_cart(till.cashier, till.cart(), None)  # an emptied cart is no cart in progress
    assert backend.left_open_cart() is None
