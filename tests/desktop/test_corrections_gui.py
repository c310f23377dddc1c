"""Correcting the record on screen: a timeline row opens read-only, Edit opens the entry
form pre-filled, Void asks for the reason and strikes the row through, Restore undoes it;
a death asks for confirmation naming the consequence, and sits apart in the event list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import Assessment, Event
from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from desktop.record_view import RecordView
from desktop.small_forms import EventFormView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client

INTAKE = {
    "assessed_on": "2026-10-01",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
}
OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving;larger_longer"}]


def page_of(desk: Desk, code: str) -> tuple[ClientPageView, int]:
    admin = desk.actors["admin"]
    values = {"given_name": "Aoife", "family_name": "Lewis", "birth_date": "1990-01-01"}
    client_id = add_client(desk.database, admin, client_code=code, gender="woman", **values)
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page, client_id


def test_a_timeline_row_reads_back_and_edit_opens_the_form_prefilled(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("manager")
    page, client_id = page_of(desk, "G-1")
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    assert isinstance(view, RecordView)
    shown = view.body.toPlainText()
    assert "Quality of life: 7" in shown
    assert "Craving" in shown and "Entered by admin on " in shown
    view.edit_button.click()
    form = desk.window.clients.top
    assert isinstance(form, AssessmentFormView)
    assert form.editors["quality_of_life"].widget.text() == "7"
    form.editors["quality_of_life"].widget.setText("15")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(desk.window.clients.top, ClientPageView)
    with desk.database.reading() as s:
        stored = s.scalars(select(Assessment).where(Assessment.client_id == client_id)).one()
    assert (stored.quality_of_life, stored.version) == (15, 2)
    desk.window.clients.top.timeline_table.cellActivated.emit(0, 0)
    assert "corrected; Quality of life: 7 → 15" in desk.window.clients.top.body.toPlainText()


def test_a_voided_row_is_struck_through_with_its_reason_and_restored(
    desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("manager")
    page, _client_id = page_of(desk, "G-2")
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    fake_dialogs.answers = [2, "keyed twice"]  # Duplicate, with a note
    view.void_button.click()
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.timeline_table.item(0, 2).text().startswith("VOIDED (Duplicate: keyed twice)")
    assert page.timeline_table.item(0, 2).font().strikeOut()
    assert page.buttons["follow_up"].isEnabled() is False  # the voided intake opens nothing
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    assert view.restore_button.isVisible() and not view.edit_button.isEnabled()
    view.restore_button.click()
    page = desk.window.clients.top
    assert not page.timeline_table.item(0, 2).font().strikeOut()
    assert page.buttons["follow_up"].isEnabled()


def test_a_death_asks_first_naming_the_consequence(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("manager")
    page, client_id = page_of(desk, "G-3")
    page.buttons["event"].click()
    form = desk.window.clients.top
    assert isinstance(form, EventFormView)
    combo = form.editors["event"].widget
    assert combo.itemData(combo.count() - 1) == "death"  # last, after a separator
    assert combo.itemData(combo.count() - 3) != "death"
    combo.setCurrentIndex(combo.findData("death"))
    fake_dialogs.answers = [False]
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs.shown[-1][2] == (
        f"Marks Aoife Lewis as deceased on {TODAY.isoformat()}: she leaves every follow-up list."
    )
    assert desk.window.clients.top is form
    with desk.database.reading() as s:
        assert s.scalars(select(Event).where(Event.client_id == client_id)).all() == []
    fake_dialogs.answers = [True]
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(desk.window.clients.top, ClientPageView)
    with desk.database.reading() as s:
        assert len(s.scalars(select(Event).where(Event.client_id == client_id)).all()) == 1


def test_a_change_saved_meanwhile_elsewhere_shows_both_values(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    from forms import corrections

    desk.sign_in_as("manager")
    page, client_id = page_of(desk, "G-4")
    page.timeline_table.cellActivated.emit(0, 0)
    desk.window.clients.top.edit_button.click()
    form = desk.window.clients.top
    assert isinstance(form, AssessmentFormView)
    other = {**INTAKE, "quality_of_life": 12}  # another workstation saves first
    with desk.database.reading() as s:
        aid = s.scalars(select(Assessment.id).where(Assessment.client_id == client_id)).one()
    corrections.edit_assessment(
        desk.database, desk.actors["admin"], TODAY, aid, 1, other, OPIOID, "elsewhere"
    )
    form.editors["quality_of_life"].widget.setText("3")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kind, title, message = fake_dialogs.shown[-1]
    assert (kind, title) == ("warn", "Changed on another workstation")
    assert "Quality of life: 12 / 3" in message.splitlines()
    assert desk.window.clients.top is form
    with desk.database.reading() as s:
        assert s.get(Assessment, aid).quality_of_life == 12
    form.discard()


def test_a_read_back_shows_the_questions_its_form_asked(qapp: Any) -> None:
    """An intake was never asked why a discharge happened; a discharge was."""
    from desktop.record_view import record_text
    from forms.record_detail import RecordDetail

    void = {"voided_at": None, "voided_by": None, "void_reason": None, "void_note": None}
    entered = dt.datetime(2026, 4, 10, 16, 0, tzinfo=dt.UTC)

    def read_back(kind: str) -> str:
        values = {"assessed_on": dt.date(2026, 4, 10), "kind": kind, "discharge_reason": None}
        detail = RecordDetail("assessment", 1, 1, 1, values, [], "desk", entered, void)
        return record_text(detail)

    assert "Reason for discharge" not in read_back("intake")
    assert "Reason for discharge" not in read_back("follow_up")
    assert "Reason for discharge: —" in read_back("discharge")


def test_a_record_never_changed_says_so_under_its_history(qapp: Any) -> None:
    """Under Xvfb a record never corrected ended with the heading "History of changes"
    and nothing under it, as if the history had not loaded."""
    from desktop.record_view import record_text
    from forms.record_detail import RecordDetail

    void = {"voided_at": None, "voided_by": None, "void_reason": None, "void_note": None}
    entered = dt.datetime(2024, 12, 22, 16, 0, tzinfo=dt.UTC)
    values = {"occurred_on": dt.date(2024, 12, 22), "event_type": "arrest", "count": 1}
    lines = record_text(RecordDetail("event", 1, 1, 1, values, [], None, entered, void))
    assert lines.splitlines()[-2:] == [
        "History of changes",
        "  None: the record is as it was entered.",
    ]


def test_a_read_back_names_each_barc10_item_by_its_statement(qapp: Any) -> None:
    """The form asks each BARC-10 item as its statement; the read-back and the list of
    changes say the same, not 'BARC-10 item 3'."""
    from desktop.record_view import FIELDS, change_line, record_text
    from forms.record_detail import Change, RecordDetail

    void = {"voided_at": None, "voided_by": None, "void_reason": None, "void_note": None}
    entered = dt.datetime(2026, 4, 10, 16, 0, tzinfo=dt.UTC)
    values = {"assessed_on": dt.date(2026, 4, 10), "kind": "follow_up", "barc10_3": 5}
    detail = RecordDetail("assessment", 1, 1, 1, values, [], "desk", entered, void)
    lines = record_text(detail).splitlines()
    statement = "I have enough energy to complete the tasks I set for myself"
    assert f"BARC-10 3. {statement}: 5" in lines
    assert not any(line.startswith("BARC-10 item") for line in lines)
    change = Change(entered, "desk", "Corrected", "typo", (("barc10_3", 4, 5),))
    assert change_line(change, FIELDS["assessment"]).endswith(f"BARC-10 3. {statement}: 4 → 5")
