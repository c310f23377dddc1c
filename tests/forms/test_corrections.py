"""Correcting the record (forms/corrections.py): edits, voids and restores that every
figure follows, who may make them, conflicts between workstations, and the audit row."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from sqlalchemy import select, text

from db import report_queries
from db.access import PermissionDenied
from db.corrections import RecordConflict
from db.dates import Period
from db.models import Assessment, AuditEntry, Client, Correction, Episode, Event
from forms import corrections, records
from forms.validation import ValidationFailed
from reports.datasets.followups_due import due_followups
from reports.datasets.monthly_dataset import monthly_dataset
from tests.accounts import signed_in

OCTOBER = Period.month(2026, 10)
PERSON = {
    "client_code": "C-7",
    "given_name": "Aoife",
    "family_name": "Lewis",
    "birth_date": "1990-03-04",
    "consent_contact": "yes",
}


def intake(on: str, criteria: str, **extra: object) -> tuple[dict[str, object], list]:
    answers = {
        "assessed_on": on,
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "last_use_on": on,
        **extra,
    }
    substances = [{"substance_class": "opioid", "primary": "yes", "criteria": criteria}]
    return answers, substances


def follow_up(on: str) -> dict[str, object]:
    return {"assessed_on": on, "kind": "follow_up", "contact_status": "not_located"}


def version_of(db, model, record_id: int) -> int:
    with db.reading() as s:
        return s.get(model, record_id).version


def client_with_intake(db, actor, today, criteria="larger_longer;craving;withdrawal"):
    cid = records.create_client(db, actor, PERSON, today)
    answers, substances = intake("2026-10-01", criteria)
    aid = records.add_assessment(db, actor, cid, answers, substances, today)
    return cid, aid


def headline(db, as_of: dt.date = dt.date(2026, 10, 31)):
    with db.reading() as s:
        return monthly_dataset(s, Period(as_of.replace(day=1), as_of), (3, 6, 12), pool_below=None)


def test_editing_the_intake_criteria_changes_the_status_in_the_report(any_database, admin, today):
    _cid, aid = client_with_intake(any_database, admin, today, criteria="craving")
    assert headline(any_database).recovery.dsm.get("no_diagnosis", "") == 1
    answers, substances = intake("2026-10-01", "larger_longer;craving;withdrawal")
    new = corrections.edit_assessment(
        any_database, admin, today, aid, 1, answers, substances, "criteria misread"
    )
    assert new == 2
    tally = headline(any_database).recovery.dsm
    assert (tally.get("active", ""), tally.get("no_diagnosis", "")) == (
        1,
        0,
    )


def test_the_audit_row_holds_reason_before_and_after(any_database, admin, today):
    _cid, aid = client_with_intake(any_database, admin, today, criteria="craving")
    answers, substances = intake("2026-10-01", "craving;tolerance", quality_of_life=15)
    corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances, "typo")
    with any_database.reading() as s:
        row = s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "assessment", AuditEntry.action == "update"
            )
        ).one()
    before, after = json.loads(row.before), json.loads(row.after)
    assert (before["quality_of_life"], after["quality_of_life"]) == (7, 15)
    assert before["substances"][0]["criteria"] == "craving"
    assert after["substances"][0]["criteria"] == "craving;tolerance"
    assert (after["reason"], after["correction"], row.entity_id) == ("typo", "edit", str(aid))


def test_a_mistaken_death_voided_puts_the_client_back_in_counts_and_the_worklist(
    any_database, admin, today
):
    cid, _ = client_with_intake(any_database, admin, today)
    event = {"occurred_on": "2026-10-20", "event": "death"}
    eid = records.add_event(any_database, admin, cid, event, today)
    assert headline(any_database).deceased == 1
    due_on = dt.date(2027, 1, 5)  # inside the 3-month window of the October intake
    assert due_followups(any_database, admin, due_on, (3, 6, 12)) == []
    corrections.void_record(any_database, admin, today, "event", eid, 1, "entered_in_error")
    data = headline(any_database)
    assert data.deceased == 0
    assert data.recovery.dsm.get("active", "") == 1
    due = due_followups(any_database, admin, due_on, (3, 6, 12))
    assert [item.client.client_id for item in due] == [cid]
    with any_database.reading() as s:
        stored = s.get(Event, eid)
        assert (stored.void_reason, stored.voided_by) == ("entered_in_error", "test-admin")


def test_a_voided_encounter_leaves_the_community_tallies(any_database, admin, today):
    cid = records.create_client(any_database, admin, PERSON, today)
    kits = {"occurred_on": "2026-10-03", "area": "T2N", "naloxone_kits": 4}
    records.add_encounter(any_database, admin, cid, {**kits, "naloxone_kits": 1}, today)
    wrong = records.add_encounter(any_database, admin, None, kits, today)

    def kits_in_october() -> int:
        with any_database.reading() as s:
            tallies = report_queries.programme_tallies(s, OCTOBER.start, OCTOBER.end)
        return sum(t.tallies["naloxone_kits"] for t in tallies)

    assert kits_in_october() == 5
    corrections.void_record(any_database, admin, today, "encounter", wrong, 1, "duplicate")
    assert kits_in_october() == 1
    corrections.restore_record(any_database, admin, today, "encounter", wrong, 2, "was right")
    assert kits_in_october() == 5


def test_a_stale_version_is_refused_and_nothing_is_overwritten(any_database, admin, today):
    """Two workstations opened the same assessment at version 1; the second save loses."""
    _cid, aid = client_with_intake(any_database, admin, today)
    first, substances = intake("2026-10-01", "larger_longer;craving", quality_of_life=12)
    second, _ = intake("2026-10-01", "larger_longer;craving", quality_of_life=3)
    corrections.edit_assessment(any_database, admin, today, aid, 1, first, substances)
    with pytest.raises(RecordConflict, match="changed on another workstation") as conflict:
        corrections.edit_assessment(any_database, admin, today, aid, 1, second, substances)
    assert conflict.value.current is not None
    assert conflict.value.current.values["quality_of_life"] == 12
    with any_database.reading() as s:
        assert s.get(Assessment, aid).quality_of_life == 12
    with pytest.raises(RecordConflict):
        corrections.void_record(any_database, admin, today, "assessment", aid, 1, "duplicate")


def test_front_desk_past_the_grace_period_is_refused_by_the_service(any_database, today):
    desk = signed_in(any_database, "front_desk")
    cid = records.create_client(any_database, desk, PERSON, today)
    eid = records.add_event(
        any_database, desk, cid, {"occurred_on": "2026-11-01", "event": "arrest"}, today
    )
    with any_database.writing() as s:
        s.execute(text("UPDATE events SET created_at = :t"), {"t": dt.datetime(2026, 11, 2, 9, 0)})
    with pytest.raises(PermissionDenied, match="for 7 days"):
        corrections.void_record(any_database, desk, today, "event", eid, 1, "wrong_date")
    with any_database.reading() as s:
        assert s.get(Event, eid).voided_at is None
    # Within the grace period the same person may; a manager may at any time.
    within = dt.date(2026, 11, 9)
    corrections.void_record(any_database, desk, within, "event", eid, 1, "wrong_date")
    manager = signed_in(any_database, "manager")
    corrections.restore_record(any_database, manager, today, "event", eid, 2)


def test_front_desk_may_not_correct_what_someone_else_entered(any_database, admin, today):
    cid = records.create_client(any_database, admin, PERSON, today)
    eid = records.add_event(
        any_database, admin, cid, {"occurred_on": "2026-11-01", "event": "arrest"}, today
    )
    desk = signed_in(any_database, "front_desk")
    with pytest.raises(PermissionDenied, match="entered by someone else"):
        corrections.edit_event(
            any_database, desk, today, eid, 1, {"occurred_on": "2026-11-02", "event": "arrest"}
        )


def test_an_intake_moved_onto_another_assessments_date_is_refused(any_database, admin, today):
    cid, aid = client_with_intake(any_database, admin, today)
    records.add_assessment(any_database, admin, cid, follow_up("2026-11-10"), [], today)
    answers, substances = intake("2026-11-10", "larger_longer;craving")
    with pytest.raises(ValidationFailed) as failure:
        corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances)
    assert failure.value.errors == {
        "assessed_on": "There is already an assessment for this client on 2026-11-10: choose"
        " another date, or open that assessment from the timeline on the client's page to"
        " correct it"
    }
    with any_database.reading() as s:
        assert s.get(Assessment, aid).assessed_on == dt.date(2026, 10, 1)


def test_voiding_an_intake_its_follow_ups_need_is_refused(any_database, admin, today):
    cid, aid = client_with_intake(any_database, admin, today)
    fid = records.add_assessment(any_database, admin, cid, follow_up("2026-11-10"), [], today)
    with pytest.raises(ValidationFailed, match="follow-up of 2026-11-10 outside its episode"):
        corrections.void_record(any_database, admin, today, "assessment", aid, 1, "wrong_client")
    corrections.void_record(any_database, admin, today, "assessment", fid, 1, "duplicate")
    corrections.void_record(any_database, admin, today, "assessment", aid, 1, "wrong_client")
    with any_database.reading() as s:
        assert s.scalars(select(Episode).where(Episode.client_id == cid)).all() == []
    # The voided intake does not hold its date: the right one can be entered.
    answers, substances = intake("2026-10-01", "craving")
    records.add_assessment(any_database, admin, cid, answers, substances, today)
    with any_database.reading() as s:
        episodes = s.scalars(select(Episode).where(Episode.client_id == cid)).all()
    assert [e.opened_on for e in episodes] == [dt.date(2026, 10, 1)]


def test_a_discharge_edited_into_a_follow_up_reopens_the_episode(any_database, admin, today):
    cid, _aid = client_with_intake(any_database, admin, today)
    leave = {"assessed_on": "2026-11-10", "kind": "discharge", "contact_status": "refused"}
    did = records.add_assessment(any_database, admin, cid, leave, [], today)
    with any_database.reading() as s:
        assert s.scalars(select(Episode.closed_on)).one() == dt.date(2026, 11, 10)
    corrections.edit_assessment(any_database, admin, today, did, 1, follow_up("2026-11-10"), [])
    with any_database.reading() as s:
        assert s.scalars(select(Episode.closed_on)).one() is None
        marks = s.scalars(select(Correction.record_on)).all()
    assert marks == [dt.date(2026, 11, 10)]


def test_erasure_is_for_administrators_and_keeps_no_name(any_database, admin, today):
    cid, _ = client_with_intake(any_database, admin, today)
    records.add_event(
        any_database, admin, cid, {"occurred_on": "2026-10-05", "event": "arrest"}, today
    )
    records.add_encounter(
        any_database, admin, cid, {"occurred_on": "2026-10-03", "hiv_tests": 1}, today
    )
    manager = signed_in(any_database, "manager")
    with pytest.raises(PermissionDenied, match="may not erase a client"):
        corrections.erase_client(any_database, manager, today, "C-7", "court order", "C-7")
    counts = corrections.erase_client(
        any_database, admin, today, "C-7", "court order 12/2026", "c-7"
    )
    assert (counts["clients"], counts["assessments"], counts["events"]) == (1, 1, 1)
    with any_database.reading() as s:
        assert s.get(Client, cid) is None
        erased = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).one()
        tallies = report_queries.programme_tallies(s, OCTOBER.start, OCTOBER.end)
    kept = json.loads(erased.after)
    assert "Aoife" not in erased.after and "Lewis" not in erased.after
    assert (kept["client_code"], kept["reason"]) == ("C-7", "court order 12/2026")
    assert erased.entity_id == str(cid)
    assert sum(t.tallies["hiv_tests"] for t in tallies) == 1  # kept, now anonymous


def test_a_void_needs_a_reason_from_the_list(any_database, admin, today):
    cid = records.create_client(any_database, admin, PERSON, today)
    eid = records.add_event(
        any_database, admin, cid, {"occurred_on": "2026-11-01", "event": "arrest"}, today
    )
    with pytest.raises(ValidationFailed, match="Choose why"):
        corrections.void_record(any_database, admin, today, "event", eid, 1, "because")


def test_the_grace_period_is_the_agency_setting(any_database, admin, today):
    from dataclasses import replace

    from db import settings as agency_settings

    desk = signed_in(any_database, "front_desk")
    cid = records.create_client(any_database, desk, PERSON, today)
    arrest = {"occurred_on": "2026-11-01", "event": "arrest"}
    eid = records.add_event(any_database, desk, cid, arrest, today)
    with any_database.writing() as s:
        s.execute(text("UPDATE events SET created_at = :t"), {"t": dt.datetime(2026, 11, 2, 9, 0)})
        agency_settings.save(s, admin, replace(agency_settings.load(s), correction_grace_days=30))
    corrections.void_record(any_database, desk, today, "event", eid, 1, "wrong_date")
    with any_database.reading() as s:
        assert s.get(Event, eid).void_reason == "wrong_date"


def test_a_correction_after_a_months_report_is_listed_in_the_next_report(
    any_database, admin, today, tmp_path
):
    from db import audit
    from reports.outputs.monthly_data import build_report_data
    from reports.render.pdf_monthly import revision_text, write_monthly_pdf

    cid, aid = client_with_intake(any_database, admin, today)
    early = records.add_event(
        any_database, admin, cid, {"occurred_on": "2026-10-03", "event": "arrest"}, today
    )
    corrections.void_record(any_database, admin, today, "event", early, 1, "duplicate")
    with any_database.writing() as s:  # October's report was made after that void
        audit.record(s, admin, "export", "monthly_report", "2026-10", after={"file": "oct.pdf"})
    answers, substances = intake("2026-10-01", "craving;larger_longer", quality_of_life=12)
    corrections.edit_assessment(any_database, admin, today, aid, 1, answers, substances)
    eid = records.add_event(
        any_database, admin, cid, {"occurred_on": "2026-10-09", "event": "arrest"}, today
    )
    corrections.void_record(any_database, admin, today, "event", eid, 1, "wrong_date")
    data = build_report_data(any_database, admin, Period.month(2026, 11))
    assert data.revisions == (("2026-10", 2),)
    assert revision_text("2026-10", 2) == (
        "Revision: 2 records of October 2026 were corrected after its report."
    )
    assert build_report_data(any_database, admin, OCTOBER).revisions == ()
    target = tmp_path / "november.pdf"  # the line as printed on the PDF's first page
    write_monthly_pdf(data, target)
    command = ["pdftotext", "-l", "1", str(target), "-"]
    printed = " ".join(subprocess.run(command, capture_output=True, text=True).stdout.split())
    assert "Revision: 2 records of October 2026 were corrected after its report." in printed


def test_a_contact_attempt_and_a_clients_identity_are_corrected_with_the_reason(
    any_database, admin, today
):
    cid, _ = client_with_intake(any_database, admin, today)
    tried = {"attempted_on": "2026-11-02", "method": "phone", "outcome": "no_answer"}
    tid = records.add_followup_attempt(
        any_database, admin, cid, dt.date(2026, 10, 1), 3, tried, today
    )
    fixed = {**tried, "outcome": "left_message", "note": "voicemail"}
    assert (
        corrections.edit_contact_attempt(any_database, admin, today, tid, 1, fixed, "misheard") == 2
    )
    renamed = {**PERSON, "family_name": "Lewes"}
    assert corrections.edit_client(any_database, admin, today, cid, 1, renamed, "spelling") == 2
    with any_database.reading() as s:
        assert s.get(Client, cid).family_name == "Lewes"
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "update").order_by(AuditEntry.seq)
        ).all()
    attempt, client = (json.loads(r.after) for r in rows[-2:])
    assert (attempt["outcome"], attempt["note"], attempt["reason"]) == (
        "left_message",
        "voicemail",
        "misheard",
    )
    assert (client["family_name"], client["reason"]) == ("Lewes", "spelling")
