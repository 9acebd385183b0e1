"""Refunds: whole and partial, pieces up to the limit, manager approval, stock back, outbox, atomicity."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pos.core.cart import Discount
from pos.core.scan import receipt_qr_payload
from pos.db.models import AuditEntry, OutboxEvent, Refund, RefundLine, StockMovement
from pos.services import refunds, shifts
from pos.services.context import PermissionDenied
from pos.services.refunds import RefundError
from pos.sync import protocol

if TYPE_CHECKING:  # conftest is not imported at run time: other test folders have their own
    from conftest import Till

KOPI, MADU, JAGUNG, SABUN = "8991000000011", "8991000000028", "2000000000015", "2000000000022"


def _counts(till: Till) -> tuple[int, int, int, int]:
    with till.db.unit_of_work() as uow:
        s = uow.session
        return (
            s.scalar(select(func.count(Refund.id))) or 0,
            s.scalar(select(func.count(RefundLine.id))) or 0,
            s.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.kind == "refund")) or 0,
            s.scalar(select(func.count(StockMovement.id)).where(StockMovement.kind == "refund")) or 0,
        )


def test_find_by_receipt_number_or_qr(till: Till) -> None:
    sale = till.sell([(KOPI, 2), (JAGUNG, 1)], now=till.t0)
    with till.db.unit_of_work() as uow:
        by_no = refunds.find_sale_for_refund(uow, f"  {sale.receipt_no.lower()} ")
        by_qr = refunds.find_sale_for_refund(uow, receipt_qr_payload(sale.receipt_no, sale.uuid))
        with pytest.raises(RefundError, match="tidak ditemukan"):
            refunds.find_sale_for_refund(uow, "5371-01-20261120-9999")
    assert by_no == by_qr
    assert by_no.total == 160_000 and by_no.cashier == "kasir1" and not by_no.fully_refunded
    kopi = by_no.lines[0]
    assert (kopi.product_code, kopi.qty_sold, kopi.qty_refunded, kopi.qty_refundable) == (KOPI, 2, 0, 2)
    assert (kopi.paid, kopi.net_per_unit) == (150_000, 75_000)


def test_refund_whole_sale(till: Till) -> None:
    with till.db.unit_of_work() as uow:
        shift = shifts.open_shift(uow, till.cashier, 100_000)
    sale = till.sell([(KOPI, 2), (JAGUNG, 3)], shift_id=shift.shift_id, now=till.t0)
    assert till.stock(KOPI) == 48 and till.stock(JAGUNG) == 47
    with till.db.unit_of_work() as uow:
        result = refunds.refund_sale(
            uow,
            till.cashier,
            till.manager,
            sale.receipt_no,
            None,
            "barang rusak",
            shift.shift_id,
            now=till.t0,
        )
    assert result.total == 180_000 and result.refund_no == "R5371-01-20261120-0001"
    assert [(r.product_code, r.qty, r.amount) for r in result.lines] == [
        (KOPI, 2, 150_000),
        (JAGUNG, 3, 30_000),
    ]
    assert till.stock(KOPI) == 50 and till.stock(JAGUNG) == 50
    with till.db.unit_of_work() as uow:
        event = uow.session.scalar(select(OutboxEvent).where(OutboxEvent.kind == "refund"))
        assert event is not None and event.uuid == result.uuid and event.status == "pending"
        envelope = json.loads(event.payload)
        payload = envelope["payload"]
        # The province's own parser accepts it (the sync protocol is the contract).
        assert protocol.parse_payload(protocol.parse_envelope(envelope)).total == 180_000
        assert payload["sale_uuid"] == sale.uuid and payload["approved_by"] == "manajer"
        assert payload["total"] == 180_000 == sum(line["amount"] for line in payload["lines"])
        assert payload["reason"] == "barang rusak" and payload["business_date"] == "2026-11-20"
        audit = uow.session.scalar(select(AuditEntry).where(AuditEntry.action == "sale.refund"))
        assert audit is not None and audit.user_id == till.cashier.user_id
        assert audit.detail["approved_by"] == "manajer"
        # The refund is paid from the shift's drawer.
        summary = shifts.shift_summary(uow, shift.shift_id)
        assert (summary.refund_count, summary.refunds, summary.expected_cash) == (1, 180_000, 100_000)
        again = refunds.find_sale_for_refund(uow, sale.receipt_no)
        assert again.fully_refunded and again.refunded_total == 180_000
        with pytest.raises(RefundError, match="sudah direfund seluruhnya"):
            refunds.refund_sale(uow, till.cashier, till.manager, sale.receipt_no, None, "lagi", None)


def test_partial_refunds_in_pieces_sum_to_the_line(till: Till) -> None:
    # A Rp1.000 sale discount shared over 37.000 leaves Jagung a net that 3 does not divide evenly.
    cart = till.cart((JAGUNG, 3), (SABUN, 1))  # 30.000 + 7.000 = 37.000
    cart.set_sale_discount(Discount.of_rupiah(1_000, "pelanggan tetap"))
    sale = till.sell([], cart=cart, now=till.t0)
    with till.db.unit_of_work() as uow:
        found = refunds.find_sale_for_refund(uow, sale.receipt_no)
    jagung, sabun = found.lines
    assert jagung.paid + sabun.paid == sale.total == 36_000
    pieces = []
    for reason in ("satu", "dua", "tiga"):
        with till.db.unit_of_work() as uow:
            pieces.append(
                refunds.refund_sale(
                    uow,
                    till.cashier,
                    till.manager,
                    sale.receipt_no,
                    {jagung.sale_line_id: 1},
                    reason,
                    None,
                    now=till.t0,
                ).total
            )
    assert sum(pieces) == jagung.paid and max(pieces) - min(pieces) <= 1
    with till.db.unit_of_work() as uow:
        with pytest.raises(RefundError, match=r"melebihi yang bisa direfund \(0\)"):
            refunds.refund_sale(
                uow, till.cashier, till.manager, sale.receipt_no, {jagung.sale_line_id: 1}, "x", None
            )
        left = refunds.find_sale_for_refund(uow, sale.receipt_no)
    assert left.lines[0].qty_refundable == 0 and left.lines[1].qty_refundable == 1
    assert left.refunded_total == jagung.paid
    assert _counts(till) == (3, 3, 3, 3)
    assert till.stock(JAGUNG) == 50


def test_partial_two_then_over_the_limit(till: Till) -> None:
    sale = till.sell([(KOPI, 3)], now=till.t0)
    with till.db.unit_of_work() as uow:
        line_id = refunds.find_sale_for_refund(uow, sale.receipt_no).lines[0].sale_line_id
        first = refunds.refund_sale(
            uow, till.cashier, till.manager, sale.receipt_no, {line_id: 2}, "ukuran", None
        )
    assert first.total == 150_000 and till.stock(KOPI) == 49
    before = _counts(till)
    with (
        till.db.unit_of_work() as uow,
        pytest.raises(RefundError, match=r"\(2\) melebihi yang bisa direfund \(1\)"),
    ):
        refunds.refund_sale(uow, till.cashier, till.manager, sale.receipt_no, {line_id: 2}, "lagi", None)
    assert _counts(till) == before and till.stock(KOPI) == 49


def test_refusals_write_nothing(till: Till) -> None:
    sale = till.sell([(MADU, 1), (KOPI, 1)], now=till.t0)
    with till.db.unit_of_work() as uow:
        found = refunds.find_sale_for_refund(uow, sale.receipt_no)
        madu_id = found.lines[0].sale_line_id
        with pytest.raises(PermissionDenied):
            refunds.refund_sale(uow, till.cashier, till.cashier2, sale.receipt_no, None, "rusak", None)
        with pytest.raises(RefundError, match="Alasan"):
            refunds.refund_sale(uow, till.cashier, till.manager, sale.receipt_no, None, "   ", None)
        with pytest.raises(RefundError, match="bukan bagian"):
            refunds.refund_sale(
                uow, till.cashier, till.manager, sale.receipt_no, {madu_id + 99: 1}, "x", None
            )
        with pytest.raises(RefundError, match="Pilih"):
            refunds.refund_sale(uow, till.cashier, till.manager, sale.receipt_no, {madu_id: 0}, "x", None)
        with pytest.raises(RefundError, match="shift"):
            refunds.refund_sale(uow, till.cashier, till.manager, sale.receipt_no, None, "x", 12345)
        uow.commit()  # even a caller that commits afterwards finds nothing written
    assert _counts(till) == (0, 0, 0, 0)
    with till.db.unit_of_work() as uow:
        assert (
            uow.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "sale.refund"))
            == 0
        )
    assert till.stock(MADU) == 49
    # A manager may approve their own refund.
    with till.db.unit_of_work() as uow:
        result = refunds.refund_sale(
            uow, till.manager, till.manager, sale.receipt_no, {madu_id: 1}, "x", None
        )
    assert result.total == 120_000 and till.stock(MADU) == 50


def test_write_failure_rolls_back_everything(till: Till) -> None:
    sale = till.sell([(KOPI, 1)], now=till.t0)
    with till.db.unit_of_work() as uow:
        # A refund number already taken (e.g. a restored backup): the insert fails after other writes.
        uow.session.add(
            Refund(
                uuid="x",
                refund_no="R5371-01-20261120-0001",
                sale_id=sale.sale_id,
                business_date="2026-11-20",
                created_at=till.t0,
                user_id=till.cashier.user_id,
                approved_by=till.manager.user_id,
                reason="lama",
                total=1,
            )
        )
        uow.commit()
    before = _counts(till)
    with till.db.unit_of_work() as uow, pytest.raises(IntegrityError, match="UNIQUE"):
        refunds.refund_sale(
            uow, till.cashier, till.manager, sale.receipt_no, None, "rusak", None, now=till.t0
        )
    assert _counts(till) == before and till.stock(KOPI) == 49


def test_ppn_added_line_refunds_what_the_customer_paid(till: Till) -> None:
    from pos.core.cart import Product as CartProduct
    from pos.db.models import Product

    with till.db.unit_of_work() as uow:
        row = Product(
            code="PKP-1",
            name="Tenun Ikat Sumba (PKP)",
            price=1_000_000,
            tax_mode="ppn_added",
            updated_at=till.t0,
        )
        uow.session.add(row)
        uow.commit()
        tenun = CartProduct(row.id, row.code, row.name, row.price, tax_mode="ppn_added")
    cart = till.cart((KOPI, 1))
    cart.add(tenun, 1)
    sale = till.sell([], cart=cart, now=till.t0)
    assert sale.total == 75_000 + 1_110_000
    with till.db.unit_of_work() as uow:
        found = refunds.find_sale_for_refund(uow, sale.receipt_no)
        assert [line.paid for line in found.lines] == [75_000, 1_110_000]
        result = refunds.refund_sale(
            uow, till.cashier, till.manager, sale.receipt_no, None, "salah motif", None
        )
    assert result.total == sale.total
