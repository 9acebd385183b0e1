"""Joining a till to the province: ask whose till a token is, then adopt or check that identity.

Used by `ntt-pos connect` and `ntt-pos init --server`; the wizard's "Tes koneksi" asks the same hello.
"""

from __future__ import annotations

from pos.core.errors import DomainError
from pos.db.engine import Database
from pos.services import till_identity
from pos.sync.client import ProvinceClient
from pos.sync.protocol import HelloJson, till_label
from pos.sync.runner import Connection, save_connection


def identify(server: str, token: str, *, timeout: float = 15.0) -> HelloJson:
    """Whose till the token is (raises SyncError: unreachable, refused, wrong version)."""
    with ProvinceClient(server, token, read_timeout=timeout) as client:
        client.health()
        return client.hello()


def connect_till(
    db: Database, server: str, token: str, hello: HelloJson, *, expected_outlet: str | None = None
) -> tuple[str, int]:
    """Store the connection for the token's till; returns its label and how many undelivered events
    were re-addressed. Raises DomainError, storing nothing, when the token is another outlet's."""
    owner, terminal = hello["outlet"], hello["terminal"]
    theirs = till_label(owner, terminal)
    if expected_outlet and expected_outlet != owner:
        raise DomainError(f"token ini milik outlet {owner} (kasir {theirs}), bukan outlet {expected_outlet}")
    readdressed = 0
    with db.unit_of_work() as uow:
        ours = till_label(*till_identity.current(uow))
        if ours != theirs:
            if till_identity.has_traded(uow):
                raise DomainError(
                    f"kasir ini sudah berjualan sebagai {ours}, sedangkan token ini milik kasir {theirs}; "
                    f"minta token kasir {ours} ke admin provinsi"
                )
            readdressed = till_identity.adopt(uow, owner, terminal)
            uow.commit()
    # A till moved to another province database learns its instance id at the next hello and sends
    # again what it had delivered elsewhere (pos.sync.runner.greet).
    save_connection(db, Connection(server=server.rstrip("/"), token=token, till=theirs))
    return theirs, readdressed
