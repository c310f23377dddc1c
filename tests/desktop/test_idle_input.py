"""The idle lock waits while the person types or moves the mouse, the way the window
system delivers them: to the program's window first, then to the widget under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.harness import PASSWORD, Desk


def _unlock(qtbot: Any, desk: Desk) -> None:
    window = desk.window
    window.signin.password.setText(PASSWORD)
    qtbot.keyClick(window.signin.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.workspace


def test_typing_and_moving_the_mouse_put_the_lock_off_until_they_stop(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    handle = window.windowHandle()
    assert handle is not None
    window.idle.set_timeout(400)
    window.idle.start()
    try:
        for step in range(8):  # 1.2 s of work, three times the idle time
            qtbot.wait(150)
            if step % 2:
                QTest.keyClick(handle, Qt.Key.Key_Shift)
            else:
                QTest.mouseMove(handle, QPoint(200 + step, 300))
        assert window.pages.currentWidget() is window.workspace
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin, timeout=3000)
    finally:
        window.idle.set_timeout(60 * 60 * 1000)
    _unlock(qtbot, desk)
