"""The discharge form asks why the episode closes; "Died" is recorded as a death."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import Assessment
from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client


def _open_episode(desk: Desk, given: str) -> ClientPageView:
    desk.sign_in_as("desk")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name=given, family_name="Walsh", birth_date="1975-03-03"
    )
    intake = {"assessed_on": "2026-01-05", "kind": "intake", "contact_status": "refused"}
    records.add_assessment(desk.database, admin, client_id, intake, [], TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def _discharge_form(qtbot: Any, desk: Desk, page: ClientPageView) -> AssessmentFormView:
    qtbot.keyClick(page.status_table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(desk.window.clients.top, AssessmentFormView))
    form = desk.window.clients.top
    assert isinstance(form, AssessmentFormView)
    return form


def _stored(desk: Desk, client_id: int) -> list[tuple[Any, ...]]:
    with desk.database.reading() as session:
        rows = session.execute(
            select(
                Assessment.contact_status, Assessment.discharge_reason, Assessment.discharge_note
            ).where(Assessment.client_id == client_id, Assessment.kind == "discharge")
        )
        return [tuple(r) for r in rows]


def test_a_discharge_asks_why_and_the_timeline_says_it(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    page = _open_episode(desk, "Nora")
    form = _discharge_form(qtbot, desk, page)
    reason = form.editors["discharge_reason"]
    assert reason.is_shown() and form.discharge_box.isVisibleTo(form)
    assert reason.label.text() == "Reason for discharge *"
    assert reason.widget.currentIndex() == -1 and reason.widget.placeholderText() == "Choose…"
    form.editors["contact_status"].set_value("not_located")
    form.editors["contact_status"].changed.emit()
    qtbot.keyClick(
        form.editors["assessed_on"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert reason.error.text() == "Reason for discharge is required"
    assert fake_dialogs.texts("ask") == []  # refused before "Discharges Nora Walsh on …"
    assert _stored(desk, page.client_id) == []
    reason.widget.setFocus()
    qtbot.keyClicks(reason.widget, "Left")
    assert reason.raw() == "left"
    qtbot.keyClicks(form.editors["discharge_note"].widget, "Moved away, may call back")
    fake_dialogs.answers = [True]
    qtbot.keyClick(reason.widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is page, form.summary.text()
    assert _stored(desk, page.client_id) == [("not_located", "left", "Moved away, may call back")]
    row = page.timeline_table.item(0, 2).text()
    assert row == "Reason: Left the programme (Moved away, may call back) — Not located"


def test_a_follow_up_form_does_not_ask_for_a_discharge_reason(qtbot: Any, desk: Desk) -> None:
    page = _open_episode(desk, "Orla")
    form = desk.window.clients.new_assessment(page, "follow_up")
    assert isinstance(form, AssessmentFormView)
    assert not form.discharge_box.isVisibleTo(form)
    assert "discharge_reason" not in form.raw_values()
    form.discard()


@pytest.mark.parametrize("confirm", [False, True])
def test_died_sets_the_contact_to_deceased_and_asks_the_death_confirmation(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, confirm: bool
) -> None:
    page = _open_episode(desk, f"Pat{int(confirm)}")
    form = _discharge_form(qtbot, desk, page)
    reason = form.editors["discharge_reason"]
    reason.widget.setFocus()
    qtbot.keyClicks(reason.widget, "Died")
    assert reason.raw() == "died"
    assert form.editors["contact_status"].raw() == "deceased"
    assert form.death_hint.isVisibleTo(form)
    assert not form.substances.isVisibleTo(form)
    fake_dialogs.answers = [confirm]
    qtbot.keyClick(reason.widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    asked = fake_dialogs.texts("ask")
    assert any("as deceased on" in text and "every follow-up list" in text for text in asked)
    if confirm:
        assert _stored(desk, page.client_id) == [("deceased", "died", None)]
        assert desk.window.clients.top is page
    else:
        assert _stored(desk, page.client_id) == []
        assert desk.window.clients.top is form
        form.discard()


def test_a_reason_that_contradicts_the_contact_is_named_on_one_line(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    page = _open_episode(desk, "Quin")
    form = _discharge_form(qtbot, desk, page)
    form.editors["contact_status"].set_value("deceased")
    form.editors["discharge_reason"].set_value("left")
    form.save()  # the form's checks first: no death confirmation for a refused discharge
    assert fake_dialogs.texts("ask") == []
    error = form.editors["discharge_reason"].error
    assert error.text() == "The contact says the client died: the reason for discharge is “Died”"
    # Beside the form's width, not wrapped to the drop-down's and cut off.
    needed = error.fontMetrics().horizontalAdvance(error.text())
    qtbot.waitUntil(lambda: error.width() >= needed)
    assert _stored(desk, page.client_id) == []
    form.discard()


def test_the_discharge_confirmation_tells_the_truth_about_follow_ups(qapp: Any) -> None:
    # tests/forms/test_discharge.py shows the points stay on the worklist after a discharge
    from desktop.record_guards import Person, assessment_consequence

    raw = {"kind": "discharge", "assessed_on": "2026-02-01", "contact_status": "not_located"}
    said = assessment_consequence(raw, Person("Eva Sol"))
    expected = "Discharges Eva Sol on 2026-02-01: the episode closes; "
    assert said == expected + "its follow-up interviews stay due."
