"""Saving through forms/ into db/: one transaction with its audit row, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from db import clients
from db.access import Actor, PermissionDenied
from db.clients import ConflictError
from db.models import Assessment, AuditEntry, Client, Episode, SubstanceRecord
from forms import records
from forms.validation import ValidationFailed

ALICE = {
    "client_code": "C-1",
    "given_name": "Zoë",
    "family_name": "Nguyễn",
    "birth_date": "1985-04-02",
    "consent_contact": "yes",
}


def intake(on: str = "2024-01-10", **extra: object) -> dict[str, object]:
    return {
        "assessed_on": on,
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "last_use_on": "2024-01-09",
        **extra,
    }


OPIOID = [
    {
        "substance_class": "opioid",
        "primary": "yes",
        "criteria": "larger_longer;craving;withdrawal",
        "use_days_28": 24,
    }
]


def count(db, model) -> int:
    query = select(func.count()).select_from(model)
    if model is AuditEntry:  # the rows of this work, not of the test's accounts and sign-ins
        query = query.where(AuditEntry.entity != "user")
    with db.reading() as s:
        return s.scalar(query)


def test_a_client_is_saved_with_folded_search_names_and_an_audit_row(any_database, admin, today):
    cid = records.create_client(any_database, admin, ALICE, today)
    with any_database.reading() as s:
        client = s.get(Client, cid)
        assert (client.given_search, client.family_search) == ("zoe", "nguyen")
        assert client.consent_contact is True and client.version == 1
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity != "user")).one()
        assert (entry.action, entry.entity, entry.entity_id) == ("create", "client", str(cid))
        assert "Nguyễn" in entry.after


def test_an_empty_code_gets_the_agency_prefix_and_next_number(any_database, admin, today):
    first = records.create_client(any_database, admin, {**ALICE, "client_code": ""}, today)
    second = records.create_client(any_database, admin, {**ALICE, "client_code": " "}, today)
    with any_database.reading() as s:
        codes = [s.get(Client, i).client_code for i in (first, second)]
    assert codes == ["C-000001", "C-000002"]


def test_a_duplicate_code_is_refused_on_the_code_field(any_database, admin, today):
    records.create_client(any_database, admin, ALICE, today)
    with pytest.raises(ValidationFailed) as failure:
        records.create_client(any_database, admin, {**ALICE, "given_name": "Other"}, today)
    assert "already used" in failure.value.errors["client_code"]
    assert count(any_database, Client) == 1


def test_the_database_itself_rejects_a_bad_code(any_database):
    with pytest.raises(IntegrityError), any_database.writing() as s:
        s.execute(
            text(
                "INSERT INTO clients (client_code, given_name, family_name, birth_date, "
                "consent_contact, consent_share, given_search, family_search, created_at,"
                " updated_at, version, gender) VALUES ('X', 'a', 'b', '1990-01-01', "
                "false, false, 'a', 'b', '2024-01-01', '2024-01-01', 1, 'robot')"
            )
        )
    assert count(any_database, Client) == 0


def test_a_second_workstation_saving_a_stale_copy_is_told_and_nothing_is_lost(
    any_database, admin, today
):
    cid = records.create_client(any_database, admin, ALICE, today)
    new_version = records.update_client(
        any_database, admin, cid, 1, {**ALICE, "phone": "555-0101"}, today
    )
    assert new_version == 2
    with pytest.raises(ConflictError, match="another workstation"):
        records.update_client(any_database, admin, cid, 1, {**ALICE, "phone": "555-0199"}, today)
    with any_database.reading() as s:
        assert s.get(Client, cid).phone == "555-0101"


def test_saving_for_a_client_deleted_meanwhile_says_so_on_the_code_field(
    any_database, admin, today
):
    saves = (
        lambda: records.add_assessment(any_database, admin, 9999, intake(), OPIOID, today),
        lambda: records.add_event(any_database, admin, 9999, {}, today),
    )
    for save in saves:
        with pytest.raises(ValidationFailed) as failure:
            save()
        assert failure.value.errors == {"client_code": "This client no longer exists"}


def test_an_intake_saves_assessment_substances_episode_and_audit_together(
    any_database, admin, today
):
    cid = records.create_client(any_database, admin, ALICE, today)
    aid = records.add_assessment(any_database, admin, cid, intake(), OPIOID, today)
    with any_database.reading() as s:
        substance = s.scalars(select(SubstanceRecord)).one()
        assert substance.criteria == "larger_longer;craving;withdrawal"
        assert substance.assessment_id == aid and substance.primary is True
        episode = s.scalars(select(Episode)).one()
        assert (episode.opened_on, episode.closed_on) == (dt.date(2024, 1, 10), None)
    assert count(any_database, AuditEntry) == 2


def test_a_failed_save_writes_neither_record_nor_audit(any_database, admin, today):
    cid = records.create_client(any_database, admin, ALICE, today)
    records.add_assessment(any_database, admin, cid, intake(), OPIOID, today)
    with pytest.raises(ValidationFailed) as failure:
        records.add_assessment(any_database, admin, cid, intake(), OPIOID, today)
    assert "already an assessment" in failure.value.errors["assessed_on"]
    assert count(any_database, Assessment) == 1
    assert count(any_database, AuditEntry) == 2


def test_discharge_closes_and_a_later_intake_is_a_reentry(any_database, admin, today):
    cid = records.create_client(any_database, admin, ALICE, today)
    records.add_assessment(any_database, admin, cid, intake(), OPIOID, today)
    records.add_assessment(
        any_database,
        admin,
        cid,
        {"assessed_on": "2024-03-01", "kind": "discharge", "contact_status": "not_located"},
        [],
        today,
    )
    with pytest.raises(ValidationFailed, match="record a new intake"):
        records.add_assessment(
            any_database,
            admin,
            cid,
            {"assessed_on": "2024-04-01", "kind": "follow_up", "contact_status": "refused"},
            [],
            today,
        )
    records.add_assessment(any_database, admin, cid, intake("2024-05-01"), OPIOID, today)
    with any_database.reading() as s:
        episodes = s.scalars(select(Episode).order_by(Episode.opened_on)).all()
    assert [(e.closed_on, e.reentry) for e in episodes] == [
        (dt.date(2024, 3, 1), False),
        (None, True),
    ]


def test_a_follow_up_needs_an_intake_first(any_database, admin, today):
    cid = records.create_client(any_database, admin, ALICE, today)
    with pytest.raises(ValidationFailed) as failure:
        records.add_assessment(
            any_database,
            admin,
            cid,
            {"assessed_on": "2024-04-01", "kind": "follow_up", "contact_status": "refused"},
            [],
            today,
        )
    assert "intake" in failure.value.errors["kind"]


def test_front_desk_cannot_merge_even_below_the_gui(any_database, front_desk, admin, today):
    a = records.create_client(any_database, admin, ALICE, today)
    b = records.create_client(any_database, admin, {**ALICE, "client_code": "C-2"}, today)
    with pytest.raises(PermissionDenied), any_database.writing() as s:
        clients.merge(s, front_desk, a, b)


def test_merge_moves_records_and_hides_the_duplicate(any_database, admin, today):
    a = records.create_client(any_database, admin, ALICE, today)
    b = records.create_client(any_database, admin, {**ALICE, "client_code": "C-2"}, today)
    records.add_assessment(any_database, admin, b, intake(), OPIOID, today)
    with any_database.writing() as s:
        clients.merge(s, admin, a, b)
    with any_database.reading() as s:
        assert s.scalars(select(Assessment.client_id)).all() == [a]
        assert clients.prefix_ids(s, "zo", "zo", 10) == [a]
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "merge")).all()


def test_an_intake_after_a_refused_intake_closes_that_episode_on_its_own_start(
    any_database, admin, today
):
    cid = records.create_client(any_database, admin, ALICE, today)
    first = intake("2023-01-10", last_use_on="2023-01-09")
    records.add_assessment(any_database, admin, cid, first, OPIOID, today)
    refused = {"assessed_on": "2024-01-10", "kind": "intake", "contact_status": "refused"}
    records.add_assessment(any_database, admin, cid, refused, [], today)
    records.add_assessment(any_database, admin, cid, intake("2024-02-01"), OPIOID, today)
    with any_database.reading() as s:
        episodes = s.scalars(select(Episode).order_by(Episode.opened_on)).all()
    assert [(e.opened_on, e.closed_on) for e in episodes] == [
        (dt.date(2023, 1, 10), dt.date(2023, 1, 10)),
        (dt.date(2024, 1, 10), dt.date(2024, 1, 10)),
        (dt.date(2024, 2, 1), None),
    ]
    assert [e.reentry for e in episodes] == [False, True, True]


def test_an_actor_no_sign_in_vouched_for_is_refused_before_the_episode_rule(
    any_database, admin, today
):
    client_id = records.create_client(any_database, admin, ALICE, today)
    forged = Actor(admin.user_id, admin.username, admin.role)
    follow_up = intake(kind="follow_up")  # no intake yet: the episode rule would refuse it
    with pytest.raises(PermissionDenied):
        records.add_assessment(any_database, forged, client_id, follow_up, OPIOID, today)
    with any_database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Assessment)) == 0
        assert s.scalar(select(func.count()).select_from(Episode)) == 0
