"""Type-ahead: keys typed while a dialog opens reach that dialog, in order.

A cashier presses F8 and types 1500000 at once; on a slow till the payment dialog takes a moment to
build and show, and Qt drops every key that reaches a window a modal dialog blocks (the '1' of
1500000 was lost). `TypeAhead.opening()` is entered when a function key starts its work: from then
on the filter holds every key press, wherever it lands (the till's window, its scan field, the new
dialog before its field has the focus), until the dialog that opened is active with the keyboard in
its field; the held keys are then given to that field, as typed, before any later key. When no dialog
opens (F8 on an empty cart), they go back to whatever has the focus once the function is done.

Just before a dialog is shown the filter lets the keys already queued arrive (they reach the till's
window while it is not blocked yet, and are held); under X, keys typed between the dialog's mapping
and the window manager's focusing it are read by pos.ui.x11_keys, since Qt drops them unseen.
Replayed keys are typing, never a scan: the scanner filter is paused while they are given.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

TIMEOUT_MS = 2000  # a dialog that never takes the keyboard gets nothing held longer than this
_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class TypeAhead(QObject):
    """Application event filter; `scanner` (a ScannerFilter) is paused while held keys are replayed."""

    def __init__(self, parent: QObject | None = None, *, scanner: Any = None, timeout_ms: int = TIMEOUT_MS):
        super().__init__(parent)
        self.scanner = scanner
        self.holding = False
        self.held: list[tuple[int, Qt.KeyboardModifier, str]] = []
        self._draining = False
        self._timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self._timer.timeout.connect(self.release)

    @contextmanager
    def opening(self) -> Iterator[None]:
        """Hold keys while the body runs (it may open a dialog); whatever is left goes to the focus."""
        self.begin()
        try:
            yield
        finally:
            self.release()

    def begin(self) -> None:
        if not self.holding:
            self.held.clear()
            self.holding = True
            self._timer.start()

    def hold(self, key: int, modifiers: Qt.KeyboardModifier, text: str) -> None:
        """One more key for the dialog (pos.ui.x11_keys: a key Qt itself would have dropped)."""
        if self.holding:
            self.held.append((key, modifiers, text))

    def release(self) -> None:
        """Stop holding and give the held keys to the dialog's field (or the focus widget)."""
        if not self.holding:
            return
        self.holding = False
        self._timer.stop()
        target = _ready_target() or QApplication.focusWidget()
        keys, self.held = self.held, []
        if target is None or not keys:
            return
        paused = self.scanner is not None and self.scanner.enabled
        if paused:
            self.scanner.enabled = False
        try:
            for key, modifiers, text in keys:
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
        finally:
            if paused:
                self.scanner.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.holding:
            return False
        kind = event.type()
        if kind in _KEYS:
            target = _ready_target()
            if target is not None and _window_of(watched) is target.window():
                self.release()  # the held keys first, then this one, where it was going
                return False
            if kind == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                if not _is_modifier(event.key()):
                    self.held.append((event.key(), event.modifiers(), event.text()))
            if target is not None:
                self.release()  # this key was on its way to the blocked window: to the dialog too
            event.accept()  # a ShortcutOverride accepted: no till shortcut fires from a held key
            return True
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and not self._draining:
            self._drain()
        elif kind in (QEvent.Type.FocusIn, QEvent.Type.WindowActivate):
            QTimer.singleShot(0, self._release_if_ready)
        return False

    def _drain(self) -> None:
        """A dialog is about to be shown (and block the till's window): the keys already queued
        arrive now, while the window they were typed into still takes them, and are held."""
        self._draining = True
        try:
            QApplication.processEvents()
        finally:
            self._draining = False

    def _release_if_ready(self) -> None:
        if self.holding and _ready_target() is not None:
            self.release()


def _ready_target() -> QWidget | None:
    """The widget held keys go to once a dialog is open and active: its focus widget, else itself."""
    modal = QApplication.activeModalWidget()
    if modal is None or not modal.isActiveWindow():
        return None
    focus = QApplication.focusWidget()
    return focus if focus is not None and focus.window() is modal else modal


def _window_of(watched: QObject) -> QObject | None:
    """The top-level widget a key event is for (a QWindow stands for its widget's window)."""
    if isinstance(watched, QWidget):
        return watched.window()
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is watched:
            return widget
    return None


def _is_modifier(key: int) -> bool:
    return key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)
