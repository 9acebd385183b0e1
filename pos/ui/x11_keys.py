"""X11 only: keys typed in the moment a modal dialog is on the screen but not yet focused.

Under X the window manager gives a new dialog the keyboard a little after it is mapped; until then
the keys still go to the till's window, which the modal dialog already blocks, and Qt drops them
before any Qt event filter sees them (F8 then 1500000 at 5 ms a key gave 15000). This native filter
reads those X key presses first and hands them to `TypeAhead`, which gives them to the dialog's field
with the rest. It acts only while TypeAhead holds keys and a modal dialog is open; elsewhere (Windows,
Wayland, offscreen, no libX11) it is not installed and changes nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

_KEY_PRESS, _KEY_RELEASE = 2, 3
_SHIFT, _LOCK, _CONTROL, _MOD1, _NUMLOCK = 1, 2, 4, 8, 16
_SPECIAL = {
    0xFF0D: (Qt.Key.Key_Return, "\r"),
    0xFF8D: (Qt.Key.Key_Enter, "\r"),
    0xFF08: (Qt.Key.Key_Backspace, "\x08"),
    0xFF1B: (Qt.Key.Key_Escape, "\x1b"),
    0xFF09: (Qt.Key.Key_Tab, "\t"),
    0xFFFF: (Qt.Key.Key_Delete, "\x7f"),
}


class BlockedKeyRescue(QAbstractNativeEventFilter):
    """Install with `install(app, type_ahead)`; None is returned where X11 is not in use."""

    def __init__(self, type_ahead: Any, lookup: Any) -> None:
        super().__init__()
        self.type_ahead = type_ahead
        self.lookup = lookup  # (keycode, level) -> keysym

    @classmethod
    def install(cls, app: QApplication, type_ahead: Any) -> BlockedKeyRescue | None:
        if QGuiApplication.platformName() != "xcb":
            return None
        lookup = _keysym_lookup()
        if lookup is None:
            return None
        rescue = cls(type_ahead, lookup)
        app.installNativeEventFilter(rescue)
        return rescue

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:
        if not self.type_ahead.holding or bytes(event_type) != b"xcb_generic_event_t":
            return False, 0
        address = int(message)
        kind = ctypes.c_uint8.from_address(address).value & 0x7F
        if kind not in (_KEY_PRESS, _KEY_RELEASE):
            return False, 0
        modal = QApplication.activeModalWidget()
        # xcb_key_press_event_t: response_type, detail (keycode), sequence, time, root, event (at 12),
        # child, root_x, root_y, event_x, event_y, state (at 28)
        window = ctypes.c_uint32.from_address(address + 12).value
        if modal is None or window == int(modal.winId()):
            return False, 0  # no dialog yet (the till's window takes the key and TypeAhead holds it)
        if kind == _KEY_PRESS:
            keycode = ctypes.c_uint8.from_address(address + 1).value
            state = ctypes.c_uint16.from_address(address + 28).value
            key = self._translate(keycode, state)
            if key is not None:
                self.type_ahead.hold(*key)
        return True, 0  # Qt would drop it (its window is blocked): held for the dialog instead

    def _translate(self, keycode: int, state: int) -> tuple[int, Qt.KeyboardModifier, str] | None:
        shifted = bool(state & _SHIFT) != bool(state & _LOCK)
        keysym = self.lookup(keycode, 1 if shifted else 0)
        modifiers = Qt.KeyboardModifier.NoModifier
        if state & _SHIFT:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        if state & (_CONTROL | _MOD1):
            return None  # shortcuts are not text: they are not typed ahead
        if state & _NUMLOCK and 0xFFB0 <= self.lookup(keycode, 1) <= 0xFFB9:
            keysym = self.lookup(keycode, 1)  # the keypad's digit, not its arrow
        if 0xFFB0 <= keysym <= 0xFFB9:
            digit = chr(keysym - 0xFFB0 + ord("0"))
            return ord(digit), modifiers | Qt.KeyboardModifier.KeypadModifier, digit
        if 0x20 <= keysym <= 0x7E:
            text = chr(keysym)
            return ord(text.upper()), modifiers, text
        if keysym in _SPECIAL:
            key, text = _SPECIAL[keysym]
            return int(key), modifiers, text
        return None


def _keysym_lookup() -> Any:
    """XkbKeycodeToKeysym on a connection of our own, or None without libX11 or a display."""
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    try:
        x11 = ctypes.CDLL(name)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XkbKeycodeToKeysym.restype = ctypes.c_ulong
        x11.XkbKeycodeToKeysym.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_uint, ctypes.c_uint]
    except (OSError, AttributeError):
        return None
    display = x11.XOpenDisplay(None)
    if not display:
        return None
    return lambda keycode, level: int(x11.XkbKeycodeToKeysym(display, keycode, 0, level))
