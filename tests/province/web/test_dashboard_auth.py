"""The dashboard's sign-in, sessions and scopes through the real app (TestClient): CSRF on every form,
cookie flags, throttling and lockout, the audit table, and that no scoped user reads another scope by a
link or an export. The sync API's bearer tokens stay separate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from dashboard_data import AGENCY_A, AGENCY_B, NIP_BAP, NIP_KOP_1, PASSWORD
from fastapi.testclient import TestClient
from helpers_web import csrf_of, sign_in
from sqlalchemy import Engine, delete, select, update

from pos.province.api import create_app
from pos.province.schema import web_audit, web_users
from pos.province.web import accounts
from pos.province.web.accounts import MAX_FAILED


def audit_rows(engine: Engine, username: str) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                select(web_audit.c.action).where(web_audit.c.username == username).order_by(web_audit.c.id)
            ).scalars()
        )


def test_login_form_is_plain_html_with_a_csrf_field(dashboard: TestClient) -> None:
    page = dashboard.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<form method="post" action="/masuk">' in html
    assert 'name="username"' in html and 'type="password"' in html and csrf_of(html)
    assert "<script" not in html  # signing in needs no JavaScript
    visitor = page.headers["set-cookie"]
    assert "HttpOnly" in visitor and "samesite=lax" in visitor.lower() and "Secure" not in visitor
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_sign_in_sets_a_signed_httponly_lax_cookie_secure_behind_https(dashboard: TestClient) -> None:
    done = sign_in(dashboard, "pemantau", PASSWORD)
    assert done.status_code == 303 and done.headers["location"] == "/ringkasan"
    cookie = next(c for c in done.headers.get_list("set-cookie") if c.startswith("ntt_sesi="))
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Secure" not in cookie
    assert dashboard.get("/ringkasan").status_code == 200

    dashboard.cookies.clear()
    behind_proxy = sign_in(dashboard, "pemantau", PASSWORD, **{"X-Forwarded-Proto": "https"})
    cookie = next(c for c in behind_proxy.headers.get_list("set-cookie") if c.startswith("ntt_sesi="))
    assert "Secure" in cookie


def test_https_request_gets_secure_cookies(dashboard_engine: Engine) -> None:
    with TestClient(create_app(dashboard_engine), base_url="https://dasbor.example") as client:
        done = sign_in(client, "pemantau", PASSWORD)
    (session,) = [c for c in done.headers.get_list("set-cookie") if c.startswith("ntt_sesi=")]
    assert "Secure" in session and "HttpOnly" in session


def test_forms_without_the_csrf_token_are_refused(dashboard: TestClient, dashboard_engine: Engine) -> None:
    dashboard.get("/")
    for form in ({}, {"csrf": "palsu"}):
        refused = dashboard.post(
            "/masuk", data={**form, "username": "pemantau", "password": PASSWORD}, follow_redirects=False
        )
        assert refused.status_code == 400 and "kedaluwarsa" in refused.text
        assert not any(c.startswith("ntt_sesi=") for c in refused.headers.get_list("set-cookie"))
    assert sign_in(dashboard, "pemantau", PASSWORD).status_code == 303
    # sign-out is a POST with the session's token: without it the session stays
    assert dashboard.post("/keluar", data={}, follow_redirects=False).status_code == 400
    assert dashboard.get("/ringkasan", follow_redirects=False).status_code == 200
    page = dashboard.get("/ringkasan")
    out = dashboard.post("/keluar", data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert dashboard.get("/ringkasan", follow_redirects=False).headers["location"] == "/"
    assert audit_rows(dashboard_engine, "pemantau")[-2:] == ["login", "logout"]


def test_a_forged_or_foreign_cookie_is_no_session(dashboard: TestClient) -> None:
    sign_in(dashboard, "kadis.koperasi", PASSWORD)
    value = dashboard.cookies["ntt_sesi"]
    body, mac = value.split(".")
    import base64
    import json

    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    data["u"] = 1  # someone else's user id, same signature
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=") + "." + mac
    dashboard.cookies.set("ntt_sesi", forged)
    assert dashboard.get("/ringkasan", follow_redirects=False).headers["location"] == "/"


@pytest.mark.slow  # seven argon2 verifications
def test_wrong_passwords_lock_the_account_and_are_audited(
    dashboard: TestClient, dashboard_engine: Engine
) -> None:
    with dashboard_engine.begin() as conn:
        accounts.add_user(conn, "coba.kunci", accounts.WebRole.VIEWER, PASSWORD)
    for _ in range(MAX_FAILED - 1):
        assert sign_in(dashboard, "coba.kunci", "salah-salah-salah").status_code == 401
    locked = sign_in(dashboard, "coba.kunci", "salah-salah-salah")
    assert locked.status_code == 401 and "terkunci" in locked.text
    # even the right password is refused while locked
    assert sign_in(dashboard, "coba.kunci", PASSWORD).status_code == 401
    assert audit_rows(dashboard_engine, "coba.kunci") == ["login_failed"] * (MAX_FAILED + 1)
    with dashboard_engine.begin() as conn:
        accounts.set_password(conn, "coba.kunci", "Kain-Tenun-Ikat-99")
    assert sign_in(dashboard, "coba.kunci", "Kain-Tenun-Ikat-99").status_code == 303


def test_many_failures_from_one_address_are_throttled(
    dashboard: TestClient, dashboard_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(accounts, "MAX_FAILED_PER_IP", 4)  # the rule, not the production count (20)
    with dashboard_engine.begin() as conn:
        conn.execute(delete(web_audit).where(web_audit.c.action == "login_failed"))
    try:
        for number in range(4):
            assert sign_in(dashboard, f"tebak{number}", "apa-saja-ya").status_code == 401
        throttled = sign_in(dashboard, "pemantau", PASSWORD)
        assert throttled.status_code == 429 and "Terlalu banyak" in throttled.text
        assert "login_throttled" in audit_rows(dashboard_engine, "pemantau")
    finally:  # the module's other tests sign in from the same address
        with dashboard_engine.begin() as conn:
            conn.execute(delete(web_audit).where(web_audit.c.action == "login_failed"))


def test_set_password_and_disable_user_end_open_sessions(
    dashboard: TestClient, dashboard_engine: Engine
) -> None:
    with dashboard_engine.begin() as conn:
        accounts.add_user(conn, "sementara", accounts.WebRole.VIEWER, PASSWORD)
    sign_in(dashboard, "sementara", PASSWORD)
    assert dashboard.get("/ringkasan", follow_redirects=False).status_code == 200
    with dashboard_engine.begin() as conn:
        accounts.set_password(conn, "sementara", "Pantai-Lasiana-77")
    assert dashboard.get("/ringkasan", follow_redirects=False).status_code == 303
    sign_in(dashboard, "sementara", "Pantai-Lasiana-77")
    assert dashboard.get("/ringkasan", follow_redirects=False).status_code == 200
    with dashboard_engine.begin() as conn:
        accounts.disable_user(conn, "sementara")
    assert dashboard.get("/ringkasan", follow_redirects=False).status_code == 303
    assert sign_in(dashboard, "sementara", "Pantai-Lasiana-77").status_code == 401


@pytest.mark.parametrize(
    ("username", "allowed", "refused"),
    [
        (
            "kadis.koperasi",
            [
                f"/kepatuhan?instansi={AGENCY_A}",
                "/kepatuhan",
                f"/ekspor/kepatuhan/belum_memenuhi.pdf?instansi={AGENCY_A}",
            ],
            [
                f"/kepatuhan?instansi={AGENCY_B}",
                f"/ekspor/kepatuhan/belum_memenuhi.xlsx?instansi={AGENCY_B}",
                f"/ekspor/kepatuhan/belum_memenuhi.pdf?instansi={AGENCY_B}",
                "/ringkasan",
                "/outlet",
                "/produsen",
                "/nip?q=1971",
                "/ekspor/ringkasan/per_outlet.xlsx",
                "/ekspor/kepatuhan/per_instansi.xlsx?instansi=",
                "/pengguna",
            ],
        ),
        (
            "manajer.kupang",
            ["/ringkasan", "/outlet", "/produsen", "/ekspor/outlet/kasir.xlsx"],
            [
                "/kepatuhan",
                f"/kepatuhan?instansi={AGENCY_A}",
                "/nip?q=1986",
                "/ekspor/kepatuhan/per_instansi.pdf",
                "/pengguna",
                "/ekspor/pengguna/audit.xlsx",
            ],
        ),
        (
            "pemantau",
            ["/ringkasan", "/kepatuhan", "/outlet", "/produsen"],
            ["/nip?q=1986", "/ekspor/nip/hasil.xlsx", "/pengguna"],
        ),
    ],
)
def test_scoped_users_read_only_their_scope(
    dashboard: TestClient, username: str, allowed: list[str], refused: list[str]
) -> None:
    sign_in(dashboard, username, PASSWORD)
    for url in allowed:
        assert dashboard.get(url, follow_redirects=False).status_code == 200, url
    for url in refused:
        assert dashboard.get(url, follow_redirects=False).status_code == 403, url


def test_agency_head_sees_their_agency_only(dashboard: TestClient) -> None:
    sign_in(dashboard, "kaban.bappeda", PASSWORD)
    page = dashboard.get("/kepatuhan").text
    assert AGENCY_B in page and AGENCY_A not in page
    assert NIP_BAP[-4:] in page and NIP_BAP not in page  # masked: only the last 4 digits
    # an empty instansi or one with other spelling is not a way round the scope
    assert dashboard.get(f"/kepatuhan?instansi={AGENCY_B.upper()}").status_code == 403


def test_outlet_manager_sees_their_outlet_only(dashboard: TestClient) -> None:
    sign_in(dashboard, "manajer.kupang", PASSWORD)
    page = dashboard.get("/outlet").text
    assert "5371-01" in page and "5310" not in page
    sheet = dashboard.get("/ekspor/outlet/kasir.xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(min_row=6, values_only=True))
    assert [r[0] for r in rows] == ["5371-01"]


def test_only_the_admin_sees_whole_nips(dashboard: TestClient) -> None:
    sign_in(dashboard, "admin.prov", PASSWORD)
    assert NIP_KOP_1 in dashboard.get(f"/kepatuhan?instansi={AGENCY_A}").text
    assert NIP_KOP_1 in dashboard.get("/nip?q=198609").text
    dashboard.cookies.clear()
    sign_in(dashboard, "pemantau", PASSWORD)
    page = dashboard.get(f"/kepatuhan?instansi={AGENCY_A}").text
    assert NIP_KOP_1 not in page and "**************1001" in page


def test_exports_are_audited(dashboard: TestClient, dashboard_engine: Engine) -> None:
    sign_in(dashboard, "kadis.koperasi", PASSWORD)
    pdf = dashboard.get(f"/ekspor/kepatuhan/belum_memenuhi.pdf?instansi={AGENCY_A}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    with dashboard_engine.connect() as conn:
        detail = conn.execute(
            select(web_audit.c.detail)
            .where(web_audit.c.username == "kadis.koperasi", web_audit.c.action == "export")
            .order_by(web_audit.c.id.desc())
        ).scalar()
    assert detail is not None and "belum_memenuhi.pdf" in detail and AGENCY_A in detail


def test_the_sync_api_ignores_dashboard_sessions(dashboard: TestClient) -> None:
    sign_in(dashboard, "admin.prov", PASSWORD)
    hello = dashboard.post(
        "/api/v1/hello", json={"protocol": 2, "app_version": "x", "pending": 0, "rejected": 0}
    )
    assert hello.status_code == 401
    dashboard.cookies.clear()
    page = dashboard.get(
        "/ringkasan", headers={"Authorization": "Bearer nttpos_bukan"}, follow_redirects=False
    )
    assert page.status_code == 303


def test_lockout_time_is_kept_in_the_database(dashboard_engine: Engine) -> None:
    """A lock holds for every worker of `serve --workers N`: it is a column, not process memory."""
    with dashboard_engine.begin() as conn:
        conn.execute(
            update(web_users)
            .where(web_users.c.username == "pemantau")
            .values(locked_until=datetime(2999, 1, 1, tzinfo=UTC))
        )
    try:
        with dashboard_engine.begin() as conn, pytest.raises(accounts.SignInRefused, match="terkunci"):
            accounts.sign_in(conn, "pemantau", PASSWORD, "10.9.9.9")
    finally:
        with dashboard_engine.begin() as conn:
            conn.execute(
                update(web_users).where(web_users.c.username == "pemantau").values(locked_until=None)
            )


def test_the_admin_sees_users_and_the_audit_trail(dashboard: TestClient) -> None:
    sign_in(dashboard, "admin.prov", PASSWORD)
    page = dashboard.get("/pengguna").text
    assert "kadis.koperasi" in page and AGENCY_A in page and "$argon2" not in page
    sheet = dashboard.get("/ekspor/pengguna/audit.xlsx")
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(sheet.content)).active.iter_rows(min_row=6, values_only=True))
    assert ("admin.prov", "login") in {(r[1], r[2]) for r in rows}
