"""The outlet's shared data in a sync round: queue this till's changes before the push, pull the other
tills' changes after it (cursor-based, like the ASN registry).

Each page of records is applied in one transaction together with the new cursor: a sync killed
mid-pull leaves the till at the end of its last whole page and the next round goes on from there
(applying a page twice changes nothing: records replace, ledger lines are inserted once by uuid).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from pos.db.engine import Database
from pos.db.models import Setting
from pos.services import outlet_apply, outlet_share
from pos.sync.client import ProvinceClient

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.outlet_cursor"
PAGE = 2000


def queue_shared(db: Database, client: ProvinceClient) -> int:
    """This till's marked changes as outbox events.

    The first time (a till set up alone, or upgraded, meeting its outlet's data) the outlet's data is
    pulled first and wins over this till's copy of the same records: a product, user or setting this
    till changed before is not newer than the outlet's. Then all of this till's shared data is queued
    once, so what only it has (products, users, its ledger) reaches the other tills."""
    with db.unit_of_work() as uow:
        published = outlet_share.is_published(uow)
        if not published:
            outlet_share.forget_unshared_changes(uow)
            uow.commit()
    if not published:
        pull_outlet(db, client, mine=True)  # a replaced PC with this terminal: the old one's records too
    with db.unit_of_work() as uow:
        if not published:
            outlet_share.mark_everything(uow)
        queued = outlet_share.queue_changes(uow, datetime.now(UTC))
        uow.commit()
    return queued


def cursor(db: Database) -> int:
    with db.unit_of_work() as uow:
        row = uow.session.get(Setting, CURSOR_KEY)
        return row.value if row is not None and isinstance(row.value, int) else 0


def pull_outlet(db: Database, client: ProvinceClient, *, page_size: int = PAGE, mine: bool = False) -> int:
    """Every record of this till's outlet newer than the cursor, page by page; returns how many. The
    records whose newest version this till sent itself are not fetched again (`mine`: they are)."""
    since = cursor(db)
    total = 0
    while True:
        page = client.outlet_changes(since, page_size, mine=mine)
        with db.unit_of_work() as uow:
            label = outlet_share.own_label(uow)
            applied = outlet_apply.apply_page(uow, page["records"], label)
            row = uow.session.get(Setting, CURSOR_KEY)
            if row is None:
                uow.session.add(Setting(key=CURSOR_KEY, value=page["cursor"]))
            else:
                row.value = page["cursor"]
            uow.commit()
        if applied.kept_local:
            log.info("data outlet: %d rekaman ditahan (perubahan kasir ini lebih baru)", applied.kept_local)
        total += len(page["records"])
        since = page["cursor"]
        if not page["more"]:
            return total
