"""Where the receipt printer is, and a connection that sends bytes and reads its status.

`PrinterSettings` is plain data (saved with the till's settings). `open_connection` makes the
python-escpos printer object for it; nothing connects until the first byte is sent, and
python-escpos is imported only then (its import costs ~300 ms).
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pos.core.errors import DomainError

PrinterKind = Literal["usb", "serial", "network", "win32raw", "cups", "file", "none"]

# Messages for the status bar, in plain words.
OFFLINE = "Printer offline"
PAPER_OUT = "Kertas habis"
USB_DENIED = "Izin USB ditolak"
TIMEOUT = "Printer tidak menjawab (timeout)"
NO_PRINTER = "Tidak ada printer (hanya pratinjau)"


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    """One receipt printer; only the fields of its `kind` matter.

    `status_replies`: the printer answers DLE EOT status queries (most network, USB and serial
    ESC/POS printers do). Then a job counts as printed only once the printer answered after the
    last byte, so a connection that died mid-job is noticed and the job printed again.
    """

    kind: PrinterKind = "none"
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    host: str = ""
    port: int = 9100
    printer_name: str = ""  # win32raw and cups
    file_path: str = ""
    paper: Literal[58, 80] = 80
    profile: str | None = None  # python-escpos capability profile, e.g. "TM-T20II", "POS-5890"
    timeout: float = 5.0
    status_replies: bool = True
    kick_drawer_after_cash: bool = True


class PrinterFault(Exception):
    """A printing attempt failed; `message` is the plain Bahasa Indonesia text for the status bar."""

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # "offline", "paper_out" or "error"


def make_escpos_printer(settings: PrinterSettings) -> Any:
    """The python-escpos printer object for `settings` (not yet connected)."""
    profile = settings.profile
    kind = settings.kind
    if kind == "network":
        from escpos.printer import Network

        return Network(settings.host, port=settings.port, timeout=settings.timeout, profile=profile)
    if kind == "usb":
        from escpos.printer import Usb

        return Usb(settings.usb_vendor_id, settings.usb_product_id, timeout=0, profile=profile)
    if kind == "serial":
        from escpos.printer import Serial

        return Serial(
            settings.serial_device, baudrate=settings.baudrate, timeout=settings.timeout, profile=profile
        )
    if kind == "win32raw":
        from escpos.printer import Win32Raw

        return Win32Raw(settings.printer_name, profile=profile)
    if kind == "cups":
        from escpos.printer import CupsPrinter

        return CupsPrinter(settings.printer_name, profile=profile)
    if kind == "file":
        from escpos.printer import File

        return File(settings.file_path, profile=profile)
    raise PrinterFault(NO_PRINTER, "offline")


JOB_SEPARATOR = "\n-------- cetakan berikutnya {0:%Y-%m-%d %H:%M:%S} --------\n\n"


def append_job(path: str | Path, data: bytes, now: datetime | None = None) -> None:
    """The "file" printer: a device (/dev/usb/lp0) gets the bytes as they are; a plain file KEEPS every
    job, appended after a separator line, so a shop without a printer can still show any receipt.

    python-escpos's `File` opens with "wb" and would keep only the last job.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = 0
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        with target.open("wb") as device:
            device.write(data)
        return
    with target.open("ab") as file:
        if file.tell() > 0:
            file.write(JOB_SEPARATOR.format(now or datetime.now()).encode("ascii"))
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


class EscposConnection:
    """Sends rendered bytes to one python-escpos printer and reads its status when it can."""

    def __init__(self, settings: PrinterSettings, printer: Any | None = None) -> None:
        self.settings = settings
        self._printer = printer

    def send(self, data: bytes) -> None:
        """Check the printer, send `data`, and confirm it arrived; raise `PrinterFault` otherwise."""
        if self.settings.kind == "file" and self._printer is None:
            try:
                append_job(self.settings.file_path, data)
            except Exception as error:
                raise describe_failure(error, "file") from error
            return
        try:
            printer = self._printer if self._printer is not None else make_escpos_printer(self.settings)
            self._printer = printer
            printer.open()
            can_ask = self.settings.status_replies and self.settings.kind in ("network", "usb", "serial")
            if can_ask:
                self._check(printer)
            printer._raw(data)  # the exact golden-tested bytes, so no re-rendering per device
            if can_ask:
                # Answered after the last byte: the printer took the whole job.
                self._check(printer)
        except PrinterFault:
            self.close()
            raise
        except Exception as error:
            self.close()
            raise describe_failure(error, self.settings.kind) from error
        self.close()

    def close(self) -> None:
        if self._printer is not None:
            # Closing a broken connection may fail too; there is nothing left to do then.
            with contextlib.suppress(Exception):
                self._printer.close()

    @staticmethod
    def _check(printer: Any) -> None:
        online = printer.query_status(b"\x10\x04\x01")
        if not online:
            raise PrinterFault(TIMEOUT, "offline")
        if online[0] & 0x08:  # bit 3: off-line (cover open, paper out, error)
            paper = printer.query_status(b"\x10\x04\x04")
            if paper and paper[0] & 0x60 == 0x60:
                raise PrinterFault(PAPER_OUT, "paper_out")
            raise PrinterFault(OFFLINE, "offline")
        paper = printer.query_status(b"\x10\x04\x04")
        if not paper:
            raise PrinterFault(TIMEOUT, "offline")
        if paper[0] & 0x60 == 0x60:  # bits 5-6: roll paper end sensor, paper not present
            raise PrinterFault(PAPER_OUT, "paper_out")


def describe_failure(error: BaseException, kind: str = "") -> PrinterFault:
    """What a person should read for a python-escpos, socket or USB error."""
    name = type(error).__name__
    text = str(error)
    errno_value = getattr(error, "errno", None)
    if isinstance(error, DomainError):
        return PrinterFault(str(error))
    if (
        isinstance(error, PermissionError)
        or errno_value in (errno.EACCES, errno.EPERM)
        or ("Access denied" in text or "insufficient permissions" in text)
    ):
        return PrinterFault(USB_DENIED if kind == "usb" else "Izin akses printer ditolak", "offline")
    if isinstance(error, (TimeoutError, socket.timeout)) or "timed out" in text:
        return PrinterFault(TIMEOUT, "offline")
    if isinstance(error, (ConnectionError, OSError)) or name in ("DeviceNotFoundError", "USBNotFoundError"):
        return PrinterFault(OFFLINE, "offline")
    if name == "AssertionError":  # python-escpos asserts a device exists when open() found none
        return PrinterFault(OFFLINE, "offline")
    return PrinterFault(f"Gagal mencetak ({name})")
