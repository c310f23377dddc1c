"""Every answer column of an assessment reaches the database by both ways in (the form's
save and the workbook import) and reaches the rules: a column added to the model cannot be
stored by one and silently dropped by another."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

import pytest
from exchange_books import client, substance, write_book
from sqlalchemy import select

from db.access import Actor
from db.engine import Database
from db.models import Assessment, Client
from forms import records
from forms.definitions import ASSESSMENT_FIELDS
from forms.exchange import ASSESSMENTS
from forms.importer import import_workbook
from reports.datasets.histories import load_histories

D = dt.date.fromisoformat
# Every answer as a person types it (forms and workbook cells take the same text)...
TYPED: dict[str, object] = {
    "assessed_on": "2024-01-10",
    "kind": "intake",
    "contact_status": "completed",
    "last_use_on": "2024-01-02",
    "injecting_days_28": 3,
    "shared_equipment": "yes",
    "offending_days_28": 2,
    "work_days_28": 11,
    "housing_problem": "no",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
    "medication": "naltrexone",
    "medication_as_prescribed": "yes",
    "controlled_environment": "none",
    **{f"barc10_{i}": 1 + i % 6 for i in range(1, 11)},
    "goal": "reduction",
    "self_identified_recovery": "no",
    "prior_recovery_attempts": 4,
}
# ...and as it must be stored, written out by hand.
STORED: dict[str, object] = {
    "assessed_on": D("2024-01-10"),
    "kind": "intake",
    "contact_status": "completed",
    "last_use_on": D("2024-01-02"),
    "injecting_days_28": 3,
    "shared_equipment": True,
    "offending_days_28": 2,
    "work_days_28": 11,
    "housing_problem": False,
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
    "medication": "naltrexone",
    "medication_as_prescribed": True,
    "controlled_environment": "none",
    **{f"barc10_{i}": v for i, v in enumerate((2, 3, 4, 5, 6, 1, 2, 3, 4, 5), start=1)},
    "goal": "reduction",
    "self_identified_recovery": "no",
    "prior_recovery_attempts": 4,
}
ALCOHOL = {"substance_class": "alcohol", "primary": "yes", "criteria": "craving;cut_down"}
BOOKKEEPING = {"id", "client_id", "episode_id", "created_at", "updated_at", "version"}
# Who entered it (the save takes the signed-in user) and its void (a correction writes it).
BOOKKEEPING |= {"entered_by_id", "voided_at", "voided_by", "void_reason", "void_note"}


# Asked at a discharge only and read by no rule; tests/forms/test_discharge.py carries them
# through the form, the export and the import.
DISCHARGE_ONLY = {"discharge_reason", "discharge_note"}


def model_answers() -> set[str]:
    return {c.key for c in Assessment.__table__.columns} - BOOKKEEPING


def test_the_form_and_the_workbook_ask_for_every_answer_the_model_stores() -> None:
    assert set(STORED) | DISCHARGE_ONLY == model_answers()
    assert {f.key for f in ASSESSMENT_FIELDS} == model_answers()
    assert set(ASSESSMENTS.keys) == {"client_code", *model_answers()}


def stored(database: Database, code: str) -> dict[str, object]:
    with database.reading() as session:
        row = session.execute(
            select(*(Assessment.__table__.c[k] for k in STORED))
            .join(Client, Client.id == Assessment.client_id)
            .where(Client.client_code == code)
        ).one()
    return dict(row._mapping)


def facts(database: Database, code: str) -> dict[str, object]:
    with database.reading() as session:
        (history,) = [h for h in load_histories(session) if h.client_code == code]
    (assessment,) = history.assessments
    found = asdict(assessment)
    found.pop("substances")
    barc = found.pop("barc10")
    found.update({f"barc10_{i}": v for i, v in enumerate(barc, start=1)})
    return found


@pytest.mark.parametrize("way_in", ["form", "workbook"])
def test_every_answer_is_stored_and_reaches_the_rules(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path, way_in: str
) -> None:
    if way_in == "form":
        client_id = records.create_client(database, admin, client("C-1"), today)
        records.add_assessment(database, admin, client_id, TYPED, [ALCOHOL], today)
    else:
        book = write_book(
            tmp_path / "full.xlsx",
            {
                "Clients": [client("C-1")],
                "Assessments": [{"client_code": "C-1", **TYPED}],
                "Substances": [substance("C-1", **ALCOHOL)],
            },
        )
        result = import_workbook(database, admin, book, today)
        assert result.problems == ()
    assert stored(database, "C-1") == STORED
    assert facts(database, "C-1") == STORED
