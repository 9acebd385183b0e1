"""Rupiah formatting and the amounts cashiers type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.errors import DomainError
from pos.core.money import MAX_AMOUNT, InvalidAmount, format_rupiah, parse_rupiah


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rp0"),
        (5, "Rp5"),
        (999, "Rp999"),
        (1_000, "Rp1.000"),
        (100_000, "Rp100.000"),
        (1_500_000, "Rp1.500.000"),
        (150_000_000_000, "Rp150.000.000.000"),
        (-5_000, "-Rp5.000"),
        (-1, "-Rp1"),
    ],
)
def test_format_rupiah(amount: int, expected: str) -> None:
    assert format_rupiah(amount) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100000", 100_000),
        ("100.000", 100_000),
        ("Rp 100.000", 100_000),
        ("Rp100.000", 100_000),
        ("rp100000", 100_000),
        ("RP. 1.000.000", 1_000_000),
        ("Rp\u00a0100.000", 100_000),
        ("100.000,00", 100_000),
        ("100,0", 100),
        ("100rb", 100_000),
        ("100 rb", 100_000),
        ("100 ribu", 100_000),
        ("100RB", 100_000),
        ("100k", 100_000),
        ("1,5jt", 1_500_000),
        ("1.5 juta", 1_500_000),
        ("2jt", 2_000_000),
        ("2,25 jt", 2_250_000),
        ("0,5k", 500),
        ("Rp 50rb", 50_000),
        ("  7.500  ", 7_500),
        ("0", 0),
        ("1.000.000.000.000", MAX_AMOUNT),
    ],
)
def test_parse_rupiah_accepts_what_cashiers_type(text: str, expected: int) -> None:
    assert parse_rupiah(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "kosong"),
        ("   ", "kosong"),
        ("abc", "hanya angka"),
        ("Rp", "hanya angka"),
        ("seratus ribu", "hanya angka"),
        ("100 rupiah", "hanya angka"),
        ("-5000", "negatif"),
        ("-Rp5.000", "negatif"),
        ("Rp -5.000", "negatif"),
        ("100,50", "rupiah bulat"),
        ("1,5", "rupiah bulat"),
        ("100,000", "gunakan titik untuk ribuan"),
        ("10.00", "titik hanya untuk ribuan"),
        ("1.2.3", "titik hanya untuk ribuan"),
        ("100.000,00,0", "desimal ganda"),
        ("1.500jt", "ambigu"),
        ("1,2345jt", "tidak dikenali"),
        ("1.000.000.000.001", "terlalu besar"),
        ("2000000jt", "terlalu besar"),
        ("9" * 100, "terlalu panjang"),
        ("١٢٣", "hanya angka"),  # Arabic-Indic digits: int() would take them, a till must not
        ("100 000", "hanya angka"),
    ],
)
def test_parse_rupiah_refuses_clearly(text: str, reason: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_rupiah(text)
    message = str(caught.value)
    assert message.startswith("jumlah tidak valid: ")
    assert reason in message
    assert isinstance(caught.value, DomainError)


def test_invalid_amount_quotes_long_input_shortened() -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_rupiah("1" * 500)
    assert len(str(caught.value)) < 100


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_parse_inverts_format(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_parse_plain_digits(amount: int) -> None:
    assert parse_rupiah(str(amount)) == amount


@given(st.integers(min_value=0, max_value=10**6))
def test_ribu_and_juta_suffixes_scale(whole: int) -> None:
    assert parse_rupiah(f"{whole}rb") == whole * 1_000
    assert parse_rupiah(f"{whole} juta") == whole * 1_000_000


@given(st.integers(min_value=1, max_value=MAX_AMOUNT))
def test_negative_of_any_formatted_amount_is_refused(amount: int) -> None:
    with pytest.raises(InvalidAmount):
        parse_rupiah(format_rupiah(-amount))


@given(st.text(max_size=30))
def test_random_text_only_ever_raises_invalid_amount(text: str) -> None:
    try:
        amount = parse_rupiah(text)
    except InvalidAmount:
        return
    assert 0 <= amount <= MAX_AMOUNT
