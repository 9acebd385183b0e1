"""What a scanner burst that is no readable code gets told: why, in Bahasa Indonesia."""

from __future__ import annotations

import pytest

from pos.core.barcode import make_instore_ean13
from pos.core.scan import misread


@pytest.mark.parametrize(
    ("burst", "said"),
    [
        ("89912345678951234", "17 digit"),
        ("12345", "5 digit"),
        ("89912A4567895", "berisi huruf atau tanda (A)"),
        ("2000000000420", "digit pemeriksa salah"),  # 2000000000428 with its last digit misread
        ("NTTPOS1|5371-01-20261128-0001|bukan-uuid", "QR struk tidak terbaca"),
    ],
)
def test_a_misread_says_what_went_wrong(burst: str, said: str) -> None:
    problem = misread(burst)
    assert problem is not None and said in problem and "Pindai ulang" in problem


@pytest.mark.parametrize(
    "burst",
    [
        make_instore_ean13(42),
        "199001012015011001",
        "NTTPOS1|5371-01-20261128-0001|7d0f1a3e-8c1b-4f0e-9a55-3b1f0c2d4e6f",
        "KOP-001",
        "",
    ],
)
def test_readable_codes_and_words_are_no_misread(burst: str) -> None:
    assert misread(burst) is None
