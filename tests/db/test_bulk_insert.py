"""The import's bulk insert (a COPY on PostgreSQL, an executemany on SQLite) stores rows as
an insert would: every value as given, the model's defaults for the columns left out, and
a broken constraint as SQLAlchemy's IntegrityError."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db import bulk
from db.engine import Database
from db.models import Client, Event, SubstanceRecord

NOW = dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.UTC)
# Text a COPY must escape: its field and row separators, its escape and its NULL marker.
AWKWARD = "O'Brien\tTab\nNew line \\ back\\slash \\N ünï 🙂"


def _client(client_id: int, code: str, given: str) -> dict[str, object]:
    values = {"client_code": code, "given_name": given, "family_name": "Walker"}
    values |= {"birth_date": dt.date(1980, 2, 29), "consent_contact": True}
    return bulk.client_rows([values], [client_id], NOW)[0]


def test_rows_come_back_as_given_with_the_model_defaults(any_database: Database) -> None:
    with any_database.writing() as session:
        bulk.insert_rows(session, "clients", [_client(1, "C-1", AWKWARD), _client(2, "C-2", "")])
        # A row that leaves columns out: their defaults (count 1, version 1, created_at).
        event = {"client_id": 1, "occurred_on": dt.date(2026, 3, 1), "event": "arrest"}
        bulk.insert_rows(session, "events", [event])
        record = bulk.substance_row(
            bulk.IdAllocator(session, "assessments").take(1)[0],
            {"substance_class": "opioid", "criteria_last_met_on": None},
        )
        session.execute(  # the substance row's assessment, inserted as a save would
            bulk.table("assessments").insert(),
            [bulk.assessment_row(record["assessment_id"], 1, _assessment(), NOW)],
        )
        bulk.insert_rows(session, "substance_records", [record])
    with any_database.reading() as session:
        clients = session.scalars(select(Client).order_by(Client.id)).all()
        events = session.scalars(select(Event)).all()
        substances = session.scalars(select(SubstanceRecord)).all()
    assert [c.given_name for c in clients] == [AWKWARD, ""]
    first = clients[0]
    assert (first.birth_date, first.consent_contact, first.consent_share) == (
        dt.date(1980, 2, 29), True, False)  # fmt: skip
    assert first.preferred_name is None and first.version == 1
    assert first.created_at.replace(tzinfo=dt.UTC) == NOW
    [stored] = events
    assert (stored.count, stored.version, stored.event) == (1, 1, "arrest")
    assert stored.created_at is not None
    [substance] = substances
    assert substance.id is not None and substance.criteria == "" and substance.primary is False


def _assessment() -> dict[str, object]:
    return {"assessed_on": dt.date(2026, 3, 2), "kind": "intake", "contact_status": "completed"}


def test_a_code_taken_twice_is_an_integrity_error_and_nothing_is_kept(
    any_database: Database,
) -> None:
    with any_database.writing() as session:
        bulk.insert_rows(session, "clients", [_client(1, "C-1", "Ana")])
    with pytest.raises(IntegrityError), any_database.writing() as session:
        bulk.insert_rows(session, "clients", [_client(2, "C-2", "Bo"), _client(3, "C-1", "Cy")])
    with any_database.reading() as session:
        assert session.scalars(select(Client.client_code)).all() == ["C-1"]
