"""The province API against its own OpenAPI schema (issue 18): schemathesis with every check on (no 5xx,
every status documented, responses matching their declared schemas and content types, schema-valid
requests accepted, invalid ones rejected, auth not ignored, unsupported methods refused), on SQLite and
PostgreSQL. Driven through schemathesis' own command line: its pytest plugin does not run under pytest 9,
and the command runs every phase (coverage of boundary values, then fuzzing) as a person running it would.

A failure prints schemathesis' report: each failing case with a curl command and `st replay ID`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine

from pos.province.asn import import_asn_csv
from pos.province.server import BackgroundServer

# 9 operations; ~10 s a backend on two cores
MAX_EXAMPLES = 40

# What each operation can answer besides 200; FastAPI adds nothing of its own once 422 is listed.
DOCUMENTED = {
    ("get", "/api/v1/health"): {"200"},
    ("post", "/api/v1/events"): {"200", "400", "401", "403", "409", "413", "422"},
    ("post", "/api/v1/hello"): {"200", "400", "401", "409", "413", "422"},
    ("get", "/api/v1/asn/changes"): {"200", "401", "422"},
    ("get", "/api/v1/programme"): {"200", "401"},
    ("post", "/api/v1/asn/totals"): {"200", "400", "401", "404", "413", "422"},
    ("post", "/api/v1/asn/spending"): {"200", "400", "401", "404", "413", "422"},
    ("get", "/api/v1/outlet/changes"): {"200", "401", "422"},
    ("get", "/api/v1/outlet/stock"): {"200", "401"},
}


def test_every_status_of_every_operation_is_documented_with_a_body_schema(
    live_server: BackgroundServer,
) -> None:
    schema = requests.get(f"{live_server.url}/openapi.json", timeout=10).json()
    found = {
        (method, path): set(operation["responses"])
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    }
    assert found == DOCUMENTED
    for (method, path), codes in DOCUMENTED.items():
        for code in codes:
            content = schema["paths"][path][method]["responses"][code].get("content", {})
            assert "schema" in content.get("application/json", {}), (method, path, code)


@pytest.mark.slow
def test_schemathesis_finds_nothing_with_every_check_on(
    live_server: BackgroundServer, province_engine: Engine, till_token: str, tmp_path: Path
) -> None:
    with province_engine.begin() as conn:
        import_asn_csv(conn, "198609262015051001,Ana,Dinas Koperasi,Kota Kupang\n")
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{live_server.url}/openapi.json",
        "--checks",
        "all",
        "--header",
        f"Authorization: Bearer {till_token}",
        "--mode",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--request-timeout",
        "10",
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",
        "--no-color",
    ]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=240)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-12_000:]
    assert f"Tested: {len(DOCUMENTED)}" in report and "No issues found" in report, report[-4_000:]
