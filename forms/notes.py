"""Client notes: short dated free-text notes about a client, for the agency's staff only.

One function per action, as every user action in forms/: each takes the database,
the signed-in actor, today and what was typed; validates (an empty or over-long
note, a date in the future or before the client's birth is refused with a message
naming the field, and nothing is written); checks who may; owns the transaction and
writes the audit row in it. Who may correct or void a note is decided as for any
record (forms.corrections.may_correct_entry): front desk their own notes within the
agency's grace period, managers and administrators any note.

A note never leaves the program: no export, funder file, report or call list reads
them (docs/security.md, "Client notes"); the audit rows name a note, never its text.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import cast

from db import clients
from db import notes as stored_notes
from db.access import Actor, Permission
from db.engine import Database, Session
from db.models import ClientNote
from db.notes import NoteChanged, NoteEntry
from forms import correction_messages as say
from forms.corrections import VOID_REASON_LABELS, may_correct_entry
from forms.definitions import VOID_FIELDS
from forms.fields import N_, Field, Kind, Message
from forms.validation import ValidationFailed, validate_fields

NOTE_LIMIT = 1000
KIND = stored_notes.ENTITY

NOTED_ON = Field(
    "noted_on",
    N_("Note date"),
    Kind.DATE,
    required=True,
    help=N_("The day the note is about; today unless you write it down later."),
)
NOTE_TEXT = Field(
    "note_text",
    N_("Note"),
    Kind.TEXT,
    required=True,
    max_length=NOTE_LIMIT,
    help=N_(
        "A short note for the agency's staff. It is never exported, never sent to a "
        "funder and never printed in a report."
    ),
)
NOTE_FIELDS: tuple[Field, ...] = (NOTED_ON, NOTE_TEXT)
VOID_NOTE = VOID_FIELDS[1]

__all__ = [
    "NOTE_FIELDS",
    "NoteChanged",
    "NoteEntry",
    "add_note",
    "client_notes",
    "correct_note",
    "void_note",
]


def add_note(
    database: Database,
    actor: Actor,
    today: dt.date,
    client_id: int,
    raw: Mapping[str, object],
) -> int:
    """Write a note about the client; returns its id."""
    actor.require(Permission.ENTER_DATA)
    values = _validated(NOTE_FIELDS, raw, today)
    with database.writing() as session:
        birth = _birth_date(session, client_id)
        noted_on = cast(dt.date, values["noted_on"])
        if noted_on < birth:
            raise ValidationFailed(
                {
                    NOTED_ON.key: Message(
                        N_("{label} may not be before the client's birth ({birth})"),
                        label=NOTED_ON.label,
                        birth=birth,
                    )
                }
            )
        return stored_notes.add(session, actor, client_id, noted_on, str(values["note_text"]))


def correct_note(
    database: Database,
    actor: Actor,
    today: dt.date,
    note_id: int,
    version: int,
    text: object,
) -> int:
    """Replace a note's text (the earlier text is kept); returns the note's new version."""
    values = _validated((NOTE_TEXT,), {NOTE_TEXT.key: text}, today)
    with database.writing() as session:
        note = _open(session, actor, today, note_id)
        try:
            return stored_notes.correct(session, actor, note, version, str(values["note_text"]))
        except NoteChanged:
            raise NoteChanged(say.changed_meanwhile(KIND)) from None


def void_note(
    database: Database,
    actor: Actor,
    today: dt.date,
    note_id: int,
    version: int,
    reason: str,
    why: object = None,
) -> int:
    """Take a note off the client's page, with a reason (one of the records' void reasons)
    and an optional explanation; the note and its texts are kept."""
    if reason not in VOID_REASON_LABELS:
        choices = ", ".join(VOID_REASON_LABELS)
        raise ValidationFailed({"void_reason": say.choose_void_reason(choices)})
    explained = _validated((VOID_NOTE,), {VOID_NOTE.key: why}, today)[VOID_NOTE.key]
    with database.writing() as session:
        note = _open(session, actor, today, note_id)
        try:
            return stored_notes.void(
                session, actor, note, version, reason, _text_or_none(explained)
            )
        except NoteChanged:
            raise NoteChanged(say.changed_meanwhile(KIND)) from None


def client_notes(database: Database, actor: Actor, client_id: int) -> list[NoteEntry]:
    """The client's notes not voided, newest first, each with its earlier texts."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.reading() as session:
        return stored_notes.for_client(session, client_id)


# --- shared steps -----------------------------------------------------------------------


def _validated(
    fields: tuple[Field, ...], raw: Mapping[str, object], today: dt.date
) -> dict[str, object]:
    """The fields' values, or ValidationFailed naming each field that is wrong. A note may
    run over several lines: its line breaks are the one control character it may hold."""
    lines = {k: _one_line(v) for k, v in raw.items()}
    result = validate_fields(fields, lines, today)
    if not result.ok:
        raise ValidationFailed(result.errors)
    return {k: _lines_back(raw.get(k), v) for k, v in result.values.items()}


def _one_line(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\n", " ")
    return value


def _lines_back(raw: object, value: object) -> object:
    if isinstance(raw, str) and isinstance(value, str):
        lines = raw.replace("\r\n", "\n").strip().split("\n")
        return unicodedata.normalize("NFC", "\n".join(line.rstrip() for line in lines))
    return value


def _birth_date(session: Session, client_id: int) -> dt.date:
    client = clients.get(session, client_id)
    if client is None or client.merged_into_id is not None:
        raise ValidationFailed({"client_code": say.client_gone()})
    birth: dt.date = client.birth_date
    return birth


def _open(session: Session, actor: Actor, today: dt.date, note_id: int) -> ClientNote:
    try:
        note = stored_notes.live(session, note_id)
    except NoteChanged:
        raise NoteChanged(note_gone()) from None
    may_correct_entry(session, actor, today, KIND, note.entered_by_id, note.entered_at)
    return note


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def note_gone() -> Message:
    return Message(N_("This note no longer exists or was voided on another workstation."))
