"""The running QApplication, typed: Qt's stubs say `instance()` may be None, which it
never is while a window of the program exists."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def running_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the program's QApplication is not running")
    return app
