"""What a front-desk hour worked with real keystrokes stumbled on (issue 16): Tab caught in
the duplicate list, the worklist losing its list after a call, an attempt's note cut off,
a discharge confirmed before its own checks, a timeline whose chosen row slid out of view."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from sqlalchemy import select

from db.models import Assessment
from desktop.assessment_form import AssessmentFormView
from desktop.client_form import ClientFormView
from desktop.client_notes import ClientNotesPanel
from desktop.client_page import ClientPageView
from desktop.worklist_view import WorklistView
from forms import records
from forms.accounts import SignedIn
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client

RATINGS = {"psych_health": 10, "physical_health": 10, "quality_of_life": 10}
OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]


def _active(qtbot: Any, desk: Desk) -> None:
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _intake(desk: Desk, client_id: int, day: dt.date) -> None:
    raw = {"assessed_on": day, "kind": "intake", "contact_status": "completed", **RATINGS}
    records.add_assessment(desk.database, desk.actors["admin"], client_id, raw, OPIOID, TODAY)


def _person(desk: Desk, given: str, **values: object) -> int:
    return add_client(
        desk.database,
        desk.actors["admin"],
        given_name=given,
        family_name="Hour",
        birth_date="1981-04-04",
        **values,
    )


def test_tab_leaves_the_duplicate_list_for_the_rest_of_the_form(qtbot: Any, desk: Desk) -> None:
    _person(desk, "Jürgen", client_code="HOUR-1")
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    _active(qtbot, desk)
    for key, text in (("given_name", "Jurgen"), ("family_name", "Hour")):
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)
    form.editors["birth_date"].widget.setFocus()
    qtbot.keyClicks(form.editors["birth_date"].widget, "1981-04-04")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _focused() is form.duplicates.table  # the warning has the focus: Enter opens
    # Tab goes on with the form (the phone is still to type), not from cell to cell.
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is form.duplicates.open_button
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is form.editors["sex_at_birth"].focus_widget()
    form.discard()
    desk.close_forms()


@pytest.fixture(scope="module")
def due(desk: Desk) -> dict[str, int]:
    ids = {
        name: _person(
            desk, name, client_code=f"HOUR-{name}", phone="555-0101", consent_contact="yes"
        )
        for name in ("Ama", "Bo")
    }
    for client_id in ids.values():
        _intake(desk, client_id, dt.date(2026, 8, 27))  # the 3-month window is open
    return ids


@pytest.fixture
def worklist(qtbot: Any, desk: Desk, due: dict[str, int]) -> WorklistView:
    desk.sign_in_as("desk")
    desk.window.resize(1200, 800)
    desk.window.go("worklist")
    _active(qtbot, desk)
    return desk.window.worklist


def test_ctrl_2_on_the_worklist_itself_gives_the_list_the_focus_again(
    qtbot: Any, worklist: WorklistView
) -> None:
    worklist.form.editors["note"].widget.setFocus()
    qtbot.keyClick(_focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _focused() is worklist.table  # Down and Enter now do what the footer says


def _log_attempt(qtbot: Any, worklist: WorklistView, note: str) -> None:
    worklist.form.editors["method"].widget.setFocus()
    for keys in (Qt.Key.Key_Down, Qt.Key.Key_Tab, "N", Qt.Key.Key_Tab, note):
        if isinstance(keys, str):
            qtbot.keyClicks(_focused(), keys)
        else:
            qtbot.keyClick(_focused(), keys)
    qtbot.keyClick(_focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_after_a_call_is_logged_down_goes_to_the_next_person_to_call(
    qtbot: Any, desk: Desk, worklist: WorklistView
) -> None:
    worklist.table.selectRow(0)
    first = worklist.selected()
    assert first is not None
    _log_attempt(qtbot, worklist, "no answer, try after 5")
    assert desk.window.confirmation.text().startswith("Contact attempt saved for ")
    assert _focused() is worklist.table
    qtbot.keyClick(_focused(), Qt.Key.Key_Down)
    after = worklist.selected()
    assert after is not None and after.key != first.key


def test_a_long_note_of_an_attempt_reads_in_full_beside_the_list(
    qtbot: Any, worklist: WorklistView
) -> None:
    worklist.table.selectRow(0)
    note = "left a message with her sister, who says she works mornings; call after two"
    editors = worklist.form.editors
    editors["method"].set_value("phone")
    editors["outcome"].set_value("left_message")
    editors["note"].set_value(note)
    editors["note"].widget.setFocus()
    qtbot.keyClick(editors["note"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    log = worklist.attempts
    assert note in log.item(0).text()
    assert log.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    shown = log.visualItemRect(log.item(0))
    assert shown.width() <= log.viewport().width()
    assert shown.height() >= 2 * log.fontMetrics().lineSpacing()  # wrapped onto more lines


def test_a_discharge_is_checked_before_it_asks_for_a_confirmation(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    client_id = _person(desk, "Cass")
    _intake(desk, client_id, dt.date(2026, 6, 1))
    desk.sign_in_as("desk")
    desk.window.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    form = desk.window.clients.new_assessment(page, "discharge")
    assert isinstance(form, AssessmentFormView)
    reason = form.editors["discharge_reason"]
    reason.widget.setFocus()
    qtbot.keyClicks(reason.widget, "Transferred")
    qtbot.keyClick(reason.widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # No "Discharges … Save / Go back" first, only to hear after Save that nothing was saved.
    assert fake_dialogs.texts("ask") == []
    assert form.summary.text().startswith("Nothing was saved. Please correct:")
    assert "Psychological health is required" in form.summary.text()
    for key, value in RATINGS.items():
        form.editors[key].set_value(str(value))
    fake_dialogs.answers = [True]
    qtbot.keyClick(reason.widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [asked] = fake_dialogs.texts("ask")
    assert asked.startswith("Discharges ")
    with desk.database.reading() as session:
        kinds = session.scalars(select(Assessment.kind).where(Assessment.client_id == client_id))
        assert sorted(kinds) == ["discharge", "intake"]
    desk.close_forms()


def _scroll_viewport(page: ClientPageView) -> QWidget:
    [scroll] = [a for a in page.findChildren(QScrollArea) if a.isAncestorOf(page.timeline_table)]
    return scroll.viewport()


def test_the_page_follows_the_chosen_row_of_a_long_timeline(qtbot: Any, desk: Desk) -> None:
    client_id = _person(desk, "Dee")
    _intake(desk, client_id, dt.date(2025, 1, 6))
    for days in range(30):
        day = dt.date(2025, 2, 1) + dt.timedelta(days=7 * days)
        raw = {"occurred_on": day.isoformat(), "naloxone_kits": 1}
        records.add_encounter(desk.database, desk.actors["admin"], client_id, raw, TODAY)
    desk.sign_in_as("desk")
    desk.window.resize(1200, 800)
    desk.window.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    _active(qtbot, desk)
    table, viewport = page.timeline_table, _scroll_viewport(page)
    qtbot.waitUntil(lambda: viewport.height() > 300)  # the page laid out in the window
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(0, 0))
    for _ in range(12):
        qtbot.keyClick(table, Qt.Key.Key_Down)
        row = table.currentIndex().row()
        cell = table.visualRect(table.currentIndex())
        top = table.viewport().mapTo(viewport, cell.topLeft())
        bottom = table.viewport().mapTo(viewport, cell.bottomLeft() + QPoint(0, 1))
        assert top.y() >= 0 and bottom.y() <= viewport.height(), f"row {row} out of view"
    desk.close_forms()


def test_the_lock_screen_says_who_locked_it(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    _active(qtbot, desk)
    window.find_client()
    qtbot.keyClick(_focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.signin
    said = window.signin.explain.text()
    # Locked by hand on leaving the desk, not "after a while without use".
    assert said == (
        "Recovery Desk is locked, to keep client data private. Dee Desk, type your "
        "password to carry on where you left off."
    )
    window.unlocked(SignedIn(desk.actors["desk"], "Dee Desk"))
    window.idle.idle.emit()  # the idle timer's own lock says that it was idle
    assert "locked itself after a while without use" in window.signin.explain.text()
    window.unlocked(SignedIn(desk.actors["desk"], "Dee Desk"))


def test_a_note_just_added_is_seen_listed_on_the_page(qtbot: Any, desk: Desk) -> None:
    client_id = _person(desk, "Eli")
    _intake(desk, client_id, dt.date(2026, 6, 1))  # the status and chart fill the page
    desk.sign_in_as("desk")
    desk.window.resize(1200, 800)
    desk.window.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    _active(qtbot, desk)
    viewport = _scroll_viewport(page)
    qtbot.waitUntil(lambda: viewport.height() > 300)
    qtbot.keyClick(_focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(_focused(), "Wants help with housing; back on Thursday")
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.confirmation.text() == "Note added."
    panel = page.findChild(ClientNotesPanel, "notes_panel")
    assert panel is not None
    table = panel.table
    assert table.item(0, 1).text() == "Wants help with housing; back on Thursday"

    def listed_in_view() -> bool:
        cell = table.visualItemRect(table.item(0, 1))
        bottom = table.viewport().mapTo(viewport, cell.bottomLeft())
        top = table.viewport().mapTo(viewport, cell.topLeft())
        return top.y() >= 0 and bottom.y() <= viewport.height()

    qtbot.waitUntil(listed_in_view)  # the worker sees the note, not only "Note added."
    desk.close_forms()
