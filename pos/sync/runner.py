"""One sync round: hello, push the outbox in commit order, then pull registry changes and buyers' totals.

Shared by `ntt-pos sync --once` and the background worker. The hello checks that the token belongs to
this till (outlet code and terminal), measures the clock against the server's, and notices a province
database that was restored or recreated (another instance id, or fewer of this till's events than it
marked delivered): then every delivered event is queued again, which is harmless (the province answers
`duplicate` for what it has). The results of a batch are committed in one transaction after the
province answered; a crash before that leaves the batch pending and the next round resends it.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pos.db.engine import Database
from pos.db.models import AsnPeriodTotal, AsnRegistryEntry, Outlet, Setting
from pos.services import outbox, sale_events, settings
from pos.sync import outlet_pull
from pos.sync.client import NotDelivered, ProvinceClient, SyncRefused
from pos.sync.protocol import MAX_BATCH_EVENTS, MAX_CLOCK_AHEAD_SECONDS, HelloJson, till_label

log = logging.getLogger(__name__)

ASN_CURSOR_KEY = "sync.asn_cursor"
INSTANCE_KEY = "sync.instance_id"
CLOCK_OFFSET_KEY = "sync.clock_offset_s"  # server clock minus this till's clock, at the last hello
REQUEUE_NOTICE_KEY = outbox.REQUEUE_NOTICE_KEY  # shown to the manager: when, how many, why
LATEST_VERSION_KEY = "sync.latest_version"
REGISTRY_PAGE = 2000


@dataclass(frozen=True, slots=True)
class Connection:
    server: str
    token: str
    till: str = ""  # `5371-02`, as the province named the token's till at connect time


class WrongTill(SyncRefused):
    """The token belongs to another till than this database's outlet and terminal."""


@dataclass(slots=True)
class SyncSummary:
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    pending: int = 0
    rejected_open: int = 0  # every rejected event not yet resolved, this round's and older ones
    registry_changes: int = 0
    outlet_records: int = 0  # shared outlet records pulled (catalog, stock, users, settings)
    buyer_totals: int = 0
    period_key: str | None = None


def setting(db: Database, key: str) -> Any:
    """One stored setting's value (JSON), or None."""
    return _get(db, key)


def _get(db: Database, key: str) -> Any:
    with db.unit_of_work() as uow:
        row = uow.session.get(Setting, key)
        return None if row is None else row.value


def _put(db: Database, values: dict[str, Any]) -> None:
    with db.unit_of_work() as uow:
        for key, value in values.items():
            row = uow.session.get(Setting, key)
            if value is None:  # the column is NOT NULL: no value is no row
                if row is not None:
                    uow.session.delete(row)
            elif row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value
        uow.commit()


def save_connection(db: Database, connection: Connection) -> None:
    _put(
        db,
        {
            settings.SYNC_SERVER_KEY: connection.server,
            settings.SYNC_OUTLET_KEY: connection.till,
            settings.SYNC_TOKEN_KEY: connection.token,
        },
    )


def load_connection(db: Database) -> Connection | None:
    server = _get(db, settings.SYNC_SERVER_KEY)
    till = _get(db, settings.SYNC_OUTLET_KEY)
    token = _get(db, settings.SYNC_TOKEN_KEY)
    if not (isinstance(server, str) and isinstance(token, str)):
        return None
    return Connection(server=server, token=token, till=till if isinstance(till, str) else "")


def this_till(db: Database) -> tuple[str, str]:
    """(outlet code, terminal) of this database: what every event it wrote carries."""
    with db.unit_of_work() as uow:
        outlet = uow.session.query(Outlet).order_by(Outlet.id).first()
        if outlet is None:
            raise SyncRefused("outlet belum disiapkan di kasir ini")
        return outlet.code, outlet.terminal


def greet(db: Database, client: ProvinceClient) -> HelloJson:
    """Hello: check the token is this till's, keep the clock offset, requeue after a province reset."""
    with db.unit_of_work() as uow:
        if sale_events.upgrade_legacy_events(uow):
            uow.commit()
        counts = outbox.counts(uow)
    sent_at = time.time()
    hello = client.hello(pending=counts.pending, rejected=counts.rejected)
    midpoint = datetime.fromtimestamp((sent_at + time.time()) / 2, UTC)
    offset = round((datetime.fromisoformat(hello["server_time"]) - midpoint).total_seconds())
    code, terminal = this_till(db)
    if (hello["outlet"], hello["terminal"]) != (code, terminal):
        theirs, ours = till_label(hello["outlet"], hello["terminal"]), till_label(code, terminal)
        raise WrongTill(
            f"token ini milik kasir {theirs} di server provinsi, sedangkan kasir ini {ours}; "
            "minta token kasir ini lalu jalankan `ntt-pos connect`"
        )
    values: dict[str, Any] = {
        CLOCK_OFFSET_KEY: offset,
        INSTANCE_KEY: hello["instance_id"],
        LATEST_VERSION_KEY: hello["latest_version"],
    }
    known = _get(db, INSTANCE_KEY)
    reason = None
    if isinstance(known, str) and known != hello["instance_id"]:
        reason = "database server provinsi diganti atau dipulihkan"
    elif counts.sent > hello["events_received"]:
        missing = counts.sent - hello["events_received"]
        reason = f"server provinsi tidak memegang {missing} event yang sudah terkirim"
    if reason is not None:
        with db.unit_of_work() as uow:
            requeued = outbox.requeue_sent(uow)
            uow.commit()
        log.warning("sync: %s; %d event dikirim ulang, kursor registri ASN diulang", reason, requeued)
        values |= {
            ASN_CURSOR_KEY: 0,
            outlet_pull.CURSOR_KEY: 0,
            REQUEUE_NOTICE_KEY: {"at": datetime.now(UTC).isoformat(), "events": requeued, "reason": reason},
        }
    _put(db, values)
    return hello


def clock_warning(offset_seconds: object) -> str | None:
    """A line for the cashier when this till's clock is off by more than the protocol allows."""
    if not isinstance(offset_seconds, int) or abs(offset_seconds) <= MAX_CLOCK_AHEAD_SECONDS:
        return None
    minutes = round(abs(offset_seconds) / 60)
    way = "lebih cepat" if offset_seconds < 0 else "lebih lambat"
    return f"Jam kasir ini {minutes} menit {way} dari server provinsi: betulkan jam dan zona waktu komputer"


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
    code, terminal = this_till(db)
    while max_batches is None or batches < max_batches:
        with db.unit_of_work() as uow:
            batch = outbox.pending_batch(uow, batch_size)
        if not batch:
            return
        try:
            results = client.push(batch, code, terminal)
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


def sync_once(
    db: Database,
    client: ProvinceClient,
    *,
    batch_size: int = MAX_BATCH_EVENTS,
    max_batches: int | None = None,
) -> SyncSummary:
    """Hello, push everything pending (or `max_batches`), then pull. Raises NotDelivered or
    SyncRefused; a refusal marks nothing. Every outcome is logged: the IT officer's first question."""
    try:
        return _sync_round(db, client, batch_size=batch_size, max_batches=max_batches)
    except SyncRefused as error:
        log.warning("sync ditolak server provinsi: %s", error)
        raise
    except NotDelivered as error:
        log.warning("sync tidak sampai (jaringan/server): %s", error)
        raise
    except Exception:
        log.exception("sync gagal karena kesalahan tak terduga")
        raise


def _sync_round(
    db: Database, client: ProvinceClient, *, batch_size: int, max_batches: int | None
) -> SyncSummary:
    summary = SyncSummary()
    hello = greet(db, client)
    with db.unit_of_work() as uow:
        # The province holds more of this till's events than it marked delivered: restored from a
        # backup, it lacks some of its own changes, so it pulls its own records too.
        restored = hello["events_received"] > outbox.counts(uow).sent
    outlet_pull.queue_shared(db, client)  # this till's catalog, stock and user changes join the outbox
    push_pending(db, client, summary, batch_size=batch_size, max_batches=max_batches)
    summary.outlet_records = outlet_pull.pull_outlet(db, client, mine=restored)
    pull_registry(db, client, summary)
    pull_period_totals(db, client, summary)
    with db.unit_of_work() as uow:
        outbox.record_success(uow, datetime.now(UTC))
        counts = outbox.counts(uow)
        summary.pending, summary.rejected_open = counts.pending, counts.rejected
        uow.commit()
    if summary.accepted or summary.duplicate or summary.rejected:
        # tell the province what is left now, for its per-till view (`report outlets --tills`)
        client.hello(pending=counts.pending, rejected=counts.rejected)
    # A quiet round (nothing sent, nothing new) every 30 s would fill the log: only at DEBUG.
    busy = (
        summary.accepted
        or summary.duplicate
        or summary.rejected
        or summary.registry_changes
        or summary.outlet_records
    )
    log.log(
        logging.INFO if busy else logging.DEBUG,
        "sync: accepted %d, duplicate %d, rejected %d, pending %d, rejected open %d, registry %d",
        summary.accepted,
        summary.duplicate,
        summary.rejected,
        summary.pending,
        summary.rejected_open,
        summary.registry_changes,
    )
    return summary


def summary_json(summary: SyncSummary) -> str:
    return json.dumps(
        {
            "accepted": summary.accepted,
            "duplicate": summary.duplicate,
            "rejected": summary.rejected,
            "pending": summary.pending,
            "rejected_open": summary.rejected_open,
            "registry_changes": summary.registry_changes,
            "outlet_records": summary.outlet_records,
            "buyer_totals": summary.buyer_totals,
            "period_key": summary.period_key,
        }
    )
