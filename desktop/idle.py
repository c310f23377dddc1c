"""Locking the window after a while without keyboard or mouse use."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

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

    Installed as an event filter on the application object, it sees every
    key press and mouse move before any widget does and restarts the timer.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(max(1, timeout_ms))

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in USER_INPUT:
            self.timer.start()
        return False

    def _expired(self) -> None:
        log.info("locking after %d ms without input", self.timer.interval())
        self.idle.emit()
