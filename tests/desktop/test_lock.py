"""The idle lock: nothing behind it is reachable without the password, it shows no client
data, and unsaved work is still there after unlocking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from sqlalchemy import func, select

from db.models import Event
from desktop.client_page import ClientPageView
from desktop.small_forms import EventFormView
from tests.desktop.harness import PASSWORD, Desk, add_client

GIVEN, FAMILY = "Aoife", "Lewis"


def texts_on_screen(window: QWidget) -> list[str]:
    """Every text a person could read in the window: title, labels, fields, buttons, menus."""
    found = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
    return found


def other_windows(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w is not window
        and w.isVisible()
        and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
    ]


def events(desk: Desk) -> int:
    with desk.database.reading() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


@pytest.fixture
def event_form(qtbot: Any, desk: Desk) -> Iterator[EventFormView]:
    """An event form for Aoife Lewis with a count typed but not saved, as the issue found it."""
    desk.sign_in_as("desk")
    window = desk.window
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name=GIVEN,
        family_name=FAMILY,
        birth_date="1988-02-03",
    )
    assert window.clients.open_client(client_id)
    page = window.clients.top
    assert isinstance(page, ClientPageView)
    form = window.clients.new_event(page)
    assert isinstance(form, EventFormView) and FAMILY in form.title
    count = form.editors["count"].widget
    count.setFocus()
    count.selectAll()
    qtbot.keyClicks(count, "7")
    assert form.is_dirty()
    yield form
    if window.locked:
        unlock(qtbot, desk)
    desk.close_forms()


def unlock(qtbot: Any, desk: Desk, password: str = PASSWORD) -> None:
    view = desk.window.signin
    view.password.setFocus()
    qtbot.keyClicks(view.password, password)
    qtbot.keyClick(view.password, Qt.Key.Key_Return)


def test_sign_out_then_keep_editing_stays_locked_and_names_nobody(
    qtbot: Any, desk: Desk, event_form: EventFormView, fake_dialogs: Any
) -> None:
    window = desk.window
    window.lock()
    fake_dialogs.answers = [False]  # "Stay locked"
    qtbot.mouseClick(window.signin.other_button, Qt.MouseButton.LeftButton)
    question = fake_dialogs.texts("ask")[0]
    assert "1 open form" in question
    assert FAMILY not in question and GIVEN not in question
    assert window.pages.currentWidget() is window.signin
    assert not window.workspace.isVisible()
    assert window.ctx.actor is not None and window.clients.top is event_form


def test_signing_out_from_the_lock_discards_only_after_the_nameless_question(
    qtbot: Any, desk: Desk, event_form: EventFormView, fake_dialogs: Any
) -> None:
    window = desk.window
    window.lock()
    fake_dialogs.answers = [True]  # "Sign out and discard"
    qtbot.mouseClick(window.signin.other_button, Qt.MouseButton.LeftButton)
    assert window.ctx.actor is None and window.signin.mode == "sign_in"
    assert not window.locked
    assert window.clients.top is window.clients.search
    assert all(FAMILY not in text for _, _, text in fake_dialogs.shown)
    desk.sign_in_as("desk")


def test_shortcuts_and_menus_reach_nothing_while_locked(
    qtbot: Any, desk: Desk, event_form: EventFormView
) -> None:
    window = desk.window
    before = events(desk)
    window.lock()
    enabled = sorted(n for n, a in window.actions_by_name.items() if a.isEnabled())
    assert enabled == ["quit"]
    assert not window.nav.isEnabled() and not window.workspace.isVisible()
    target = QApplication.focusWidget() or window
    assert not window.workspace.isAncestorOf(target)
    for key in (Qt.Key.Key_S, Qt.Key.Key_N, Qt.Key.Key_E, Qt.Key.Key_F, Qt.Key.Key_1):
        qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    for action in window.actions_by_name.values():
        if action.isEnabled() and action is not window.actions_by_name["quit"]:
            action.trigger()
    assert window.pages.currentWidget() is window.signin
    assert window.clients.top is event_form and event_form.is_dirty()
    assert events(desk) == before
    assert other_windows(window) == []


def test_the_lock_screen_and_the_title_show_no_client_data(
    qtbot: Any, desk: Desk, event_form: EventFormView
) -> None:
    window = desk.window
    window.lock()
    shown = " ".join(texts_on_screen(window))
    assert "Locked" in shown and "Dee Desk" in shown
    assert FAMILY not in shown and GIVEN not in shown
    assert FAMILY not in window.windowTitle()


def test_unlocking_restores_the_form_with_what_was_typed(
    qtbot: Any, desk: Desk, event_form: EventFormView
) -> None:
    window = desk.window
    window.lock()
    unlock(qtbot, desk, "not my password!")
    assert window.pages.currentWidget() is window.signin
    assert window.signin.error.text() == "Wrong user name or password."
    unlock(qtbot, desk)
    assert "wait 1 s" in window.signin.error.text()  # too soon after a wrong password
    assert window.pages.currentWidget() is window.signin
    desk.clock.advance(2)
    unlock(qtbot, desk)
    assert window.pages.currentWidget() is window.workspace and not window.locked
    assert window.clients.top is event_form
    assert event_form.editors["count"].raw() == "7"
    assert window.actions_by_name["new_client"].isEnabled()


def test_a_question_open_when_the_lock_comes_is_closed_unanswered(
    qtbot: Any, desk: Desk, event_form: EventFormView
) -> None:
    """The bypass the drills found: the unsaved-work question, naming the client, stayed
    over the lock screen, and "Keep editing" went back to the work."""
    window = desk.window
    box = QMessageBox(QMessageBox.Icon.Question, "Discard?", event_form.title, parent=window)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    QTimer.singleShot(0, window.lock)
    box.exec()
    assert box.clickedButton() is not keep and not box.isVisible()
    assert window.locked and window.pages.currentWidget() is window.signin
    assert not window.workspace.isVisible()
    assert QApplication.activeModalWidget() is None  # nothing left blocking the lock screen


def test_no_other_window_shows_while_locked_and_windows_show_again_after(
    qtbot: Any, desk: Desk, event_form: EventFormView
) -> None:
    window = desk.window
    window.lock()
    box = QMessageBox(QMessageBox.Icon.Warning, "Saved", f"{FAMILY}, {GIVEN}", parent=window)
    box.exec()  # returns at once: nothing can be shown over the lock
    assert not box.isVisible() and other_windows(window) == []
    unlock(qtbot, desk)
    after = QMessageBox(QMessageBox.Icon.Information, "Hello", "Hello", parent=window)
    after.show()
    assert after.isVisible()
    after.close()


def test_quitting_while_locked_asks_without_names_and_can_stay_locked(
    qtbot: Any, desk: Desk, event_form: EventFormView, fake_dialogs: Any
) -> None:
    window = desk.window
    window.lock()
    fake_dialogs.answers = [False]
    assert not window.close()
    question = fake_dialogs.texts("ask")[0]
    assert "1 open form" in question and FAMILY not in question
    assert window.locked and window.clients.top is event_form


def test_idle_time_locks_over_the_form(qtbot: Any, desk: Desk, event_form: EventFormView) -> None:
    window = desk.window
    window.idle.set_timeout(50)
    window.idle.start()
    try:
        qtbot.waitUntil(lambda: window.locked, timeout=2000)
    finally:
        window.idle.set_timeout(60 * 60 * 1000)
    assert window.pages.currentWidget() is window.signin and not window.workspace.isVisible()


def test_what_a_job_has_to_say_waits_for_the_unlock(
    qtbot: Any, desk: Desk, fake_dialogs: Any
) -> None:
    desk.sign_in_as("manager")
    window = desk.window
    key = next(iter(window.reports.jobs))
    window.lock()
    window.reports.runner.failed.emit(key, "the disk is full")
    assert fake_dialogs.shown == [] and other_windows(window) == []
    unlock(qtbot, desk, PASSWORD)
    assert fake_dialogs.texts("warn") == ["the disk is full"]
