"""One sync round: push the outbox in commit order, then pull registry changes and buyers' totals.

Shared by `ntt-pos sync --once` and the background worker. The results of a batch are committed in
one transaction after the province answered; a crash before that leaves the batch pending and the
next round resends it (the province answers `duplicate`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos.db.engine import Database
from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, Setting
from pos.services import outbox
from pos.sync.client import NotDelivered, ProvinceClient
from pos.sync.protocol import MAX_BATCH_EVENTS

SERVER_KEY, OUTLET_KEY, TOKEN_KEY = "sync.server", "sync.outlet", "sync.token"
ASN_CURSOR_KEY = "sync.asn_cursor"
REGISTRY_PAGE = 2000


@dataclass(frozen=True, slots=True)
class Connection:
    server: str
    outlet: str
    token: str


@dataclass(slots=True)
class SyncSummary:
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    pending: int = 0
    registry_changes: int = 0
    buyer_totals: int = 0
    period_key: str | None = None


def _get(db: Database, key: str) -> Any:
    with db.unit_of_work() as uow:
        row = uow.session.get(Setting, key)
        return None if row is None else row.value


def _put(db: Database, values: dict[str, Any]) -> None:
    with db.unit_of_work() as uow:
        for key, value in values.items():
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value
        uow.commit()


def save_connection(db: Database, connection: Connection) -> None:
    _put(db, {SERVER_KEY: connection.server, OUTLET_KEY: connection.outlet, TOKEN_KEY: connection.token})


def load_connection(db: Database) -> Connection | None:
    server, outlet, token = _get(db, SERVER_KEY), _get(db, OUTLET_KEY), _get(db, TOKEN_KEY)
    if not (isinstance(server, str) and isinstance(outlet, str) and isinstance(token, str)):
        return None
    return Connection(server=server, outlet=outlet, token=token)


def push_pending(
    db: Database,
    client: ProvinceClient,
    summary: SyncSummary,
    *,
    batch_size: int = MAX_BATCH_EVENTS,
    max_batches: int | None = None,
) -> None:
    """Send pending events batch by batch until none is left (or `max_batches`)."""
    batches = 0
    while max_batches is None or batches < max_batches:
        with db.unit_of_work() as uow:
            batch = outbox.pending_batch(uow, batch_size)
        if not batch:
            return
        try:
            results = client.push(batch)
        except NotDelivered as error:
            with db.unit_of_work() as uow:
                outbox.mark_attempt_failed(uow, [event.id for event in batch], str(error))
                uow.commit()
            raise
        with db.unit_of_work() as uow:
            outbox.mark_results(
                uow, {u: (r["status"], r["reason"]) for u, r in results.items()}, datetime.now(UTC)
            )
            uow.commit()
        for result in results.values():
            if result["status"] == "accepted":
                summary.accepted += 1
            elif result["status"] == "duplicate":
                summary.duplicate += 1
            else:
                summary.rejected += 1
        batches += 1


def pull_registry(db: Database, client: ProvinceClient, summary: SyncSummary) -> None:
    """ASN registry changes since the stored cursor, page by page; the cursor moves with each page."""
    cursor = _get(db, ASN_CURSOR_KEY)
    cursor = cursor if isinstance(cursor, int) else 0
    while True:
        page = client.asn_changes(cursor, REGISTRY_PAGE)
        now = datetime.now(UTC)
        rows = [
            {
                "nip": e["nip"],
                "name": e["name"],
                "agency": e["agency"],
                "kabupaten": e["kabupaten"],
                "active": bool(e["active"]),
                "updated_at": now,
            }
            for e in page["entries"]
        ]
        with db.unit_of_work() as uow:
            if rows:
                statement = sqlite_insert(AsnRegistryEntry)
                uow.session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["nip"],
                        set_={
                            c: statement.excluded[c]
                            for c in ("name", "agency", "kabupaten", "active", "updated_at")
                        },
                    ),
                    rows,
                )
            row = uow.session.get(Setting, ASN_CURSOR_KEY)
            if row is None:
                uow.session.add(Setting(key=ASN_CURSOR_KEY, value=page["cursor"]))
            else:
                row.value = page["cursor"]
            uow.commit()
        summary.registry_changes += len(rows)
        cursor = page["cursor"]
        if not page["more"]:
            return


def pull_period_totals(db: Database, client: ProvinceClient, summary: SyncSummary) -> None:
    """Every buyer's total for the province's current period (all outlets), replacing the old copy;
    also keeps the till's programme settings (minimum, period) equal to the province's."""
    programme = client.programme()
    key = programme["current_period_key"]
    items: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = client.period_totals(key, after, REGISTRY_PAGE)
        items.extend({"nip": i["nip"], "amount": int(i["amount"])} for i in page["items"])
        after = page["next_after"]
        if not after:
            break
    now = datetime.now(UTC)
    with db.unit_of_work() as uow:
        uow.session.execute(delete(AsnPeriodTotal).where(AsnPeriodTotal.period_key == key))
        if items:
            uow.session.execute(
                insert(AsnPeriodTotal), [{**i, "period_key": key, "fetched_at": now} for i in items]
            )
        uow.commit()
    period: dict[str, Any] = {"kind": programme["period"]}
    if programme["period"] == "campaign":
        period |= {
            "name": programme["campaign_name"],
            "start": programme["campaign_start"],
            "end": programme["campaign_end"],
        }
    _put(db, {"asn.minimum": programme["minimum"], "asn.period": period})
    summary.buyer_totals, summary.period_key = len(items), key


def sync_once(db: Database, client: ProvinceClient, *, batch_size: int = MAX_BATCH_EVENTS) -> SyncSummary:
    """Push everything pending, then pull. Raises NotDelivered or SyncRefused; a refusal marks nothing."""
    summary = SyncSummary()
    push_pending(db, client, summary, batch_size=batch_size)
    pull_registry(db, client, summary)
    pull_period_totals(db, client, summary)
    with db.unit_of_work() as uow:
        outbox.record_success(uow, datetime.now(UTC))
        summary.pending = outbox.counts(uow).pending
        uow.commit()
    return summary


def summary_json(summary: SyncSummary) -> str:
    return json.dumps(
        {
            "accepted": summary.accepted,
            "duplicate": summary.duplicate,
            "rejected": summary.rejected,
            "pending": summary.pending,
            "registry_changes": summary.registry_changes,
            "buyer_totals": summary.buyer_totals,
            "period_key": summary.period_key,
        }
    )
