"""A new or replaced till joining an outlet that already has tills: `ntt-pos init ... --server URL
--token-file F` takes the outlet's catalog, producers, users, settings and stock from the province.

`fetch` reads every record of the outlet before any file is created, so that `check_admin` can refuse
an `--admin-user` the outlet already has when the PIN is not that user's (nothing is created then).
`join` runs after the set-up transaction: the outlet's data replaces what the set-up wrote of it (the
outlet's name, address and footer; the admin's PIN hash, which is the same PIN), then the cursor is
where the fetch ended, and the till does not send its set-up data as news (the outlet had it first).
An admin the outlet did not have is a new user of the outlet and is sent at the first sync.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, literal, select

from pos.core.errors import DomainError
from pos.db.engine import Database
from pos.db.models import Setting, SharedChange, User
from pos.services import outlet_apply, outlet_share, users
from pos.sync.client import ProvinceClient
from pos.sync.outlet_pull import CURSOR_KEY, PAGE
from pos.sync.protocol import OutletRecordJson
from pos.sync.protocol import outlet_records as rec


@dataclass(frozen=True, slots=True)
class OutletSnapshot:
    records: list[OutletRecordJson]
    cursor: int

    def user(self, username: str) -> OutletRecordJson | None:
        return next((r for r in self.records if r["type"] == rec.USER and r["key"] == username), None)

    def count(self, record_type: str) -> int:
        return len({r["key"] for r in self.records if r["type"] == record_type})


def fetch(server: str, token: str) -> OutletSnapshot:
    records: list[OutletRecordJson] = []
    cursor = 0
    with ProvinceClient(server, token) as client:
        while True:
            page = client.outlet_changes(cursor, PAGE)
            records.extend(page["records"])
            cursor = page["cursor"]
            if not page["more"]:
                return OutletSnapshot(records, cursor)


def check_admin(snapshot: OutletSnapshot, username: str, pin: str) -> bool:
    """True when the outlet already has this user (then the PIN must be theirs, and an admin's)."""
    found = snapshot.user(username)
    if found is None:
        return False
    try:
        users.hasher().verify(found["data"]["pin_hash"], pin)
    except (VerificationError, InvalidHashError):
        raise DomainError(
            f"pengguna {username} sudah ada di outlet ini dengan PIN lain; pakai PIN-nya "
            "(tidak ada yang dibuat)"
        ) from None
    if found["data"]["role"] != "admin" or not found["data"]["active"]:
        raise DomainError(f"pengguna {username} di outlet ini bukan admin aktif (tidak ada yang dibuat)")
    return True


def join(db: Database, snapshot: OutletSnapshot, admin_username: str) -> None:
    """Apply the outlet's records to the freshly set-up till, page by page, each with its cursor."""
    if not snapshot.records:
        return  # the first till of its outlet: its data goes up at the first sync
    known_admin = snapshot.user(admin_username) is not None
    with db.unit_of_work() as uow:
        uow.session.execute(delete(SharedChange))
        if not known_admin:  # a new admin of the outlet: the other tills learn of them
            uow.session.execute(
                insert(SharedChange).from_select(
                    ["type", "row_id"],
                    select(literal(rec.USER), User.id).where(User.username == admin_username),
                )
            )
        uow.session.add(Setting(key=outlet_share.PUBLISHED_KEY, value=True))
        uow.commit()
    label = ""
    for start in range(0, len(snapshot.records), PAGE):
        page = snapshot.records[start : start + PAGE]
        with db.unit_of_work() as uow:
            label = label or outlet_share.own_label(uow)
            outlet_apply.apply_page(uow, page, label)
            last = start + PAGE >= len(snapshot.records)
            value = snapshot.cursor if last else page[-1]["version"]
            row = uow.session.get(Setting, CURSOR_KEY)
            if row is None:
                uow.session.add(Setting(key=CURSOR_KEY, value=value))
            else:
                row.value = value
            uow.commit()
