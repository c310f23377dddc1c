"""The window's shortcuts win over the field that has the focus.

On Linux a line edit claims Ctrl+E (end of line) before any window shortcut sees it,
so Quick encounter did nothing from the search box, where the focus sits most of the
day. This filter answers the claim for every key of an enabled window action: the
field does not get it, the action does.

The filter sits on the focused widget only, following the focus: a ShortcutOverride is
sent to that widget, and a filter on the whole application was called for every event
of every widget (thousands when a client page is built), which took half the time the
page took to open.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowShortcutsFirst(QObject):
    def __init__(self, window: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self._watched: QWidget | None = None
        self._following = False

    def follow_focus(self, app: QApplication) -> None:
        """Watch whichever widget has the focus, from now on."""
        if not self._following:
            self._following = True
            app.focusChanged.connect(self._focus_moved)
        self._focus_moved(None, app.focusWidget())

    def stop(self, app: QApplication) -> None:
        if self._following:
            self._following = False
            app.focusChanged.disconnect(self._focus_moved)
        self._focus_moved(None, None)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new
        if new is not None:
            new.installEventFilter(self)

    def _window_key(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            action.isEnabled() and pressed in action.shortcuts() for action in self.actions.values()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
            and watched.window() is self.window
            and isinstance(event, QKeyEvent)
            and self._window_key(event)
        ):
            event.ignore()  # not claimed by the field: the shortcut map gives it to the action
            return True
        return super().eventFilter(watched, event)
