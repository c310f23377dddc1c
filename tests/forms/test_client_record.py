"""A client's page as forms/ reads it: frozen records of everything recorded, and a
`view` row in the audit trail written in the same transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from db import audit
from db.access import Actor
from db.engine import Database
from db.models import AuditEntry
from forms import consents, records
from forms.client_list import merge_clients
from forms.client_record import (
    AssessmentEntry,
    ClientGone,
    EncounterEntry,
    EventEntry,
    SubstanceEntry,
    open_client,
)

ZOE = {
    "client_code": "C-1",
    "given_name": "Zoë",
    "family_name": "Nguyễn",
    "birth_date": "1985-04-02",
    "consent_contact": "yes",
}
INTAKE = {
    "assessed_on": "2024-01-10",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
    "last_use_on": "2024-01-09",
}
OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving;withdrawal"}]


def views(database: Database) -> list[str | None]:
    with database.reading() as s:
        return list(s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "view")))


def test_everything_recorded_comes_back_as_frozen_records(
    any_database: Database, admin: Actor, today: dt.date
) -> None:
    cid = records.create_client(any_database, admin, ZOE, today)
    aid = records.add_assessment(any_database, admin, cid, INTAKE, OPIOID, today)
    records.add_event(
        any_database, admin, cid, {"occurred_on": "2024-02-01", "event": "arrest"}, today
    )
    encounter = {"occurred_on": "2024-02-02", "naloxone_kits": 2, "area": "North"}
    records.add_encounter(any_database, admin, cid, encounter, today)
    consents.record_consent(
        any_database,
        admin,
        cid,
        {"scope": "treatment_payment_operations", "signed_on": "2024-01-10"},
        today,
    )
    page = open_client(any_database, admin, cid)
    assert page.values["client_code"] == "C-1" and page.version >= 1
    assert page.assessments == (AssessmentEntry(aid, dt.date(2024, 1, 10), "intake", "completed"),)
    assert page.substances[aid] == (SubstanceEntry(aid, "opioid", True, "craving;withdrawal"),)
    assert page.events == (EventEntry(dt.date(2024, 2, 1), "arrest", 1),)
    (met,) = page.encounters
    assert isinstance(met, EncounterEntry) and met.area == "North"
    assert met.tallies["naloxone_kits"] == 2 and met.tallies["syringes_out"] == 0
    (signed,) = page.consents
    assert signed.scope == "treatment_payment_operations"
    assert (signed.signed_on, signed.revoked_on) == (dt.date(2024, 1, 10), None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.assessments[0].kind = "discharge"  # type: ignore[misc]
    assert views(any_database) == [str(cid)]


def test_a_merged_client_is_gone_and_not_viewed(database: Database, admin: Actor, today) -> None:
    keep = records.create_client(database, admin, ZOE, today)
    drop = records.create_client(database, admin, {**ZOE, "client_code": "C-2"}, today)
    merge_clients(database, admin, keep, drop)
    with pytest.raises(ClientGone) as gone:
        open_client(database, admin, drop)
    assert gone.value.merged_into == keep
    assert views(database) == []


def test_no_page_is_shown_without_its_view_row(
    database: Database, admin: Actor, today, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = records.create_client(database, admin, ZOE, today)

    def audit_fails(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr(audit, "record", audit_fails)
    with pytest.raises(RuntimeError):
        open_client(database, admin, cid)
