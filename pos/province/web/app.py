"""The province's dashboard on the API's host and port: sign-in at `/`, server-rendered pages (Jinja2),
exports, static assets (Chart.js vendored in static/vendor). No page needs JavaScript but the charts.

The sync API's bearer tokens are untouched: these routes read only the session cookie, and the API's
routes never read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.province.web import accounts, exports, pages, session
from pos.province.web.accounts import WebUser
from pos.province.web.tables import cell_text

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
MAX_FORM_BYTES = 4096


def install_dashboard(app: FastAPI, engine: Engine) -> None:
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]), auto_reload=False
    )
    templates.globals.update(cell_text=cell_text, rupiah=format_rupiah, with_params=_with_params)
    signer = session.Signer(session.load_secret(engine))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def client_ip(request: Request) -> str:
        return request.client.host if request.client else "?"

    def secure(request: Request) -> bool:
        forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        return request.url.scheme == "https" or forwarded == "https"

    def set_cookie(response: Response, request: Request, name: str, data: session.SessionData) -> None:
        response.set_cookie(
            name,
            signer.dumps(data),
            max_age=session.SESSION_HOURS * 3600,
            httponly=True,
            samesite="lax",
            secure=secure(request),
            path="/",
        )

    def signed_in(request: Request) -> tuple[WebUser | None, session.SessionData | None]:
        data = signer.loads(request.cookies.get(session.SESSION_COOKIE))
        if data is None or data.user_id is None:
            return None, None
        with engine.connect() as conn:
            user = accounts.active_user(conn, data.user_id, data.signed_at)
        return (user, data) if user is not None else (None, None)

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = templates.get_template(name).render(request=request, pages=pages.PAGES, **context)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def login_form(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
        visitor = signer.loads(request.cookies.get(session.VISITOR_COOKIE)) or session.new_session(None)
        response = render(
            request, "login.html", status, csrf=signer.csrf_token(visitor.sid), error=error, user=None
        )
        set_cookie(response, request, session.VISITOR_COOKIE, visitor)
        return response

    def to(url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})

    async def form_of(request: Request) -> dict[str, str]:
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return {}
        parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        return {key: values[0] for key, values in parsed.items()}

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        user, _ = signed_in(request)
        if user is None:
            return login_form(request)
        return to(pages.home_of(user))

    @app.post("/masuk", include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        form = await form_of(request)
        visitor = signer.loads(request.cookies.get(session.VISITOR_COOKIE))
        if visitor is None or not signer.csrf_ok(visitor.sid, form.get("csrf")):
            return login_form(request, "Formulir kedaluwarsa. Silakan coba lagi.", 400)
        try:
            user = await run_in_threadpool(
                _sign_in, engine, form.get("username", ""), form.get("password", ""), client_ip(request)
            )
        except accounts.SignInRefused as refused:
            status = 429 if "Terlalu banyak" in str(refused) else 401
            return login_form(request, str(refused), status)
        response = to(pages.home_of(user))
        set_cookie(response, request, session.SESSION_COOKIE, session.new_session(user.id))
        response.delete_cookie(session.VISITOR_COOKIE, path="/")
        return response

    @app.post("/keluar", include_in_schema=False)
    async def sign_out(request: Request) -> Response:
        form = await form_of(request)
        user, data = await run_in_threadpool(signed_in, request)
        if user is None or data is None:
            return to("/")
        if not signer.csrf_ok(data.sid, form.get("csrf")):
            return render(request, "error.html", 400, user=user, csrf="", message="Formulir kedaluwarsa.")
        await run_in_threadpool(_audit, engine, user.username, "logout", "", client_ip(request))
        response = to("/")
        response.delete_cookie(session.SESSION_COOKIE, path="/")
        return response

    def page_response(request: Request, slug: str) -> Response:
        user, data = signed_in(request)
        if user is None or data is None:
            return to("/")
        params = dict(request.query_params)
        csrf = signer.csrf_token(data.sid)
        try:
            with engine.connect() as conn:
                page = pages.build(conn, user, slug, params)
        except pages.Forbidden as refused:
            return render(request, "error.html", 403, user=user, csrf=csrf, message=str(refused))
        except DomainError as error:
            return render(request, "error.html", 400, user=user, csrf=csrf, message=str(error))
        from pos.province.web.tables import arrange

        for table in page.tables:
            arrange(table, params)
        return render(request, "page.html", user=user, csrf=csrf, page=page, params=params)

    for slug in pages.PAGES:
        app.add_api_route(
            f"/{slug}",
            _page_route(page_response, slug),
            methods=["GET"],
            include_in_schema=False,
            response_class=HTMLResponse,
        )

    @app.get("/ekspor/{slug}/{table}.{fmt}", include_in_schema=False)
    def export(request: Request, slug: str, table: str, fmt: str) -> Response:
        user, data = signed_in(request)
        if user is None or data is None:
            return to("/")
        if fmt not in ("xlsx", "pdf"):
            return Response("format tidak dikenal", 404)
        params = dict(request.query_params)
        try:
            with engine.connect() as conn:
                page = pages.build(conn, user, slug, params, export=True)
            chosen = page.table(table)
        except pages.Forbidden as refused:
            return render(
                request, "error.html", 403, user=user, csrf=signer.csrf_token(data.sid), message=str(refused)
            )
        except DomainError as error:
            return render(
                request, "error.html", 400, user=user, csrf=signer.csrf_token(data.sid), message=str(error)
            )
        from pos.province.web.tables import arrange

        arrange(chosen, params)
        if fmt == "xlsx":
            content = exports.to_xlsx(page, chosen, user.sees_nip)
            media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            content = exports.to_pdf(page, chosen, user.sees_nip, user.username)
            media = "application/pdf"
        scope = f" instansi={page.agency}" if page.agency else ""
        _audit(
            engine,
            user.username,
            "export",
            f"{slug}/{table}.{fmt} {page.period.key}{scope} ({len(chosen.rows)} baris)",
            client_ip(request),
        )
        filename = f"{slug}-{table}-{page.period.key.replace(':', '-')}.{fmt}"
        headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{_ascii(filename)}"'}
        return Response(content, media_type=media, headers=headers)


def _page_route(page_response: Any, slug: str) -> Any:
    def route(request: Request) -> Response:
        return page_response(request, slug)  # type: ignore[no-any-return]

    route.__name__ = f"halaman_{slug}"
    return route


def _sign_in(engine: Engine, username: str, password: str, ip: str) -> WebUser:
    # the failure is committed too: the audit row and the failure count must stay
    with engine.begin() as conn:
        try:
            return accounts.sign_in(conn, username, password, ip)
        except accounts.SignInRefused as refused:
            failure = refused
    raise failure


def _audit(engine: Engine, username: str, action: str, detail: str, ip: str) -> None:
    with engine.begin() as conn:
        accounts.audit(conn, username, action, detail, ip)


def _with_params(params: dict[str, str], **changes: Any) -> str:
    merged = {**params, **{k: str(v) for k, v in changes.items() if v is not None}}
    return "?" + urlencode({k: v for k, v in merged.items() if v != ""})


def _ascii(name: str) -> str:
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in name)
