"""A till restored from a backup against a real province (uvicorn on loopback): nothing is counted twice,
receipt numbers are not issued again, and doctor names the events only the province still holds."""

from __future__ import annotations

import subprocess
import sys

from helpers.real_till import RealTill
from helpers.sales import KOPI, MADU
from sqlalchemy import Engine, func, select

from pos.db.engine import Database
from pos.db.restore import restore
from pos.province.schema import sales
from pos.province.server import BackgroundServer
from pos.services import backups
from pos.sync.client import ProvinceClient
from pos.sync.province_check import province_events_check
from pos.sync.runner import Connection, save_connection, sync_once

UNREACHABLE = "http://127.0.0.1:9"


def province_sales(engine: Engine) -> tuple[int, int, int]:
    """(sales, distinct receipt numbers, gross) at the province."""
    with engine.connect() as conn:
        count, receipts, gross = conn.execute(
            select(func.count(), func.count(sales.c.receipt_no.distinct()), func.sum(sales.c.total))
        ).one()
    return int(count), int(receipts), int(gross or 0)


def test_a_restored_till_counts_nothing_twice_and_doctor_names_what_only_the_province_holds(
    real_till: RealTill, live_server: BackgroundServer, province_engine: Engine, till_token: str
) -> None:
    till = real_till
    save_connection(till.db, Connection(server=live_server.url, token=till_token, till="5371-01"))
    with ProvinceClient(live_server.url, till_token) as client:
        first = [till.sell(till.cart((KOPI, 1))), till.sell(till.cart((MADU, 1)))]
        sync_once(till.db, client)
        pending_in_backup = till.sell(till.cart((KOPI, 2)))  # delivered only after the backup
        with till.db.unit_of_work() as uow:
            saved = backups.take_backup(uow, "manual")
        sync_once(till.db, client)
        lost = till.sell(till.cart((MADU, 2)))  # made and delivered after the backup
        sync_once(till.db, client)
    gross = sum(s.total for s in (*first, pending_in_backup, lost))
    assert province_sales(province_engine) == (4, 4, gross)

    data_dir = till.db.path.parent
    till.db.close()
    restore(data_dir, saved)
    till.db = Database.open(data_dir, create=False)

    before_sync = province_events_check(till.db)
    assert before_sync is not None and before_sync.ok and before_sync.warning
    # the pending sale in the backup may be at the province already: "at least" until it is sent. The
    # province also holds the stock movement and sale line of two sales as shared outlet records (`record`
    # events): the lost sale's and the pending sale's, which the backup holds only as changes not queued.
    assert "memegang 5 event yang tidak ada di kasir ini (sedikitnya; 1 event" in before_sync.detail

    with ProvinceClient(live_server.url, till_token) as client:
        summary = sync_once(till.db, client)
    # the backup's pending sale was resent as it was stored, and its movement and sale line queued again
    # are the same events: the province knew all three, nothing counted twice
    assert (summary.accepted, summary.duplicate, summary.rejected, summary.pending) == (0, 3, 0, 0)
    assert province_sales(province_engine) == (4, 4, gross)
    after_sync = province_events_check(till.db)
    assert after_sync is not None and after_sync.warning
    # the lost sale, its movement and its sale line
    assert "server provinsi memegang 3 event yang tidak ada di kasir ini:" in after_sync.detail

    again = till.sell(till.cart((KOPI, 1)))
    assert again.receipt_no != lost.receipt_no  # the number the lost sale had is not issued again
    with ProvinceClient(live_server.url, till_token) as client:
        assert sync_once(till.db, client).accepted == 3  # the sale, its stock movement and its sale line
    assert province_sales(province_engine) == (5, 5, gross + again.total)

    till.db.close()
    doctor = subprocess.run(
        [sys.executable, "-m", "pos", "--data-dir", str(data_dir), "doctor"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    till.db = Database.open(data_dir, create=False)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr  # a warning, the till's data is whole
    assert "[PERINGATAN] event di server provinsi: server provinsi memegang 3 event" in doctor.stdout


def test_doctor_asks_the_province_only_when_one_is_set_and_an_outage_is_a_warning(
    real_till: RealTill,
) -> None:
    assert province_events_check(real_till.db) is None  # no server configured: no network call at all
    save_connection(real_till.db, Connection(server=UNREACHABLE, token="t", till="5371-01"))
    check = province_events_check(real_till.db, timeout=1.0)
    assert check is not None and check.ok and check.warning and "tidak bisa ditanya" in check.detail
