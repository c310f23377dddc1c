"""Client notes: writing, correcting, voiding and reading one client's notes.

The audit rows these write name the note (its id, client, date, length and what
happened to it) but never copy its text: the trail is append-only and outlives an
erasure, and its readers (administrators, reviewers) need who did what, not what a
worker wrote about a client (docs/security.md, "Client notes").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor
from db.clients import ConflictError
from db.models import ClientNote, ClientNoteRevision, utc_now

ENTITY = "client_note"


class NoteChanged(ConflictError):
    """The note was corrected, voided or erased on another workstation since it was read."""


@dataclass(frozen=True)
class EarlierText:
    text: str
    replaced_at: dt.datetime
    replaced_by: str


@dataclass(frozen=True)
class NoteEntry:
    """A note as the client page lists and reads it back (plain data)."""

    id: int
    client_id: int
    noted_on: dt.date
    text: str
    entered_by: str
    entered_by_id: int | None
    entered_at: dt.datetime
    version: int
    corrected_at: dt.datetime | None = None
    corrected_by: str | None = None
    earlier: tuple[EarlierText, ...] = ()


def _audit_facts(note: ClientNote) -> dict[str, Any]:
    """What an audit row says of a note: never its text."""
    return {
        "client_id": note.client_id,
        "noted_on": note.noted_on,
        "characters": len(note.text),
        "version": note.version,
    }


def add(session: Session, actor: Actor, client_id: int, noted_on: dt.date, text: str) -> int:
    note = ClientNote(
        client_id=client_id,
        noted_on=noted_on,
        text=text,
        entered_by_id=actor.user_id,
        entered_by=actor.username,
    )
    session.add(note)
    session.flush()
    audit.record(session, actor, "create", ENTITY, note.id, after=_audit_facts(note))
    return note.id


def live(session: Session, note_id: int) -> ClientNote:
    """The note if it still exists and is not voided; NoteChanged otherwise."""
    note = session.get(ClientNote, note_id)
    if note is None or note.voided_at is not None:
        raise NoteChanged("This note was voided or erased on another workstation")
    return note


def _check_version(note: ClientNote, version: int) -> None:
    if note.version != version:
        raise NoteChanged("This note was changed on another workstation since you opened it")


def correct(session: Session, actor: Actor, note: ClientNote, version: int, text: str) -> int:
    """Replace the note's text, keeping the earlier one; returns the new version."""
    _check_version(note, version)
    before = _audit_facts(note)
    now = utc_now()
    session.add(
        ClientNoteRevision(
            note_id=note.id, text=note.text, replaced_at=now, replaced_by=actor.username
        )
    )
    note.text = text
    note.corrected_at = now
    note.corrected_by = actor.username
    session.flush()
    after = {**_audit_facts(note), "correction": "edit"}
    audit.record(session, actor, "update", ENTITY, note.id, before=before, after=after)
    return note.version


def void(
    session: Session, actor: Actor, note: ClientNote, version: int, reason: str, why: str | None
) -> int:
    """Take the note off the client's page; the row, its reason and its texts stay.
    The free-text explanation (`why`) stays with the note, out of the audit row."""
    _check_version(note, version)
    before = _audit_facts(note)
    note.voided_at = utc_now()
    note.voided_by = actor.username
    note.void_reason = reason
    note.void_note = why
    session.flush()
    after = {**_audit_facts(note), "correction": "void", "void_reason": reason}
    audit.record(session, actor, "update", ENTITY, note.id, before=before, after=after)
    return note.version


def for_client(session: Session, client_id: int) -> list[NoteEntry]:
    """The client's notes not voided, newest first (by the note's day, then as written)."""
    notes = list(
        session.scalars(
            select(ClientNote)
            .where(ClientNote.client_id == client_id, ClientNote.voided_at.is_(None))
            .order_by(ClientNote.noted_on.desc(), ClientNote.id.desc())
        )
    )
    earlier = _earlier_texts(session, [n.id for n in notes])
    return [_entry(n, tuple(earlier.get(n.id, ()))) for n in notes]


def _earlier_texts(session: Session, note_ids: list[int]) -> dict[int, list[EarlierText]]:
    found: dict[int, list[EarlierText]] = {}
    if not note_ids:
        return found
    rows = session.scalars(
        select(ClientNoteRevision)
        .where(ClientNoteRevision.note_id.in_(note_ids))
        .order_by(ClientNoteRevision.id)
    )
    for row in rows:
        found.setdefault(row.note_id, []).append(
            EarlierText(row.text, row.replaced_at, row.replaced_by)
        )
    return found


def _entry(note: ClientNote, earlier: tuple[EarlierText, ...]) -> NoteEntry:
    return NoteEntry(
        note.id,
        note.client_id,
        note.noted_on,
        note.text,
        note.entered_by,
        note.entered_by_id,
        note.entered_at,
        note.version,
        note.corrected_at,
        note.corrected_by,
        earlier,
    )


def move(session: Session, keep_id: int, drop_id: int) -> None:
    """A merge: the duplicate's notes become the kept client's."""
    session.execute(
        update(ClientNote).where(ClientNote.client_id == drop_id).values(client_id=keep_id)
    )


def erase(session: Session, client_ids: list[int]) -> tuple[int, int]:
    """Delete the notes of these clients and their earlier texts: (notes, earlier texts)."""
    note_ids = select(ClientNote.id).where(ClientNote.client_id.in_(client_ids))
    revisions = session.execute(
        delete(ClientNoteRevision)
        .where(ClientNoteRevision.note_id.in_(note_ids))
        .execution_options(synchronize_session=False)
    )
    notes = session.execute(
        delete(ClientNote)
        .where(ClientNote.client_id.in_(client_ids))
        .execution_options(synchronize_session=False)
    )
    return int(notes.rowcount), int(revisions.rowcount)  # type: ignore[attr-defined]
