"""The dashboard's pages as data (tables, figures, charts), each built for one signed-in user's scope.

Scope is decided here and nowhere else: the HTML pages and the XLSX/PDF exports both come from `build`,
so an export can never hold more than the page it came from. An agency head reads only their agency's
compliance; an outlet manager only their outlet's sales, tills and producers; NIPs are masked for
everyone but the province admin (pos.province.web.tables). The figures come from
pos.province.dashboard_queries, which reads the summary tables kept by the ingest.
"""

from __future__ import annotations

from sqlalchemy import Connection

from pos.core.asn_period import AsnPeriod
from pos.province.programme import current_period, load_programme, month_period, province_today
from pos.province.web import sections
from pos.province.web.accounts import WebRole, WebUser
from pos.province.web.page_model import Forbidden, PageData

__all__ = ["PAGES", "Forbidden", "PageData", "allowed", "build", "home_of", "pick_period"]

PAGES = {
    "ringkasan": ("Ringkasan", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "kepatuhan": ("Kepatuhan ASN", (WebRole.ADMIN, WebRole.VIEWER, WebRole.AGENCY)),
    "outlet": ("Outlet", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "produsen": ("Produsen UMKM", (WebRole.ADMIN, WebRole.VIEWER, WebRole.OUTLET)),
    "nip": ("Cari NIP", (WebRole.ADMIN,)),
    "pengguna": ("Pengguna", (WebRole.ADMIN,)),
}


def home_of(user: WebUser) -> str:
    return "/kepatuhan" if user.role is WebRole.AGENCY else "/ringkasan"


def allowed(user: WebUser, slug: str) -> bool:
    return user.role in PAGES[slug][1]


def pick_period(conn: Connection, month: str | None, compliance: bool) -> AsnPeriod:
    """`?bulan=YYYY-MM`, else this month; compliance pages default to the programme's period (a campaign
    while one is set), as `report compliance` does."""
    if month:
        return month_period(month)
    today = province_today()
    if compliance:
        return current_period(load_programme(conn), today)
    return month_period(today.strftime("%Y-%m"))


def build(
    conn: Connection, user: WebUser, slug: str, params: dict[str, str], *, export: bool = False
) -> PageData:
    """The page `slug` for `user` (Forbidden outside their scope); `export`: every row of long lists."""
    if slug not in PAGES or not allowed(user, slug):
        raise Forbidden("Halaman ini bukan untuk akun Anda")
    period = pick_period(conn, params.get("bulan") or None, slug in ("kepatuhan", "nip"))
    outlet = user.outlet_code if user.role is WebRole.OUTLET else None
    if slug == "ringkasan":
        return sections.summary(conn, period, outlet)
    if slug == "kepatuhan":
        agency = params.get("instansi") or None
        if user.role is WebRole.AGENCY:
            if agency is not None and agency != user.agency:
                raise Forbidden("Anda hanya dapat melihat instansi Anda sendiri")
            agency = user.agency
        if agency:
            return sections.agency(conn, period, agency, params, export)
        return sections.compliance(conn, period)
    if slug == "outlet":
        return sections.outlets(conn, period, outlet)
    if slug == "produsen":
        return sections.producers(conn, period, outlet)
    if slug == "pengguna":
        return sections.users(conn, period)
    return sections.nip_search(conn, period, params.get("q", ""))
