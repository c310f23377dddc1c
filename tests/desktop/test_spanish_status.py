"""The client page in Spanish: the rules' status and reason, and the page's dates in the
Spanish form, while the rules' sentences stay English wherever they are not shown and the
stored dates stay ISO, with the repository's catalogue."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from db.models import Assessment
from desktop.client_page import ClientPageView
from desktop.translate import message, shown_date, shown_number
from forms import records
from forms.validation import ValidationFailed
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client


@pytest.fixture(scope="module")
def desk(spanish: None, desk: Desk) -> Desk:
    return desk


INTAKE = {
    "assessed_on": "2026-10-01",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
}


def test_the_status_and_its_reason_read_in_spanish_with_spanish_dates(desk: Desk) -> None:
    desk.sign_in_as("admin")
    admin = desk.actors["admin"]
    values = {"given_name": "Lucía", "family_name": "Ramos", "birth_date": "1980-02-03"}
    client_id = add_client(desk.database, admin, **values)
    intake = INTAKE
    opioid = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving;cut_down"}]
    records.add_assessment(desk.database, admin, client_id, intake, opioid, TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)

    assert page.status_box.title() == "Estado al 27/11/2026"
    assert page.status_table.item(0, 0).text() == "Opioides (principal)"
    assert page.status_table.item(0, 1).text() == "leve, activo"
    assert page.reason.text() == (
        "Por qué, para Opioides (principal): activo, leve: los criterios completos se"
        " cumplieron por última vez con criterios hasta el 1/10/2026, menos de 3 meses"
        " antes de la evaluación del 1/10/2026"
    )
    assert "Nacido el 3/2/1980" in page.identity.text()
    assert page.timeline_table.item(0, 0).text() == "1/10/2026"
    # Off the screen the sentence is the English one, and the stored date is ISO.
    assert str(page.page.statuses[0].reason).startswith("active, mild: full criteria")
    with desk.database.reading() as session:
        stored = session.query(Assessment).filter_by(client_id=client_id).one()
        assert stored.assessed_on == dt.date(2026, 10, 1)


def test_an_episode_refusal_reaches_the_person_in_spanish(desk: Desk) -> None:
    admin = desk.actors["admin"]
    values = {"given_name": "Ana", "family_name": "Soto", "birth_date": "1975-05-06"}
    client_id = add_client(desk.database, admin, **values)
    opioid = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]
    records.add_assessment(desk.database, admin, client_id, INTAKE, opioid, TODAY)
    discharge = {**INTAKE, "assessed_on": "2026-10-10", "kind": "discharge"}
    records.add_assessment(desk.database, admin, client_id, discharge, opioid, TODAY)
    follow_up = {**INTAKE, "assessed_on": "2026-11-01", "kind": "follow_up"}
    with pytest.raises(ValidationFailed) as refused:
        records.add_assessment(desk.database, admin, client_id, follow_up, opioid, TODAY)
    assert str(refused.value) == (
        "The episode was closed by a discharge on 2026-10-10; record a new intake"
    )
    assert message(refused.value.errors["kind"]) == (
        "El episodio se cerró con un alta el 10/10/2026; registre una nueva admisión"
    )


def test_dates_and_numbers_take_the_form_of_the_screens_locale(spanish: None) -> None:
    try:
        QLocale.setDefault(QLocale("es_ES"))  # Spain groups thousands with a point
        assert shown_date(dt.date(2026, 10, 1)) == "1/10/2026"  # the year in full
        assert shown_number(12345) == "12.345"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert shown_date(dt.date(2026, 10, 1)) == "2026-10-01"  # as English screens type it
        assert shown_number(12345) == "12345"
    finally:
        QLocale.setDefault(QLocale("es_US"))
