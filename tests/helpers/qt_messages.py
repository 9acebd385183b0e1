"""Qt's offscreen platform warns about things only a real screen has ("This plugin does not support
propagateSizeHints()" for every window). Tests and benchmarks drop exactly those lines and let every
other Qt message through to stderr, so a real warning stays visible.

The app installs its own handler (pos.ui.crash.CrashGuard, to the log file); this one is for the
test session and benchmark processes only.
"""

from __future__ import annotations

import sys
from typing import Any

OFFSCREEN_NOISE = frozenset(
    {
        "This plugin does not support propagateSizeHints()",
        "This plugin does not support raise()",
        "This plugin does not support grabbing the keyboard",
        "This plugin does not support grabbing the mouse",
    }
)


def is_offscreen_noise(message: str) -> bool:
    return message.strip() in OFFSCREEN_NOISE


def quiet_offscreen_qt() -> None:
    """Install the filter as Qt's message handler (chaining to the one it replaces, if any)."""
    from PySide6.QtCore import qInstallMessageHandler

    previous: Any = None

    def handler(mode: Any, context: Any, message: str) -> None:
        if is_offscreen_noise(message):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(handler)
