"""Paying at the till: change only from cash, split payments, references and quick-tender buttons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.errors import DomainError
from pos.core.payments import (
    PAYMENT_LABELS,
    Payment,
    PaymentError,
    PaymentMethod,
    Settlement,
    quick_tenders,
    remaining,
    settle,
)

CASH = PaymentMethod.CASH
QRIS = PaymentMethod.QRIS
DEBIT = PaymentMethod.DEBIT
TRANSFER = PaymentMethod.TRANSFER


@pytest.mark.parametrize(
    ("total", "payments", "paid", "change", "cash_in", "cash_kept"),
    [
        pytest.param(37_500, [Payment(CASH, 50_000)], 50_000, 12_500, 50_000, 37_500, id="tunai-kembali"),
        pytest.param(37_500, [Payment(QRIS, 37_500)], 37_500, 0, 0, 0, id="qris-pas"),
        pytest.param(
            150_000,
            [Payment(QRIS, 100_000), Payment(CASH, 100_000)],
            200_000,
            50_000,
            100_000,
            50_000,
            id="tunai+qris",
        ),
        pytest.param(
            150_000,
            [Payment(DEBIT, 150_000, "TRX 0042")],
            150_000,
            0,
            0,
            0,
            id="debit-pas",
        ),
        pytest.param(
            80_000,
            [Payment(TRANSFER, 30_000, "BNI 123456"), Payment(CASH, 20_000), Payment(CASH, 50_000)],
            100_000,
            20_000,
            70_000,
            50_000,
            id="transfer+tunai",
        ),
        pytest.param(0, [], 0, 0, 0, 0, id="gratis"),
    ],
)
def test_accepted_payments(
    total: int, payments: list[Payment], paid: int, change: int, cash_in: int, cash_kept: int
) -> None:
    settlement = settle(total, payments)
    assert settlement == Settlement(tuple(payments), paid, change, cash_in, cash_kept)
    assert settlement.non_cash == paid - cash_in


@pytest.mark.parametrize(
    ("total", "payments", "message"),
    [
        (37_500, [Payment(CASH, 32_500)], "^pembayaran kurang Rp5.000$"),
        (150_000, [Payment(QRIS, 100_000), Payment(CASH, 49_000)], "^pembayaran kurang Rp1.000$"),
        (37_500, [], "^belum ada pembayaran$"),
        (37_500, [Payment(QRIS, 40_000)], r"non-tunai \(Rp40.000\) melebihi total belanja \(Rp37.500\)"),
        (37_500, [Payment(QRIS, 20_000), Payment(DEBIT, 20_000)], "kembalian hanya dari tunai"),
        (37_500, [Payment(CASH, 37_500), Payment(CASH, 0)], "harus lebih dari Rp0"),
        (37_500, [Payment(QRIS, -5_000), Payment(CASH, 42_500)], "harus lebih dari Rp0"),
        (37_500, [Payment(TRANSFER, 37_500)], "^nomor referensi transfer wajib diisi$"),
        (37_500, [Payment(TRANSFER, 37_500, "   ")], "^nomor referensi transfer wajib diisi$"),
        (-1, [Payment(CASH, 1_000)], "total belanja tidak sah"),
    ],
)
def test_refused_payments(total: int, payments: list[Payment], message: str) -> None:
    with pytest.raises(PaymentError, match=message):
        settle(total, payments)


def test_debit_and_qris_do_not_need_a_reference_and_blank_references_become_none() -> None:
    assert settle(10_000, [Payment(DEBIT, 10_000)]).paid == 10_000
    assert Payment(QRIS, 10_000, "  ").reference is None
    assert Payment(DEBIT, 10_000, " 0042 ").reference == "0042"


def test_methods_from_stored_text_and_unknown_methods() -> None:
    assert Payment("qris", 1_000).method is QRIS  # type: ignore[arg-type]
    with pytest.raises(PaymentError, match="metode pembayaran tidak dikenal: kredit"):
        Payment("kredit", 1_000)  # type: ignore[arg-type]
    assert issubclass(PaymentError, DomainError)


def test_labels_are_in_bahasa_indonesia_for_every_method() -> None:
    assert PAYMENT_LABELS == {CASH: "Tunai", QRIS: "QRIS", DEBIT: "Debit", TRANSFER: "Transfer"}
    assert Payment(CASH, 1).label == "Tunai"


@pytest.mark.parametrize(
    ("total", "payments", "left"),
    [
        (37_500, [], 37_500),
        (150_000, [Payment(QRIS, 100_000)], 50_000),
        (150_000, [Payment(QRIS, 100_000), Payment(CASH, 100_000)], 0),
    ],
)
def test_remaining_for_the_payment_screen(total: int, payments: list[Payment], left: int) -> None:
    assert remaining(total, payments) == left


@pytest.mark.parametrize(
    ("total", "tenders"),
    [
        (37_500, [37_500, 40_000, 50_000, 100_000]),
        (100_000, [100_000]),
        (12_000, [12_000, 15_000, 20_000, 50_000, 100_000]),
        (3_500, [3_500, 4_000, 5_000, 10_000, 20_000, 50_000]),
        (237_500, [237_500, 250_000, 300_000]),
        (1_237_500, [1_237_500, 1_250_000, 1_300_000]),
        (0, []),
    ],
)
def test_quick_tenders(total: int, tenders: list[int]) -> None:
    assert quick_tenders(total) == tenders


def test_quick_tenders_refuse_a_negative_total_and_honour_the_limit() -> None:
    with pytest.raises(PaymentError):
        quick_tenders(-1)
    assert quick_tenders(3_500, limit=3) == [3_500, 4_000, 5_000]


@given(st.integers(1, 10_000_000))
def test_quick_tenders_start_exact_and_every_one_pays_the_sale(total: int) -> None:
    tenders = quick_tenders(total)
    assert tenders[0] == total
    assert tenders == sorted(set(tenders))
    for amount in tenders:
        assert settle(total, [Payment(CASH, amount)]).change == amount - total


@given(
    st.integers(0, 2_000_000),
    st.lists(st.tuples(st.sampled_from(list(PaymentMethod)), st.integers(-10, 2_000_000)), max_size=5),
)
def test_settle_never_gives_change_from_non_cash(
    total: int, tenders: list[tuple[PaymentMethod, int]]
) -> None:
    payments = [Payment(method, amount, "REF") for method, amount in tenders]
    try:
        settlement = settle(total, payments)
    except PaymentError:
        non_cash = sum(p.amount for p in payments if p.method is not CASH)
        assert (
            (not payments and total > 0)
            or any(p.amount <= 0 for p in payments)
            or non_cash > total
            or sum(p.amount for p in payments) < total
        )
        return
    assert settlement.paid - settlement.change == total
    assert 0 <= settlement.change <= settlement.cash_in
    assert settlement.non_cash <= total
    assert settlement.cash_kept == settlement.cash_in - settlement.change >= 0
    assert remaining(total, payments) == 0
