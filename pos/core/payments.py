"""Paying for a sale: methods, split payments, change and quick-tender amounts.

Change is only ever given from cash: non-cash payments together may not exceed the total, so a QRIS,
debit or transfer overpayment is refused instead of being paid back in notes from the drawer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pos.core.errors import DomainError
from pos.core.money import format_rupiah

# Indonesian banknotes a customer commonly hands over (coins and Rp75.000 commemoratives left out).
BANKNOTES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
QUICK_TENDER_LIMIT = 6


class PaymentError(DomainError):
    """A payment cannot be accepted (message in Bahasa Indonesia)."""


class PaymentMethod(StrEnum):
    CASH = "cash"
    QRIS = "qris"
    DEBIT = "debit"
    TRANSFER = "transfer"


PAYMENT_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "Tunai",
    PaymentMethod.QRIS: "QRIS",
    PaymentMethod.DEBIT: "Debit",
    PaymentMethod.TRANSFER: "Transfer",
}


@dataclass(frozen=True)
class Payment:
    """One tender. `reference` is the bank's trace or transfer number (blank is stored as None)."""

    method: PaymentMethod
    amount: int
    reference: str | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "method", PaymentMethod(self.method))
        except ValueError:
            raise PaymentError(f"metode pembayaran tidak dikenal: {self.method}") from None
        reference = self.reference.strip() if isinstance(self.reference, str) else None
        object.__setattr__(self, "reference", reference or None)

    @property
    def label(self) -> str:
        return PAYMENT_LABELS[self.method]

    @property
    def is_cash(self) -> bool:
        return self.method is PaymentMethod.CASH


@dataclass(frozen=True)
class Settlement:
    """An accepted set of payments. `cash_in` is the cash handed over, `cash_kept` what stays in the
    drawer after change (cash_in - change); `paid` is the sum of all payments."""

    payments: tuple[Payment, ...]
    paid: int
    change: int
    cash_in: int
    cash_kept: int

    @property
    def non_cash(self) -> int:
        return self.paid - self.cash_in


def _check_payment(payment: Payment) -> None:
    amount = payment.amount
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise PaymentError("jumlah pembayaran harus bilangan bulat rupiah")
    if amount <= 0:
        raise PaymentError(f"jumlah pembayaran {payment.label} harus lebih dari Rp0")
    if payment.method is PaymentMethod.TRANSFER and payment.reference is None:
        raise PaymentError("nomor referensi transfer wajib diisi")


def settle(total: int, payments: Sequence[Payment]) -> Settlement:
    """Accept `payments` for a sale of `total` rupiah, or raise PaymentError saying what is wrong.

    A sale of Rp0 (fully discounted) needs no payment; any other sale needs at least one.
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise PaymentError("total belanja tidak sah")
    if not payments and total > 0:
        raise PaymentError("belum ada pembayaran")
    for payment in payments:
        _check_payment(payment)
    paid = sum(payment.amount for payment in payments)
    cash_in = sum(payment.amount for payment in payments if payment.is_cash)
    non_cash = paid - cash_in
    if non_cash > total:
        raise PaymentError(
            f"pembayaran non-tunai ({format_rupiah(non_cash)}) melebihi total belanja "
            f"({format_rupiah(total)}); kembalian hanya dari tunai"
        )
    if paid < total:
        raise PaymentError(f"pembayaran kurang {format_rupiah(total - paid)}")
    change = paid - total
    # Holds because non-cash <= total; kept as a guard for the rule "change only from cash".
    assert change <= cash_in
    return Settlement(
        payments=tuple(payments),
        paid=paid,
        change=change,
        cash_in=cash_in,
        cash_kept=cash_in - change,
    )


def remaining(total: int, payments: Sequence[Payment]) -> int:
    """What is still to be paid, never below zero (for the payment screen while tenders are entered)."""
    return max(0, total - sum(payment.amount for payment in payments))


def quick_tenders(total: int, limit: int = QUICK_TENDER_LIMIT) -> list[int]:
    """Amounts a customer is likely to hand over: the exact total, then the total rounded up to each
    banknote at least a tenth of the total (smaller notes give odd amounts nobody pays with), and
    always to the two largest notes (large sales are paid in Rp50.000 and Rp100.000 notes).

    37.500 -> [37.500, 40.000, 50.000, 100.000]. At most `limit` amounts; an empty list for Rp0.
    """
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise PaymentError("total belanja tidak sah")
    if total == 0:
        return []
    amounts = {total}
    for note in BANKNOTES:
        if note * 10 >= total or note >= BANKNOTES[-2]:
            amounts.add(-(-total // note) * note)
    return sorted(amounts)[:limit]
