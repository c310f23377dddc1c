"""The day's call list (CSV): the worklist's follow-ups, the phone only with consent to
contact, no cell a spreadsheet would run as a formula, and an audit row for the export."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from db.access import Actor, PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from forms import records
from reports.datasets.followups_due import Filters
from reports.outputs.call_list import write_call_list, write_call_list_pdf

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


def _pdf_text(path: Path) -> str:
    printed = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return printed.stdout


def test_the_printable_call_list_has_the_same_rows_and_the_same_phone_rule(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    _client(
        database,
        front_desk,
        "C-1",
        given_name="Ana <b>",
        family_name="Ruiz & Co",
        phone="+44 20 7946 0958",
        consent_contact="yes",
    )
    _client(database, front_desk, "C-2", given_name="Bea", family_name="Quiet", phone="555-0199")
    target = tmp_path / "calls.pdf"
    assert write_call_list_pdf(database, front_desk, target, TODAY, MONTHS, Filters()) == 2
    lines = [" ".join(line.split()) for line in _pdf_text(target).splitlines() if line.strip()]
    assert "Follow-ups to call on 2026-11-27" in lines
    assert "2 follow-ups." in lines
    assert "C-1 Ruiz & Co, Ana <b> +44 20 7946 0958 3 2027-01-27 0" in lines
    assert "C-2 Quiet, Bea no consent to contact 3 2027-01-27 0" in lines
    assert "555-0199" not in " ".join(lines)
    assert lines[-1].endswith("Page 1 of 1")
    with database.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "call_list")).one()
    assert (row.action, row.entity_id) == ("export", "calls.pdf")


def test_a_filtered_printable_list_says_what_it_shows_and_an_empty_one_says_so(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    _client(database, front_desk, "C-1", given_name="Al", family_name="One")
    target = tmp_path / "calls.pdf"
    chosen = Filters(state="missed", months=3, days_left=7)
    assert write_call_list_pdf(database, front_desk, target, TODAY, MONTHS, chosen) == 0
    seen = " ".join(_pdf_text(target).split())
    assert "0 follow-ups. shown: missed; the 3-month point; windows closing within 7 days." in seen
    assert "No follow-up to call." in seen and "One" not in seen


def test_a_client_code_of_the_usual_length_prints_on_one_line(
    database: Database, front_desk: Actor, tmp_path: Path
) -> None:
    """Seen in the demo agency's list: 'DEMO-00015' on one line and '6' on the next."""
    _client(database, front_desk, "DEMO-000156", given_name="Tomáš", family_name="Peña")
    target = tmp_path / "calls.pdf"
    assert write_call_list_pdf(database, front_desk, target, TODAY, MONTHS, Filters()) == 1
    assert "DEMO-000156" in _pdf_text(target)
