"""Unexpected errors at the till: logged with their traceback, shown in one dialog, the till keeps going.

`CrashGuard.install()` (pos.app, at start) takes over three hooks:
- `sys.excepthook`: PySide6 hands an exception that escapes a slot or an event handler to it, then
  returns to the event loop, so the window and the cart in progress stay as they were;
- `threading.excepthook`: the print, sync and journal threads (their exceptions are moved to the GUI
  thread through a queued signal before any widget is touched);
- Qt's message handler: Qt's own warnings go to the log, never to a console the cashier cannot see.

The dialog says the saved sales are safe and offers "Salin detail" (the traceback to the clipboard), for
the IT officer on the phone. While it is open, further errors only add to its details: a slot that
fails on every timer tick must not stack up a hundred dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.logsetup import mask_secrets

log = logging.getLogger(__name__)

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ErrorDialog(QDialog):
    """ "Terjadi kesalahan": what the cashier needs to know, and the details for the IT officer."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Terjadi kesalahan"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details
        headline = QLabel(self.tr("Terjadi kesalahan. Transaksi yang sudah tersimpan aman."))
        headline.setObjectName("errorHeadline")
        headline.setWordWrap(True)
        advice = QLabel(
            self.tr(
                "Keranjang yang sedang berjalan tetap ada; lanjutkan seperti biasa. Kalau terulang, "
                "hubungi dukungan TI dan kirimkan detailnya (tombol Salin detail)."
            )
        )
        advice.setWordWrap(True)
        self.detail_view = QPlainTextEdit(details, objectName="errorDetails")
        self.detail_view.setReadOnly(True)
        self.detail_view.setMinimumHeight(140)
        self.copy_button = QPushButton(self.tr("Salin detail"), objectName="errorCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(self.tr("Tutup"), objectName="errorClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(advice)
        layout.addWidget(self.detail_view, 1)
        layout.addLayout(buttons)
        self.resize(620, 360)

    def add_details(self, details: str) -> None:
        self.details += "\n" + details
        self.detail_view.setPlainText(self.details)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Detail disalin"))


class CrashGuard(QObject):
    """Installs the three hooks; `uninstall()` puts the previous ones back (tests, and at exit)."""

    failed = Signal(str)  # the formatted traceback; queued to the GUI thread from any thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        # The dialog's owner: the till's main window once it exists. Never a dialog that may be
        # closed and deleted under it (the payment dialog that raised, say).
        self.main_window: QWidget | None = None
        self._previous: tuple[Any, Any, Any] | None = None
        self.failed.connect(self.show_error, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._previous is not None:
            return
        previous_qt = qInstallMessageHandler(self.on_qt_message)
        self._previous = (sys.excepthook, threading.excepthook, previous_qt)
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception

    def uninstall(self) -> None:
        if self._previous is None:
            return
        sys.excepthook, threading.excepthook, previous_qt = self._previous
        qInstallMessageHandler(previous_qt)  # None puts back Qt's own handler
        self._previous = None

    # --- the hooks (never raise: an error in an error handler would end the app) ------------------
    def on_exception(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal still stops a developer's run
            sys.__excepthook__(kind, error, tb)
            return
        self._report(kind, error, tb, "")

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return  # a thread that exits on purpose, as the default hook ignores it
        name = args.thread.name if args.thread is not None else "?"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f" (thread {name})")

    def on_qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)

    def _report(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None, where: str
    ) -> None:
        try:
            log.error("kesalahan tak terduga%s", where, exc_info=(kind, error, tb))
            # masked like the log: the details are pasted into chats with support
            details = mask_secrets("".join(traceback.format_exception(kind, error, tb)))
            self.failed.emit(details)
        except Exception:  # the log line may be all that is left; the till keeps running
            return

    def show_error(self, details: str) -> None:
        """On the GUI thread: the one dialog, made or added to."""
        if self.dialog is not None:
            self.dialog.add_details(details)
            return
        self.dialog = ErrorDialog(details, self.main_window)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        self.dialog = None
        if self.main_window is not None:
            self.main_window.activateWindow()  # the scan field's window gets the keyboard back
