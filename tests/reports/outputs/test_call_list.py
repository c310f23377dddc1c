"""The day's call list (CSV): the worklist's follow-ups, the phone only with consent to
contact, no cell a spreadsheet would run as a formula, and an audit row for the export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from forms import records
from reports.datasets.followups_due import Filters
from reports.outputs.call_list import write_call_list

TODAY = dt.date(2026, 11, 27)
MONTHS = (3, 6, 12)


def _client(database: Database, actor: Actor, code: str, **values: object) -> None:
    raw = {"client_code": code, "birth_date": "1980-01-01", **values}
    cid = records.create_client(database, actor, raw, TODAY)
    intake = {
        "assessed_on": "2026-08-27",  # the 3-month window: 2026-10-27 to 2027-01-27
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 9,
        "physical_health": 9,
        "quality_of_life": 9,
    }
    alcohol = {"substance_class": "alcohol", "primary": "yes"}
    records.add_assessment(database, actor, cid, intake, [alcohol], TODAY)


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_a_call_list_names_the_phone_only_with_consent_and_runs_no_formula(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    _client(
        database,
        front_desk,
        "C-1",
        given_name='=HYPERLINK("http://x")',
        family_name="-Dash",
        phone="+44 20 7946 0958",
        consent_contact="yes",
    )
    _client(
        database,
        front_desk,
        "C-2",
        given_name="Bea",
        family_name="Quiet",
        phone="555-0199",
        consent_contact="no",
    )
    target = tmp_path / "calls.csv"
    written = write_call_list(database, front_desk, target, TODAY, MONTHS, Filters())
    assert written == 2
    assert _read(target) == [
        ["Code", "Name", "Phone", "Follow-up point (months)", "Window closes", "Contact attempts"],
        ["C-1", '\'-Dash, =HYPERLINK("http://x")', "'+44 20 7946 0958", "3", "2027-01-27", "0"],
        ["C-2", "Quiet, Bea", "no consent to contact", "3", "2027-01-27", "0"],
    ]
    assert "555-0199" not in target.read_text(encoding="utf-8-sig")
    with database.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "call_list")).one()
    assert (row.action, row.entity_id) == ("export", "calls.csv")


def test_the_filters_choose_the_rows_and_a_refusal_writes_no_file(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    _client(database, front_desk, "C-1", given_name="Al", family_name="One")
    target = tmp_path / "calls.csv"
    assert write_call_list(database, front_desk, target, TODAY, MONTHS, Filters(months=6)) == 0
    assert _read(target) == [
        ["Code", "Name", "Phone", "Follow-up point (months)", "Window closes", "Contact attempts"]
    ]
    nobody = Actor(None, "someone", "admin")  # not signed in
    with pytest.raises(PermissionDenied):
        write_call_list(database, nobody, tmp_path / "other.csv", TODAY, MONTHS, Filters())
    assert not (tmp_path / "other.csv").exists()
