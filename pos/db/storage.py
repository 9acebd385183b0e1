"""SQLite's refusals that are about the disk, not about our data, as one line for a person.

A full disk, a data folder that became read-only (a USB disk write-protected, permissions changed by
an update), a database held by another process, an I/O error: the transaction is rolled back whole
and the cashier needs the cause, not a traceback. `UnitOfWork` and `Database.open` turn these into
`pos.core.errors.StorageError`; every other error is left as it is (a bug must stay visible).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from pos.core.errors import StorageError

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14

FULL = "Disk penuh: kosongkan ruang di disk komputer kasir (atau hubungi dukungan TI), lalu coba lagi."
READ_ONLY = (
    "Folder data kasir hanya bisa dibaca (tidak bisa ditulis): periksa izin folder data atau disknya, "
    "lalu coba lagi."
)
BUSY = "Database kasir sedang dipakai proses lain: tunggu sebentar, lalu coba lagi."
IO_ERROR = "Disk gagal membaca/menulis (penuh, dicabut, atau bermasalah): periksa disk kasir, lalu coba lagi."
CANT_OPEN = "File database kasir tidak bisa dibuka: periksa disk dan izin folder data, lalu coba lagi."

_BY_CODE = {
    SQLITE_FULL: FULL,
    SQLITE_READONLY: READ_ONLY,
    SQLITE_PERM: READ_ONLY,
    SQLITE_BUSY: BUSY,
    SQLITE_LOCKED: BUSY,
    SQLITE_IOERR: IO_ERROR,
    SQLITE_CANTOPEN: CANT_OPEN,
}
# When the driver gives no code (older Pythons): SQLite's own English messages.
_BY_TEXT = (
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("disk i/o error", IO_ERROR),
    ("unable to open database file", CANT_OPEN),
)


def storage_problem(error: BaseException) -> StorageError | None:
    """A `StorageError` naming the cause when `error` is one of SQLite's disk refusals, else None."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    code = getattr(original, "sqlite_errorcode", None)
    message = _BY_CODE.get(code & 0xFF) if isinstance(code, int) else None
    if message is None:
        text = str(original).lower()
        message = next((m for needle, m in _BY_TEXT if needle in text), None)
    return StorageError(message) if message is not None else None
