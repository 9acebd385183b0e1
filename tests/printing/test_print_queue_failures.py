"""A failed job never blocks later ones silently, and another printer takes over the waiting jobs.

Real printers: the loopback TCP printer of test_print_queue.py (python-escpos Network) and the file
printer. A job that cannot be made for the printer (a QR too wide as an image for a 58 mm POS-5890) is
set aside and later jobs print; a printer fault keeps the jobs waiting in order until the printer (or
another one) takes them.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_print_queue import DOC, FakePrinter, _wait_for

from pos.core.document import QR, Cut, Text
from pos.printing.connection import PrinterSettings
from pos.printing.escpos_render import escpos_bytes
from pos.printing.queue import PrinterStatus, PrintQueue

TOO_WIDE = (Text("QRIS"), QR("x" * 600), Cut())  # 485 dots as an image on a 384-dot head


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def _network(port: int, paper: int = 58, profile: str | None = "POS-5890") -> PrinterSettings:
    return PrinterSettings(
        kind="network",
        host="127.0.0.1",
        port=port,
        timeout=0.5,
        paper=paper,  # type: ignore[arg-type]
        profile=profile,
    )


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_job_that_cannot_be_made_is_set_aside_and_later_jobs_print(printer: FakePrinter) -> None:
    statuses: list[PrinterStatus] = []
    queue = PrintQueue(_network(printer.port), statuses.append, retry_interval=0.1)
    bad = queue.submit(TOO_WIDE, title="Struk QRIS")
    good = queue.submit(DOC, title="Struk berikutnya")
    try:
        _wait_for(lambda: escpos_bytes(DOC, 58, "POS-5890") in printer.jobs)
        assert queue.wait_idle(5)
        [held] = queue.pending()
        assert held.id == bad and held.held and "ImageWidthError" in (held.last_error or "")
        assert any(s.job_id == good and s.kind == "ready" and s.failed == 1 for s in statuses)
        assert queue.reprint(bad)  # "Cetak ulang" on the same printer: fails again, set aside again
        _wait_for(lambda: queue.pending()[0].attempts == 2)
        assert queue.pending()[0].held
        assert queue.discard(bad) and queue.pending() == []  # "Buang"
        assert statuses[-1].pending == 0 and statuses[-1].failed == 0
        assert not queue.discard(bad)
    finally:
        queue.stop()


def test_printer_fault_keeps_order_and_reprint_goes_first(tmp_path: Path) -> None:
    statuses: list[PrinterStatus] = []
    queue = PrintQueue(_network(_closed_port(), 80, None), statuses.append, retry_interval=0.1)
    first = (Text("PERTAMA"), Cut())
    second = (Text("KEDUA"), Cut())
    a, b = queue.submit(first, title="A"), queue.submit(second, title="B")
    try:
        # the first attempt may fail before B is queued: wait for a failure seen with both waiting
        _wait_for(lambda: any(s.kind == "offline" and s.pending == 2 for s in statuses))
        assert [job.id for job in queue.pending()] == [a, b]  # the printer's fault: both wait, in order
        assert not any(job.held for job in queue.pending())
        assert queue.reprint(b)
        assert [job.id for job in queue.pending()] == [b, a]
        target = tmp_path / "printer.bin"
        queue.update_settings(PrinterSettings(kind="file", file_path=str(target), paper=80))
        assert queue.wait_idle(10)
        data = target.read_bytes()
        assert data.index(b"KEDUA") < data.index(b"PERTAMA")  # both moved to the new printer
    finally:
        queue.stop()


def test_another_printer_takes_held_and_waiting_jobs(printer: FakePrinter) -> None:
    queue = PrintQueue(_network(printer.port), retry_interval=0.1)
    bad = queue.submit(TOO_WIDE, title="Struk QRIS")
    try:
        _wait_for(lambda: bool(queue.pending()) and queue.pending()[0].held)
        wide = FakePrinter()
        try:
            queue.update_settings(_network(wide.port, 80, None))  # an 80 mm printer with native QR
            assert queue.wait_idle(10)
            _wait_for(lambda: escpos_bytes(TOO_WIDE, 80, None) in wide.jobs)
            assert queue.pending() == [] and bad not in [job.id for job in queue.pending()]
        finally:
            wide.close()
    finally:
        queue.stop()
