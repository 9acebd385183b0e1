"""The print queue against a real TCP printer on 127.0.0.1 (python-escpos's Network connection).

The fake printer speaks just enough ESC/POS: it stores what it receives and answers DLE EOT 1/4
status queries. Its misbehaviours are the ones shops meet: nothing listening (printer off), the
connection dropped in the middle of a job or at the cut, a printer that never answers, paper out.
In every case the job stays queued and prints completely once the printer is back.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from pos.core.document import Columns, Cut, Rule, Text
from pos.printing.connection import PrinterSettings
from pos.printing.escpos_render import escpos_bytes
from pos.printing.queue import PrinterStatus, PrintQueue

DOC = (
    Text("NTT Mart by Dekranasda Kota Kupang", "center", bold=True),
    Rule(),
    *(Columns(f"Barang {n}", f"Rp{n}.000") for n in range(40)),
    Cut(),
)
JOB_BYTES = escpos_bytes(DOC, 80, None)
ONLINE, PAPER_OK, PAPER_OUT = b"\x16", b"\x12", b"\x7e"


class FakePrinter:
    """mode: "ok", "drop_mid" (closes after 200 bytes), "drop_at_cut", "silent", "paper_out"."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.jobs: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._running = True
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self) -> None:
        self._running = False
        self._server.close()

    def _serve(self) -> None:
        while self._running:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        received = b""
        with client:
            client.settimeout(5)
            while True:
                try:
                    chunk = client.recv(4096)
                except OSError:
                    return
                if not chunk:
                    break
                received += chunk
                if (self.mode == "drop_mid" and len(received) > 200) or (
                    self.mode == "drop_at_cut" and b"\x1dV" in received
                ):
                    linger_reset = b"\x01\x00\x00\x00\x00\x00\x00\x00"  # l_onoff=1, l_linger=0
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger_reset)
                    return  # reset: the printer lost power or the cable came out
                while self.mode != "silent" and received.endswith((b"\x10\x04\x01", b"\x10\x04\x04")):
                    query = received[-3:]
                    received = received[:-3]
                    paper = PAPER_OUT if self.mode == "paper_out" else PAPER_OK
                    online = ONLINE if self.mode != "paper_out" else b"\x1e"  # 0x08 set: off-line
                    client.sendall(online if query[2] == 1 else paper)
        if received:
            self.jobs.append(received)


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def _queue(port: int, statuses: list[PrinterStatus]) -> PrintQueue:
    settings = PrinterSettings(kind="network", host="127.0.0.1", port=port, timeout=0.5)
    return PrintQueue(settings, statuses.append, retry_interval=0.1)


def _wait_for(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def test_job_printed_exactly(printer: FakePrinter) -> None:
    statuses: list[PrinterStatus] = []
    queue = _queue(printer.port, statuses)
    queue.submit(DOC, copies=2, title="Struk 1")
    assert queue.wait_idle(5)
    _wait_for(lambda: printer.jobs)
    assert printer.jobs == [JOB_BYTES * 2]
    assert statuses[-1].kind == "ready" and statuses[-1].pending == 0
    queue.stop()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("drop_mid", "Printer offline"),
        ("drop_at_cut", "Printer offline"),
        ("silent", "Printer tidak menjawab (timeout)"),
        ("paper_out", "Kertas habis"),
    ],
)
def test_failing_printer_keeps_job_and_retries(printer: FakePrinter, mode: str, message: str) -> None:
    printer.mode = mode
    statuses: list[PrinterStatus] = []
    queue = _queue(printer.port, statuses)
    job_id = queue.submit(DOC, title="Struk 2")
    _wait_for(lambda: any(status.message == message for status in statuses))
    pending = queue.pending()
    assert [job.id for job in pending] == [job_id] and pending[0].last_error == message
    printer.mode = "ok"
    printer.jobs.clear()
    queue.retry()
    assert queue.wait_idle(10)
    _wait_for(lambda: JOB_BYTES in printer.jobs)
    queue.stop()


def test_printer_switched_off_then_on() -> None:
    with socket.socket() as probe:  # a free port with nothing listening: connection refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    statuses: list[PrinterStatus] = []
    queue = _queue(port, statuses)
    first, second = queue.submit(DOC, title="A"), queue.submit(DOC, title="B")
    _wait_for(lambda: any(status.kind == "offline" for status in statuses))
    assert statuses[-1].message == "Printer offline"
    assert [job.id for job in queue.pending()] == [first, second]  # order kept
    fake = FakePrinter()
    try:
        queue.update_settings(PrinterSettings(kind="network", host="127.0.0.1", port=fake.port, timeout=0.5))
        assert queue.wait_idle(10)
        _wait_for(lambda: len(fake.jobs) == 2)
        assert fake.jobs == [JOB_BYTES, JOB_BYTES]
    finally:
        queue.stop()
        fake.close()


def test_no_printer_and_broken_callback_never_raise() -> None:
    def explode(_: PrinterStatus) -> None:
        raise RuntimeError("UI gone")

    queue = PrintQueue(PrinterSettings(kind="none"), explode, retry_interval=0.05)
    job = queue.submit(DOC)
    _wait_for(lambda: queue.last_status.kind == "offline")
    assert queue.last_status.message == "Tidak ada printer (hanya pratinjau)"
    assert queue.discard(job) and queue.pending() == []
    queue.stop()
    assert queue.last_status.kind == "stopped"
