"""The wizard's "Selesai" with a provincial server runs off the GUI thread: the outlet's data is
downloaded (and the database made) on the wizard's TaskRunner while the window keeps answering, and a
server gone away is said plainly with nothing created and nothing typed lost.

The province here is a small real HTTP server on loopback (http.server in a thread) that answers
"Tes koneksi" at once and the outlet's data only after DELAY seconds, as a slow line to Kupang would.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard
from test_setup_wizard import open_wizard

from pos.db.engine import DB_FILENAME
from pos.services import setup
from pos.sync.protocol import PROTOCOL_VERSION
from pos.ui.setup.wizard import SetupWizard

DELAY = 1.0  # seconds the outlet's data takes to come


class SlowProvince(BaseHTTPRequestHandler):
    outlet_requests: ClassVar[list[float]] = []

    def _answer(self, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/api/v1/health":
            self._answer({"status": "ok"})
        elif self.path.startswith("/api/v1/outlet/changes"):
            self.outlet_requests.append(time.monotonic())
            time.sleep(DELAY)
            self._answer({"records": [], "cursor": 0, "more": False})  # the outlet's first till
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != "/api/v1/hello":
            self.send_error(404)
            return
        self._answer(
            {
                "protocol": PROTOCOL_VERSION,
                "outlet": "5308",
                "terminal": "02",
                "outlet_name": "NTT Mart by Dekranasda Ende",
                "kabupaten": "Ende",
                "instance_id": "uji-lambat",
                "server_time": datetime.now(UTC).isoformat(),
                "events_received": 0,
            }
        )

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet test output


@pytest.fixture
def slow_province() -> Iterator[ThreadingHTTPServer]:
    SlowProvince.outlet_requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowProvince)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def url_of(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def to_last_page_connected(qtbot: Any, wizard: SetupWizard, url: str) -> None:
    page = wizard.outlet_page
    page.kabupaten.setCurrentIndex(page.kabupaten.findData("5308"))
    qtbot.keyClicks(page.address, "Jl. Kelimutu No. 3, Ende")
    wizard.next()
    wizard.admin_page.full_name.setText("Yohanes Ndona")
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    wizard.next()
    wizard.next()  # no printer yet
    extras = wizard.extras_page
    assert wizard.currentPage() is extras
    extras.url.setText(url)
    extras.token.setText("token-kasir-02")
    qtbot.mouseClick(extras.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kasir 02" in extras.connection_result.text(), timeout=10_000)
    qtbot.waitUntil(extras.test_button.isEnabled, timeout=5_000)


def buttons_enabled(wizard: SetupWizard) -> list[bool]:
    kinds = (
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.FinishButton,
        QWizard.WizardButton.CancelButton,
    )
    return [wizard.button(kind).isEnabled() for kind in kinds]


def test_the_window_keeps_answering_while_the_outlets_data_downloads(
    qtbot: Any, tmp_path: Path, slow_province: ThreadingHTTPServer
) -> None:
    data_dir = tmp_path / "till"
    wizard = open_wizard(qtbot, data_dir)
    to_last_page_connected(qtbot, wizard, url_of(slow_province))
    ticks: list[float] = []
    timer = QTimer(wizard, interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    pressed = time.monotonic()
    wizard.next()  # Selesai
    returned = time.monotonic() - pressed
    assert returned < DELAY / 2  # the GUI thread did not wait for the server
    assert wizard.finishing and "Menyiapkan kasir" in wizard.extras_page.error.text()
    assert buttons_enabled(wizard) == [False, False, False]
    wizard.reject()  # Esc or the window's X while it works: the wizard stays until it is done
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=20_000)
    timer.stop()

    assert len(SlowProvince.outlet_requests) == 1
    served = [
        t for t in ticks if SlowProvince.outlet_requests[0] <= t <= SlowProvince.outlet_requests[0] + DELAY
    ]
    # 20 ms ticks through the second the server held its answer: about 50 when nothing blocks
    assert len(served) >= 10, len(served)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < DELAY / 2, max(gaps)  # a synchronous download would leave one gap of >= 1 s
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.result_.outlet_code == "5308" and setup.data_dir_is_set_up(data_dir)
    assert not setup.draft_path(data_dir).exists()


def test_an_unreachable_server_is_said_plainly_and_nothing_is_created_or_lost(
    qtbot: Any, tmp_path: Path, slow_province: ThreadingHTTPServer
) -> None:
    data_dir = tmp_path / "till"
    wizard = open_wizard(qtbot, data_dir)
    to_last_page_connected(qtbot, wizard, url_of(slow_province))
    slow_province.shutdown()  # the line to the province drops after "Tes koneksi" worked
    slow_province.server_close()

    wizard.next()  # Selesai
    qtbot.waitUntil(lambda: not wizard.finishing, timeout=20_000)
    message = wizard.extras_page.error.text()
    assert "Data outlet belum bisa diambil" in message and "tidak terjangkau" in message, message
    assert wizard.isVisible() and wizard.result_ is None
    assert buttons_enabled(wizard) == [True, True, True]
    assert not (data_dir / DB_FILENAME).exists() and not setup.data_dir_is_set_up(data_dir)
    assert wizard.admin_page.pin.text() == "4826" and wizard.outlet_page.address.text().endswith("Ende")
    assert wizard.extras_page.url.text() == url_of(slow_province) and wizard.extras_page.tested is not None
    assert setup.load_draft(data_dir)["address"] == "Jl. Kelimutu No. 3, Ende"

    wizard.extras_page.url.clear()  # the province can wait: Selesai again, without it
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_ is not None, timeout=20_000)
    assert not wizard.isVisible() and setup.data_dir_is_set_up(data_dir)
