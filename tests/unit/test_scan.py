"""Routing scanned or typed codes, receipt QR payloads, and the quantity prefix "3*<code>"."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.barcode import ean13_check_digit
from pos.core.errors import DomainError
from pos.core.scan import (
    MAX_MULTIPLIER,
    InvalidScan,
    ReceiptQr,
    ScanRoute,
    parse_receipt_qr,
    receipt_qr_payload,
    route_scan,
    split_multiplier,
)

SALE_UUID = "2a43c696-f227-495c-a5ba-d43e4904c391"
RECEIPT_NO = "5371-01-20261128-0001"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("8991234567891", "barcode", "8991234567891"),
        ("4006381333931\r\n", "barcode", "4006381333931"),
        ("4006381333932", "barcode", "4006381333932"),  # routed; the check digit is checked at lookup
        ("036000291452", "barcode", "036000291452"),
        ("96385074", "barcode", "96385074"),
        ("198609262015051001", "nip", "198609262015051001"),
        ("NIP. 19700222 199303 1002", "nip", "197002221993031002"),
        ("19710320.199803.2.006", "nip", "197103201998032006"),
        ("NI PPPK 19890619 202321 1 019", "nip", "198906192023211019"),
        ("999999999999999999", "nip", "999999999999999999"),  # shape only: parse_nip refuses it later
        ("5371012609860001", "unknown", "5371012609860001"),  # a NIK, 16 digits
        ("1234567", "unknown", "1234567"),
        ("89912345678912", "unknown", "89912345678912"),
        ("  kopi manggarai ", "unknown", "kopi manggarai"),
        ("SUP-001", "unknown", "SUP-001"),
        ("", "unknown", ""),
        ("３２１２３４５６", "unknown", "３２１２３４５６"),  # full-width digits are not a barcode
        ("NTTPOS1|bad receipt|not-a-uuid", "unknown", "NTTPOS1|bad receipt|not-a-uuid"),
        ("3*8991234567891", "unknown", "3*8991234567891"),  # split_multiplier comes first
    ],
)
def test_route_scan(text: str, kind: str, value: str) -> None:
    route = route_scan(text)
    assert route.kind == kind
    assert route.value == value
    assert route.receipt is None


def test_route_receipt_qr() -> None:
    payload = receipt_qr_payload(RECEIPT_NO, SALE_UUID)
    assert payload == f"NTTPOS1|{RECEIPT_NO}|{SALE_UUID}"
    expected = ReceiptQr(receipt_no=RECEIPT_NO, sale_uuid=SALE_UUID)
    assert route_scan(payload) == ScanRoute("receipt", RECEIPT_NO, expected)
    assert route_scan(payload + "\n").receipt == expected


def test_receipt_qr_survives_caps_lock_case_swap() -> None:
    payload = receipt_qr_payload("TK-5371-0001", SALE_UUID)
    assert parse_receipt_qr(payload.swapcase()) == ReceiptQr("TK-5371-0001", SALE_UUID)
    assert route_scan(payload.swapcase()).kind == "receipt"


def test_receipt_qr_uuid_is_canonical() -> None:
    compact = uuid.UUID(SALE_UUID).hex.upper()
    assert receipt_qr_payload(RECEIPT_NO, compact).endswith("|" + SALE_UUID)
    assert parse_receipt_qr(f"NTTPOS1|{RECEIPT_NO}|{compact}").sale_uuid == SALE_UUID


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NTTPOS2|5371-01-20261128-0001|" + SALE_UUID, "bukan QR struk"),
        ("NTTPOS1|5371-01-20261128-0001", "bukan QR struk"),
        ("NTTPOS1|5371|" + SALE_UUID + "|extra", "bukan QR struk"),
        ("NTTPOS1||" + SALE_UUID, "nomor struk tidak valid"),
        ("NTTPOS1|53 71|" + SALE_UUID, "nomor struk tidak valid"),
        ("NTTPOS1|" + "9" * 41 + "|" + SALE_UUID, "nomor struk tidak valid"),
        ("NTTPOS1|5371-01-20261128-0001|not-a-uuid", "kode transaksi"),
        ("NTTPOS1|5371-01-20261128-0001|", "kode transaksi"),
    ],
)
def test_parse_receipt_qr_refuses(text: str, reason: str) -> None:
    with pytest.raises(InvalidScan, match=reason) as caught:
        parse_receipt_qr(text)
    assert isinstance(caught.value, DomainError)
    assert route_scan(text).kind != "receipt"


@pytest.mark.parametrize(("receipt_no", "sale_uuid"), [("", SALE_UUID), ("a|b", SALE_UUID), ("5371", "x")])
def test_receipt_qr_payload_refuses_what_it_could_not_read_back(receipt_no: str, sale_uuid: str) -> None:
    with pytest.raises(InvalidScan):
        receipt_qr_payload(receipt_no, sale_uuid)


@given(
    st.from_regex(r"[A-Z0-9][A-Z0-9/_-]{0,39}", fullmatch=True),
    st.uuids(),
)
def test_receipt_qr_round_trips(receipt_no: str, sale_uuid: uuid.UUID) -> None:
    payload = receipt_qr_payload(receipt_no, str(sale_uuid))
    route = route_scan(payload)
    assert route.kind == "receipt"
    assert route.receipt == ReceiptQr(receipt_no, str(sale_uuid))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3*8991234567895", (3, "8991234567895")),
        (" 12 * 8991234567891 ", (12, "8991234567891")),
        ("9999*96385074", (9999, "96385074")),
        ("0001*96385074", (1, "96385074")),
        ("1*kopi", (1, "kopi")),
        ("8991234567891", (1, "8991234567891")),
        ("  8991234567891\n", (1, "8991234567891")),
    ],
)
def test_split_multiplier(text: str, expected: tuple[int, str]) -> None:
    assert split_multiplier(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0*8991234567891", "jumlah harus 1 sampai 9999"),
        ("10000*8991234567891", "jumlah harus 1 sampai 9999"),
        ("-1*8991234567891", "jumlah harus 1 sampai 9999"),
        ("1.5*8991234567891", "jumlah harus 1 sampai 9999"),
        ("abc*8991234567891", "jumlah harus 1 sampai 9999"),
        ("*8991234567891", "jumlah harus 1 sampai 9999"),
        ("３*8991234567891", "jumlah harus 1 sampai 9999"),
        ("3*", "kode barang harus ditulis"),
        ("3*  ", "kode barang harus ditulis"),
        ("2*3*8991234567891", "kode barang harus ditulis"),
    ],
)
def test_split_multiplier_refuses(text: str, reason: str) -> None:
    with pytest.raises(InvalidScan, match=reason):
        split_multiplier(text)


@given(st.integers(1, MAX_MULTIPLIER), st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_multiplier_then_route(qty: int, first12: str) -> None:
    code = first12 + ean13_check_digit(first12)
    assert split_multiplier(f"{qty}*{code}") == (qty, code)
    assert route_scan(split_multiplier(f"{qty}*{code}")[1]) == ScanRoute("barcode", code)


@given(st.text(max_size=60))
def test_route_scan_never_raises(text: str) -> None:
    route = route_scan(text)
    assert route.kind in ("nip", "barcode", "receipt", "unknown")


@given(st.text(max_size=30))
def test_split_multiplier_only_raises_invalid_scan(text: str) -> None:
    try:
        qty, code = split_multiplier(text)
    except InvalidScan:
        return
    assert 1 <= qty <= MAX_MULTIPLIER
    assert code == code.strip()
