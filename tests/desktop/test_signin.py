"""Signing in, the first administrator, and the idle lock that hides client data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from db import audit
from db.startup import open_database
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.workers import InlinePool
from tests.conftest import TODAY
from tests.desktop.harness import PASSWORD, Desk


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def test_the_first_start_creates_the_administrator(qtbot: Any, tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "new.sqlite3"))
    window = MainWindow(AppContext(database, today=lambda: TODAY, pool=InlinePool()))
    qtbot.addWidget(window)
    window.start()
    view = window.signin
    assert view.display_name.isVisibleTo(window) and view.password_again.isVisibleTo(window)
    for edit, text in (
        (view.username, "boss"),
        (view.display_name, "Bo Boss"),
        (view.password, "short"),
        (view.password_again, "short"),
    ):
        type_into(qtbot, edit, text)
    qtbot.keyClick(view.password_again, Qt.Key.Key_Return)
    assert "at least 15 characters" in view.error.text()
    assert window.pages.currentWidget() is view
    for edit in (view.password, view.password_again):
        type_into(qtbot, edit, PASSWORD)
    qtbot.keyClick(view.password_again, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.workspace
    assert "Bo Boss (Admin)" in window.user_label.text()
    with database.reading() as session:
        assert [e.action for e in audit.entries(session, "user")] == ["sign_in", "create"]
    window.ctx.actor = None
    database.dispose()


def test_a_wrong_password_is_refused_and_the_right_one_signs_in(qtbot: Any, desk: Desk) -> None:
    window = desk.window
    if window.ctx.actor is not None:
        window.sign_out()
    view = window.signin
    assert not view.display_name.isVisibleTo(window)
    type_into(qtbot, view.username, "desk")
    type_into(qtbot, view.password, "not the password")
    qtbot.keyClick(view.password, Qt.Key.Key_Return)
    assert view.error.text() == "Wrong user name or password."
    assert window.pages.currentWidget() is view and view.password.text() == ""
    desk.clock.advance(2)  # past the wait after a failure
    type_into(qtbot, view.password, PASSWORD)
    qtbot.keyClick(view.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.workspace
    assert "Dee Desk (Front desk)" in window.user_label.text()
    assert "Users" not in [window.nav.item(i).text() for i in range(window.nav.count())]


def test_idle_time_locks_the_window_and_keeps_the_work_underneath(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    form = window.clients.new_client()
    type_into(qtbot, form.editors["given_name"].widget, "Half typed")
    window.idle.set_timeout(50)
    window.idle.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin, timeout=2000)
    assert not window.workspace.isVisible()
    assert "Dee Desk" in window.signin.explain.text()
    assert not window.actions_by_name["new_client"].isEnabled()
    type_into(qtbot, window.signin.password, "wrong guess!")
    qtbot.keyClick(window.signin.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.signin
    desk.clock.advance(2)  # past the wait after a failure
    type_into(qtbot, window.signin.password, PASSWORD)
    qtbot.keyClick(window.signin.password, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.workspace
    assert window.clients.top is form
    assert form.editors["given_name"].widget.text() == "Half typed"
    window.idle.set_timeout(60 * 60 * 1000)
    form.discard()
    window.clients.back_to_root()


def test_signing_out_with_unsaved_work_asks_first(
    qtbot: Any, desk: Desk, fake_dialogs: Any
) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    form = window.clients.new_client()
    type_into(qtbot, form.editors["family_name"].widget, "Unsaved")
    fake_dialogs.answers = [False]
    assert not window.sign_out()
    assert window.clients.top is form and window.ctx.actor is not None
    assert "has changes that are not saved" in fake_dialogs.texts("ask")[0]
    fake_dialogs.answers = [True]
    assert window.sign_out()
    assert window.pages.currentWidget() is window.signin
