"""consent_contact is respected below the GUI: no phone, text, letter or outreach attempt is
recorded for a client who did not consent to be contacted, and the due list never carries
that client's phone number."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db import worklist
from db.access import Actor
from db.engine import Database
from db.models import AuditEntry, FollowUpAttempt
from forms import records
from forms.validation import ValidationFailed

TODAY = dt.date(2026, 11, 27)
INTAKE_ON = dt.date(2026, 8, 27)


def client(db: Database, actor: Actor, code: str, consent_contact: str) -> int:
    return records.create_client(
        db,
        actor,
        {
            "client_code": code,
            "given_name": "Ana",
            "family_name": "Ruiz",
            "birth_date": "1980-06-01",
            "phone": "555-0101",
            "consent_contact": consent_contact,
        },
        TODAY,
    )


def attempt(db: Database, actor: Actor, client_id: int, method: str) -> int:
    return records.add_followup_attempt(
        db,
        actor,
        client_id,
        INTAKE_ON,
        3,
        {"attempted_on": TODAY, "method": method, "outcome": "no_answer"},
        TODAY,
    )


def attempts_and_audit(db: Database) -> tuple[int, int]:
    with db.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(FollowUpAttempt)) or 0,
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.entity == "followup_attempt")
            )
            or 0,
        )


@pytest.mark.parametrize("method", ["phone", "text", "letter", "outreach", "other"])
def test_no_reaching_out_to_a_client_without_consent_to_contact(
    any_database: Database, front_desk: Actor, method: str
) -> None:
    quiet = client(any_database, front_desk, "C-1", "no")
    with pytest.raises(ValidationFailed) as failure:
        attempt(any_database, front_desk, quiet, method)
    message = failure.value.errors["method"]
    assert "Consents to be contacted" in message and "in person" in message
    assert "Ana" not in message and "Ruiz" not in message
    assert attempts_and_audit(any_database) == (0, 0)


def test_a_visit_at_the_agency_is_recorded_without_consent_to_contact(
    any_database: Database, front_desk: Actor
) -> None:
    quiet = client(any_database, front_desk, "C-1", "no")
    attempt(any_database, front_desk, quiet, "in_person")
    assert attempts_and_audit(any_database) == (1, 1)


def test_a_phone_call_is_recorded_for_a_client_who_consented(
    any_database: Database, front_desk: Actor
) -> None:
    reachable = client(any_database, front_desk, "C-2", "yes")
    attempt(any_database, front_desk, reachable, "phone")
    assert attempts_and_audit(any_database) == (1, 1)


def test_the_due_list_reads_no_phone_of_a_client_without_consent_to_contact(
    any_database: Database, front_desk: Actor
) -> None:
    quiet = client(any_database, front_desk, "C-1", "no")
    reachable = client(any_database, front_desk, "C-2", "yes")
    with any_database.reading() as s:
        found = {
            c.client_code: (c.phone, c.consent_contact)
            for c in worklist.clients(s, [quiet, reachable])
        }
    assert found == {"C-1": (None, False), "C-2": ("555-0101", True)}
