"""NIP parsing: printed forms, PNS and PPPK, the structural rules, and masking of the birth date."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pos.core.errors import DomainError
from pos.core.nip import Gender, InvalidNip, Nip, NipKind, looks_like_nip, parse_nip

TODAY = date(2026, 11, 28)
PNS, PPPK = NipKind.PNS, NipKind.PPPK
L, P = Gender.L, Gender.P


@pytest.mark.parametrize(
    ("text", "digits", "kind", "birth", "appointment_text", "gender", "sequence"),
    [
        ("198609262015051001", "198609262015051001", PNS, date(1986, 9, 26), "2015-05", L, 1),
        ("19710320.199803.2.006", "197103201998032006", PNS, date(1971, 3, 20), "1998-03", P, 6),
        ("NIP. 19700222 199303 1002", "197002221993031002", PNS, date(1970, 2, 22), "1993-03", L, 2),
        ("NIP : 19860926 201505 1 001", "198609262015051001", PNS, date(1986, 9, 26), "2015-05", L, 1),
        ("Nip.198609262015051001", "198609262015051001", PNS, date(1986, 9, 26), "2015-05", L, 1),
        ("19860926-201505-1-001", "198609262015051001", PNS, date(1986, 9, 26), "2015-05", L, 1),
        (
            "  19860926\u00a0201505\u00a01\u00a0001 ",
            "198609262015051001",
            PNS,
            date(1986, 9, 26),
            "2015-05",
            L,
            1,
        ),
        (
            "19860926\u202f201505\u202f1\u202f001",
            "198609262015051001",
            PNS,
            date(1986, 9, 26),
            "2015-05",
            L,
            1,
        ),
        # PPPK: digits 9-12 the year, 13-14 the code 21 (regular) or 24 (part-time), not a month.
        ("198906192023211019", "198906192023211019", PPPK, date(1989, 6, 19), "2023", L, 19),
        ("NI PPPK 19890619 202321 1 019", "198906192023211019", PPPK, date(1989, 6, 19), "2023", L, 19),
        ("19920115 202424 2 001", "199201152024242001", PPPK, date(1992, 1, 15), "2024", P, 1),
        # Honorer conversion: appointed at 40, no maximum age.
        ("196804102008121001", "196804102008121001", PNS, date(1968, 4, 10), "2008-12", L, 1),
        # Exactly 18 on the TMT date.
        ("199006012008061999", "199006012008061999", PNS, date(1990, 6, 1), "2008-06", L, 999),
        # Born on February 29.
        ("198402292009032011", "198402292009032011", PNS, date(1984, 2, 29), "2009-03", P, 11),
        # Appointed in the current month.
        ("198609262026111001", "198609262026111001", PNS, date(1986, 9, 26), "2026-11", L, 1),
    ],
)
def test_valid_nips(
    text: str, digits: str, kind: NipKind, birth: date, appointment_text: str, gender: Gender, sequence: int
) -> None:
    nip = parse_nip(text, today=TODAY)
    assert nip.digits == digits
    assert nip.kind is kind
    assert nip.birth_date == birth
    assert nip.appointment_text == appointment_text
    assert nip.gender is gender
    assert nip.sequence == sequence
    assert looks_like_nip(text)


def test_pns_fields_and_printed_forms() -> None:
    nip = parse_nip("198609262015051001", today=TODAY)
    assert nip.appointment == date(2015, 5, 1)
    assert nip.pppk_code is None
    assert nip.formatted == "19860926 201505 1 001"
    assert nip.masked == "******** 201505 1 001"


def test_pppk_fields() -> None:
    nip = parse_nip("198906192023211019", today=TODAY)
    assert nip.appointment == date(2023, 1, 1)
    assert nip.pppk_code == "21"
    assert nip.formatted == "19890619 202321 1 019"
    assert nip.masked == "******** 202321 1 019"


def test_month_like_code_after_2019_is_read_as_pns() -> None:
    # Digits 13-14 that form a valid month are a PNS TMT; no PPPK code in 01-12 is known.
    nip = parse_nip("199501012021011001", today=TODAY)
    assert nip.kind is NipKind.PNS
    assert nip.appointment == date(2021, 1, 1)


def test_str_repr_and_logging_never_show_the_birth_date(caplog: pytest.LogCaptureFixture) -> None:
    nip = parse_nip("198609262015051001", today=TODAY)
    assert str(nip) == "******** 201505 1 001"
    assert f"{nip}" == "******** 201505 1 001"
    assert "19860926" not in repr(nip)
    assert "19860926" not in repr([nip])
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("pembeli %s / %r", nip, nip)
    assert "19860926" not in caplog.text
    assert "201505 1 001" in caplog.text


def test_nip_is_frozen_and_comparable() -> None:
    first = parse_nip("19860926 201505 1 001", today=TODAY)
    second = parse_nip("NIP. 198609262015051001", today=TODAY)
    assert first == second
    assert hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.digits = "000000000000000000"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "NIP kosong"),
        ("NIP.", "NIP kosong"),
        ("19860926201505100", "NIP harus 18 digit"),  # 17 digits
        ("1986092620150510011", "NIP harus 18 digit"),  # 19 digits
        ("5371012609860001", "16 digit adalah NIK"),  # a KTP number
        ("010234567", "NIP lama 9 digit"),  # pre-2008 NIP
        ("19860926ABC5051001", "hanya boleh berisi angka"),
        ("１９８６０９２６２０１５０５１００１", "hanya boleh berisi angka"),  # full-width digits
        ("198602302015051001", "tanggal lahir tidak valid"),  # February 30
        ("198613262015051001", "tanggal lahir tidak valid"),  # month 13 of birth
        ("189912312015051001", "tanggal lahir tidak valid"),
        ("202712012045011001", "tanggal lahir di masa depan"),
        ("198609262015131001", "bulan pengangkatan tidak valid"),  # month 13
        ("198609262015001001", "bulan pengangkatan tidak valid"),  # month 00
        ("198906192015211019", "bulan pengangkatan tidak valid"),  # PPPK code before PPPK existed
        ("198609260000051001", "tahun pengangkatan tidak valid"),
        ("198609262027011001", "tanggal pengangkatan di masa depan"),
        ("198609262026121001", "tanggal pengangkatan di masa depan"),  # next month
        ("198906192027211019", "tanggal pengangkatan di masa depan"),  # PPPK next year
        ("198609261980051001", "pengangkatan sebelum tanggal lahir"),
        ("199006152007061001", "pengangkatan sebelum usia 18 tahun"),  # appointed at 17
        ("199006022008061001", "pengangkatan sebelum usia 18 tahun"),  # one day short of 18
        ("200906012023211001", "pengangkatan sebelum usia 18 tahun"),  # PPPK aged 14 in 2023
        ("198609262015053001", "kode jenis kelamin harus 1 atau 2"),
        ("198609262015050001", "kode jenis kelamin harus 1 atau 2"),
        ("198609262015051000", "nomor urut tidak boleh 000"),
        ("1" * 200, "NIP terlalu panjang"),
    ],
)
def test_invalid_nips(text: str, reason: str) -> None:
    with pytest.raises(InvalidNip) as caught:
        parse_nip(text, today=TODAY)
    assert reason in str(caught.value)
    assert isinstance(caught.value, DomainError)


def test_default_today_is_the_machine_date() -> None:
    tomorrow = date.today() + timedelta(days=40)
    future = f"19860926{tomorrow.year:04d}{tomorrow.month:02d}1001"
    with pytest.raises(InvalidNip, match="masa depan"):
        parse_nip(future)
    assert parse_nip("198609262015051001").kind is NipKind.PNS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("198609262015051001", True),
        ("NIP. 19700222 199303 1002", True),
        ("999999999999999999", True),  # no validation: parse_nip decides later
        ("8991234567895", False),
        ("5371012609860001", False),
        ("19860926 201505 1 00X", False),
        ("", False),
        ("198609262015051001" + " " * 100, False),
    ],
)
def test_looks_like_nip(text: str, expected: bool) -> None:
    assert looks_like_nip(text) is expected


@st.composite
def valid_nips(draw: st.DrawFn) -> str:
    birth = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2008, 11, 1)))
    try:
        adult = birth.replace(year=birth.year + 18)
    except ValueError:
        adult = date(birth.year + 18, 3, 1)
    gender = draw(st.sampled_from("12"))
    sequence = draw(st.integers(min_value=1, max_value=999))
    if draw(st.booleans()):
        when = draw(st.dates(min_value=adult, max_value=TODAY))
        year, month = when.year, when.month
        if date(year, month, 1) < adult:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        assume((year, month) <= (TODAY.year, TODAY.month))
        middle = f"{year:04d}{month:02d}"
    else:
        assume(adult.year <= TODAY.year)
        year = draw(st.integers(min_value=max(2019, adult.year), max_value=TODAY.year))
        middle = f"{year:04d}{draw(st.sampled_from(['21', '24']))}"
    return f"{birth:%Y%m%d}{middle}{gender}{sequence:03d}"


def printed_forms(digits: str) -> list[str]:
    b, a, g, s = digits[:8], digits[8:14], digits[14], digits[15:]
    return [
        digits,
        f"{b} {a} {g} {s}",
        f"{b}.{a}.{g}.{s}",
        f"{b} {a} {g}{s}",
        f"{b}-{a}-{g}-{s}",
        f"{b}\u00a0{a}\u00a0{g}\u00a0{s}",
        f"{b}\u202f{a}\u202f{g}\u202f{s}",
        f"  {b}  {a} {g} {s}\t",
        f"NIP. {b} {a} {g} {s}",
        f"NIP : {digits}",
        f"Nip.{digits}",
        f"NI PPPK {b} {a} {g} {s}",
    ]


@given(valid_nips())
def test_every_printed_form_round_trips(digits: str) -> None:
    nip = parse_nip(digits, today=TODAY)
    assert nip.digits == digits
    for form in [*printed_forms(digits), nip.formatted]:
        assert looks_like_nip(form), form
        assert parse_nip(form, today=TODAY) == nip, form
    assert nip.masked == "********" + nip.formatted[8:]
    assert digits[:8] not in str(nip)


@given(st.text(max_size=40))
def test_random_text_only_raises_invalid_nip(text: str) -> None:
    try:
        nip = parse_nip(text, today=TODAY)
    except InvalidNip:
        return
    assert isinstance(nip, Nip)


@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_random_18_digits_only_raise_invalid_nip(digits: str) -> None:
    try:
        nip = parse_nip(digits, today=TODAY)
    except InvalidNip:
        return
    assert nip.digits == digits
    assert nip.birth_date <= TODAY
    assert nip.appointment <= TODAY
