"""Kas masuk / kas keluar: manager-approved, against an open shift, in the expected cash and on X/Z."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from pos.core.document import render_text
from pos.core.payments import Payment, PaymentMethod
from pos.core.report_documents import shift_report_document
from pos.db.models import AuditEntry, CashMovement, OutboxEvent, SupplierPayout
from pos.services import cash_movements, consignment, shifts, users
from pos.services.cash_movements import IN, OUT, CashMovementError
from pos.services.consignment import ConsignmentError
from pos.services.context import PermissionDenied, Role

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI = "8991000000011"  # Rp75.000, producer SUP-001
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def _open(till: Till, who: str, opening: int) -> int:
    actor = {"kasir1": till.cashier, "manajer": till.manager}[who]
    with till.db.unit_of_work() as uow:
        return shifts.open_shift(uow, actor, opening, now=till.t0).shift_id


def _expected(till: Till, shift_id: int) -> int:
    with till.db.unit_of_work() as uow:
        return shifts.shift_summary(uow, shift_id).expected_cash


def test_movements_change_the_expected_cash_and_each_is_approved_and_audited(till: Till) -> None:
    shift_id = _open(till, "kasir1", 200_000)
    till.sell([(KOPI, 1)], [Payment(PaymentMethod.CASH, 100_000)], shift_id=shift_id, now=till.t0)
    with till.db.unit_of_work() as uow:
        manager = users.authorize(uow, "manajer", "1111", Role.MANAGER, "Kas keluar")
    with till.db.unit_of_work() as uow:
        cash_movements.record(uow, till.cashier, manager, shift_id, OUT, "bank_deposit", 150_000, "BRI")
    with till.db.unit_of_work() as uow:
        cash_movements.record(uow, till.cashier, manager, shift_id, IN, "change_float", 50_000)
    assert _expected(till, shift_id) == 200_000 + 75_000 - 150_000 + 50_000

    refused = [
        (till.cashier, OUT, "petty_cash", 175_001, "melebihi uang di laci (Rp175.000)"),
        (till.cashier, IN, "bank_deposit", 1_000, "hanya bisa sebagai kas keluar"),
        (till.cashier, OUT, "lainnya", 1_000, "tidak dikenal"),
        (till.cashier, IN, "petty_cash", 0, "lebih dari Rp0"),
    ]
    for actor, direction, reason, amount, message in refused:
        with till.db.unit_of_work() as uow, pytest.raises(CashMovementError, match=re.escape(message)):
            cash_movements.record(uow, actor, manager, shift_id, direction, reason, amount)
    with till.db.unit_of_work() as uow, pytest.raises(PermissionDenied, match="disetujui manajer"):
        cash_movements.record(uow, till.cashier, till.cashier2, shift_id, IN, "petty_cash", 1_000)

    with till.db.unit_of_work() as uow:
        listed = cash_movements.for_shift(uow, shift_id)
        audited = [
            (a.action, a.user_id, a.detail["amount"], a.detail["approved_by"])
            for a in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action.in_(("cash.in", "cash.out")))
                .order_by(AuditEntry.id)
            )
        ]
    assert [(m.label, m.signed, m.recorded_by, m.approved_by) for m in listed] == [
        ("Kas keluar: Setor ke bank (BRI)", -150_000, "kasir1", "manajer"),
        ("Kas masuk: Uang kembalian", 50_000, "kasir1", "manajer"),
    ]
    assert audited == [
        ("cash.out", till.cashier.user_id, 150_000, "manajer"),
        ("cash.in", till.cashier.user_id, 50_000, "manajer"),
    ]


def test_the_z_report_lists_the_movements_and_the_close_counts_them(till: Till) -> None:
    shift_id = _open(till, "kasir1", 100_000)
    with till.db.unit_of_work() as uow:
        cash_movements.record(uow, till.cashier, till.manager, shift_id, OUT, "petty_cash", 20_000, "galon")
    counts = {50_000: 1, 20_000: 1, 10_000: 1}  # 80.000 counted, exactly what is expected
    with till.db.unit_of_work() as uow:
        z = shifts.close_shift(uow, till.cashier, shift_id, counts, now=till.t0 + timedelta(hours=8))
    assert (z.expected_cash, z.cash_out, z.difference) == (80_000, 20_000, 0)
    text = render_text(shift_report_document(shifts.report_data(z, "NTT Mart Uji", "Asia/Makassar"), 32), 32)
    assert "Kas masuk/keluar (1):" in text and "Kas keluar: Kas kecil (galon)" in text
    assert "-Rp20.000" in text and "Rp80.000" in text
    with till.db.unit_of_work() as uow:
        event = uow.session.scalars(select(OutboxEvent).where(OutboxEvent.kind == "shift_close")).one()
        payload = json.loads(event.payload)["payload"]
        assert (payload["expected_cash"], payload["difference"]) == (80_000, 0)
        with pytest.raises(CashMovementError, match="masih terbuka"):
            cash_movements.record(uow, till.cashier, till.manager, shift_id, IN, "petty_cash", 1_000)


def test_a_cash_payout_to_a_producer_comes_out_of_the_managers_open_shift(till: Till) -> None:
    till.sell([(KOPI, 4)], now=till.t0)  # Rp300.000 owed to SUP-001 (commission 0)
    cashier_shift = _open(till, "kasir1", 100_000)
    supplier_id = till.products[KOPI].supplier_id
    assert supplier_id is not None

    # No shift of the manager's open: paid from outside the drawers, no drawer changes.
    with till.db.unit_of_work() as uow:
        consignment.record_payout(uow, till.manager, supplier_id, *NOVEMBER, 40_000, "cash")
    manager_shift = _open(till, "manajer", 150_000)
    with till.db.unit_of_work() as uow:
        consignment.record_payout(uow, till.manager, supplier_id, *NOVEMBER, 60_000, "cash", note="tahap 2")
        consignment.record_payout(uow, till.manager, supplier_id, *NOVEMBER, 10_000, "transfer", "TRF1")
    with till.db.unit_of_work() as uow:
        listed = cash_movements.for_shift(uow, manager_shift)
        audits = [
            a.detail["shift_id"]
            for a in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action == "supplier.payout").order_by(AuditEntry.id)
            )
        ]
    assert [(m.label, m.signed, m.approved_by) for m in listed] == [
        ("Kas keluar: Bayar produsen (SUP-001 2026-11-01 s/d 2026-11-30)", -60_000, "manajer")
    ]
    assert audits == [None, manager_shift, None]
    assert _expected(till, manager_shift) == 90_000 and _expected(till, cashier_shift) == 100_000

    # More than the manager's drawer holds: refused whole, no payout and no movement written.
    with till.db.unit_of_work() as uow, pytest.raises(ConsignmentError, match="melebihi uang di laci"):
        consignment.record_payout(uow, till.manager, supplier_id, *NOVEMBER, 90_001, "cash")
    with till.db.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count(SupplierPayout.id))) == 3
        assert uow.session.scalar(select(func.count(CashMovement.id))) == 1
