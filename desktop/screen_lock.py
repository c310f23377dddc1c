"""While the window is locked, no other window of the program is on screen.

A question that was open when the lock came (say, "… has changes that are not
saved", naming the client) is closed unanswered: its caller gets the answer
of Esc, which never discards anything. A window that tries to appear while
locked is kept off the screen and closed the same way; a progress window is
only hidden, and shown again after the unlock. Together with the lock screen
covering the work in the main window, nothing of the work can be seen or
reached without the password.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop.qt_application import running_application

log = logging.getLogger(__name__)

# Windows and dialogs; menus, tooltips and pop-up lists are parts of a window.
COVERED_TYPES = (
    Qt.WindowType.Window,
    Qt.WindowType.Dialog,
    Qt.WindowType.Sheet,
    Qt.WindowType.Drawer,
    Qt.WindowType.Tool,
)
# Polish comes before a new window is first put on screen: marking it then keeps it off.
_SHOWING = (QEvent.Type.Polish, QEvent.Type.Show)


class LockGuard(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.engaged = False
        self._allowed = 0
        self._hidden: list[QWidget] = []

    def engage(self) -> None:
        """Close or hide every other window, and keep new ones off the screen."""
        self.engaged = True
        running_application().installEventFilter(self)
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and self._covers(widget):
                self._put_away(widget, on_screen=True)

    def release(self) -> None:
        self.engaged = False
        running_application().removeEventFilter(self)
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if shiboken6.isValid(widget):
                widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
                widget.show()

    @contextmanager
    def allowing(self) -> Iterator[None]:
        """The lock screen's own questions (signing out, quitting) may show."""
        self._allowed += 1
        try:
            yield
        finally:
            self._allowed -= 1

    def _covers(self, widget: QWidget) -> bool:
        return (
            widget is not self.window
            and not self._allowed
            and widget.isWindow()
            and widget.windowType() in COVERED_TYPES
        )

    def _put_away(self, widget: QWidget, on_screen: bool) -> None:
        log.info("%s closed by the lock", type(widget).__name__)
        if isinstance(widget, QProgressDialog) and widget not in self._hidden:
            self._hidden.append(widget)
        if not on_screen:
            # Marked before it is first shown, it never reaches the screen. (On a window
            # already shown the mark would leave Qt thinking it still blocks the others.)
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        # Hiding a dialog ends its exec() unanswered; it may not happen inside its own show.
        QTimer.singleShot(0, lambda: _hide(widget))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.engaged
            and event.type() in _SHOWING
            and isinstance(watched, QWidget)
            and self._covers(watched)
        ):
            self._put_away(watched, on_screen=event.type() == QEvent.Type.Show)
        return False


def _hide(widget: QWidget) -> None:
    if shiboken6.isValid(widget):
        widget.hide()
