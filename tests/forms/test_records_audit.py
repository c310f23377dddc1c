"""Every save the screens make leaves one audit row in its own transaction, with what was
saved (and, for a change, what was there before)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from db import clients, users
from db import settings as agency_settings
from db.models import AuditEntry
from forms import records
from tests.conftest import TODAY

PERSON = {
    "client_code": "A-1",
    "given_name": "Ines",
    "family_name": "Audit",
    "birth_date": "1979-05-05",
    "phone": "555 0101",
    "consent_contact": "yes",  # a phone attempt needs consent to contact
}


def after_last(database) -> AuditEntry:
    with database.reading() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()


def count(database) -> int:
    with database.reading() as s:
        return len(s.scalars(select(AuditEntry.seq)).all())


def _intake(db, actor, cid) -> None:
    records.add_assessment(
        db,
        actor,
        cid,
        {"assessed_on": "2026-01-10", "kind": "intake", "contact_status": "refused"},
        [],
        TODAY,
    )


def _event(db, actor, cid) -> None:
    records.add_event(db, actor, cid, {"occurred_on": "2026-02-01", "event": "arrest"}, TODAY)


def _encounter(db, actor, cid) -> None:
    records.add_encounter(db, actor, cid, {"occurred_on": "2026-02-02", "naloxone_kits": 2}, TODAY)


def _attempt(db, actor, cid) -> None:
    records.add_followup_attempt(
        db,
        actor,
        cid,
        dt.date(2026, 1, 10),
        3,
        {"attempted_on": "2026-04-10", "method": "phone", "outcome": "no_answer"},
        TODAY,
    )


CREATES: dict[str, tuple[Callable[..., None], str, str, object]] = {
    # what is saved: (how, entity, a key of the saved values, its value in the row)
    "assessment": (_intake, "assessment", "contact_status", "refused"),
    "event": (_event, "event", "event", "arrest"),
    "encounter": (_encounter, "encounter", "naloxone_kits", 2),
    "contact attempt": (_attempt, "followup_attempt", "outcome", "no_answer"),
}


@pytest.mark.parametrize("what", list(CREATES))
def test_a_new_record_is_audited_with_its_values(any_database, admin, what: str) -> None:
    cid = records.create_client(any_database, admin, PERSON, TODAY)
    before = count(any_database)
    how, entity, key, value = CREATES[what]
    how(any_database, admin, cid)
    row = after_last(any_database)
    assert count(any_database) == before + 1
    assert (row.action, row.entity, row.username) == ("create", entity, admin.username)
    assert json.loads(row.after or "{}")[key] == value


def test_a_merge_keeps_both_clients_as_they_were(any_database, admin) -> None:
    keep = records.create_client(any_database, admin, PERSON, TODAY)
    drop = records.create_client(any_database, admin, {**PERSON, "client_code": "A-2"}, TODAY)
    with any_database.writing() as session:
        clients.merge(session, admin, keep, drop)
    row = after_last(any_database)
    assert (row.action, row.entity_id) == ("merge", str(keep))
    assert json.loads(row.before or "{}")["merged"]["client_code"] == "A-2"
    assert json.loads(row.after or "{}")["client_code"] == "A-1"


def test_a_change_of_settings_keeps_the_values_before_and_after(any_database, admin) -> None:
    with any_database.writing() as session:
        agency_settings.save(session, admin, agency_settings.AgencySettings(agency_name="New"))
    row = after_last(any_database)
    assert json.loads(row.before or "{}")["agency_name"] == "Our agency"
    assert json.loads(row.after or "{}")["agency_name"] == "New"


def test_a_new_account_is_audited_with_its_role_and_never_its_password(any_database) -> None:
    with any_database.writing() as session:
        users.add(session, None, "root", "Ro Ot", "admin", "a secret long enough")
    row = after_last(any_database)
    assert (row.action, row.entity) == ("create", "user")
    assert json.loads(row.after or "{}") == {
        "username": "root",
        "display_name": "Ro Ot",
        "role": "admin",
    }
    assert "secret" not in str(row.after)
