"""`ntt-pos --smoke-test`: start the GUI for real and quit by itself after the first window has painted.

Installers and tests run it (offscreen, from a wheel or the PyInstaller bundle) to prove that Qt, its
platform plugin, the stylesheet and the translations all load from the installed files: a missing
resource or Qt library shows here instead of on a till. It prints one line, e.g.

    smoke-test ok: window "Kasir NTT Mart ..." 1024x768 painted, stylesheet 3174 chars, qt 6.11.3

and the exit status is 0; no window painted within `timeout_s` gives exit status 1.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class SmokeTest(QObject):
    """Watches the whole application for the first paint of a top-level window (the main window, or
    the first-run wizard on a folder that is not set up), then reports it and closes everything."""

    def __init__(self, app: QApplication, timeout_s: float = 60.0) -> None:
        super().__init__(app)
        self.app = app
        self.painted = False
        self.line = ""
        app.installEventFilter(self)
        QTimer.singleShot(int(timeout_s * 1000), self._timed_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.painted = True
            # after this paint has finished: grabbing inside a paint event would paint recursively
            QTimer.singleShot(0, lambda: self._report(watched))
        return False

    def _report(self, window: QWidget) -> None:
        image = window.grab()  # renders the whole widget tree again, with the stylesheet
        self.line = (
            f'smoke-test ok: window "{window.windowTitle()}" {image.width()}x{image.height()} painted, '
            f"stylesheet {len(self.app.styleSheet())} chars, qt {pyside_version}"
        )
        print(self.line, flush=True)
        # closing every window ends the wizard's exec() as "later" and the main window's app.exec()
        self.app.closeAllWindows()
        self.app.quit()

    def _timed_out(self) -> None:
        if not self.painted:
            print("smoke-test failed: no window painted", file=sys.stderr, flush=True)
            self.app.closeAllWindows()
            self.app.exit(1)
