"""Forms a front-desk worker fills every day: the follow-up starts from what the client
said last time (issue 16)."""

from __future__ import annotations

from typing import Any

from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client

INTAKE = {
    "assessed_on": "2026-08-27",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 10,
    "physical_health": 10,
    "quality_of_life": 10,
}


def test_a_follow_up_starts_with_the_substances_of_the_last_interview(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Pre",
        family_name="Filled",
        birth_date="1980-01-01",
        client_code="PF-1",
    )
    substances = [
        {"substance_class": "stimulant", "primary": "no", "criteria": "craving"},
        {"substance_class": "opioid", "primary": "yes", "criteria": "craving;cut_down"},
    ]
    records.add_assessment(
        desk.database, desk.actors["admin"], client_id, INTAKE, substances, TODAY
    )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    page.buttons["follow_up"].click()
    form = desk.window.clients.top
    assert isinstance(form, AssessmentFormView)
    shown = [
        (row["substance_class"].raw(), row["primary"].raw(), row["criteria"].raw())
        for row in form.substances.rows
    ]
    # The classes and the primary one as last time; the criteria are asked afresh.
    assert sorted(shown) == [("opioid", True, []), ("stimulant", False, [])]
    assert not form.is_dirty()  # nothing typed yet: leaving asks nothing
    desk.close_forms()
