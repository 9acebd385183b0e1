"""Where a scan goes: to the scan target of the window the cashier or manager is looking at.

A window or dialog that takes scans has `on_scan(code)` (a `ScanTarget`): the till's window (its
cart, only while the checkout page is shown), the back office (its current tab: receiving adds the
line, stock opname counts the item, the product form takes the barcode or picks the product for its
labels), the F2 search (the product goes into the cart), the refund and buyer dialogs. The active
modal dialog comes first, then the active window. A window without a target (payment, PIN) takes no
scan and the till beeps: a scan never lands in a window the user is not looking at, such as the
cart behind the back office.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QApplication, QWidget


@runtime_checkable
class ScanTarget(Protocol):
    def on_scan(self, code: str) -> None: ...


def scan_target(typed_into: QWidget | None = None) -> ScanTarget | None:
    """The target of the dialog or window that has the keyboard (or, when Qt names no active window,
    of the window the burst was typed into), or None when it takes no scans."""
    window: QWidget | None = QApplication.activeModalWidget() or QApplication.activeWindow()
    if window is None and typed_into is not None:
        window = typed_into.window()
    return window if isinstance(window, ScanTarget) else None


def route_scan(code: str, typed_into: QWidget | None = None) -> bool:
    """Give `code` to the active window's scan target; False (and a beep) when there is none."""
    target = scan_target(typed_into)
    if target is None:
        QApplication.beep()
        return False
    target.on_scan(code)
    return True
