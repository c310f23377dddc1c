"""Locking the window after a while without keyboard or mouse use."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

log = logging.getLogger(__name__)

USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.ShortcutOverride,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once `timeout_ms` pass with no user input anywhere in the application.

    It watches the application's top-level windows (QWindow), which receive every key
    press and mouse move from the window system before handing it to a widget, so it
    restarts the timer on any input without being called for the thousands of events
    widgets send one another (a filter on the application object was, and it took half
    the time a client page took to open). A window is watched from when it first has the
    focus (a dialog opened later included) or from `watch`.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)
        self._watching = False
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(1, timeout_ms))

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def watch(self, app: QGuiApplication) -> None:
        if not self._watching:
            self._watching = True
            app.focusWindowChanged.connect(self._watch_window)
        for window in app.topLevelWindows():
            window.installEventFilter(self)

    def unwatch(self, app: QGuiApplication) -> None:
        if self._watching:
            self._watching = False
            app.focusWindowChanged.disconnect(self._watch_window)
        for window in app.topLevelWindows():
            window.removeEventFilter(self)

    def _watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in USER_INPUT:
            self.timer.start()
        return False

    def _expired(self) -> None:
        log.info("locking after %d ms without input", self.timer.interval())
        self.idle.emit()
