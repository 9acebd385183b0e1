"""QRIS: CRC, TLV parsing with templates, checks, and dynamic codes made from a static one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.core.errors import DomainError
from pos.core.qris import (
    InvalidQris,
    build_qris_payload,
    crc16_ccitt_false,
    dynamic_qris,
    parse_qris,
    parse_tlv,
)

Fields = list[tuple[str, str]]


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def sign(fields: Fields) -> str:
    """Compose a payload the way a bank's QRIS generator does: TLV, then "6304", then the CRC."""
    body = "".join(tlv(tag, value) for tag, value in fields) + "6304"
    return body + format(crc16_ccitt_false(body.encode("utf-8")), "04X")


def static_fields(name: str = "NTT MART DEKRANASDA KUPANG", terminal: str = "KASIR01") -> Fields:
    """A realistic static QRIS of an outlet: a GoPay-style account (26), the QRIS template with the NMID
    (51), MCC 5999, rupiah, Indonesia, name, city, postal code, and a terminal label (62/07)."""
    return [
        ("00", "01"),
        ("01", "11"),
        (
            "26",
            tlv("00", "COM.GO-JEK.WWW")
            + tlv("01", "936009140123456789")
            + tlv("02", "G123456789")
            + tlv("03", "UMI"),
        ),
        ("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1024312345678") + tlv("03", "UMI")),
        ("52", "5999"),
        ("53", "360"),
        ("58", "ID"),
        ("59", name),
        ("60", "KOTA KUPANG"),
        ("61", "85111"),
        ("62", tlv("07", terminal)),
    ]


STATIC = sign(static_fields())


def crc_is_valid(payload: str) -> bool:
    return int(payload[-4:], 16) == crc16_ccitt_false(payload[:-4].encode("utf-8"))


def test_crc_check_values() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF
    assert crc16_ccitt_false(b"A") == 0xB915


def test_parse_static_sample() -> None:
    info = parse_qris(STATIC)
    assert [tag for tag, _ in info.fields] == [
        "00",
        "01",
        "26",
        "51",
        "52",
        "53",
        "58",
        "59",
        "60",
        "61",
        "62",
        "63",
    ]
    assert info.point_of_initiation == "static"
    assert info.merchant_name == "NTT MART DEKRANASDA KUPANG"
    assert info.city == "KOTA KUPANG"
    assert info.postal_code == "85111"
    assert info.nmid == "ID1024312345678"
    assert info.amount is None
    assert info.currency == "360"
    assert info.value("52") == "5999"
    assert info.value("54") is None
    assert info.sub_fields("26") == (
        ("00", "COM.GO-JEK.WWW"),
        ("01", "936009140123456789"),
        ("02", "G123456789"),
        ("03", "UMI"),
    )
    assert info.sub_fields("62") == (("07", "KASIR01"),)
    assert info.sub_fields("40") == ()


def test_parse_accepts_lowercase_crc_and_surrounding_whitespace() -> None:
    candidates = (sign(static_fields(terminal=f"KASIR{n:02d}")) for n in range(100))
    lowercase = next(payload for payload in candidates if any(c in "ABCDEF" for c in payload[-4:]))
    assert lowercase[-4:] != lowercase[-4:].lower()
    assert parse_qris(lowercase[:-4] + lowercase[-4:].lower() + "\r\n").city == "KOTA KUPANG"


def test_nmid_needs_the_qris_global_id() -> None:
    fields = [
        (t, tlv("00", "ID.CO.OTHER.WWW") + tlv("02", "X1")) if t == "51" else (t, v)
        for t, v in static_fields()
    ]
    assert parse_qris(sign(fields)).nmid is None
    without_51 = [(t, v) for t, v in static_fields() if t != "51"]
    assert parse_qris(sign(without_51)).nmid is None


def test_parse_tlv_splits_fields() -> None:
    assert parse_tlv("000201010211") == (("00", "01"), ("01", "11"))
    assert parse_tlv("") == ()


def replaced(fields: Fields, tag: str, value: str) -> Fields:
    return [(t, value if t == tag else v) for t, v in fields]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("", "bukan kode QRIS"),
        ("https://nttmart.example/bayar", "bukan kode QRIS"),
        ("NTTPOS1|5371-01-20261128-0001|x", "bukan kode QRIS"),
        ("000202" + STATIC[6:], "bukan kode QRIS"),
        (STATIC.replace("KUPANG", "KUPANX", 1), "CRC QRIS tidak cocok"),
        (STATIC[:-4] + "ZZZZ", "format CRC QRIS tidak valid"),
        (STATIC[:-3], "data QRIS terpotong"),
        (STATIC[:-8], "data QRIS terpotong"),  # cut exactly at a field boundary: no CRC
        (STATIC[:50], "data QRIS terpotong"),
        (STATIC[:-8] + "6305ABCDE", "format CRC QRIS tidak valid"),
        (sign(static_fields())[:-8] + "630400005802ID", "CRC QRIS harus di akhir"),
        ("0002010102115A02ID6304ABCD", "format QRIS tidak valid"),
        (sign(replaced(static_fields(), "58", "MY")), "kode negara QRIS harus ID"),
        (sign([(t, v) for t, v in static_fields() if t != "58"]), "kode negara QRIS harus ID"),
        (sign(replaced(static_fields(), "01", "13")), "tag 01 harus 11 atau 12"),
        (sign([*static_fields(), ("59", "LAGI")]), "tag QRIS ganda: 59"),
        (sign(replaced(static_fields(), "26", "0010COM.GO")), "isi tag 26"),
        (sign(replaced(static_fields(), "62", "07")), "isi tag 62"),
        (sign([*static_fields()[:6], ("54", "17000.50"), *static_fields()[6:]]), "nominal QRIS tidak valid"),
        (sign([*static_fields()[:6], ("54", "Rp17rb"), *static_fields()[6:]]), "nominal QRIS tidak valid"),
        ("000201" + "0100" + "6304ABCD", "tag 01 kosong"),
    ],
)
def test_parse_refuses(payload: str, reason: str) -> None:
    with pytest.raises(InvalidQris) as caught:
        parse_qris(payload)
    assert reason in str(caught.value)
    assert isinstance(caught.value, DomainError)


def test_parse_reads_whole_rupiah_amounts() -> None:
    with_amount = sign([*static_fields()[:6], ("54", "17000"), *static_fields()[6:]])
    assert parse_qris(with_amount).amount == 17000
    with_zero_cents = sign([*static_fields()[:6], ("54", "17000.00"), *static_fields()[6:]])
    assert parse_qris(with_zero_cents).amount == 17000


def assert_dynamic_of(static: str, dynamic: str, amount: int) -> None:
    """The dynamic payload re-parses, its CRC verifies, 54 sits right before 58 with `amount`, 01 is
    "12", and every other tag of the static payload keeps its value and order."""
    assert crc_is_valid(dynamic)
    assert dynamic == dynamic.strip() and dynamic[-4:] == dynamic[-4:].upper()
    info = parse_qris(dynamic)
    assert info.point_of_initiation == "dynamic"
    assert info.amount == amount
    tags = [tag for tag, _ in info.fields]
    assert tags[tags.index("58") - 1] == "54"
    assert info.value("54") == str(amount)
    assert info.value("01") == "12"
    original = [(t, v) for t, v in parse_qris(static).fields if t not in ("01", "54", "63")]
    kept = [(t, v) for t, v in info.fields if t not in ("01", "54", "63")]
    assert kept == original
    assert tags[-1] == "63"


def test_dynamic_from_static_sample() -> None:
    dynamic = dynamic_qris(STATIC, 17000)
    assert_dynamic_of(STATIC, dynamic, 17000)
    assert "5303360" + "540517000" + "5802ID" in dynamic
    assert dynamic.startswith("000201010212")


def test_dynamic_with_merchant_name_containing_5802id() -> None:
    static = sign(static_fields(name="TOKO 5802ID 5303360"))
    dynamic = dynamic_qris(static, 25000)
    assert_dynamic_of(static, dynamic, 25000)
    assert parse_qris(dynamic).merchant_name == "TOKO 5802ID 5303360"


def test_dynamic_with_tags_in_unusual_order() -> None:
    # Name and a "5802ID"-bearing account template before the country code: a search for the first
    # "5802ID" would insert the amount inside the template.
    fields = static_fields()
    order = ["00", "59", "26", "51", "01", "62", "53", "52", "61", "60", "58"]
    by_tag = dict(fields)
    by_tag["26"] = tlv("00", "COM.EXAMPLE.WWW") + tlv("01", "5802ID5303360")
    unusual = [(tag, by_tag[tag]) for tag in order]
    static = sign(unusual)
    dynamic = dynamic_qris(static, 150000)
    assert_dynamic_of(static, dynamic, 150000)
    assert [t for t, _ in parse_qris(dynamic).fields] == [*order[:-1], "54", "58", "63"]


def test_dynamic_replaces_an_existing_amount_and_keeps_tip_and_fee_tags() -> None:
    fields = static_fields()
    fields[6:6] = [("54", "5000"), ("55", "02"), ("56", "1000")]
    fields[1] = ("01", "12")
    static = sign(fields)
    dynamic = dynamic_qris(static, 99000)
    assert_dynamic_of(static, dynamic, 99000)
    tags = [t for t, _ in parse_qris(dynamic).fields]
    assert tags[5:10] == ["53", "55", "56", "54", "58"]
    assert parse_qris(dynamic).value("56") == "1000"


def test_dynamic_inserts_point_of_initiation_when_missing() -> None:
    static = sign([(t, v) for t, v in static_fields() if t != "01"])
    assert parse_qris(static).point_of_initiation == "static"
    dynamic = dynamic_qris(static, 5000)
    assert dynamic.startswith("000201010212")
    assert_dynamic_of(static, dynamic, 5000)


def test_crc_below_0x1000_is_zero_padded_in_and_out() -> None:
    # Find a static code and an amount whose CRCs start with a zero hex digit (1 in 16 chance each).
    static = next(
        payload
        for payload in (sign(static_fields(terminal=f"KASIR{n:02d}")) for n in range(400))
        if payload[-4] == "0"
    )
    assert parse_qris(static).merchant_name
    amount = next(a for a in range(1000, 3000) if dynamic_qris(static, a)[-4] == "0")
    dynamic = dynamic_qris(static, amount)
    assert len(dynamic) == len(static) + len(tlv("54", str(amount)))
    assert_dynamic_of(static, dynamic, amount)


@pytest.mark.parametrize("amount", [0, -1, -17000, 10**13, True])
def test_dynamic_refuses_bad_amounts(amount: int) -> None:
    with pytest.raises(InvalidQris, match="nominal QRIS"):
        dynamic_qris(STATIC, amount)


def test_dynamic_accepts_thirteen_digit_amount() -> None:
    assert parse_qris(dynamic_qris(STATIC, 10**13 - 1)).amount == 10**13 - 1


def test_dynamic_refuses_a_broken_static_code() -> None:
    with pytest.raises(InvalidQris, match="CRC QRIS tidak cocok"):
        dynamic_qris(STATIC.replace("5999", "5998"), 1000)


def test_build_qris_payload_matches_the_test_builder() -> None:
    assert build_qris_payload(static_fields()) == STATIC


def test_build_qris_payload_refuses_values_that_do_not_fit() -> None:
    with pytest.raises(InvalidQris):
        build_qris_payload([("00", "01"), ("59", "X" * 100)])
    with pytest.raises(InvalidQris):
        build_qris_payload([("00", "01"), ("5", "X")])


names = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=25)


@given(names, st.integers(min_value=1, max_value=10**13 - 1))
def test_dynamic_round_trips_for_any_name_and_amount(name: str, amount: int) -> None:
    static = sign(static_fields(name=name))
    assert_dynamic_of(static, dynamic_qris(static, amount), amount)


printable = st.characters(min_codepoint=32, max_codepoint=126)


@given(st.integers(min_value=0, max_value=len(STATIC) - 1), printable)
def test_any_changed_character_is_refused(position: int, character: str) -> None:
    original = STATIC[position]
    if character.upper() == original.upper():
        return
    with pytest.raises(InvalidQris):
        parse_qris(STATIC[:position] + character + STATIC[position + 1 :])


@given(st.text(max_size=60))
def test_random_text_only_raises_invalid_qris(text: str) -> None:
    for candidate in (text, "000201" + text):
        try:
            parse_qris(candidate)
        except InvalidQris:
            continue
