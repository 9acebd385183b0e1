"""The error type every domain rule raises; its message is meant for a person, in Bahasa Indonesia."""


class DomainError(ValueError):
    """A rule of the shop was broken; `str(error)` is a short message in Bahasa Indonesia."""


class StorageError(DomainError):
    """The till's data folder refused a write or a read (disk full, read-only, busy, I/O error).

    Nothing of the failed transaction was kept; the message names the cause for the cashier in one
    line (never "rusak": the data already saved is fine) and the log holds SQLite's own words.
    """
