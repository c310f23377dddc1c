"""The menus of the main window; each action carries its keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop import __version__, dialogs
from desktop.language_choice import choose_language

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _action(
    window: MainWindow,
    text: str,
    keys: str | QKeySequence.StandardKey | None,
    slot: Callable[[], object],
) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _=False: slot())
    window.addAction(action)
    return action


def _file_actions(window: MainWindow) -> dict[str, QAction]:
    return {
        "find": _action(window, _tr("&Find client"), "Ctrl+F", window.find_client),
        "new_client": _action(window, _tr("&New client"), "Ctrl+N", window.new_client),
        "encounter": _action(window, _tr("Quick &encounter"), "Ctrl+E", window.quick_encounter),
        "language": _action(window, _tr("Lan&guage…"), None, lambda: choose_language(window)),
        "lock": _action(window, _tr("&Lock now"), "Ctrl+L", window.lock_now),
        "sign_out": _action(window, _tr("Sign &out"), None, window.sign_out),
        "quit": _action(window, _tr("&Quit"), QKeySequence.StandardKey.Quit, window.close),
    }


def _go_actions(window: MainWindow) -> dict[str, QAction]:
    sections = (
        ("clients", _tr("&Clients")),
        ("worklist", _tr("Follow-ups &due")),
        ("reports", _tr("&Reports")),
        ("users", _tr("&Users")),
        ("settings", _tr("&Settings")),
    )
    return {
        f"go_{key}": _action(window, text, f"Ctrl+{number}", partial(window.go, key))
        for number, (key, text) in enumerate(sections, start=1)
    }


def _help_actions(window: MainWindow) -> dict[str, QAction]:
    from desktop.main_window import show_shortcuts

    about = _tr("Recovery Desk %1\nData entry and reporting for recovery-oriented harm reduction.")
    return {
        "shortcuts": _action(
            window, _tr("&Keyboard shortcuts"), None, lambda: show_shortcuts(window)
        ),
        "about": _action(
            window,
            _tr("&About Recovery Desk"),
            None,
            lambda: dialogs.inform(
                window, _tr("About Recovery Desk"), about.replace("%1", __version__)
            ),
        ),
    }


def build_menus(window: MainWindow) -> dict[str, QAction]:
    a = {**_file_actions(window), **_go_actions(window), **_help_actions(window)}
    menus = (
        # Alt+E, not Alt+F: on a client page Alt+F is the Follow-up button.
        (
            _tr("Fil&e"),
            ("find", "new_client", "encounter", None, "language", "lock", "sign_out", None, "quit"),
        ),
        (_tr("&Go"), ("go_clients", "go_worklist", "go_reports", "go_users", "go_settings")),
        (_tr("&Help"), ("shortcuts", "about")),
    )
    for title, names in menus:
        menu = window.menuBar().addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(a[name])
    return a
