"""Client notes (forms/notes.py): writing, correcting, voiding; what is refused and
writes nothing; who may; the audit row that names a note without copying its text;
and the notes going with the client at an erasure and a merge."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, text

from db.access import PermissionDenied
from db.models import AuditEntry, ClientNote, ClientNoteRevision
from forms import client_list, corrections, notes, records
from forms.validation import ValidationFailed
from tests.accounts import signed_in
from tests.forms.test_corrections import PERSON

SECRET = "Told me about the eviction notice from Maple Court"


def counted(db) -> tuple[int, int, int]:
    with db.reading() as s:
        return (
            s.scalar(select(func.count(ClientNote.id))),
            s.scalar(select(func.count(ClientNoteRevision.id))),
            s.scalar(select(func.count()).where(AuditEntry.entity == "client_note")),
        )


def written(db, actor, today, client_id, words=SECRET, on="2026-11-20") -> int:
    return notes.add_note(db, actor, today, client_id, {"noted_on": on, "note_text": words})


@pytest.fixture
def client_id(any_database, admin, today) -> int:
    return records.create_client(any_database, admin, PERSON, today)


def test_a_note_is_listed_newest_first_with_its_writer(any_database, front_desk, today, client_id):
    first = written(any_database, front_desk, today, client_id, "First call", "2026-11-01")
    second = written(any_database, front_desk, today, client_id, "Line one\nLine two")
    listed = notes.client_notes(any_database, front_desk, client_id)
    assert [n.id for n in listed] == [second, first]
    assert listed[0].text == "Line one\nLine two"
    assert listed[0].noted_on == dt.date(2026, 11, 20)
    assert listed[0].entered_by == "test-front-desk"


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"noted_on": "2026-11-20", "note_text": "   "}, "note_text", "Note is required"),
        ({"noted_on": "2026-11-20", "note_text": "x" * 1001}, "note_text", "Note is too long"),
        ({"noted_on": "2026-11-20", "note_text": "a\x00b"}, "note_text", "Note contains"),
        ({"noted_on": "", "note_text": "Called"}, "noted_on", "Note date is required"),
        ({"noted_on": "2026-11-28", "note_text": "Called"}, "noted_on", "Note date"),
        (
            {"noted_on": "1989-01-01", "note_text": "Called"},
            "noted_on",
            "Note date may not be before",
        ),
    ],
)
def test_a_bad_note_names_its_field_and_writes_nothing(
    any_database, admin, today, client_id, raw, field, words
):
    before = counted(any_database)
    with pytest.raises(ValidationFailed) as failure:
        notes.add_note(any_database, admin, today, client_id, raw)
    assert list(failure.value.errors) == [field]
    assert failure.value.errors[field].startswith(words)
    assert counted(any_database) == before


def test_the_audit_row_names_the_note_but_never_its_text(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id)
    notes.correct_note(any_database, admin, today, note_id, 1, "Eviction worry, Maple Court")
    notes.void_note(any_database, admin, today, note_id, 2, "wrong_client", "Maple Court mix-up")
    with any_database.reading() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "client_note")))
    assert [(r.action, r.entity_id) for r in rows] == [
        ("create", str(note_id)),
        ("update", str(note_id)),
        ("update", str(note_id)),
    ]
    assert json.loads(rows[0].after) == {
        "client_id": client_id,
        "noted_on": "2026-11-20",
        "characters": len(SECRET),
        "version": 1,
    }
    assert json.loads(rows[2].after)["void_reason"] == "wrong_client"
    for row in rows:
        assert "Maple" not in (row.before or "") + (row.after or "")


def test_a_correction_keeps_the_earlier_text(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id, "Called, no answr")
    version = notes.correct_note(any_database, admin, today, note_id, 1, "Called, no answer")
    assert version == 2
    (listed,) = notes.client_notes(any_database, admin, client_id)
    assert listed.text == "Called, no answer"
    assert listed.corrected_by == "test-admin"
    assert [e.text for e in listed.earlier] == ["Called, no answr"]


def test_an_empty_correction_is_refused_and_changes_nothing(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id)
    with pytest.raises(ValidationFailed, match="Note is required"):
        notes.correct_note(any_database, admin, today, note_id, 1, "")
    assert notes.client_notes(any_database, admin, client_id)[0].text == SECRET
    assert counted(any_database) == (1, 0, 1)


def test_a_voided_note_leaves_the_page_but_stays_stored(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id)
    with pytest.raises(ValidationFailed, match="Choose why"):
        notes.void_note(any_database, admin, today, note_id, 1, "because")
    notes.void_note(any_database, admin, today, note_id, 1, "duplicate")
    assert notes.client_notes(any_database, admin, client_id) == []
    with any_database.reading() as s:
        stored = s.get(ClientNote, note_id)
        assert (stored.void_reason, stored.voided_by, stored.text) == (
            "duplicate",
            "test-admin",
            SECRET,
        )
    with pytest.raises(notes.NoteChanged, match="no longer exists or was voided"):
        notes.correct_note(any_database, admin, today, note_id, 2, "again")


def test_a_note_changed_elsewhere_is_not_overwritten(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id)
    notes.correct_note(any_database, admin, today, note_id, 1, "One workstation")
    with pytest.raises(notes.NoteChanged, match="changed on another workstation"):
        notes.correct_note(any_database, admin, today, note_id, 1, "The other one")
    assert notes.client_notes(any_database, admin, client_id)[0].text == "One workstation"


def test_front_desk_corrects_only_their_own_notes_within_the_grace_period(
    any_database, admin, today, client_id
):
    desk = signed_in(any_database, "front_desk")
    theirs = written(any_database, desk, today, client_id, "Mine")
    others = written(any_database, admin, today, client_id, "Admin's")
    with pytest.raises(PermissionDenied, match="entered by someone else"):
        notes.correct_note(any_database, desk, today, others, 1, "Changed")
    with any_database.writing() as s:
        s.execute(
            text("UPDATE client_notes SET entered_at = :t WHERE id = :i"),
            {"t": dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), "i": theirs},
        )
    with pytest.raises(PermissionDenied, match="for 7 days"):
        notes.void_note(any_database, desk, today, theirs, 1, "entered_in_error")
    within = dt.date(2026, 11, 9)
    assert notes.correct_note(any_database, desk, within, theirs, 1, "Mine, corrected") == 2
    manager = signed_in(any_database, "manager")
    notes.void_note(any_database, manager, today, theirs, 2, "entered_in_error")
    notes.correct_note(any_database, manager, today, others, 1, "Admin's, corrected")
    assert [n.text for n in notes.client_notes(any_database, admin, client_id)] == [
        "Admin's, corrected"
    ]


def test_an_erasure_takes_the_notes_and_their_earlier_texts(any_database, admin, today, client_id):
    note_id = written(any_database, admin, today, client_id)
    notes.correct_note(any_database, admin, today, note_id, 1, "Corrected")
    counts = corrections.erase_client(any_database, admin, today, "C-7", "court order", "C-7")
    assert (counts["client_notes"], counts["client_note_revisions"]) == (1, 1)
    assert counted(any_database)[:2] == (0, 0)
    with any_database.reading() as s:
        trail = " ".join((r.before or "") + (r.after or "") for r in s.scalars(select(AuditEntry)))
    assert "Maple" not in trail and "Corrected" not in trail


def test_a_merge_brings_the_duplicates_notes(any_database, admin, today, client_id):
    other = records.create_client(any_database, admin, {**PERSON, "client_code": "C-8"}, today)
    written(any_database, admin, today, other, "On the duplicate")
    client_list.merge_clients(any_database, admin, client_id, other)
    assert [n.text for n in notes.client_notes(any_database, admin, client_id)] == [
        "On the duplicate"
    ]


def test_a_note_is_stored_in_one_unicode_form_with_its_line_breaks(
    any_database, admin, today, client_id
):
    decomposed = "  Jose\u0301 called \r\nback later  "
    written(any_database, admin, today, client_id, decomposed)
    (listed,) = notes.client_notes(any_database, admin, client_id)
    assert listed.text == "Jos\u00e9 called\nback later"
