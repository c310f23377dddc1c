"""What the worklist reads: the clients with a completed intake in the range asked,
as plain records; only someone who may see clients reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from db.access import Actor, PermissionDenied
from db.engine import Database
from forms import records
from forms.worklist import AssessmentDate, read_worklist
from tests.accounts import signed_in

FIRST, LAST = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


def client(database: Database, actor: Actor, today: dt.date, code: str) -> int:
    person = {
        "client_code": code,
        "given_name": code,
        "family_name": "Due",
        "birth_date": "1980-01-01",
    }
    return records.create_client(database, actor, person, today)


def intake(database: Database, actor: Actor, cid: int, on: str, status: str, today) -> None:
    raw = {"assessed_on": on, "kind": "intake", "contact_status": status}
    if status == "completed":
        raw |= {"psych_health": 10, "physical_health": 10, "quality_of_life": 10}
    substances = [{"substance_class": "opioid", "primary": "yes"}] if status == "completed" else []
    records.add_assessment(database, actor, cid, raw, substances, today)


def test_only_completed_intakes_in_the_range_are_read(
    any_database: Database, admin: Actor, today: dt.date
) -> None:
    inside = client(any_database, admin, today, "IN")
    refused = client(any_database, admin, today, "REF")
    later = client(any_database, admin, today, "LATE")
    intake(any_database, admin, inside, "2026-03-01", "completed", today)
    intake(any_database, admin, refused, "2026-03-01", "refused", today)
    intake(any_database, admin, later, "2026-08-01", "completed", today)
    read = read_worklist(any_database, signed_in(any_database, "front_desk"), FIRST, LAST)
    assert [c.client_code for c in read.clients] == ["IN"]
    assert read.dates[inside] == [AssessmentDate(dt.date(2026, 3, 1), "intake", "completed")]
    assert read.deaths == {} and read.attempts == {}


def test_the_worklist_needs_a_signed_in_person(database: Database, admin: Actor) -> None:
    stranger = Actor(user_id=admin.user_id, username=admin.username, role=admin.role)
    with pytest.raises(PermissionDenied):
        read_worklist(database, stranger, FIRST, LAST)
