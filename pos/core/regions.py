"""The 22 kabupaten/kota of Nusa Tenggara Timur with their Kemendagri codes: one list for every layer.

Kemendagri (Ministry of Home Affairs) codes are the ones on every NIK/KTP issued in a regency (its first
four digits, also written 53.07). BPS, the statistics office, numbers the same regencies in another
order (BPS 5310 is Sikka, Kemendagri 5310 is Manggarai): the two must never be mixed. Source and
checks in docs/regions.md.

`find_region` reads what people type or what older versions stored: a code ("5307", "53.07"), the full
name ("Kabupaten Sikka"), the short name ("Sikka"), with "Kab." or any case.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.core.errors import DomainError

PROVINCE_CODE = "53"


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # Kemendagri, 4 digits: "5307"
    name: str  # official: "Kabupaten Sikka", "Kota Kupang"

    @property
    def short(self) -> str:
        """As people say it and as the outlet's name uses it: "Sikka", "Kota Kupang"."""
        return self.name.removeprefix("Kabupaten ")

    @property
    def dotted(self) -> str:
        """As printed in Kemendagri's tables: "53.07"."""
        return f"{self.code[:2]}.{self.code[2:]}"

    @property
    def label(self) -> str:
        """For choice lists: "Kabupaten Sikka (53.07)"."""
        return f"{self.name} ({self.dotted})"


REGIONS: tuple[Region, ...] = (
    Region("5301", "Kabupaten Kupang"),
    Region("5302", "Kabupaten Timor Tengah Selatan"),
    Region("5303", "Kabupaten Timor Tengah Utara"),
    Region("5304", "Kabupaten Belu"),
    Region("5305", "Kabupaten Alor"),
    Region("5306", "Kabupaten Flores Timur"),
    Region("5307", "Kabupaten Sikka"),
    Region("5308", "Kabupaten Ende"),
    Region("5309", "Kabupaten Ngada"),
    Region("5310", "Kabupaten Manggarai"),
    Region("5311", "Kabupaten Sumba Timur"),
    Region("5312", "Kabupaten Sumba Barat"),
    Region("5313", "Kabupaten Lembata"),
    Region("5314", "Kabupaten Rote Ndao"),
    Region("5315", "Kabupaten Manggarai Barat"),
    Region("5316", "Kabupaten Nagekeo"),
    Region("5317", "Kabupaten Sumba Tengah"),
    Region("5318", "Kabupaten Sumba Barat Daya"),
    Region("5319", "Kabupaten Manggarai Timur"),
    Region("5320", "Kabupaten Sabu Raijua"),
    Region("5321", "Kabupaten Malaka"),
    Region("5371", "Kota Kupang"),
)

_BY_CODE = {region.code: region for region in REGIONS}


def _key(text: str) -> str:
    words = " ".join(text.replace(".", ". ").split()).lower()
    for prefix in ("kabupaten ", "kab. ", "kab "):
        if words.startswith(prefix):
            return words.removeprefix(prefix).strip()
    return words


_BY_NAME = {_key(region.name): region for region in REGIONS}


def region_by_code(code: str) -> Region:
    """The region of a Kemendagri code ("5307" or "53.07"); DomainError for any other."""
    found = _BY_CODE.get(code.strip().replace(".", ""))
    if found is None:
        raise DomainError(f"Kode kabupaten/kota '{code}' bukan salah satu dari 22 kabupaten/kota NTT.")
    return found


def find_region(text: str) -> Region | None:
    """A code or a name as people write it; None when it names no kabupaten/kota of NTT.

    "Kupang" alone is the regency (Kabupaten Kupang); the city is "Kota Kupang".
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    digits = cleaned.replace(".", "").replace(" ", "")
    if digits.isdigit():
        return _BY_CODE.get(digits)
    return _BY_NAME.get(_key(cleaned))


def region(text: str) -> Region:
    """Like `find_region`, but a DomainError saying what to choose when nothing matches."""
    found = find_region(text)
    if found is None:
        raise DomainError(f"'{text}' bukan kabupaten/kota di NTT. Pilih salah satu dari 22 kabupaten/kota.")
    return found
