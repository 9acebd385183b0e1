"""EAN-13, EAN-8 and UPC-A check digits, classification, and in-store EAN-13 numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.barcode import (
    BarcodeKind,
    InvalidBarcode,
    classify_barcode,
    ean8_check_digit,
    ean13_check_digit,
    is_instore,
    is_valid_ean8,
    is_valid_ean13,
    is_valid_upca,
    make_instore_ean13,
    upca_check_digit,
    validate_barcode,
)
from pos.core.errors import DomainError


def reference_ean13_check(first12: str) -> str:
    """Written from the standard's wording (weights 1,3 from the left), not from the implementation."""
    weighted = sum(int(d) * w for d, w in zip(first12, [1, 3] * 6, strict=True))
    return str((10 - weighted % 10) % 10)


@pytest.mark.parametrize(
    ("first12", "check"),
    [
        ("400638133393", "1"),  # 4006381333931, the textbook EAN-13
        ("899276100201", "5"),  # an 899 (Indonesia) code: 8+27+9+6+7+18+1+0+0+6+0+3 = 85 -> 5
        # The sample code "8991234567895" in docs/architecture.md has a wrong check digit: 139 -> 1.
        ("899123456789", "1"),
        ("000000000000", "0"),
        ("200000000001", "5"),
    ],
)
def test_ean13_check_digit(first12: str, check: str) -> None:
    assert ean13_check_digit(first12) == check
    assert is_valid_ean13(first12 + check)


def test_known_codes_of_each_kind() -> None:
    assert ean8_check_digit("9638507") == "4"
    assert is_valid_ean8("96385074")
    assert upca_check_digit("03600029145") == "2"
    assert is_valid_upca("036000291452")
    assert classify_barcode("4006381333931") is BarcodeKind.EAN13
    assert classify_barcode("8992761002015") is BarcodeKind.EAN13
    assert classify_barcode("96385074") is BarcodeKind.EAN8
    assert classify_barcode("036000291452") is BarcodeKind.UPCA
    assert classify_barcode(" 2000000000015\r\n") is BarcodeKind.INSTORE


@pytest.mark.parametrize(
    "code",
    [
        "4006381333932",
        "8992761002016",
        "96385075",
        "036000291453",
        "400638133393",
        "40063813339311",
        "4006381333931x",
        "",
        "abcdefghijklm",
        "４００６３８１３３３９３１",
    ],
)
def test_invalid_codes_are_not_valid_of_any_kind(code: str) -> None:
    assert classify_barcode(code) is None
    assert not is_valid_ean13(code)
    assert not is_valid_ean8(code)
    assert not is_valid_upca(code)
    assert not is_instore(code)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "barcode kosong"),
        ("   ", "barcode kosong"),
        ("4006381-333931", "hanya boleh berisi angka"),
        ("SUP-001", "hanya boleh berisi angka"),
        ("40063813339", "panjang barcode harus 8, 12, atau 13 digit"),
        ("198609262015051001", "panjang barcode harus 8, 12, atau 13 digit"),
        ("4006381333932", "digit pemeriksa barcode salah"),
        ("96385075", "digit pemeriksa barcode salah"),
        ("036000291453", "digit pemeriksa barcode salah"),
    ],
)
def test_validate_barcode_refuses_with_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidBarcode) as caught:
        validate_barcode(text)
    assert reason in str(caught.value)
    assert isinstance(caught.value, DomainError)


def test_validate_barcode_returns_trimmed_digits() -> None:
    assert validate_barcode("  4006381333931\n") == "4006381333931"
    assert validate_barcode("96385074") == "96385074"
    assert validate_barcode("036000291452") == "036000291452"


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890123", "12345678901a"])
def test_check_digit_functions_refuse_wrong_input(bad: str) -> None:
    with pytest.raises(InvalidBarcode):
        ean13_check_digit(bad)


def test_check_digit_lengths_are_per_kind() -> None:
    with pytest.raises(InvalidBarcode):
        ean8_check_digit("12345678")
    with pytest.raises(InvalidBarcode):
        upca_check_digit("123456789012")


def test_instore_range() -> None:
    assert is_instore(make_instore_ean13(42))
    assert is_instore("2900000000018")
    assert is_valid_ean13("1900000000019") and not is_instore("1900000000019")
    assert is_valid_ean13("3000000000014") and not is_instore("3000000000014")
    assert not is_instore("4006381333931")
    assert not is_instore("2000000000016")  # right prefix, wrong check digit


def test_make_instore_ean13() -> None:
    assert make_instore_ean13(1) == "2000000000015"
    assert make_instore_ean13(0, prefix=29) == "2900000000001"
    assert make_instore_ean13(9_999_999_999, prefix=25).startswith("259999999999")


@pytest.mark.parametrize(
    ("number", "prefix", "reason"),
    [
        (1, 19, "awalan barcode toko"),
        (1, 30, "awalan barcode toko"),
        (1, 899, "awalan barcode toko"),
        (-1, 20, "nomor barcode toko"),
        (10**10, 20, "nomor barcode toko"),
    ],
)
def test_make_instore_ean13_refuses(number: int, prefix: int, reason: str) -> None:
    with pytest.raises(InvalidBarcode, match=reason):
        make_instore_ean13(number, prefix=prefix)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_ean13_matches_reference_and_validates(first12: str) -> None:
    check = ean13_check_digit(first12)
    assert check == reference_ean13_check(first12)
    code = first12 + check
    assert is_valid_ean13(code)
    assert validate_barcode(code) == code
    expected = BarcodeKind.INSTORE if 20 <= int(code[:2]) <= 29 else BarcodeKind.EAN13
    assert classify_barcode(code) is expected


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 12), st.integers(1, 9))
def test_any_single_digit_error_is_detected(first12: str, position: int, shift: int) -> None:
    code = first12 + ean13_check_digit(first12)
    wrong = code[:position] + str((int(code[position]) + shift) % 10) + code[position + 1 :]
    assert not is_valid_ean13(wrong)
    with pytest.raises(InvalidBarcode, match="digit pemeriksa"):
        validate_barcode(wrong)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_upca_is_ean13_with_a_leading_zero(first11: str) -> None:
    # A UPC-A read by a scanner set to EAN-13 arrives as "0" + the 12 digits: same check digit.
    assert upca_check_digit(first11) == ean13_check_digit("0" + first11)
    assert is_valid_upca(first11 + upca_check_digit(first11))


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_ean8_valid_codes_classify(first7: str) -> None:
    code = first7 + ean8_check_digit(first7)
    assert is_valid_ean8(code)
    assert classify_barcode(code) is BarcodeKind.EAN8


@given(st.integers(0, 10**10 - 1), st.integers(20, 29))
def test_instore_codes_round_trip(number: int, prefix: int) -> None:
    code = make_instore_ean13(number, prefix=prefix)
    assert len(code) == 13
    assert int(code[:2]) == prefix
    assert int(code[2:12]) == number
    assert is_instore(code)
    assert classify_barcode(code) is BarcodeKind.INSTORE


@given(st.text(max_size=20))
def test_random_text_only_raises_invalid_barcode(text: str) -> None:
    try:
        code = validate_barcode(text)
    except InvalidBarcode:
        return
    assert classify_barcode(code) is not None
