"""The till's log file: what a province IT officer reads back over the phone.

`file_logging(folder)` (the app and the CLI, once at start) adds one rotating file handler to the root
logger: `ntt-pos.log` plus 4 older files of about 1 MB each. Nothing goes to stdout or stderr (the
CLI's output stays as it is, and Python's "last resort" printing of warnings to stderr stops once a
handler exists), and a log folder that cannot be made or written is not an error: records are then
dropped silently, and the file is tried again at the next record.

Where: a till started with `--data-dir D` keeps its logs in `D/logs/` (with its database and
backups, so a folder copied for support holds everything); otherwise the platform's user log folder
(`~/.local/state/ntt-pos/log` on Linux, `%LOCALAPPDATA%\\NTT Mart\\ntt-pos\\Logs` on Windows).

Every record passes `SecretMask` first: PINs, tokens (`nttpos_...`, `Bearer ...`, `token=...`),
argon2 hashes and full 18-digit NIPs never reach the file, also not inside a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILENAME = "ntt-pos.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4  # with the current file: about 5 MB in all
HANDLER_NAME = "ntt-pos-file"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S%z"
QUIET_LIBRARIES = ("alembic",)

# (pattern, replacement) in the order they are applied. Tokens first: a token may hold digit runs.
_SECRETS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"nttpos_[A-Za-z0-9_\-]+"), "nttpos_***"),
    (re.compile(r"(?i)\b(bearer)\s+[^\s'\",;]+"), r"\1 ***"),
    (re.compile(r"(?i)(token[\w\-]*['\"]?\s*[:=]\s*['\"]?)[^\s'\",;}]+"), r"\1***"),
    (re.compile(r"\$argon2[\w$=,.+/\-]*"), "$argon2***"),
    # "pin=1234", "PIN: 1234", "'admin_pin': '1234'", "--admin-pin 4826": PINs are 4-8 digits
    (re.compile(r"(?i)(?<![a-z])(pin[\w\-]*['\"]?\s*[:=]?\s*['\"]?)\d{4,}"), r"\1****"),
)
# A full NIP, plain or printed 8-6-1-3 with spaces or dots (a receipt number, 5371-02-20261202-0001,
# has other groups and is kept); only the last 4 digits stay, enough to tell two buyers apart.
_NIP = re.compile(r"(?<![\d*])(?:\d{18}|\d{8}[ .]\d{6}[ .]\d[ .]\d{3})(?!\d)")


def mask_secrets(text: str) -> str:
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return _NIP.sub(_mask_nip, text)


def _mask_nip(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return "*" * 14 + digits[-4:]


class SecretMask(logging.Filter):
    """Rewrites each record's message and traceback with `mask_secrets` before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = mask_secrets(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


class QuietLibraries(logging.Filter):
    """Alembic says "Context impl SQLiteImpl." and lists its plugins at every start, at INFO: only its
    warnings are kept (`pos.db.migrate` logs each schema change itself)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or not record.name.startswith(QUIET_LIBRARIES)


class QuietRotatingFileHandler(RotatingFileHandler):
    """A rotating file that never complains: opened at the first record, retried at later ones.

    `anchor` is a folder that must already exist for the log folder to be made inside it (the data
    folder of a `--data-dir` till): a mistyped `--data-dir` must not leave a new folder behind.
    """

    def __init__(self, path: Path, anchor: Path | None = None) -> None:
        self.anchor = anchor
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)

    def _open(self):  # type: ignore[no-untyped-def]  # (typeshed leaves it untyped)
        folder = Path(self.baseFilename).parent
        if self.anchor is not None and not self.anchor.is_dir():
            raise FileNotFoundError(self.anchor)
        folder.mkdir(parents=self.anchor is None, exist_ok=True)
        stream = super()._open()
        if os.name == "posix":  # user names, receipt numbers and errors: for this user only
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
                os.chmod(self.baseFilename, 0o600)
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        # Never to stderr (logging's default): the till keeps selling without its log. Dropping the
        # stream makes the next record try the file again (the disk may be back, the folder made).
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.close()


def log_folder(data_dir: str | Path | None) -> Path:
    """`D/logs` for a till run with `--data-dir D`; otherwise the platform's user log folder."""
    if data_dir:
        return Path(data_dir) / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir("ntt-pos", "NTT Mart"))


def log_file(data_dir: str | Path | None) -> Path:
    return log_folder(data_dir) / LOG_FILENAME


def current_handler() -> QuietRotatingFileHandler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, QuietRotatingFileHandler) and handler.get_name() == HANDLER_NAME:
            return handler
    return None


def start_file_logging(data_dir: str | Path | None, level: int = logging.INFO) -> QuietRotatingFileHandler:
    """Log to `log_file(data_dir)` from now on (the app, for the rest of the process); returns the
    handler. Calling it again for the same file keeps the one handler (the CLI starts the GUI)."""
    path = log_file(data_dir).absolute()
    root = logging.getLogger()
    existing = current_handler()
    if existing is not None and Path(existing.baseFilename) == path:
        return existing
    handler = QuietRotatingFileHandler(path, Path(data_dir).absolute() if data_dir else None)
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    handler.addFilter(QuietLibraries())
    handler.addFilter(SecretMask())
    if existing is not None:
        root.removeHandler(existing)
        existing.close()
    root.addHandler(handler)
    root.setLevel(level)
    return handler


@contextlib.contextmanager
def file_logging(data_dir: str | Path | None, level: int = logging.INFO) -> Iterator[Path]:
    """`start_file_logging` for the block (the CLI's `main`); yields the file's path. A handler the
    block added is removed on leaving: tests call `pos.cli.main` many times in one process."""
    root = logging.getLogger()
    before, old_level = current_handler(), root.level
    handler = start_file_logging(data_dir, level)
    try:
        yield Path(handler.baseFilename)
    finally:
        if handler is not before:
            root.removeHandler(handler)
            handler.close()
            root.setLevel(old_level)
