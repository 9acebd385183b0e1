"""Type-ahead in a real X window under a window manager: F8 then 1500000 and Enter, a key every 5 ms,
in one xdotool run. Keys typed before the payment dialog has the keyboard go to the till's window,
which the dialog already blocks; they must reach the amount all the same (they gave Rp15.000 when only
Qt's own events were held, Rp500.000 before that)."""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from helpers.cli import ntt_pos
from test_real_x import CASHIER_NAME, CASHIER_PIN, Screen, Till, missing_tools, wait_for

pytestmark = pytest.mark.slow

FAST = "key --delay 5 F8\ntype --delay 5 1500000\nkey --delay 5 Return\n"


def test_digits_typed_right_after_f8_reach_the_payment_whole(tmp_path: Path) -> None:
    missing = missing_tools()
    if missing:
        pytest.skip(f"real-X test needs {', '.join(missing)} on PATH (`python3 installer/dev.py provision`)")
    data_dir = tmp_path / "till"
    created = ntt_pos(data_dir, "init", "--demo")
    assert created.returncode == 0, created.stderr
    with ExitStack() as stack:
        screen = Screen(stack, tmp_path / "screens")
        till = Till(screen, data_dir, tmp_path / "ntt-pos.out")
        till.wait_window(till.title, timeout=60)
        screen.key("shift+Tab")
        screen.type(CASHIER_NAME.split()[0])
        screen.key("Tab")
        screen.type(CASHIER_PIN)
        screen.key("Return")
        till.wait_window("Buka shift")
        screen.type("200000")
        screen.key("Return")
        till.wait_rows("the open shift", "SELECT id FROM shifts WHERE closed_at IS NULL")
        till.wait_window(till.title)
        ((barcode, price),) = till.query(
            "SELECT barcode, price FROM products WHERE active AND length(barcode) = 13 ORDER BY price LIMIT 1"
        )
        for sale in (1, 2):  # twice: the second dialog opens on a warm till
            till.wait_window(till.title)
            time.sleep(0.5)  # the last sale's receipt is drawn; the scan field has the keyboard again
            screen.scan(barcode)
            wait_for("the scanned item in the cart", lambda: till.cart() or None, 20, till.alive)
            screen.run("xdotool", "-", stdin=FAST)
            rows = till.wait_rows(
                f"sale {sale}", "SELECT total, change FROM sales ORDER BY id LIMIT 1 OFFSET ?", sale - 1
            )
            assert rows == [(price, 1_500_000 - price)], f"sale {sale}: paid {rows[0][0] + rows[0][1]}"
