"""Telling a keyboard-wedge barcode scanner from a person typing.

A scanner types a whole code in one burst, a key every 7-16 ms, and ends it with Enter; people type
at 80 ms or more per key (docs/engineering-notes.md). `BurstDetector` is the timing rule, free of Qt
so it is tested with exact times; `ScannerFilter` watches the application's key presses with it and turns a
burst into one `scanned(code)` signal. The Enter that ends a burst is always swallowed, so a scan
never presses a dialog's default button, and the burst's characters are taken back out of whatever
text field had the focus.

Amount fields (`typed_only`) are typed into, not scanned: a cashier keying 1500000 as fast as a
scanner keeps it. Only a burst no amount could be (12 characters or more: EAN-13, UPC-A, a NIP, a
receipt QR) is still taken for a scan there, so a scan never pays Rp8.991.234.567.895.
PIN fields are marked by what makes them PIN fields, their hidden echo (`QLineEdit.EchoMode.Password`):
a PIN (4-8 digits, `pos.services.users`) typed fast and ended with Enter signs in, never a scan; a
real scan there (12 characters or more) still leaves the field empty.

The filter sees every event of the application (paints, timers, layout requests: ~150 per scan),
so its first test is the cheapest one (`isinstance`, no `QEvent.type()` enum made per event).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

GAP_MS = 30.0
MIN_LENGTH = 6  # EAN-8 is the shortest code; a fast typist's short number stays typed text
TYPED_ONLY = "typedOnly"  # widget property: an amount field, where fast typing is typing
MIN_SCAN_IN_AMOUNT = 12  # Rp100.000.000.000 and up: no amount, so a scan (EAN-13, UPC-A, NIP, QR)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEY_PRESS = QEvent.Type.KeyPress
_SHOWN_ECHO = QLineEdit.EchoMode.Normal
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier


def typed_only(widget: QWidget) -> QWidget:
    """Mark an amount field: keys typed there are never taken for a scanner burst (see above)."""
    widget.setProperty(TYPED_ONLY, True)
    return widget


class BurstDetector:
    """Collects characters that arrive less than `gap_ms` apart; `finish` says whether they were a scan."""

    def __init__(self, gap_ms: float = GAP_MS, min_length: int = MIN_LENGTH) -> None:
        self.gap_ms = gap_ms
        self.min_length = min_length
        self._chars: list[str] = []
        self._last_ms: float | None = None

    @property
    def pending(self) -> str:
        return "".join(self._chars)

    def key(self, char: str, at_ms: float) -> None:
        """A printable character typed at `at_ms`; a slow key starts a new run."""
        if self._last_ms is None or at_ms - self._last_ms > self.gap_ms:
            self._chars = []
        self._chars.append(char)
        self._last_ms = at_ms

    def finish(self, at_ms: float) -> str | None:
        """Enter pressed at `at_ms`: the burst's text if it was a scan, else None. Resets either way."""
        fast = self._last_ms is not None and at_ms - self._last_ms <= self.gap_ms
        code = self.pending if fast and len(self._chars) >= self.min_length else None
        self.reset()
        return code

    def reset(self) -> None:
        self._chars = []
        self._last_ms = None


class ScannerFilter(QObject):
    """Application-wide event filter: emits `scanned(code)` for each scanner burst, wherever the focus is."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        gap_ms: float = GAP_MS,
        min_length: int = MIN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.detector = BurstDetector(gap_ms, min_length)
        self.enabled = True
        self.source: QWidget | None = None  # the widget the last burst was typed into

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or not self.enabled or event.type() != _KEY_PRESS:
            return False
        if not watched.isWidgetType():
            return False
        # A key event passes the filter once per widget it propagates to; count it at the first one.
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False
        now = time.monotonic() * 1000.0
        if event.key() in _ENTER_KEYS:
            code = self.detector.finish(now)
            if code is None:
                return False
            if _typed_only(watched) and len(code) < MIN_SCAN_IN_AMOUNT:
                return False  # an amount or a PIN typed fast: the field's own Enter takes it
            if isinstance(watched, QLineEdit):
                typed = _typed_part(watched.text(), code, self.detector.min_length)
                if typed is not None:
                    code = typed
                    watched.setText(watched.text()[: -len(typed)])
            self.source = watched if isinstance(watched, QWidget) else None
            self.scanned.emit(code)
            return True  # the scanner's Enter never presses a button or submits a dialog
        text = event.text()
        plain = not event.modifiers() & ~(_SHIFT | _KEYPAD)
        if len(text) == 1 and text.isprintable() and plain:
            self.detector.key(text, now)
        return False


def _typed_only(widget: QObject) -> bool:
    """An amount field (`typed_only`) or a PIN field (its text hidden)."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != _SHOWN_ECHO:
        return True
    return bool(widget.property(TYPED_ONLY))


def _typed_part(text: str, burst: str, min_length: int) -> str | None:
    """The end of `burst` that really landed in a text field, or None. Keys a widget ate on the way
    (a `+` that raised a quantity) are not part of the code, so the longest tail the field ends with wins."""
    for start in range(len(burst) - min_length + 1):
        if text.endswith(burst[start:]):
            return burst[start:]
    return None
