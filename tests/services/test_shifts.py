"""Shifts: open, X report mid-shift, close with a count; the drawer maths by hand."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from pos.core.payments import Payment, PaymentMethod
from pos.core.report_documents import shift_report_document
from pos.db.models import AuditEntry, OutboxEvent, Shift
from pos.services import shifts
from pos.services.context import PermissionDenied
from pos.services.shifts import ShiftError
from pos.sync import protocol

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI, MADU, JAGUNG = "8991000000011", "8991000000028", "2000000000015"


def test_open_shift_once_per_user(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        assert shifts.current_shift(uow, till.cashier) is None
        view = shifts.open_shift(uow, till.cashier, 200_000)
    assert view.is_open and view.opening_float == 200_000 and view.cashier == "kasir1"
    with till.db.unit_of_work() as uow:
        with pytest.raises(ShiftError, match="masih punya shift"):
            shifts.open_shift(uow, till.cashier, 100_000)
        current = shifts.current_shift(uow, till.cashier)
        assert current is not None and current.shift_id == view.shift_id
        # Another cashier has their own shift alongside.
        other = shifts.open_shift(uow, till.cashier2, 50_000)
    assert other.shift_id != view.shift_id
    with till.db.unit_of_work() as uow:
        with pytest.raises(ShiftError, match="tidak negatif"):
            shifts.open_shift(uow, till.manager, -1)
        assert uow.session.scalar(select(Shift).where(Shift.user_id == till.manager.user_id)) is None


def _sales_in_shift(till: Till, shift_id: int) -> None:
    # 1: Kopi 75.000 paid with 100.000 cash -> change 25.000, cash kept 75.000
    till.sell([(KOPI, 1)], [Payment(PaymentMethod.CASH, 100_000)], shift_id=shift_id, now=till.t0)
    # 2: Madu 120.000 by QRIS
    till.sell([(MADU, 1)], [Payment(PaymentMethod.QRIS, 120_000)], shift_id=shift_id, now=till.t0)
    # 3: Jagung 3 x 10.000 = 30.000: 20.000 debit + 20.000 cash -> change 10.000, cash kept 10.000
    till.sell(
        [(JAGUNG, 3)],
        [Payment(PaymentMethod.DEBIT, 20_000, "TRC1"), Payment(PaymentMethod.CASH, 20_000)],
        shift_id=shift_id,
        now=till.t0,
    )
    # A sale outside the shift does not count.
    till.sell([(KOPI, 1)], now=till.t0)


def test_x_report_mid_shift_and_close_with_counts(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.cashier, 200_000, now=till.t0)
    _sales_in_shift(till, shift.shift_id)
    with till.db.unit_of_work() as uow:
        x = shifts.shift_summary(uow, shift.shift_id)
    assert (x.sale_count, x.gross, x.cash_sales) == (3, 225_000, 85_000)
    assert x.non_cash_by_method == (("qris", 120_000), ("debit", 20_000))
    assert x.expected_cash == 200_000 + 85_000
    assert x.counted_cash is None and x.difference is None and not x.is_closed
    # The X report closes nothing: a later sale still counts.
    till.sell([(JAGUNG, 1)], shift_id=shift.shift_id, now=till.t0)
    with till.db.unit_of_work() as uow:
        assert shifts.shift_summary(uow, shift.shift_id).expected_cash == 295_000
        assert shifts.current_shift(uow, till.cashier) is not None

    # Counted 2 x 100.000 + 1 x 50.000 + 2 x 20.000 + 4 x 1.000 + 1 x 500 = 294.500: Rp500 short.
    counts = {100_000: 2, 50_000: 1, 20_000: 2, 1_000: 4, 500: 1}
    closed_at = till.t0 + timedelta(hours=8)
    with till.db.unit_of_work() as uow:
        z = shifts.close_shift(uow, till.cashier, shift.shift_id, counts, now=closed_at)
    assert (z.expected_cash, z.counted_cash, z.difference) == (295_000, 294_500, -500)
    assert z.closed_at == closed_at and z.is_closed
    assert dict(z.counts)[100_000] == 2 and dict(z.counts)[200] == 0 and len(z.counts) == 10

    with till.db.unit_of_work() as uow:
        row = uow.session.get_one(Shift, shift.shift_id)
        assert (row.expected_cash, row.counted_cash, row.closed_by) == (
            295_000,
            294_500,
            till.cashier.user_id,
        )
        assert row.counts is not None and row.counts["50000"] == 1
        event = uow.session.scalar(select(OutboxEvent).where(OutboxEvent.kind == "shift_close"))
        assert event is not None and event.status == "pending" and event.uuid == shift.uuid
        envelope = json.loads(event.payload)
        assert envelope["outlet"] == "5371"
        assert protocol.parse_envelope(envelope).kind == "shift_close"
        assert envelope["payload"]["difference"] == -500 and envelope["payload"]["counted_cash"] == 294_500
        assert envelope["payload"]["business_date"] == "2026-11-20"
        actions = uow.session.scalars(select(AuditEntry.action)).all()
        assert "shift.open" in actions and "shift.close" in actions
        assert shifts.current_shift(uow, till.cashier) is None
        with pytest.raises(ShiftError, match="sudah ditutup"):
            shifts.close_shift(uow, till.cashier, shift.shift_id, counts)
        # The cashier can open the next shift now.
        shifts.open_shift(uow, till.cashier, 100_000)


def test_z_report_document_from_summary(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.cashier, 100_000, now=till.t0)
    _sales_in_shift(till, shift.shift_id)
    with till.db.unit_of_work() as uow:
        z = shifts.close_shift(
            uow, till.cashier, shift.shift_id, {100_000: 1, 50_000: 1, 20_000: 1, 10_000: 1, 5_000: 1}
        )
    assert z.difference == 185_000 - 185_000
    data = shifts.report_data(z, "NTT Mart Uji", "Asia/Makassar")
    assert data.kind == "Z" and data.opened_at.hour == 10  # WITA
    assert data.non_cash_by_method == (("QRIS", 120_000), ("Debit", 20_000))
    assert data.counted_total == 185_000
    assert shift_report_document(data, 32) is not None


def test_close_permissions_and_bad_counts(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.cashier, 0)
    with till.db.unit_of_work() as uow:
        with pytest.raises(PermissionDenied):
            shifts.close_shift(uow, till.cashier2, shift.shift_id, {})
        with pytest.raises(ShiftError, match="Pecahan 75000"):
            shifts.close_shift(uow, till.cashier, shift.shift_id, {75_000: 1})
        with pytest.raises(ShiftError, match="tidak negatif"):
            shifts.close_shift(uow, till.cashier, shift.shift_id, {1_000: -2})
        with pytest.raises(ShiftError, match="tidak ditemukan"):
            shifts.close_shift(uow, till.cashier, 999, {})
    with till.db.unit_of_work() as uow:
        assert uow.session.scalar(select(OutboxEvent).where(OutboxEvent.kind == "shift_close")) is None
        # A manager may close a cashier's shift; an empty drawer counted as empty balances.
        z = shifts.close_shift(uow, till.manager, shift.shift_id, {})
    assert (z.expected_cash, z.counted_cash, z.difference) == (0, 0, 0)
