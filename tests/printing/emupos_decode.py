"""Decode ESC/POS bytes with emupos (an ESC/POS printer emulator written independently of
python-escpos) and print what a printer would have printed, as JSON.

Runs inside emupos's own Python 3.13 venv (see tests/printing/conftest.py), as a separate process:
    python emupos_decode.py FILE.bin WIDTH_DOTS [FILE.png]

Output: {"receipts": [{"boundary", "text", "lines": [{"text", "justification", "ink": [left, right]}]}],
         "events": ["drawer.opened", ...]}
`ink` is the first and last dot column with ink on that printed line, measured on emupos's image:
alignment is checked on what would be on the paper, not on the command stream.
"""

import json
import sys

from emupos.config import FontCell, PrinterProfile
from emupos.printer.escpos import render
from emupos.printer.printer import Printer

recorded: list[dict[str, object]] = []
_original_print_line = render.Receipt.print_line


def _recording_print_line(self, area, justification, feed, text_lines=1, upside_down=False):  # type: ignore[no-untyped-def]
    text = self._line_text.rstrip()
    strips_before = len(self._strips)
    _original_print_line(self, area, justification, feed, text_lines, upside_down)
    ink = None
    if len(self._strips) > strips_before:
        strip = self._strips[-1][1]
        box = strip.point(lambda v: 255 - v).getbbox()  # ink is 0 in a 1-bit image
        if box:
            ink = [box[0], box[2] - 1]
    recorded.append({"text": text, "justification": justification, "ink": ink})


render.Receipt.print_line = _recording_print_line  # type: ignore[method-assign]


def main() -> None:
    with open(sys.argv[1], "rb") as source:
        data = source.read()
    width_dots = int(sys.argv[2])
    profile = PrinterProfile(
        type="printer",
        name=f"test {width_dots} dots",
        dpi=203,
        width_dots=width_dots,
        font_a=FontCell(width=12, height=24),
        font_b=FontCell(width=9, height=17),
        code_pages={0: "PC437", 2: "PC850", 16: "WPC1252", 19: "PC858"},
        default_code_page=0,
        drawer_sensor_open_level="high",
    )
    printer = Printer("test", profile, sensor_open_level="high", job_idle_timeout_ms=1000)
    outputs = [printer.open_connection("c", 0.0), printer.receive("c", data, 0.0)]
    outputs.append(printer.close_connection("c", 0.0))
    receipts = []
    events = []
    for output in outputs:
        events += [str(event.type) for event in output.events]
        for receipt in output.receipts:
            receipts.append({"boundary": receipt.boundary, "text": receipt.text})
            if len(sys.argv) > 3:
                with open(sys.argv[3], "wb") as image:
                    image.write(receipt.png)
    # Lines are recorded for every receipt in order; the first receipt is the one tests care about.
    if receipts:
        receipts[0]["lines"] = recorded
    print(json.dumps({"receipts": receipts, "events": events}))


main()
