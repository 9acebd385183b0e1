"""QRIS (Bank Indonesia's EMVCo Merchant-Presented QR): parsing, checking, and per-sale dynamic codes.

A payload is TLV: 2-digit tag, 2-digit decimal length (in characters), value. Tag 00 is "01" and comes
first; tag 63 is the CRC, always last, length 04: CRC-16/CCITT-FALSE over the UTF-8 payload up to and
including the literal "6304", written as 4 uppercase hex digits. Tags 26-51 (merchant account info) and
62 (additional data) are templates holding sub-TLVs; 51 holds "ID.CO.QRIS.WWW" and the NMID (sub-tag 02).

`dynamic_qris` turns the outlet's static code into one for a single sale by parsing the TLV, never by
string replacement (a merchant name containing "5802ID", an existing tag 54 or a CRC below 0x1000 break
converters that search and replace): tag 01 becomes "12", any tag 54 is replaced by the sale amount placed
right before tag 58, every other tag (tip or fee tags 55-57 included: they are the merchant's) keeps its
value and order, and the CRC is recomputed. The bank cannot link such a payment to the sale: the cashier
confirms it on the customer's phone or the merchant app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pos.core.errors import DomainError

QrisFields = tuple[tuple[str, str], ...]

TAG_FORMAT, TAG_INITIATION, TAG_AMOUNT, TAG_CURRENCY = "00", "01", "54", "53"
TAG_COUNTRY, TAG_NAME, TAG_CITY, TAG_POSTAL, TAG_ADDITIONAL, TAG_CRC = "58", "59", "60", "61", "62", "63"
TAG_QRIS_ACCOUNT = "51"
QRIS_GLOBAL_ID = "ID.CO.QRIS.WWW"
STATIC, DYNAMIC = "11", "12"
MAX_AMOUNT_DIGITS = 13
_TEMPLATE_TAGS = frozenset({f"{tag:02d}" for tag in range(26, 52)} | {TAG_ADDITIONAL})
_TWO_DIGITS_RE = re.compile(r"[0-9]{2}", re.ASCII)
_HEX4_RE = re.compile(r"[0-9A-Fa-f]{4}", re.ASCII)
_AMOUNT_RE = re.compile(r"(?P<whole>[0-9]{1,13})(?:\.(?P<cents>[0-9]{1,2}))?", re.ASCII)


class InvalidQris(DomainError):
    """Not a usable QRIS payload (or amount); the message says why in Bahasa Indonesia."""


@dataclass(frozen=True, slots=True)
class QrisInfo:
    """A checked QRIS payload: `fields` are the top-level (tag, value) pairs in payload order, CRC included;
    `templates` the parsed sub-fields of tags 26-51 and 62, keyed by tag, in payload order."""

    fields: QrisFields
    templates: tuple[tuple[str, QrisFields], ...]
    point_of_initiation: Literal["static", "dynamic"]
    merchant_name: str | None
    city: str | None
    postal_code: str | None
    nmid: str | None
    amount: int | None
    currency: str | None

    def value(self, tag: str) -> str | None:
        """The value of a top-level tag, or None when the payload has no such tag."""
        return next((value for field_tag, value in self.fields if field_tag == tag), None)

    def sub_fields(self, tag: str) -> QrisFields:
        """The sub-TLVs of template `tag` (26-51 or 62), empty when absent."""
        return next((subs for template_tag, subs in self.templates if template_tag == tag), ())


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor ("123456789" -> 0x29B1)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def parse_tlv(data: str) -> QrisFields:
    """Split EMV TLV text into (tag, value) pairs; raise `InvalidQris` on a cut or malformed field."""
    fields: list[tuple[str, str]] = []
    position = 0
    while position < len(data):
        if len(data) - position < 4:
            raise InvalidQris("data QRIS terpotong")
        tag, length_text = data[position : position + 2], data[position + 2 : position + 4]
        if _TWO_DIGITS_RE.fullmatch(tag) is None or _TWO_DIGITS_RE.fullmatch(length_text) is None:
            raise InvalidQris("format QRIS tidak valid")
        end = position + 4 + int(length_text)
        if int(length_text) == 0:
            raise InvalidQris(f"format QRIS tidak valid (tag {tag} kosong)")
        if end > len(data):
            raise InvalidQris("data QRIS terpotong")
        fields.append((tag, data[position + 4 : end]))
        position = end
    return tuple(fields)


def encode_tlv(fields: Iterable[tuple[str, str]]) -> str:
    """Join (tag, value) pairs as TLV text; `InvalidQris` for a value that does not fit 1-99 characters."""
    parts = []
    for tag, value in fields:
        if _TWO_DIGITS_RE.fullmatch(tag) is None or not 1 <= len(value) <= 99:
            raise InvalidQris(f"format QRIS tidak valid (tag {tag})")
        parts.append(f"{tag}{len(value):02d}{value}")
    return "".join(parts)


def build_qris_payload(fields: Iterable[tuple[str, str]]) -> str:
    """TLV-encode `fields` (without tag 63) and append the CRC field "6304XXXX"."""
    body = encode_tlv(fields) + TAG_CRC + "04"
    return body + f"{crc16_ccitt_false(body.encode('utf-8')):04X}"


def parse_qris(payload: str) -> QrisInfo:
    """Parse and check a QRIS payload; raise `InvalidQris` with the reason in Bahasa Indonesia."""
    text = payload.strip()
    if not text.startswith(TAG_FORMAT + "0201"):
        raise InvalidQris("bukan kode QRIS")
    fields = parse_tlv(text)
    _check_crc(text, fields)
    tags = [tag for tag, _ in fields]
    duplicates = sorted({tag for tag in tags if tags.count(tag) > 1})
    if duplicates:
        raise InvalidQris(f"tag QRIS ganda: {', '.join(duplicates)}")
    values = dict(fields)
    if values.get(TAG_COUNTRY) != "ID":
        raise InvalidQris("kode negara QRIS harus ID")
    initiation = values.get(TAG_INITIATION, STATIC)
    if initiation not in (STATIC, DYNAMIC):
        raise InvalidQris("jenis QRIS tidak dikenal (tag 01 harus 11 atau 12)")
    templates = tuple((tag, _parse_template(tag, value)) for tag, value in fields if tag in _TEMPLATE_TAGS)
    qris_account = dict(dict(templates).get(TAG_QRIS_ACCOUNT, ()))
    nmid = qris_account.get("02") if qris_account.get("00", "").upper() == QRIS_GLOBAL_ID else None
    return QrisInfo(
        fields=fields,
        templates=templates,
        point_of_initiation="dynamic" if initiation == DYNAMIC else "static",
        merchant_name=values.get(TAG_NAME),
        city=values.get(TAG_CITY),
        postal_code=values.get(TAG_POSTAL),
        nmid=nmid,
        amount=_parse_amount(values[TAG_AMOUNT]) if TAG_AMOUNT in values else None,
        currency=values.get(TAG_CURRENCY),
    )


def dynamic_qris(static_payload: str, amount: int) -> str:
    """A dynamic QRIS for one sale of `amount` rupiah made from the outlet's static payload."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidQris("nominal QRIS harus lebih dari 0")
    if len(str(amount)) > MAX_AMOUNT_DIGITS:
        raise InvalidQris("nominal QRIS terlalu besar")
    info = parse_qris(static_payload)
    fields = [(tag, value) for tag, value in info.fields if tag not in (TAG_AMOUNT, TAG_CRC)]
    tags = [tag for tag, _ in fields]
    if TAG_INITIATION in tags:
        fields[tags.index(TAG_INITIATION)] = (TAG_INITIATION, DYNAMIC)
    else:
        fields.insert(1, (TAG_INITIATION, DYNAMIC))
    country_index = next(index for index, (tag, _) in enumerate(fields) if tag == TAG_COUNTRY)
    fields.insert(country_index, (TAG_AMOUNT, str(amount)))
    return build_qris_payload(fields)


def _check_crc(text: str, fields: QrisFields) -> None:
    last_tag, crc_text = fields[-1]
    if TAG_CRC not in (tag for tag, _ in fields):
        raise InvalidQris("data QRIS terpotong (CRC tidak ada)")
    if last_tag != TAG_CRC:
        raise InvalidQris("CRC QRIS harus di akhir")
    if _HEX4_RE.fullmatch(crc_text) is None:
        raise InvalidQris("format CRC QRIS tidak valid")
    signed_part = text[: len(text) - 4]
    if int(crc_text, 16) != crc16_ccitt_false(signed_part.encode("utf-8")):
        raise InvalidQris("CRC QRIS tidak cocok")


def _parse_template(tag: str, value: str) -> QrisFields:
    try:
        return parse_tlv(value)
    except InvalidQris:
        raise InvalidQris(f"format QRIS tidak valid (isi tag {tag})") from None


def _parse_amount(text: str) -> int:
    match = _AMOUNT_RE.fullmatch(text)
    if match is None or (match.group("cents") or "0").strip("0"):
        raise InvalidQris("nominal QRIS tidak valid")
    return int(match.group("whole"))
