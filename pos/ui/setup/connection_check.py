""" "Tes koneksi" to the provincial server, saying plainly what failed: the address (DNS), nobody
listening (refused), no answer (timeout), the token (401), the app version (409)...

Plain `requests` (of Qt only `QCoreApplication.translate`, safe on any thread): the wizard and
settings run `check_province` through the TaskRunner, never on the GUI thread. The steps are those
of `ntt-pos connect`: health, then the hello that tells whose till the token is (outlet code and
terminal), which the till then takes as its own.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from urllib.parse import urlparse

import requests
from PySide6.QtCore import QCoreApplication

import pos
from pos.sync.protocol import PROTOCOL_VERSION, ProtocolError, parse_hello
from pos.ui.i18n import fill


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    outlet: str = ""  # whose till the token is, when the server answered
    terminal: str = ""


def _network_failure(error: requests.RequestException, host: str) -> str:
    text = repr(error)
    if isinstance(error, requests.exceptions.SSLError):
        return fill(
            QCoreApplication.translate(
                "ConnectionCheck", "Sertifikat HTTPS server {0} tidak bisa diverifikasi (SSL)."
            ),
            host,
        )
    if isinstance(error, requests.exceptions.Timeout):
        return fill(
            QCoreApplication.translate(
                "ConnectionCheck",
                "Server {0} tidak menjawab (timeout). Periksa internet outlet atau coba lagi nanti.",
            ),
            host,
        )
    if "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text:
        return fill(
            QCoreApplication.translate(
                "ConnectionCheck",
                "Alamat {0} tidak ditemukan (DNS). Periksa ejaan alamat server atau internet outlet.",
            ),
            host,
        )
    if "Connection refused" in text or "ConnectionRefused" in text or "Errno 111" in text:
        return fill(
            QCoreApplication.translate(
                "ConnectionCheck",
                "Server {0} menolak sambungan (tidak ada layanan di port itu). Periksa alamat dan port.",
            ),
            host,
        )
    return fill(
        QCoreApplication.translate("ConnectionCheck", "Server {0} tidak terjangkau ({1})."),
        host,
        error.__class__.__name__,
    )


def _refusal(status: int, body: str) -> str:
    if status == 401:
        return QCoreApplication.translate(
            "ConnectionCheck", "Token ditolak server provinsi (401). Minta token baru ke admin provinsi."
        )
    if status == 403:
        return QCoreApplication.translate(
            "ConnectionCheck", "Kode outlet tidak cocok dengan token (403). Periksa kode outlet."
        )
    if status == 409:
        return QCoreApplication.translate(
            "ConnectionCheck", "Versi aplikasi tidak cocok dengan server provinsi (409). Perbarui aplikasi."
        )
    if status == 404:
        return QCoreApplication.translate(
            "ConnectionCheck", "Alamatnya bukan server NTT Mart (404). Periksa alamat server."
        )
    return fill(
        QCoreApplication.translate("ConnectionCheck", "Server provinsi menjawab {0}: {1}"), status, body[:120]
    )


def check_province(url: str, token: str, outlet: str = "", timeout: float = 5.0) -> ConnectionCheck:
    """Slow (network): call it off the GUI thread. `outlet`, when given, is the code the token must
    belong to (the outlet being set up)."""
    url = url.strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "ConnectionCheck",
                "Alamat server harus diawali http:// atau https://, mis. https://pos.nttprov.go.id",
            ),
        )
    if not token.strip():
        return ConnectionCheck(
            False, QCoreApplication.translate("ConnectionCheck", "Isi token kasir dari admin provinsi.")
        )
    host = parsed.hostname
    headers = {"Authorization": f"Bearer {token.strip()}", "User-Agent": f"ntt-pos-setup/{pos.__version__}"}
    hello = {"protocol": PROTOCOL_VERSION, "app_version": pos.__version__, "pending": 0, "rejected": 0}
    steps: list[tuple[str, str, bytes | None]] = [
        ("GET", "/health", None),
        ("POST", "/hello", json.dumps(hello).encode()),
    ]
    try:
        socket.getaddrinfo(host, parsed.port or (443 if parsed.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError):
        return ConnectionCheck(
            False,
            fill(
                QCoreApplication.translate(
                    "ConnectionCheck", "Alamat {0} tidak ditemukan (DNS). Periksa ejaan alamat server."
                ),
                host,
            ),
        )
    with requests.Session() as session:
        for method, path, body in steps:
            try:
                response = session.request(
                    method,
                    f"{url}/api/v1{path}",
                    data=body,
                    timeout=(timeout, timeout),
                    headers={**headers, **({"Content-Type": "application/json"} if body else {})},
                )
            except requests.RequestException as error:
                return ConnectionCheck(False, _network_failure(error, host))
            if response.status_code != 200:
                return ConnectionCheck(False, _refusal(response.status_code, response.text))
    try:
        answer = parse_hello(response.json())
    except (ValueError, ProtocolError):
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "ConnectionCheck", "Jawaban server provinsi tidak sah. Periksa alamat server."
            ),
        )
    owner, terminal = answer["outlet"], answer["terminal"]
    if outlet.strip() and owner != outlet.strip():
        return ConnectionCheck(
            False,
            fill(
                QCoreApplication.translate(
                    "ConnectionCheck", "Token ini milik outlet {0} (kasir {1}), bukan outlet {2}."
                ),
                owner,
                terminal,
                outlet.strip(),
            ),
            owner,
            terminal,
        )
    return ConnectionCheck(
        True,
        fill(
            QCoreApplication.translate("ConnectionCheck", "Terhubung: outlet {0} ({1}), kasir {2}."),
            owner,
            answer["outlet_name"],
            terminal,
        ),
        owner,
        terminal,
    )
