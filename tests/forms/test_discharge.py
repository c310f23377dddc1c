"""A discharge says why the episode closed (completed, left, transferred, incarcerated,
died, other) with an optional note; a death is also the contact status "deceased"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.access import Actor
from db.engine import Database
from db.models import Assessment
from db.startup import open_database
from forms import records
from forms.importer import import_workbook
from forms.validation import ValidationFailed
from reports.outputs.exchange_export import export_workbook
from tests.accounts import signed_in

TODAY = dt.date(2026, 11, 27)


def _client(database: Database, actor: Actor) -> int:
    raw = {"client_code": "D-1", "given_name": "Ana", "family_name": "Ruiz"}
    cid = records.create_client(database, actor, {**raw, "birth_date": "1980-06-01"}, TODAY)
    intake = {"assessed_on": "2026-01-05", "kind": "intake", "contact_status": "refused"}
    records.add_assessment(database, actor, cid, intake, [], TODAY)
    return cid


def _discharges(database: Database) -> list[tuple[Any, ...]]:
    with database.reading() as session:
        rows = session.execute(
            select(
                Assessment.contact_status, Assessment.discharge_reason, Assessment.discharge_note
            ).where(Assessment.kind == "discharge")
        )
        return [tuple(r) for r in rows]


def _refused(database: Database, actor: Actor, cid: int, raw: dict[str, object]) -> str:
    with pytest.raises(ValidationFailed) as caught:
        records.add_discharge(database, actor, cid, raw, [], TODAY)
    assert _discharges(database) == []
    return caught.value.errors["discharge_reason"]


def test_a_discharge_at_the_desk_must_say_why_and_keeps_its_note(
    database: Database, front_desk: Actor
) -> None:
    cid = _client(database, front_desk)
    raw: dict[str, object] = {"assessed_on": "2026-06-01", "contact_status": "not_located"}
    assert _refused(database, front_desk, cid, raw) == "Reason for discharge is required"
    note = "Moved to her sister's in Galway"
    reason = {"discharge_reason": "transferred", "discharge_note": note}
    records.add_discharge(database, front_desk, cid, {**raw, **reason}, [], TODAY)
    assert _discharges(database) == [("not_located", "transferred", note)]


def test_died_and_the_deceased_contact_always_go_together(
    database: Database, front_desk: Actor
) -> None:
    cid = _client(database, front_desk)
    day = {"assessed_on": "2026-06-01"}
    died = {**day, "contact_status": "not_located", "discharge_reason": "died"}
    assert "Deceased" in _refused(database, front_desk, cid, died)
    left = {**day, "contact_status": "deceased", "discharge_reason": "left"}
    assert "Died" in _refused(database, front_desk, cid, left)
    records.add_discharge(
        database,
        front_desk,
        cid,
        {**day, "contact_status": "deceased", "discharge_reason": "died"},
        [],
        TODAY,
    )
    assert _discharges(database) == [("deceased", "died", None)]


def test_a_reason_belongs_to_a_discharge_only(database: Database, front_desk: Actor) -> None:
    cid = _client(database, front_desk)
    follow_up = {
        "assessed_on": "2026-04-01",
        "kind": "follow_up",
        "contact_status": "refused",
        "discharge_reason": "left",
    }
    with pytest.raises(ValidationFailed) as caught:
        records.add_assessment(database, front_desk, cid, follow_up, [], TODAY)
    assert caught.value.errors["discharge_reason"] == (
        "Reason for discharge is asked at a discharge only"
    )
    bad = {"assessed_on": "2026-06-01", "contact_status": "refused", "discharge_reason": "fled"}
    with pytest.raises(ValidationFailed) as caught:
        records.add_discharge(database, front_desk, cid, bad, [], TODAY)
    assert caught.value.errors["discharge_reason"].startswith("Reason for discharge ")


def test_the_reason_and_note_go_out_in_the_exchange_workbook_and_come_back(
    database: Database, admin: Actor, tmp_path: Path
) -> None:
    cid = _client(database, admin)
    reason = {"discharge_reason": "completed", "discharge_note": "=1+1 is not a formula"}
    raw = {"assessed_on": "2026-06-01", "contact_status": "refused", **reason}
    records.add_discharge(database, admin, cid, raw, [], TODAY)
    first = tmp_path / "first.xlsx"
    export_workbook(database, admin, first, TODAY, all_clients=True, today=TODAY)
    book = load_workbook(first, read_only=True)
    rows = [list(r) for r in book["Assessments"].iter_rows(values_only=True)]
    described = [r[1] for r in book["Dictionary"].iter_rows(values_only=True)]
    book.close()
    header = rows[0]
    discharge = next(r for r in rows[1:] if r[header.index("kind")] == "discharge")
    assert discharge[header.index("discharge_reason")] == "completed"
    assert discharge[header.index("discharge_note")] == "=1+1 is not a formula"
    assert "discharge_reason" in described and "discharge_note" in described
    other = open_database(str(tmp_path / "other.sqlite3"))
    result = import_workbook(other, signed_in(other), first, TODAY)
    assert result.ok, [str(p) for p in result.problems[:3]]
    assert _discharges(other) == [("refused", "completed", "=1+1 is not a formula")]
    other.dispose()


def test_an_imported_discharge_from_before_reasons_were_asked_is_still_read(
    database: Database, admin: Actor
) -> None:
    cid = _client(database, admin)
    old = {"assessed_on": "2026-06-01", "kind": "discharge", "contact_status": "refused"}
    records.add_assessment(database, admin, cid, old, [], TODAY)
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Assessment)) == 2
    assert _discharges(database) == [("refused", None, None)]


def test_a_discharged_clients_follow_ups_stay_due(database: Database, front_desk: Actor) -> None:
    # Outcome monitoring follows a client after a discharge (docs/rules.md): the completed
    # intake of 2026-01-05 has its 6-month window from 2026-06-05 to 2026-09-05 regardless.
    from reports.datasets.followups_due import due_followups

    raw = {"client_code": "D-2", "given_name": "Eva", "family_name": "Sol"}
    cid = records.create_client(database, front_desk, {**raw, "birth_date": "1980-06-01"}, TODAY)
    ratings = {"psych_health": 8, "physical_health": 9, "quality_of_life": 7}
    intake = {"assessed_on": "2026-01-05", "kind": "intake", "contact_status": "completed"}
    opioid = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]
    records.add_assessment(database, front_desk, cid, {**intake, **ratings}, opioid, TODAY)
    left = {"assessed_on": "2026-02-01", "contact_status": "not_located"}
    records.add_discharge(
        database, front_desk, cid, {**left, "discharge_reason": "left"}, [], TODAY
    )
    due = due_followups(database, front_desk, dt.date(2026, 7, 1), (3, 6, 12))
    # the 3-month window closed on 2026-06-05: shown as just missed, not dropped either
    shown = {(item.client.client_id, item.point.months, item.state) for item in due}
    assert shown == {(cid, 6, "open"), (cid, 3, "missed")}
