"""Windows and dialogs that fit the till's screen, from 1024x768 to 1920x1080.

Every top-level window is sized and placed from `screen_area(widget)`, the available geometry of the
screen it opens on (the desktop minus task bars), less `FRAME`: the title bar and borders a window
manager draws around it, which Qt does not know before the window is shown. A dialog whose content
grows (a split payment, a long receiving document) is kept inside the screen while it is open; what
may be long lives in a scroll area (`scrolling`) so a window's minimum size stays small.

Tests simulate a small screen by replacing `screen_area` (tests/ui/test_screen_fit.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What a window manager adds around a window: a title bar of about 30 px and thin borders
# (Windows 10/11, openbox, xfwm). Counted before the window is shown, when Qt cannot know it yet.
FRAME = QMargins(8, 32, 8, 8)


def screen_area(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen `widget` (or its parent window) is on."""
    screen = None
    if widget is not None:
        owner = widget.parentWidget()
        screen = (owner.window() if owner is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def client_area(widget: QWidget | None = None) -> QRect:
    """Where a window's client area can be, its frame included, on the screen it opens on."""
    return screen_area(widget).marginsRemoved(FRAME)


def fitted_size(widget: QWidget, preferred: QSize | None = None) -> QSize:
    """`preferred` (or the widget's own size hint) no larger than the screen allows, and no smaller
    than the widget's minimum (a minimum larger than the screen is a layout bug the tests catch)."""
    wanted = preferred if preferred is not None and preferred.isValid() else widget.sizeHint()
    if widget.testAttribute(Qt.WidgetAttribute.WA_Resized):  # the size the dialog asked for itself
        wanted = wanted.expandedTo(widget.size())
    return wanted.boundedTo(client_area(widget).size()).expandedTo(widget.minimumSizeHint())


def fit_to_screen(widget: QWidget, preferred: QSize | None = None) -> None:
    """Size `widget` (a top-level window) to fit the screen and place it inside: centred over its
    parent window if it has one, else on the screen; then keep it inside while it is open."""
    widget.resize(fitted_size(widget, preferred))
    owner = widget.parentWidget()
    centre = owner.window().geometry().center() if owner is not None else screen_area(widget).center()
    rect = QRect(QPoint(0, 0), widget.size())
    rect.moveCenter(centre)
    widget.move(inside(rect, client_area(widget)).topLeft() - QPoint(FRAME.left(), FRAME.top()))
    if widget.findChild(_ScreenKeeper) is None:
        widget.installEventFilter(_ScreenKeeper(widget))


def inside(rect: QRect, area: QRect) -> QRect:
    """`rect` moved (and if need be shrunk) so that it lies inside `area`."""
    moved = QRect(rect)
    moved.setWidth(min(moved.width(), area.width()))
    moved.setHeight(min(moved.height(), area.height()))
    moved.moveLeft(max(area.left(), min(moved.left(), area.right() - moved.width() + 1)))
    moved.moveTop(max(area.top(), min(moved.top(), area.bottom() - moved.height() + 1)))
    return moved


class _ScreenKeeper(QObject):
    """A fitted window that grows while open (a layout asking for more room) is resized back to fit
    and moved up or left so that its buttons stay on the screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget) and _floating(watched):
            rect = watched.geometry()
            fitted = inside(rect, client_area(watched))
            if fitted.size() != rect.size() and fitted.size() == fitted.size().expandedTo(
                watched.minimumSizeHint()
            ):
                watched.resize(fitted.size())
            if fitted.topLeft() != rect.topLeft():
                watched.move(fitted.topLeft() - (rect.topLeft() - watched.pos()))
        return False


def _floating(widget: QWidget) -> bool:
    """A shown window the window manager does not size itself (not maximized, not full screen)."""
    return widget.isWindow() and widget.isVisible() and not (widget.isMaximized() or widget.isFullScreen())


def scrolling(content: QWidget, *, horizontal: bool = False) -> QScrollArea:
    """`content` in a frameless scroll area that gives it the whole width (and scrolls sideways only
    when `horizontal`): long forms and documents scroll instead of pushing the window off screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area
