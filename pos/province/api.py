"""The provincial server's HTTP API under /api/v1 (FastAPI; the OpenAPI schema documents it).

No `from __future__ import annotations` here: FastAPI must evaluate the locally defined dependency
annotations (`OutletDep`) at route definition time."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pos.core.errors import DomainError
from pos.province import asn as asn_registry
from pos.province import outlet_data
from pos.province.ingest import ForeignOutletEvent, ingest_batch
from pos.province.outlets import Till, authenticate
from pos.province.programme import current_period, load_programme, period_by_key, province_today
from pos.province.tills import hello_answer, instance_id, record_hello
from pos.sync.protocol import MAX_BATCH_EVENTS, MAX_REQUEST_BYTES, PROTOCOL_VERSION


class BatchIn(BaseModel):
    protocol: int = Field(description="versi protokol, harus sama dengan server")
    outlet: str = Field(max_length=32, description="kode outlet pemilik token")
    terminal: str = Field(max_length=4, description="nomor kasir pemilik token, mis. 01")
    app_version: str | None = Field(default=None, max_length=32, description="versi aplikasi kasir")
    # Events stay untyped here: each is validated on its own so one bad event is only that event's
    # `rejected`, never a 422 for the whole batch.
    events: list[Any] = Field(
        max_length=MAX_BATCH_EVENTS, description=f"paling banyak {MAX_BATCH_EVENTS} event, urut commit"
    )


class EventResultOut(BaseModel):
    uuid: str
    status: Literal["accepted", "duplicate", "rejected"]
    reason: str | None


class BatchOut(BaseModel):
    protocol: int
    instance_id: str
    results: list[EventResultOut]


class HelloIn(BaseModel):
    protocol: int = Field(description="versi protokol kasir")
    app_version: str = Field(max_length=32, description="versi aplikasi kasir")
    pending: int = Field(ge=0, le=10**9, description="event yang belum terkirim")
    rejected: int = Field(ge=0, le=10**9, description="event yang ditolak dan belum diselesaikan")


class HelloOut(BaseModel):
    protocol: int
    outlet: str
    terminal: str
    outlet_name: str
    kabupaten: str
    instance_id: str
    server_time: datetime
    events_received: int = Field(description="event kasir ini yang tersimpan di server")
    latest_version: str | None


# A month from 2000-01, or a campaign's key; empty or absent: the programme's current period.
PERIOD_PATTERN = r"^(|[2-9][0-9]{3}-(0[1-9]|1[0-2])|campaign:[^\x00]+)$"


class PeriodQueryIn(BaseModel):
    period: str | None = Field(
        default=None, max_length=80, pattern=PERIOD_PATTERN, description="YYYY-MM atau campaign:NAMA"
    )
    after: str | None = Field(default=None, pattern=r"^[0-9]{1,18}$", description="NIP terakhir halaman lalu")
    limit: int = Field(default=2000, ge=1, le=5000)


class SpendingIn(BaseModel):
    nip: str = Field(pattern=r"^[0-9]{18}$", description="NIP 18 angka (di badan permintaan, bukan URL)")
    period: str | None = Field(
        default=None, max_length=80, pattern=PERIOD_PATTERN, description="YYYY-MM atau campaign:NAMA"
    )


class ErrorOut(BaseModel):
    detail: str = Field(description="alasan, dalam Bahasa Indonesia")


class ValidationErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    """422: FastAPI's list of field errors, or one sentence for a request the province cannot serve."""

    detail: list[ValidationErrorItem] | str


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: every error status it can answer, each with its body schema."""
    texts = {
        400: "badan permintaan bukan JSON yang terbaca (mis. bukan UTF-8)",
        401: "token tidak ada, tidak dikenal, diganti atau dicabut",
        403: "token ini milik kasir lain dari yang disebut kiriman atau event-nya",
        404: "periode tidak dikenal (kampanye yang tidak sedang diatur)",
        409: "versi protokol lain; perbarui aplikasi kasir",
        413: f"permintaan lebih dari {MAX_REQUEST_BYTES} byte",
        422: "permintaan tidak sesuai skema",
    }
    return {
        status: {"model": ValidationErrorOut if status == 422 else ErrorOut, "description": texts[status]}
        for status in statuses
    }


class HealthOut(BaseModel):
    status: Literal["ok"]
    protocol: int
    server_time: datetime


class AsnEntryOut(BaseModel):
    nip: str
    name: str
    agency: str
    kabupaten: str
    active: bool
    seq: int


class AsnChangesOut(BaseModel):
    entries: list[AsnEntryOut]
    cursor: int
    more: bool


class PeriodTotalOut(BaseModel):
    nip: str
    amount: int


class PeriodTotalsOut(BaseModel):
    period_key: str
    items: list[PeriodTotalOut]
    next_after: str | None


class SpendingOut(BaseModel):
    nip: str
    period_key: str
    amount: int
    minimum: int
    met: bool


class ProgrammeOut(BaseModel):
    minimum: int
    period: Literal["month", "campaign"]
    campaign_name: str
    campaign_start: str | None
    campaign_end: str | None
    current_period_key: str
    current_period_start: str
    current_period_end: str
    current_period_label: str


class RequestSizeLimit:
    """Refuses bodies over the limit with 413 before the app parses them (chunked bodies included)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                await _too_large(send, self.limit)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(send, self.limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail":"permintaan terlalu besar (maks. {limit} byte)"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(
        title="NTT Mart - Server Provinsi",
        version=str(PROTOCOL_VERSION),
        description="Sinkronisasi kasir NTT Mart: event penjualan, registri ASN, total belanja ASN.",
    )
    app.add_middleware(RequestSizeLimit, limit=MAX_REQUEST_BYTES)
    bearer = HTTPBearer(auto_error=False, description="token kasir dari `add-outlet` atau `add-till`")

    def current_till(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Till:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(401, "token tidak ada", headers={"WWW-Authenticate": "Bearer"})
        with engine.connect() as conn:
            till = authenticate(conn, credentials.credentials)
        if till is None:
            raise HTTPException(
                401, "token tidak dikenal atau sudah dicabut", headers={"WWW-Authenticate": "Bearer"}
            )
        return till

    TillDep = Annotated[Till, Depends(current_till)]
    outlet_data.add_routes(app, engine, current_till)  # shared catalog, stock, users of the outlet

    @app.get("/api/v1/health", response_model=HealthOut, tags=["umum"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "server_time": datetime.now(UTC)}

    @app.post(
        "/api/v1/events",
        response_model=BatchOut,
        tags=["sinkronisasi"],
        responses=_errors(400, 401, 403, 409, 413, 422),
    )
    def upload_events(batch: BatchIn, till: TillDep) -> dict[str, Any]:
        _same_protocol(batch.protocol)
        if (batch.outlet, batch.terminal) != (till.outlet.code, till.terminal):
            raise HTTPException(
                403, f"token ini milik kasir {till.label}, bukan {batch.outlet}-{batch.terminal}"
            )
        try:
            results = ingest_batch(engine, till, batch.events)
        except ForeignOutletEvent as error:
            raise HTTPException(
                403, f"event kasir lain ({error}) tidak boleh dikirim dengan token kasir {till.label}"
            ) from None
        with engine.connect() as conn:  # not hello_answer: it counts all of the till's events
            instance = instance_id(conn)
        return {"protocol": PROTOCOL_VERSION, "instance_id": instance, "results": results}

    @app.post(
        "/api/v1/hello",
        response_model=HelloOut,
        tags=["sinkronisasi"],
        responses=_errors(400, 401, 409, 413, 422),
    )
    def hello(body: HelloIn, till: TillDep) -> Any:
        """Whose token this is, the server's clock and instance; the till reports its own state."""
        _same_protocol(body.protocol)
        with engine.begin() as conn:
            record_hello(conn, till, body.app_version, body.pending, body.rejected)
            return hello_answer(conn, till)

    @app.get(
        "/api/v1/asn/changes",
        response_model=AsnChangesOut,
        tags=["registri ASN"],
        responses=_errors(401, 422),
    )
    def asn_changes(
        till: TillDep,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> Any:
        with engine.connect() as conn:
            return asn_registry.changes_since(conn, since, limit)

    @app.get("/api/v1/programme", response_model=ProgrammeOut, tags=["registri ASN"], responses=_errors(401))
    def programme(till: TillDep) -> dict[str, Any]:
        with engine.connect() as conn:
            settings = load_programme(conn)
        period = current_period(settings, province_today())
        return {
            "minimum": settings.minimum,
            "period": settings.period.value,
            "campaign_name": settings.campaign_name,
            "campaign_start": settings.campaign_start.isoformat() if settings.campaign_start else None,
            "campaign_end": settings.campaign_end.isoformat() if settings.campaign_end else None,
            "current_period_key": period.key,
            "current_period_start": period.start.isoformat(),
            "current_period_end": period.end.isoformat(),
            "current_period_label": period.label,
        }

    @app.post(
        "/api/v1/asn/totals",
        response_model=PeriodTotalsOut,
        tags=["registri ASN"],
        responses=_errors(400, 401, 404, 413, 422),
    )
    def asn_totals(query: PeriodQueryIn, till: TillDep) -> Any:
        """Every buyer's total in a period, a page at a time (NIPs travel in bodies, never in URLs)."""
        with engine.connect() as conn:
            found = _period(load_programme(conn), query.period)
            return asn_registry.period_totals(conn, found, query.after, query.limit)

    @app.post(
        "/api/v1/asn/spending",
        response_model=SpendingOut,
        tags=["registri ASN"],
        responses=_errors(400, 401, 404, 413, 422),
    )
    def asn_spending(query: SpendingIn, till: TillDep) -> dict[str, Any]:
        with engine.connect() as conn:
            settings = load_programme(conn)
            found = _period(settings, query.period)
            amount = asn_registry.spending(conn, query.nip, found)
        return {
            "nip": query.nip,
            "period_key": found.key,
            "amount": amount,
            "minimum": settings.minimum,
            "met": amount >= settings.minimum,
        }

    @app.exception_handler(DomainError)
    async def domain_error(_request: Request, error: DomainError) -> Any:
        from fastapi.responses import JSONResponse

        return JSONResponse({"detail": str(error)}, status_code=422)

    from pos.province.web.app import install_dashboard  # the dashboard's pages, on the API's host and port

    install_dashboard(app, engine)
    return app


def _same_protocol(protocol: int) -> None:
    if protocol != PROTOCOL_VERSION:
        raise HTTPException(
            409,
            f"versi protokol {protocol} tidak didukung (server: {PROTOCOL_VERSION}); perbarui aplikasi kasir",
        )


def _period(settings: Any, key: str | None) -> Any:
    if not key:
        return current_period(settings, province_today())
    try:
        return period_by_key(settings, key)
    except DomainError as error:  # the key has the schema's shape: a period that does not exist
        raise HTTPException(404, str(error)) from None
