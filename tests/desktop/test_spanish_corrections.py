"""A correction refused in Spanish: front desk past the grace period is told why in the
person's language, with the number of days and the date the record was entered filled in
(the date in the Spanish form), while the refusal stays English off the screen; with the
repository's catalogue."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop.translate import message
from forms import corrections, records
from forms.validation import ValidationFailed
from forms.vocabulary import ConflictError, PermissionDenied
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client
from tests.desktop.test_corrections_attempts_gui import attempt_page, stored
from tests.desktop.test_corrections_gui import INTAKE, OPIOID


@pytest.fixture(scope="module")
def desk(spanish: None, desk: Desk) -> Desk:
    return desk


def _entered_long_ago(desk: Desk, attempt_id: int) -> None:
    with desk.database.writing() as s:
        s.execute(
            text("UPDATE followup_attempts SET created_at = :t WHERE id = :id"),
            {"t": dt.datetime(2026, 11, 2, 9, 0), "id": attempt_id},
        )


def test_front_desk_past_the_grace_period_is_told_no_in_spanish(
    desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("desk")
    page, attempt_id = attempt_page(desk, "S-1", entered_by="desk")
    _entered_long_ago(desk, attempt_id)
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    fake_dialogs.answers = [2, ""]  # Duplicate
    view.void_button.click()
    kind, title, said = fake_dialogs.shown[-1]
    assert (kind, title) == ("warn", "No permitido")
    assert said == (
        "Recepción puede corregir lo que introdujo durante 7 días; este intento de contacto"
        " se introdujo el 2/11/2026. Pida la corrección a un responsable."
    )
    assert (stored(desk, attempt_id).voided_at, stored(desk, attempt_id).version) == (None, 1)


def test_the_refusal_stays_english_off_the_screen(desk: Desk) -> None:
    _page, attempt_id = attempt_page(desk, "S-2", entered_by="desk")
    _entered_long_ago(desk, attempt_id)
    with pytest.raises(PermissionDenied) as refused:
        corrections.void_record(
            desk.database, desk.actors["desk"], TODAY, "followup_attempt", attempt_id, 1,
            "duplicate",
        )  # fmt: skip
    assert str(refused.value) == (
        "Front desk may correct their own entries for 7 days; this contact attempt was"
        " entered on 2026-11-02. Ask a manager to correct it."
    )
    assert message(refused.value.args[0]) == (
        "Recepción puede corregir lo que introdujo durante 7 días; este intento de contacto"
        " se introdujo el 2/11/2026. Pida la corrección a un responsable."
    )


def test_a_change_saved_meanwhile_elsewhere_is_refused_in_spanish(desk: Desk) -> None:
    admin = desk.actors["admin"]
    values = {"given_name": "Rosa", "family_name": "Vega", "birth_date": "1985-04-05"}
    client_id = add_client(desk.database, admin, client_code="S-3", **values)
    arrest = {"occurred_on": "2026-11-01", "event": "arrest"}
    event_id = records.add_event(desk.database, admin, client_id, arrest, TODAY)
    moved = {**arrest, "occurred_on": "2026-11-02"}
    corrections.edit_event(desk.database, admin, TODAY, event_id, 1, moved)  # elsewhere
    with pytest.raises(ConflictError) as refused:
        corrections.edit_event(desk.database, admin, TODAY, event_id, 1, arrest)
    assert str(refused.value) == (
        "This event was changed on another workstation since you opened it. Nothing was"
        " overwritten; reopen it to see what is stored now."
    )
    assert message(refused.value.args[0]) == (
        "Este evento se modificó en otro puesto desde que lo abrió. No se sobrescribió"
        " nada; vuelva a abrirlo para ver lo que hay guardado ahora."
    )


def test_a_second_assessment_on_the_same_day_is_refused_in_spanish(desk: Desk) -> None:
    admin = desk.actors["admin"]
    values = {"given_name": "Eva", "family_name": "Cruz", "birth_date": "1982-07-08"}
    client_id = add_client(desk.database, admin, client_code="S-4", **values)
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    with pytest.raises(ValidationFailed) as refused:
        records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    said = refused.value.errors["assessed_on"]  # the intake's day, 2026-10-01
    # The refusal names the way on: another date, or correcting the one stored.
    assert said == (
        "There is already an assessment for this client on 2026-10-01: choose another date,"
        " or open that assessment from the timeline on the client's page to correct it"
    )
    assert message(said) == (
        "Ya hay una evaluación de este cliente del 1/10/2026: elija otra fecha, o abra esa"
        " evaluación desde la cronología de la página del cliente para corregirla"
    )
