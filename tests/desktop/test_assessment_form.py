"""Intake, follow-up and discharge forms: the keyboard alone, sections that apply, errors."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from sqlalchemy import func, select

from db.models import Assessment, SubstanceRecord
from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client

# The paper form's order from the interview date to the use days of the first substance.
CRITERIA = (
    "larger_longer",
    "cut_down",
    "time_spent",
    "craving",
    "role_failure",
    "social_problems",
    "activities_given_up",
    "hazardous_use",
    "physical_psych_problems",
    "tolerance",
    "withdrawal",
)
TAB_ORDER = (
    "assessed_on",
    "kind",
    "contact_status",
    "last_use_on",
    "injecting_days_28",
    "shared_equipment",
    "offending_days_28",
    "work_days_28",
    "housing_problem",
    "psych_health",
    "physical_health",
    "quality_of_life",
    "medication",
    "controlled_environment",
    *(f"barc10_{i}" for i in range(1, 11)),
    "goal",
    "self_identified_recovery",
    "prior_recovery_attempts",
    "substances.0.substance_class",
    "substances.0.primary",
    *(f"substances.0.criteria.{c}" for c in CRITERIA),
    "substances.0.criteria_last_met_on",
    "substances.0.use_days_28",
    "add_substance",
    "save",
)
TYPED = {
    "assessed_on": "2026-11-20",
    "last_use_on": "2026-11-19",
    "injecting_days_28": "0",
    "shared_equipment": "N",
    "offending_days_28": "0",
    "work_days_28": "3",
    "housing_problem": "Y",
    "psych_health": "8",
    "physical_health": "9",
    "quality_of_life": "7",
    "goal": "R",
    "prior_recovery_attempts": "1",
    "substances.0.substance_class": "O",
    "substances.0.use_days_28": "20",
}
TICKED = {f"substances.0.criteria.{c}" for c in CRITERIA[:6]}


def focused(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget() or window.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def page(desk: Desk) -> ClientPageView:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Kwame",
        family_name="Mensah",
        birth_date="1980-02-02",
    )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def test_an_intake_typed_with_the_keyboard_alone_is_saved_and_shows_the_status(
    qtbot: Any, desk: Desk, page: ClientPageView
) -> None:
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not page.buttons["follow_up"].isEnabled()
    page.status_table.setFocus()
    qtbot.keyClick(focused(window), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.clients.top, AssessmentFormView))  # animated click
    form = window.clients.top
    assert isinstance(form, AssessmentFormView)
    for key in TAB_ORDER:
        widget = focused(window)
        assert widget.objectName() == key
        if key in TYPED:
            if isinstance(widget, QLineEdit):  # the date is filled in already
                qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(widget, TYPED[key])
        if key in TICKED:
            qtbot.keyClick(widget, Qt.Key.Key_Space)
        if key != "save":
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.clients.top is page, form.summary.text()
    with desk.database.reading() as session:
        saved = session.scalar(select(Assessment).where(Assessment.client_id == page.client_id))
        assert saved is not None and saved.kind == "intake" and saved.goal == "reduction"
        assert saved.housing_problem is True and saved.shared_equipment is False
        record = session.scalar(
            select(SubstanceRecord).where(SubstanceRecord.assessment_id == saved.id)
        )
        assert record is not None and record.primary and record.substance_class == "opioid"
        assert record.criteria == ";".join(CRITERIA[:6])
    assert page.status_table.item(0, 0).text() == "Opioid (primary)"
    assert page.status_table.item(0, 1).text() == "severe, active"
    assert "Intake saved." in window.confirmation.text()
    assert page.buttons["follow_up"].isEnabled()
    assert page.followup_table.item(0, 1).text() == "3 months"


def test_sections_show_only_when_they_apply(qtbot: Any, desk: Desk, page: ClientPageView) -> None:
    qtbot.mouseClick(page.buttons["intake"], Qt.MouseButton.LeftButton)
    form = desk.window.clients.top
    assert isinstance(form, AssessmentFormView)
    prescribed = form.editors["medication_as_prescribed"]
    assert form.editors["prior_recovery_attempts"].is_shown()
    assert not prescribed.is_shown()
    form.editors["medication"].set_value("methadone")
    form.editors["medication"].changed.emit()
    assert prescribed.is_shown()
    form.editors["contact_status"].set_value("not_located")
    form.editors["contact_status"].changed.emit()
    assert not form.substances.isVisibleTo(form)
    assert not form.answer_boxes[0].isVisibleTo(form)
    form.discard()


def test_a_not_completed_follow_up_needs_no_answers_and_a_bad_date_saves_nothing(
    qtbot: Any, desk: Desk, page: ClientPageView
) -> None:
    form = desk.window.clients.new_assessment(page, "intake")
    assert isinstance(form, AssessmentFormView)
    form.editors["contact_status"].set_value("refused")
    form.editors["contact_status"].changed.emit()
    date = form.editors["assessed_on"].widget
    date.clear()
    qtbot.keyClicks(date, "2026-13-01")
    qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.editors["assessed_on"].error.text().startswith("Date of interview is not a date")
    with desk.database.reading() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Assessment)
                .where(Assessment.client_id == page.client_id)
            )
            == 0
        )
    date.clear()
    qtbot.keyClicks(date, "2026-11-01")
    qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is page
    assert page.timeline_table.item(0, 2).text() == "Refused"


def test_substance_errors_land_on_their_own_row(
    qtbot: Any, desk: Desk, page: ClientPageView
) -> None:
    form = desk.window.clients.new_assessment(page, "intake")
    assert isinstance(form, AssessmentFormView)
    for key, value in (
        ("psych_health", "5"),
        ("physical_health", "5"),
        ("quality_of_life", "5"),
        ("medication", "methadone"),
        ("medication_as_prescribed", "yes"),
    ):
        form.editors[key].set_value(value)
    form.editors["medication"].changed.emit()
    form.substances.add_row()
    form.substances.add_row()
    second = form.substances.rows[2]
    second["substance_class"].set_value("opioid")
    second["criteria"].set_value("withdrawal;craving")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "does not count while methadone" in second["criteria"].error.text()
    assert not form.substances.rows[0]["criteria"].error.isVisible()
    form.discard()


def test_after_a_discharge_only_a_new_intake_is_offered(desk: Desk) -> None:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Dis",
        family_name="Charged",
        birth_date="1970-01-01",
    )
    for day, kind in (("2026-01-05", "intake"), ("2026-06-01", "discharge")):
        records.add_assessment(
            desk.database,
            desk.actors["admin"],
            client_id,
            {"assessed_on": day, "kind": kind, "contact_status": "not_located"},
            [],
            TODAY,
        )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert not page.buttons["follow_up"].isEnabled()
    assert "closed by a discharge" in page.buttons["discharge"].toolTip()
    assert page.buttons["intake"].isEnabled()
