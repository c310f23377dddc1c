"""Every query behind a rule, report, export or worklist leaves voided records out."""

from __future__ import annotations

import datetime as dt

import pytest

from db import episodes, exchange_rows, histories, report_queries, worklist
from forms import corrections, records

D = dt.date
START, END = D(2026, 10, 1), D(2026, 10, 31)
PERSON = {
    "client_code": "C-1",
    "given_name": "Ann",
    "family_name": "Day",
    "birth_date": "1980-01-01",
}
INTAKE = {
    "assessed_on": "2026-10-01",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
}
OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]


@pytest.fixture
def voided(any_database, admin, today):
    """A client with a live intake, and a discharge, a deceased contact, an arrest, a death,
    an encounter and a contact attempt, all voided; a second client met only at the
    voided encounter."""
    db = any_database
    cid = records.create_client(db, admin, {**PERSON, "consent_contact": "yes"}, today)
    other = records.create_client(db, admin, {**PERSON, "client_code": "C-2"}, today)
    records.add_assessment(db, admin, cid, INTAKE, OPIOID, today)
    made = [
        ("assessment", records.add_assessment(db, admin, cid, _leave("2026-10-20"), [], today)),
        (
            "event",
            records.add_event(
                db, admin, cid, {"occurred_on": "2026-10-05", "event": "arrest"}, today
            ),
        ),
        (
            "event",
            records.add_event(
                db, admin, cid, {"occurred_on": "2026-10-06", "event": "death"}, today
            ),
        ),
        (
            "encounter",
            records.add_encounter(
                db,
                admin,
                other,
                {"occurred_on": "2026-10-07", "area": "T2N", "referrals": 2},
                today,
            ),
        ),
    ]
    attempt = {"attempted_on": "2026-11-02", "method": "phone", "outcome": "no_answer"}
    made.append(
        (
            "followup_attempt",
            records.add_followup_attempt(db, admin, cid, D(2026, 10, 1), 3, attempt, today),
        )
    )
    for kind, record_id in made:
        corrections.void_record(db, admin, today, kind, record_id, 1, "entered_in_error")
    return db, cid, other


def _leave(on: str) -> dict[str, object]:
    return {"assessed_on": on, "kind": "discharge", "contact_status": "deceased"}


def test_report_queries_leave_voided_rows_out(voided) -> None:
    db, cid, _other = voided
    with db.reading() as s:
        assert report_queries.event_totals(s, START, END) == {}
        assert report_queries.death_dates(s, END) == {}
        assert report_queries.death_dates_with_contacts(s, END) == {}
        assert report_queries.clients_with_events_or_deaths(s, START, END) == set()
        assert report_queries.served_ids(s, START, END) == {cid}
        caseload = report_queries.caseload(s, START, END)
        assert (caseload.discharges, caseload.encounters, caseload.new_intakes) == (0, 0, 1)
        assert (caseload.clients_served, caseload.events_only) == (1, 0)
        assert report_queries.programme_tallies(s, START, END) == []
        assert report_queries.encounter_people(s, START, END) == {}
        assert report_queries.distinct_clients_in(s, START, END, ["T2N"]) == 0


def test_histories_exports_worklist_and_episodes_leave_voided_rows_out(voided) -> None:
    db, cid, other = voided
    with db.reading() as s:
        (chunk,) = histories.history_rows(s, [cid, other])
        assert [row[2] for row in chunk.assessments] == [D(2026, 10, 1)]
        assert chunk.events == []
        assert [r[1] for r in exchange_rows.assessments_of(s, [cid], ["assessed_on"])] == [
            D(2026, 10, 1)
        ]
        assert exchange_rows.events_of(s, [cid], ["event"]) == []
        assert list(exchange_rows.encounters(s, ["occurred_on"])) == []
        assert worklist.deaths(s) == {}
        assert worklist.attempts_since(s, D(2026, 1, 1)) == {}
        assert [a.kind for a in worklist.assessments_since(s, D(2026, 1, 1))[cid]] == ["intake"]
        assert [r.kind for r in episodes.timelines(s, [cid])] == ["intake"]
