"""Forms in plain language for keyboard users: the BARC-10 statements printed, the focused
field's help in a panel and on F1, required ratings marked, values checked on leaving."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from sqlalchemy import func, select

from db.models import Assessment, Client
from desktop.assessment_form import AssessmentFormView
from desktop.client_form import ClientFormView
from desktop.client_page import ClientPageView
from tests.desktop.harness import Desk, add_client

# The published wording (Vilsaint et al. 2017), written out here by hand.
FIRST = "1. There are more important things to me in life than using substances."
SIXTH = (
    "6. I regard my life as challenging and fulfilling without the need for using drugs or alcohol."
)
TENTH = "10. I am making good progress on my recovery journey."


@pytest.fixture
def intake(qtbot: Any, desk: Desk) -> AssessmentFormView:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Help",
        family_name="Ful",
        birth_date="1985-05-05",
    )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    form = desk.window.clients.new_assessment(page, "intake")
    assert isinstance(form, AssessmentFormView)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    yield form
    form.discard()
    desk.close_forms()


def test_each_barc10_item_reads_as_its_statement(intake: AssessmentFormView) -> None:
    assert intake.editors["barc10_1"].label.text() == FIRST
    assert intake.editors["barc10_6"].label.text() == SIXTH
    assert intake.editors["barc10_10"].label.text() == TENTH
    scale = intake.findChild(QLabel, "barc10_scale")
    assert scale is not None and scale.text().startswith("1 strongly disagree")
    assert scale.text().endswith("6 strongly agree")


def test_the_three_health_ratings_are_marked_required(intake: AssessmentFormView) -> None:
    shown = [intake.editors[k].label.text() for k in ("psych_health", "physical_health")]
    assert shown == ["Psychological health *", "Physical health *"]
    assert intake.editors["quality_of_life"].label.text() == "Quality of life *"
    assert intake.editors["goal"].label.text() == "Client's goal"


def test_the_focused_fields_help_shows_in_a_panel_and_on_f1(
    qtbot: Any, intake: AssessmentFormView
) -> None:
    met = intake.editors["substances.0.criteria_last_met_on"].widget
    met.setFocus()
    qtbot.waitUntil(lambda: intake.help_panel.isVisible())
    expected = (
        "Criterion last present: When a criterion other than craving was last present. "
        "Empty means the interview date."
    )
    assert intake.help_panel.text() == expected
    qtbot.keyClick(met, Qt.Key.Key_F1)
    assert QToolTip.text() == expected
    barc = intake.editors["barc10_3"].widget
    barc.setFocus()
    qtbot.waitUntil(lambda: "energy" in intake.help_panel.text())
    assert intake.help_panel.text() == (
        "BARC-10 item 3: I have enough energy to complete the tasks I set for myself."
    )


def test_a_value_is_checked_when_the_person_leaves_the_field(
    qtbot: Any, desk: Desk, intake: AssessmentFormView
) -> None:
    rating = intake.editors["psych_health"]
    rating.widget.setFocus()
    qtbot.keyClicks(rating.widget, "25")
    assert not rating.error.isVisible()  # not while typing
    qtbot.keyClick(rating.widget, Qt.Key.Key_Tab)
    assert rating.error.text() == "Psychological health must be between 0 and 20, not 25"
    assert rating.error.isVisible()
    rating.widget.setFocus()
    qtbot.keyClick(rating.widget, Qt.Key.Key_Backspace)
    qtbot.keyClick(rating.widget, Qt.Key.Key_Tab)
    assert not rating.error.isVisible()
    date = intake.editors["assessed_on"]
    date.widget.setFocus()
    date.widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(date.widget, "2026-02-30")
    qtbot.keyClick(date.widget, Qt.Key.Key_Tab)
    assert date.error.text() == "Date of interview is not a date: February 2026 has no day 30"
    # On one line beside the form, not wrapped to the date box's width and cut off.
    needed = date.error.fontMetrics().horizontalAdvance(date.error.text())
    qtbot.waitUntil(lambda: date.error.width() >= needed)
    with desk.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Assessment)) == 0


def test_a_birth_date_that_does_not_exist_is_named_on_leaving(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    form = desk.window.clients.new_client()
    assert isinstance(form, ClientFormView)
    birth = form.editors["birth_date"]
    birth.widget.setFocus()
    qtbot.keyClicks(birth.widget, "1991-02-30")
    qtbot.keyClick(birth.widget, Qt.Key.Key_Tab)
    assert birth.error.text() == "Birth date is not a date: February 1991 has no day 30"
    with desk.database.reading() as session:
        before = session.scalar(select(func.count()).select_from(Client))
    assert before is not None
    form.discard()
    desk.close_forms()
