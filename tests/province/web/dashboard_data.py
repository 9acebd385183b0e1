"""The dashboard tests' registry, agencies and users (one per role)."""

from __future__ import annotations

from pos.province.web.accounts import WebRole

PASSWORD = "Sasando-Rote-2026"
NIP_KOP_1, NIP_KOP_2, NIP_BAP = "198609262015051001", "198906192023211019", "197103201998032006"
AGENCY_A, AGENCY_B = "Dinas Koperasi dan UKM", "Bappelitbangda"
ASN_CSV = f"""nip,nama,instansi,kabupaten
{NIP_KOP_1},Maria Goreti Bria,{AGENCY_A},Kota Kupang
{NIP_KOP_2},Sisilia Nogo,{AGENCY_A},Sikka
{NIP_BAP},Yohanes Lado,{AGENCY_B},Kota Kupang
"""
# username -> (role, agency, outlet)
USERS: dict[str, tuple[WebRole, str | None, str | None]] = {
    "admin.prov": (WebRole.ADMIN, None, None),
    "pemantau": (WebRole.VIEWER, None, None),
    "kadis.koperasi": (WebRole.AGENCY, AGENCY_A, None),
    "kaban.bappeda": (WebRole.AGENCY, AGENCY_B, None),
    "manajer.kupang": (WebRole.OUTLET, None, "5371"),
}
