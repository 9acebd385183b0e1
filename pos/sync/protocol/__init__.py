"""Wire format shared by the till and the provincial server: envelopes, batches, identities, limits.

Pure Python (imports only `pos.core`), so both sides use the same code: the till's services build
every payload with the dataclasses of `pos.sync.protocol.events` and `.outlet_events`, and the server
parses them with the same module's `parse_*`. A parser either returns typed dataclasses or raises
`ProtocolError` with a reason in Bahasa Indonesia, which the server sends back for a rejected event.

A till is identified by its outlet code and terminal (`5371` and `02`); its token belongs to exactly
that till, and every batch and every event names both.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal, TypedDict

from pos.sync.protocol import events, outlet_events, outlet_records
from pos.sync.protocol import fields as f
from pos.sync.protocol.fields import ProtocolError

__all__ = ["ProtocolError"]

# 2: terminals, sale lines with tax mode and tax, `tax_added`, typed payloads for every kind.
PROTOCOL_VERSION: Final = 2
# A week offline at a busy outlet is ~10,000 events; 500 a batch keeps one request well under the
# size limit (a sale with 5 lines is ~1.2 KB of JSON) and one server transaction short.
MAX_BATCH_EVENTS: Final = 500
MAX_REQUEST_BYTES: Final = 4 * 1024 * 1024
# The till's clock may run this far ahead of the server's before its events are refused.
MAX_CLOCK_AHEAD_SECONDS: Final = 300

# Outlet codes are the province's: letters and digits, no "-" (that separates the terminal: 5371-02).
OUTLET_CODE_RE: Final = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._]{0,15}$")
TERMINAL_RE: Final = re.compile(r"^[0-9]{2}$")

EventStatus = Literal["accepted", "duplicate", "rejected"]

PARSERS: Final[dict[str, Callable[[object], Any]]] = {
    events.Sale.KIND: events.parse_sale,
    events.Refund.KIND: events.parse_refund,
    outlet_events.ShiftClose.KIND: outlet_events.parse_shift_close,
    outlet_events.StockMovement.KIND: outlet_events.parse_stock_movement,
    outlet_events.SupplierChange.KIND: outlet_events.parse_supplier_change,
    outlet_events.Payout.KIND: outlet_events.parse_payout,
    outlet_records.OutletRecord.KIND: outlet_records.parse_record,
}
EVENT_KINDS: Final = frozenset(PARSERS)


def till_label(outlet: str, terminal: str) -> str:
    """How people name a till: `5371-02` (outlet 5371, terminal 02)."""
    return f"{outlet}-{terminal}"


def split_till_label(label: str) -> tuple[str, str]:
    """`5371` is terminal 01 of outlet 5371; `5371-02` is terminal 02."""
    code, _, terminal = label.strip().partition("-")
    terminal = terminal or "01"
    if not OUTLET_CODE_RE.match(code) or not TERMINAL_RE.match(terminal):
        raise ProtocolError(f"'{label}' bukan kode kasir (KODE atau KODE-TT, mis. 5371 atau 5371-02)")
    return code, terminal


# ---------------------------------------------------------------- JSON shapes of the HTTP messages


class EventResultJson(TypedDict):
    uuid: str
    status: EventStatus
    reason: str | None


class HelloJson(TypedDict):
    """The server's answer to a till's hello: whose token this is, and the server's state."""

    protocol: int
    outlet: str
    terminal: str
    outlet_name: str
    kabupaten: str
    instance_id: str
    server_time: str
    events_received: int
    latest_version: str | None


class AsnEntryJson(TypedDict):
    nip: str
    name: str
    agency: str
    kabupaten: str
    active: bool
    seq: int


class AsnChangesJson(TypedDict):
    entries: list[AsnEntryJson]
    cursor: int
    more: bool


class OutletRecordJson(TypedDict):
    """One shared outlet record as the province hands it to the outlet's tills (`version` orders them)."""

    type: str
    key: str
    version: int
    till: str
    data: dict[str, Any]


class OutletChangesJson(TypedDict):
    records: list[OutletRecordJson]
    cursor: int
    more: bool


class PeriodTotalJson(TypedDict):
    nip: str
    amount: int


class PeriodTotalsJson(TypedDict):
    period_key: str
    items: list[PeriodTotalJson]
    next_after: str | None


class ProgrammeJson(TypedDict):
    """The ASN programme as set at the province, plus the period a till should show progress for."""

    minimum: int
    period: Literal["month", "campaign"]
    campaign_name: str
    campaign_start: str | None
    campaign_end: str | None
    current_period_key: str
    current_period_start: str
    current_period_end: str
    current_period_label: str


# ---------------------------------------------------------------- envelopes


@dataclass(frozen=True, slots=True)
class Envelope:
    uuid: str
    kind: str
    outlet: str
    terminal: str
    created_at: datetime
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "kind": self.kind,
            "outlet": self.outlet,
            "terminal": self.terminal,
            "created_at": self.created_at.isoformat(),
            "payload": self.payload,
        }


def envelope_for(payload: Any, *, uuid: str, outlet: str, terminal: str, created_at: datetime) -> Envelope:
    """The envelope of one typed payload (a dataclass of `events` or `outlet_events`)."""
    return Envelope(
        uuid=uuid,
        kind=payload.KIND,
        outlet=outlet,
        terminal=terminal,
        created_at=created_at,
        payload=payload.to_json(),
    )


def encode(envelope: Envelope) -> str:
    """The JSON text stored in the till's outbox and sent as is."""
    return json.dumps(envelope.to_json(), ensure_ascii=False, separators=(",", ":"))


def parse_envelope(value: object) -> Envelope:
    data = f.obj(value, "event")
    kind = f.text(data, "kind", max_len=32)
    if kind not in EVENT_KINDS:
        raise ProtocolError(f"jenis event '{kind}' tidak dikenal")
    outlet = f.text(data, "outlet", max_len=32)
    if not OUTLET_CODE_RE.match(outlet):
        raise ProtocolError("kode outlet tidak sah")
    terminal = f.text(data, "terminal", max_len=4)
    if not TERMINAL_RE.match(terminal):
        raise ProtocolError("nomor kasir (terminal) tidak sah")
    return Envelope(
        uuid=f.uuid_text(data, "uuid"),
        kind=kind,
        outlet=outlet,
        terminal=terminal,
        created_at=f.timestamp(data, "created_at"),
        payload=f.obj(data.get("payload"), "payload"),
    )


def parse_payload(envelope: Envelope) -> Any:
    """The typed payload of an envelope; events whose payload has a uuid must carry it as theirs too,
    so a resent event can never count twice under two uuids."""
    payload = PARSERS[envelope.kind](envelope.payload)
    own = getattr(payload, "uuid", None)
    if own is not None and own != envelope.uuid:
        raise ProtocolError("uuid event tidak sama dengan uuid isinya")
    return payload


def content_hash(raw_event: object) -> str:
    """sha256 of the event's canonical JSON: the same uuid with other content is a conflict."""
    canonical = json.dumps(raw_event, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_batch_response(value: object, sent_uuids: list[str]) -> dict[str, EventResultJson]:
    """Results keyed by uuid; any answer that does not cover every sent event is malformed."""
    data = f.obj(value, "jawaban server")
    results = data.get("results")
    if not isinstance(results, list):
        raise ProtocolError("jawaban server tanpa daftar hasil")
    by_uuid: dict[str, EventResultJson] = {}
    for raw in results:
        item = f.obj(raw, "hasil event")
        uuid, status, reason = item.get("uuid"), item.get("status"), item.get("reason")
        if not isinstance(uuid, str) or status not in ("accepted", "duplicate", "rejected"):
            raise ProtocolError("hasil event tidak sah")
        if reason is not None and not isinstance(reason, str):
            raise ProtocolError("alasan hasil event tidak sah")
        by_uuid[uuid.lower()] = {"uuid": uuid.lower(), "status": status, "reason": reason}
    missing = [u for u in sent_uuids if u.lower() not in by_uuid]
    if missing:
        raise ProtocolError(f"jawaban server tidak lengkap: {len(missing)} event tanpa hasil")
    return by_uuid


def parse_hello(value: object) -> HelloJson:
    """The server's hello answer, checked field by field (a till acts on it: identity, clock, reset)."""
    data = f.obj(value, "jawaban server")
    outlet, terminal = f.text(data, "outlet", max_len=32), f.text(data, "terminal", max_len=4)
    if not OUTLET_CODE_RE.match(outlet) or not TERMINAL_RE.match(terminal):
        raise ProtocolError("jawaban server: kode outlet atau nomor kasir tidak sah")
    f.timestamp(data, "server_time")
    latest = data.get("latest_version")
    return {
        "protocol": f.integer(data, "protocol"),
        "outlet": outlet,
        "terminal": terminal,
        "outlet_name": f.text(data, "outlet_name"),
        "kabupaten": f.text(data, "kabupaten", max_len=100),
        "instance_id": f.text(data, "instance_id", max_len=64),
        "server_time": data["server_time"],
        "events_received": f.integer(data, "events_received", maximum=2**62),
        "latest_version": latest if isinstance(latest, str) else None,
    }


# ---------------------------------------------------------------- building requests


def batch_request_body(outlet: str, terminal: str, envelopes_json: list[str], *, app_version: str) -> bytes:
    """The upload body built from envelopes already serialised in the outbox (no re-encoding)."""
    if not OUTLET_CODE_RE.match(outlet) or not TERMINAL_RE.match(terminal):
        raise ProtocolError("kode outlet atau nomor kasir tidak sah")
    head = json.dumps(
        {"protocol": PROTOCOL_VERSION, "outlet": outlet, "terminal": terminal, "app_version": app_version}
    )[:-1]
    return (head + ', "events": [' + ",".join(envelopes_json) + "]}").encode("utf-8")
