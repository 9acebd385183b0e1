"""Power cut at any moment: `simulate` is SIGKILLed at random points; every sale it reported as
COMMITTED must be there, whole, and `doctor` must find the database healthy."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from pos.db.engine import DB_FILENAME, Database
from pos.services.doctor import run_checks

CYCLES = 20


def reader(stream, sink: list[str]) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        sink.append(line)


@pytest.mark.slow
def test_sigkill_during_trading_loses_no_committed_sale(demo_template: Path, tmp_path: Path) -> None:
    shutil.copyfile(demo_template, tmp_path / DB_FILENAME)
    rng = random.Random(20261128)
    reported: dict[str, int] = {}
    for cycle in range(CYCLES):
        lines: list[str] = []
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pos",
                "--data-dir",
                str(tmp_path),
                "simulate",
                "--sales",
                "100000",
                "--seed",
                str(cycle),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        thread = threading.Thread(target=reader, args=(proc.stdout, lines), daemon=True)
        thread.start()
        # Kill anywhere from start-up (before any sale) to well into trading.
        time.sleep(rng.uniform(0.2, 1.6))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        thread.join(timeout=30)
        for line in lines:
            if not line.endswith("\n"):
                continue  # cut off mid-print: not a report the cashier could have seen
            word, receipt_no, total = line.split()
            assert word == "COMMITTED"
            reported[receipt_no] = int(total)

        db = Database.open(tmp_path, create=False)
        try:
            with db.unit_of_work() as uow:
                failed = [c for c in run_checks(uow) if not c.ok]
                assert not failed, f"cycle {cycle}: {failed}"
                stored = dict(
                    uow.session.execute(
                        text(
                            "SELECT s.receipt_no, s.total FROM sales s "
                            "WHERE EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)"
                        )
                    ).all()
                )
        finally:
            db.close()
        missing = {no: total for no, total in reported.items() if stored.get(no) != total}
        assert not missing, f"cycle {cycle}: reported COMMITTED but not stored: {missing}"
    assert len(reported) > CYCLES, "the kills came too early to test anything"
