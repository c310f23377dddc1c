"""The window's shortcuts win over the field that has the focus.

On Linux a line edit claims Ctrl+E (end of line) before any window shortcut sees it,
so Quick encounter did nothing from the search box, where the focus sits most of the
day. This filter answers the claim for every key of an enabled window action: the
field does not get it, the action does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget


class WindowShortcutsFirst(QObject):
    def __init__(self, window: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions

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
