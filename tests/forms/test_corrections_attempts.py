"""Correcting a saved contact attempt (forms/corrections.py): the same permission rules as
every other record, and a voided attempt leaves the worklist's count of attempts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from db.access import PermissionDenied
from db.models import FollowUpAttempt
from forms import corrections, records
from forms.validation import ValidationFailed
from reports.datasets.followups_due import due_followups
from tests.accounts import signed_in
from tests.forms.test_corrections import PERSON, intake

TRIED = {"attempted_on": "2026-11-02", "method": "phone", "outcome": "no_answer"}
DUE_ON = dt.date(2027, 1, 5)  # inside the 3-month window of the October intake


def client_with_attempt(db, actor, today) -> tuple[int, int]:
    cid = records.create_client(db, actor, PERSON, today)
    answers, substances = intake("2026-10-01", "larger_longer;craving")
    records.add_assessment(db, actor, cid, answers, substances, today)
    tid = records.add_followup_attempt(db, actor, cid, dt.date(2026, 10, 1), 3, TRIED, today)
    return cid, tid


def attempts_on_worklist(db, actor) -> list[str]:
    due = due_followups(db, actor, DUE_ON, (3, 6, 12))
    return [a.outcome for item in due for a in item.attempts]


def test_a_voided_attempt_no_longer_counts_in_the_worklist(any_database, admin, today):
    _cid, tid = client_with_attempt(any_database, admin, today)
    assert attempts_on_worklist(any_database, admin) == ["no_answer"]
    corrections.void_record(
        any_database, admin, today, "followup_attempt", tid, 1, "wrong_client", "other Lewis"
    )
    assert attempts_on_worklist(any_database, admin) == []
    with any_database.reading() as s:
        stored = s.get(FollowUpAttempt, tid)
        assert (stored.void_reason, stored.void_note) == ("wrong_client", "other Lewis")
    corrections.restore_record(any_database, admin, today, "followup_attempt", tid, 2)
    assert attempts_on_worklist(any_database, admin) == ["no_answer"]


def test_an_edited_attempt_shows_its_new_outcome_on_the_worklist(any_database, admin, today):
    _cid, tid = client_with_attempt(any_database, admin, today)
    fixed = {**TRIED, "outcome": "left_message"}
    corrections.edit_contact_attempt(any_database, admin, today, tid, 1, fixed, "misheard")
    assert attempts_on_worklist(any_database, admin) == ["left_message"]


def test_front_desk_past_the_grace_period_may_not_correct_an_attempt(any_database, today):
    desk = signed_in(any_database, "front_desk")
    _cid, tid = client_with_attempt(any_database, desk, today)
    with any_database.writing() as s:
        s.execute(
            text("UPDATE followup_attempts SET created_at = :t"),
            {"t": dt.datetime(2026, 11, 2, 9, 0)},
        )
    fixed = {**TRIED, "outcome": "left_message"}
    with pytest.raises(PermissionDenied, match="for 7 days; this contact attempt was entered"):
        corrections.edit_contact_attempt(any_database, desk, today, tid, 1, fixed)
    with pytest.raises(PermissionDenied, match="for 7 days"):
        corrections.void_record(any_database, desk, today, "followup_attempt", tid, 1, "duplicate")
    with any_database.reading() as s:
        stored = s.get(FollowUpAttempt, tid)
        assert (stored.outcome, stored.voided_at, stored.version) == ("no_answer", None, 1)
    # Within the grace period the same person may.
    within = dt.date(2026, 11, 8)
    corrections.edit_contact_attempt(any_database, desk, within, tid, 1, fixed)
    with any_database.reading() as s:
        assert s.get(FollowUpAttempt, tid).outcome == "left_message"


def test_front_desk_may_not_void_an_attempt_someone_else_entered(any_database, admin, today):
    _cid, tid = client_with_attempt(any_database, admin, today)
    desk = signed_in(any_database, "front_desk")
    with pytest.raises(PermissionDenied, match="entered by someone else"):
        corrections.void_record(any_database, desk, today, "followup_attempt", tid, 1, "duplicate")


def test_an_edited_attempt_is_validated_like_a_new_one(any_database, admin, today):
    _cid, tid = client_with_attempt(any_database, admin, today)
    with pytest.raises(ValidationFailed) as failure:
        corrections.edit_contact_attempt(
            any_database, admin, today, tid, 1, {**TRIED, "outcome": "shouted"}
        )
    assert list(failure.value.errors) == ["outcome"]
    with any_database.reading() as s:
        assert s.get(FollowUpAttempt, tid).version == 1
