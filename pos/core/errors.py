"""The error type every domain rule raises; its message is meant for a person, in Bahasa Indonesia."""


class DomainError(ValueError):
    """A rule of the shop was broken; `str(error)` is a short message in Bahasa Indonesia."""
