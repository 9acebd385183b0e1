"""Demo people: NTT names, the ASN registry (valid PNS and PPPK NIPs) and the outlet's own staff.

Names are common first names of Flores, Sumba, Timor, Rote and Sabu with family names of those
islands; every NIP is built to the published layout and checked with `pos.core.nip.parse_nip`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from pos.core.errors import DomainError
from pos.core.nip import parse_nip
from pos.services.context import Role

MALE_NAMES = (
    "Yohanes",
    "Fransiskus",
    "Agustinus",
    "Yosef",
    "Petrus",
    "Paulus",
    "Kornelis",
    "Marselinus",
    "Emanuel",
    "Sebastianus",
    "Dominikus",
    "Aloysius",
    "Bernadus",
    "Yakobus",
    "Daniel",
    "Yeremias",
    "Obed",
    "Melkianus",
    "Oktovianus",
    "Hendrikus",
    "Stefanus",
    "Benediktus",
    "Ferdinandus",
    "Gregorius",
    "Silvester",
    "Wilhelmus",
    "Kanisius",
    "Arnoldus",
    "Ignasius",
    "Umbu Ndaha",
    "Imanuel",
    "Yunus",
)
FEMALE_NAMES = (
    "Maria Goreti",
    "Yuliana",
    "Theresia",
    "Veronika",
    "Anastasia",
    "Florentina",
    "Margaretha",
    "Elisabeth",
    "Agustina",
    "Yasinta",
    "Kristina",
    "Natalia",
    "Lusia",
    "Selfina",
    "Adriana",
    "Debora",
    "Ester",
    "Naomi",
    "Yublina",
    "Rambu Hada",
    "Maria Magdalena",
    "Fransiska",
    "Getrudis",
    "Skolastika",
)
FAMILY_NAMES = (
    "Nai",
    "Lado",
    "Bria",
    "Tefa",
    "Nalle",
    "Messakh",
    "Ndun",
    "Bessie",
    "Fanggidae",
    "Manafe",
    "Tallo",
    "Lay",
    "Bire",
    "Kolo",
    "Seran",
    "Nahak",
    "Taek",
    "Bere",
    "Mau",
    "Lake",
    "Klau",
    "Nenobais",
    "Benu",
    "Tanesib",
    "Selan",
    "Atok",
    "Lobo",
    "Wolo",
    "Dhae",
    "Rangga",
    "Meo",
    "Bhoki",
    "Wake",
    "Ratu",
    "Jemadu",
    "Ndolu",
    "Pello",
    "Ndoen",
    "Dethan",
    "Amalo",
    "Riwu",
    "Kana",
    "Haning",
    "Djami",
    "Radja",
    "Lema",
    "Mbete",
    "Tukan",
    "Koten",
    "Kelen",
    "Making",
    "Manehat",
    "Ghero",
    "Pareira",
    "da Costa",
    "Fernandez",
    "Parera",
    "Sanga",
    "Kapitan",
    "Fallo",
    "Tunliu",
    "Sjioen",
    "Bunga",
    "Leo",
    "Ora",
    "Hurek",
)

# (agency, kabupaten of its office). The outlet is in Kota Kupang, where the provincial OPDs sit.
AGENCIES: tuple[tuple[str, str], ...] = (
    ("Dinas Pendidikan dan Kebudayaan Provinsi NTT", "Kota Kupang"),
    ("Badan Keuangan Daerah Provinsi NTT", "Kota Kupang"),
    ("RSUD Prof. Dr. W. Z. Johannes Kupang", "Kota Kupang"),
    ("Dinas Kesehatan Provinsi NTT", "Kota Kupang"),
    ("Biro Umum Setda Provinsi NTT", "Kota Kupang"),
    ("Badan Kepegawaian Daerah Provinsi NTT", "Kota Kupang"),
    ("Bappelitbangda Provinsi NTT", "Kota Kupang"),
    ("Dinas Koperasi, Tenaga Kerja dan Transmigrasi Provinsi NTT", "Kota Kupang"),
    ("Dinas Pariwisata dan Ekonomi Kreatif Provinsi NTT", "Kota Kupang"),
    ("Dinas Perindustrian dan Perdagangan Provinsi NTT", "Kota Kupang"),
    ("Dinas Pertanian dan Ketahanan Pangan Provinsi NTT", "Kota Kupang"),
    ("Inspektorat Daerah Provinsi NTT", "Kota Kupang"),
    ("Sekretariat DPRD Provinsi NTT", "Kota Kupang"),
    ("SMA Negeri 1 Kupang", "Kota Kupang"),
    ("SMK Negeri 2 Kupang", "Kota Kupang"),
    ("Dinas Pendidikan Kota Kupang", "Kota Kupang"),
    ("Dinas Kesehatan Kota Kupang", "Kota Kupang"),
    ("Puskesmas Oebobo", "Kota Kupang"),
    ("Sekretariat Daerah Kabupaten Kupang", "Kupang"),
    ("RSUD Naibonat", "Kupang"),
    ("UPT SMA Negeri 1 Soe", "Timor Tengah Selatan"),
)

# ASN of the registry: mostly PNS; PPPK (appointed 2019 or later) are a minority.
PPPK_SHARE = 0.2
PPPK_CODE = "21"


@dataclass(frozen=True)
class StaffMember:
    username: str
    full_name: str
    role: Role
    pin: str


STAFF: tuple[StaffMember, ...] = (
    StaffMember("kasir1", "Yuliana Bria", Role.CASHIER, "1111"),
    StaffMember("kasir2", "Fransiskus Tefa", Role.CASHIER, "2222"),
    StaffMember("manajer", "Agustina Nalle", Role.MANAGER, "5555"),
    StaffMember("admin", "Admin Outlet", Role.ADMIN, "9999"),
)


@dataclass(frozen=True)
class DemoAsn:
    nip: str
    name: str
    agency: str
    kabupaten: str


def person_name(rng: random.Random, female: bool) -> str:
    first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
    return f"{first} {rng.choice(FAMILY_NAMES)}"


def _random_day(rng: random.Random, first_year: int, last_year: int) -> date:
    start = date(first_year, 1, 1).toordinal()
    end = date(last_year, 12, 31).toordinal()
    return date.fromordinal(rng.randint(start, end))


def make_nip(rng: random.Random, *, female: bool, pppk: bool, latest_year: int) -> str:
    """A structurally valid NIP: PNS (TMT CPNS month) or PPPK (appointment year + code 21)."""
    gender = "2" if female else "1"
    sequence = f"{rng.randint(1, 999):03d}"
    if pppk:
        birth = _random_day(rng, 1975, 1997)
        year = rng.randint(max(2019, birth.year + 22), latest_year)
        return f"{birth:%Y%m%d}{year:04d}{PPPK_CODE}{gender}{sequence}"
    birth = _random_day(rng, 1964, 1996)
    # Most PNS start between 22 and 35; honorer conversions start later, up to about 40.
    year = min(birth.year + rng.randint(22, 40), latest_year)
    return f"{birth:%Y%m%d}{year:04d}{rng.randint(1, 12):02d}{gender}{sequence}"


def make_asn_registry(rng: random.Random, count: int, today: date) -> list[DemoAsn]:
    """`count` ASN with unique NIPs, each accepted by `parse_nip` as of `today`."""
    entries: list[DemoAsn] = []
    seen: set[str] = set()
    latest_year = min(today.year - 1, 2025)
    while len(entries) < count:
        female = rng.random() < 0.5
        pppk = rng.random() < PPPK_SHARE
        nip = make_nip(rng, female=female, pppk=pppk, latest_year=latest_year)
        if nip in seen:
            continue
        try:
            parse_nip(nip, today=today)
        except DomainError:  # e.g. appointed before 18 by the clamp above: draw again
            continue
        seen.add(nip)
        agency, kabupaten = rng.choice(AGENCIES)
        entries.append(DemoAsn(nip, person_name(rng, female), agency, kabupaten))
    return entries
