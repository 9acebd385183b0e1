"""A print job thrown away ("Buang") is audited with who did it; a sale's receipt is then no longer
offered as never printed after a restart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from pos.db.models import AuditEntry
from pos.services import print_jobs, receipts

if TYPE_CHECKING:
    from conftest import Till

KOPI = "8991000000011"


def test_discard_is_audited_and_closes_the_receipt(till: Till) -> None:
    sale = till.sell([(KOPI, 1)])
    with till.db.unit_of_work() as uow:
        assert [r.receipt_no for r in receipts.unprinted(uow)] == [sale.receipt_no]
        print_jobs.record_discard(
            uow, till.cashier, f"Struk {sale.receipt_no}", "Printer offline", sale.receipt_no
        )
    with till.db.unit_of_work() as uow:
        assert receipts.unprinted(uow) == []
        entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "print.discard")).one()
        assert entry.user_id == till.cashier.user_id
        assert entry.detail["receipt_no"] == sale.receipt_no and entry.detail["error"] == "Printer offline"
