"""Doctor's one question to the province: does it hold events of this till that the till does not?

After a restore from a backup, sales made after that backup and already delivered are at the province
but no longer in the till's database (docs/backups.md). The hello answer says how many events of this
till the province holds; the till's delivered (`sent`) events are all among them, and its pending ones
may be. So at least `received - sent - pending` events are at the province only (exactly that many
when nothing is pending). One call, short timeouts, only when a server is configured; a failure is a
warning, never a verdict on the till's data.
"""

from __future__ import annotations

from pos.db.engine import Database
from pos.services import outbox
from pos.services.doctor import Check
from pos.sync.client import ProvinceClient, SyncError
from pos.sync.protocol import till_label
from pos.sync.runner import load_connection, this_till

NAME = "event di server provinsi"


def province_events_check(db: Database, *, timeout: float = 5.0) -> Check | None:
    """None when no server is configured (no network call at all)."""
    connection = load_connection(db)
    if connection is None:
        return None
    with db.unit_of_work() as uow:
        counts = outbox.counts(uow)
    try:
        with ProvinceClient(
            connection.server, connection.token, connect_timeout=timeout, read_timeout=timeout
        ) as client:
            hello = client.hello(pending=counts.pending, rejected=counts.rejected)
        code, terminal = this_till(db)
    except SyncError as error:
        return Check(NAME, True, f"server provinsi tidak bisa ditanya ({error})", warning=True)
    if (hello["outlet"], hello["terminal"]) != (code, terminal):
        theirs, ours = till_label(hello["outlet"], hello["terminal"]), till_label(code, terminal)
        return Check(NAME, True, f"token ini milik kasir {theirs}, bukan kasir ini ({ours})", warning=True)
    received = hello["events_received"]
    only_there = received - counts.sent - counts.pending
    if only_there > 0:
        at_least = f" (sedikitnya; {counts.pending} event masih menunggu kirim)" if counts.pending else ""
        return Check(
            NAME,
            True,
            f"server provinsi memegang {only_there} event yang tidak ada di kasir ini{at_least}: "
            "penjualan sesudah cadangan yang dipulihkan? Lihat docs/backups.md",
            warning=True,
        )
    if received < counts.sent:
        return Check(
            NAME,
            True,
            f"server provinsi tidak memegang {counts.sent - received} event yang sudah terkirim; "
            "dikirim ulang pada sinkronisasi berikutnya",
            warning=True,
        )
    return Check(NAME, True, f"server provinsi memegang {received} event kasir ini; tidak ada yang hilang")
