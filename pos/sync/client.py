"""HTTP client of the provincial API (requests, with timeouts).

Anything short of a complete, well-formed answer counts as "not delivered": a connection reset, a
timeout, a body cut off after the server committed (requests raises ChunkedEncodingError or the JSON
does not parse), or an answer missing some events. The events stay pending and are sent again; the
server's UNIQUE event uuid turns the resend into `duplicate`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

import requests

import pos
from pos.core.errors import DomainError
from pos.services.outbox import PendingEvent
from pos.sync.protocol import (
    PROTOCOL_VERSION,
    AsnChangesJson,
    EventResultJson,
    HelloJson,
    OutletChangesJson,
    PeriodTotalsJson,
    ProgrammeJson,
    ProtocolError,
    batch_request_body,
    parse_batch_response,
    parse_hello,
)


class SyncError(DomainError):
    """Sync did not complete; the message is for the person at the till."""


class NotDelivered(SyncError):
    """A network or server fault: try again later, nothing is lost."""


class SyncRefused(SyncError):
    """The province refused this till (token, outlet or protocol): retrying will not help."""


class ProvinceClient:
    """One till's connection: the token says which till it is (`hello` asks the server)."""

    def __init__(
        self,
        server: str,
        token: str,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
    ) -> None:
        self.server = server.rstrip("/")
        self._timeout = (connect_timeout, read_timeout)
        self._session = requests.Session()
        self._session.headers.update(
            {"Authorization": f"Bearer {token}", "User-Agent": f"ntt-pos/{pos.__version__}"}
        )

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> ProvinceClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _request(
        self, method: str, path: str, *, body: bytes | None = None, params: dict[str, Any] | None = None
    ) -> Any:
        headers = {"Content-Type": "application/json"} if body is not None else None
        try:
            response = self._session.request(
                method,
                f"{self.server}/api/v1{path}",
                data=body,
                params=params,
                headers=headers,
                timeout=self._timeout,
            )
            content = response.content  # reads the whole body: a cut-off body raises here
        except requests.RequestException as error:
            raise NotDelivered(f"server provinsi tidak terjangkau ({error.__class__.__name__})") from None
        if response.status_code in (401, 403, 409):
            raise SyncRefused(_refusal(response.status_code, _detail(content)))
        if response.status_code != 200:
            raise NotDelivered(f"server provinsi menjawab {response.status_code}: {_detail(content)}")
        try:
            return response.json()
        except ValueError:
            raise NotDelivered("jawaban server provinsi tidak utuh") from None

    def health(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._request("GET", "/health"))

    def hello(self, *, pending: int = 0, rejected: int = 0) -> HelloJson:
        """Whose token this is (outlet, terminal), the server's clock and instance id; the till tells
        the province its version and what it still holds."""
        body = {
            "protocol": PROTOCOL_VERSION,
            "app_version": pos.__version__,
            "pending": pending,
            "rejected": rejected,
        }
        answer = self._request("POST", "/hello", body=json.dumps(body).encode())
        try:
            return parse_hello(answer)
        except ProtocolError as error:
            raise NotDelivered(f"jawaban server provinsi tidak sah: {error}") from None

    def push(self, events: Sequence[PendingEvent], outlet: str, terminal: str) -> dict[str, EventResultJson]:
        """The province's result per event uuid, for every event sent, or NotDelivered."""
        payloads = [event.payload for event in events]
        body = batch_request_body(outlet, terminal, payloads, app_version=pos.__version__)
        answer = self._request("POST", "/events", body=body)
        try:
            return parse_batch_response(answer, [event.uuid for event in events])
        except ProtocolError as error:
            raise NotDelivered(f"jawaban server provinsi tidak sah: {error}") from None

    def asn_changes(self, since: int, limit: int) -> AsnChangesJson:
        answer = self._request("GET", "/asn/changes", params={"since": since, "limit": limit})
        if (
            not isinstance(answer, dict)
            or not isinstance(answer.get("entries"), list)
            or not isinstance(answer.get("cursor"), int)
        ):
            raise NotDelivered("jawaban registri ASN tidak sah")
        return cast(AsnChangesJson, answer)

    def outlet_changes(self, since: int, limit: int, *, mine: bool = True) -> OutletChangesJson:
        """Shared records of this till's outlet newer than `since` (pos.sync.outlet_pull); without
        `mine`, those whose newest version this till sent are left out (it has them)."""
        params = {"since": since, "limit": limit, "mine": "true" if mine else "false"}
        answer = self._request("GET", "/outlet/changes", params=params)
        if (
            not isinstance(answer, dict)
            or not isinstance(answer.get("records"), list)
            or not isinstance(answer.get("cursor"), int)
        ):
            raise NotDelivered("jawaban data outlet tidak sah")
        return cast(OutletChangesJson, answer)

    def programme(self) -> ProgrammeJson:
        answer = self._request("GET", "/programme")
        if not isinstance(answer, dict) or not isinstance(answer.get("current_period_key"), str):
            raise NotDelivered("jawaban program ASN tidak sah")
        return cast(ProgrammeJson, answer)

    def period_totals(self, period_key: str, after: str | None, limit: int) -> PeriodTotalsJson:
        # a POST so that NIPs (the page cursor) never appear in a URL or an access log
        query = {"period": period_key, "after": after, "limit": limit}
        answer = self._request("POST", "/asn/totals", body=json.dumps(query).encode())
        if not isinstance(answer, dict) or not isinstance(answer.get("items"), list):
            raise NotDelivered("jawaban total belanja ASN tidak sah")
        return cast(PeriodTotalsJson, answer)


def _detail(content: bytes) -> str:
    try:
        detail = json.loads(content).get("detail")
    except (ValueError, AttributeError):
        return content[:200].decode("utf-8", "replace")
    return detail if isinstance(detail, str) else str(detail)[:200]


def _refusal(status: int, detail: str) -> str:
    if status == 401:
        return f"token ditolak server provinsi ({detail}); minta token baru lalu jalankan `ntt-pos connect`"
    if status == 403:
        return f"kasir ditolak server provinsi ({detail}); periksa token di `ntt-pos connect`"
    return f"versi aplikasi tidak cocok dengan server provinsi ({detail}); perbarui aplikasi"
