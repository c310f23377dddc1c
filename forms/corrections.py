"""Correcting the record: edit, void and restore saved records; erase a whole client.

One function per action, as every user action in forms/: each takes the
database, the signed-in actor, today and the input; validates with the entry
form's own field definitions; checks who may (front desk: only what they
entered themselves, within `correction_grace_days` of entering it; managers
and administrators: any record); owns the transaction; and writes the audit
row, with the reason and the values before and after, in that transaction.
Every correction ends with the client's rebuild (forms.rebuild), so statuses,
episodes and follow-up points come from the corrected, non-voided history.
A change based on a version another workstation has since replaced is
refused with `RecordConflict` (db.corrections); nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from db import audit, clients
from db import corrections as stored_records
from db import settings as agency_settings
from db.access import Actor, Permission, PermissionDenied
from db.assessments import DuplicateDateError
from db.corrections import StoredRecord
from db.engine import Database, Session
from forms import correction_messages as say
from forms.definitions import VOID_FIELDS
from forms.fields import N_
from forms.rebuild import rebuild_client
from forms.records import _check_consent_to_contact, _raise_if_invalid
from forms.validation import (
    ValidationFailed,
    validate_assessment,
    validate_client,
    validate_encounter,
    validate_event,
    validate_followup_attempt,
)

VOID_REASON_LABELS = {code.value: code.label for code in VOID_FIELDS[0].codes}
KIND_LABELS = {
    "assessment": N_("assessment"),
    "event": N_("event"),
    "encounter": N_("encounter"),
    "followup_attempt": N_("contact attempt"),
}
NOTE_LIMIT = 500


def edit_assessment(
    database: Database,
    actor: Actor,
    today: dt.date,
    assessment_id: int,
    version: int,
    raw: Mapping[str, object],
    substances: Sequence[Mapping[str, object]],
    note: str | None = None,
) -> int:
    """Replace an assessment's answers and substance rows; returns the new version."""
    with database.writing() as session:
        record = _open(session, actor, today, "assessment", assessment_id)
        client = _client_of(session, record)
        result = validate_assessment(raw, substances, client.birth_date, today)
        _raise_if_invalid(result)
        values: dict[str, Any] = dict(result.values)
        rows = values.pop("substances")
        return apply_assessment_values(session, actor, record, version, values, rows, note)


def apply_assessment_values(
    session: Session,
    actor: Actor,
    record: StoredRecord,
    version: int,
    values: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
    note: str | None,
    *,
    rebuild: bool = True,
) -> int:
    """The assessment change inside the caller's transaction, validated already: the edit
    above and `import --update` both write through here (same audit, same rebuild; an
    import rebuilds its clients once at its end, `rebuild=False`, with the same function)."""
    columns = {k: values.get(k) for k in stored_records.VALUE_COLUMNS["assessment"]}
    now = dt.datetime.now(dt.UTC)
    new_version = _change(session, record, version, columns, now)
    stored_rows = stored_records.replace_substances(session, record.id, substances)
    after = {**record.audit_values(), **columns, "substances": stored_rows}
    _finish(session, actor, record, "edit", after, note, values["assessed_on"], rebuild)
    return new_version


def edit_event(
    database: Database,
    actor: Actor,
    today: dt.date,
    event_id: int,
    version: int,
    raw: Mapping[str, object],
    note: str | None = None,
) -> int:
    with database.writing() as session:
        record = _open(session, actor, today, "event", event_id)
        client = _client_of(session, record)
        result = validate_event(raw, client.birth_date, today)
        _raise_if_invalid(result)
        values = dict(result.values)
        values["count"] = values.get("count") or 1
        return _edit(session, actor, record, version, values, note)


def edit_encounter(
    database: Database,
    actor: Actor,
    today: dt.date,
    encounter_id: int,
    version: int,
    raw: Mapping[str, object],
    note: str | None = None,
) -> int:
    result = validate_encounter(raw, today)
    _raise_if_invalid(result)
    values = dict(result.values)
    for key in stored_records.VALUE_COLUMNS["encounter"][2:]:
        values[key] = values.get(key) or 0
    with database.writing() as session:
        record = _open(session, actor, today, "encounter", encounter_id)
        return _edit(session, actor, record, version, values, note)


def edit_contact_attempt(
    database: Database,
    actor: Actor,
    today: dt.date,
    attempt_id: int,
    version: int,
    raw: Mapping[str, object],
    note: str | None = None,
) -> int:
    result = validate_followup_attempt(raw, today)
    _raise_if_invalid(result)
    with database.writing() as session:
        record = _open(session, actor, today, "followup_attempt", attempt_id)
        client = _client_of(session, record)
        _check_consent_to_contact(client.consent_contact, str(result.values["method"]))
        return _edit(session, actor, record, version, dict(result.values), note)


def edit_client(
    database: Database,
    actor: Actor,
    today: dt.date,
    client_id: int,
    version: int,
    raw: Mapping[str, object],
    note: str | None = None,
) -> int:
    """Correct a client's identity fields (the client form's save path, with a reason)."""
    result = validate_client(raw, today)
    _raise_if_invalid(result)
    with database.writing() as session:
        try:
            client = clients.update_client(
                session, actor, client_id, version, result.values, _note(note)
            )
        except clients.DuplicateCodeError as exc:
            raise ValidationFailed({"client_code": str(exc)}) from exc
        _rebuild(session, client_id, N_("This correction"))
        return client.version


def void_record(
    database: Database,
    actor: Actor,
    today: dt.date,
    kind: str,
    record_id: int,
    version: int,
    reason: str,
    note: str | None = None,
) -> int:
    """Void a record: it keeps its row and reason and leaves every rule and report."""
    if reason not in VOID_REASON_LABELS:
        choices = ", ".join(VOID_REASON_LABELS)
        raise ValidationFailed({"void_reason": say.choose_void_reason(choices)})
    with database.writing() as session:
        record = _open(session, actor, today, kind, record_id)
        if record.voided:
            raise ValidationFailed({"void_reason": say.already_voided()})
        void = {
            "voided_at": dt.datetime.now(dt.UTC),
            "voided_by": actor.username,
            "void_reason": reason,
            "void_note": _note(note),
        }
        new_version = _change(session, record, version, void, void["voided_at"])
        after = {**record.audit_values(), **void}
        _finish(session, actor, record, "void", after, note, record.record_on)
        return new_version


def restore_record(
    database: Database,
    actor: Actor,
    today: dt.date,
    kind: str,
    record_id: int,
    version: int,
    note: str | None = None,
) -> int:
    """Bring a voided record back into every rule and report."""
    with database.writing() as session:
        record = _open(session, actor, today, kind, record_id)
        if not record.voided:
            raise ValidationFailed({"void_reason": say.not_voided()})
        now = dt.datetime.now(dt.UTC)
        new_version = _change(session, record, version, stored_records.NOT_VOIDED, now)
        after = {**record.audit_values(), **stored_records.NOT_VOIDED}
        _finish(session, actor, record, "restore", after, note, record.record_on)
        return new_version


def erase_client(
    database: Database,
    actor: Actor,
    today: dt.date,
    client_code: str,
    reason: str,
    typed_again: str,
) -> dict[str, int]:
    """Delete a whole client and what was recorded about them, where the law requires it.

    Administrators only; the client's code must be typed a second time (`typed_again`),
    so a slip of the hand on another client's page erases nothing. The audit row keeps the
    client's id and code, the reason and how many records went; never the name or any
    other value of the client. Returns those counts.
    """
    actor.require(Permission.ERASE_CLIENTS)
    code = client_code.strip()
    if not reason.strip():
        raise ValidationFailed({"reason": say.erasure_reason_missing()})
    if typed_again.strip().casefold() != code.casefold():
        raise ValidationFailed({"client_code": say.typed_code_differs(typed_again.strip(), code)})
    with database.writing() as session:
        found = clients.with_codes(session, [code])
        if not found:
            raise ValidationFailed({"client_code": say.no_such_client(code)})
        counts = stored_records.erase_client(session, found[0])
        after = {
            "erased_on": today,
            "client_code": code,
            "reason": _note(reason),
            "rows_deleted": counts,
        }
        audit.record(session, actor, "delete", "client", found[0], after=after)
        return counts


# --- shared steps -----------------------------------------------------------------------


def _open(
    session: Session, actor: Actor, today: dt.date, kind: str, record_id: int
) -> StoredRecord:
    if kind not in stored_records.KINDS:
        raise ValueError(f"no such kind of record: {kind}")
    record = stored_records.stored(session, kind, record_id)
    if record is None:
        raise stored_records.RecordConflict(say.record_gone(kind), None, kind)
    may_correct(session, actor, today, record)
    return record


def may_correct(session: Session, actor: Actor, today: dt.date, record: StoredRecord) -> None:
    """Raise PermissionDenied unless the actor may correct this record today."""
    may_correct_entry(session, actor, today, record.kind, record.entered_by_id, record.entered_at)


def may_correct_entry(
    session: Session,
    actor: Actor,
    today: dt.date,
    kind: str,
    entered_by_id: int | None,
    entered_at: dt.datetime | None,
) -> None:
    """Raise PermissionDenied unless the actor may correct, today, what was entered by
    `entered_by_id` at `entered_at` (a record of `kind`, or a client note)."""
    actor.require(Permission.ENTER_DATA)
    if actor.can(Permission.CORRECT_ANY_RECORD):
        return
    days = agency_settings.load(session).correction_grace_days
    if entered_by_id != actor.user_id:
        raise PermissionDenied(say.not_own_entry(kind))
    entered_on = entered_at.date() if entered_at else None
    if entered_on is None or entered_on < today - dt.timedelta(days=days):
        raise PermissionDenied(say.past_grace_period(kind, days, entered_on))


def _client_of(session: Session, record: StoredRecord) -> stored_records.ClientFacts:
    client = stored_records.client_facts(session, record.client_id) if record.client_id else None
    if client is None:
        raise ValidationFailed({"client_code": say.client_gone()})
    return client


def _edit(
    session: Session,
    actor: Actor,
    record: StoredRecord,
    version: int,
    values: Mapping[str, Any],
    note: str | None,
) -> int:
    columns = {k: values.get(k) for k in stored_records.VALUE_COLUMNS[record.kind]}
    new_version = _change(session, record, version, columns, dt.datetime.now(dt.UTC))
    after = {**record.audit_values(), **columns}
    moved_to = values[stored_records.DATE_COLUMN[record.kind]]
    _finish(session, actor, record, "edit", after, note, moved_to)
    return new_version


def _change(
    session: Session, record: StoredRecord, version: int, values: Mapping[str, Any], now: Any
) -> int:
    # A refusal abandons the whole transaction (Database.writing rolls it back).
    try:
        return stored_records.change(session, record, version, values, now)
    except DuplicateDateError as exc:
        raise ValidationFailed({exc.field: say.duplicate_assessment(exc.day)}) from None
    except stored_records.RecordConflict as exc:
        refusal = say.changed_meanwhile(exc.kind)
        raise stored_records.RecordConflict(refusal, exc.current, exc.kind) from None


def _finish(
    session: Session,
    actor: Actor,
    record: StoredRecord,
    action: str,
    after: Mapping[str, Any],
    note: str | None,
    new_day: dt.date,
    rebuild: bool = True,
) -> None:
    """Audit row, the correction's dates for the monthly report, the client's rebuild."""
    after = {**after, "correction": action, "reason": _note(note)}
    audit.record(
        session, actor, "update", record.kind, record.id, before=record.audit_values(), after=after
    )
    stored_records.note(session, record, action, (record.record_on, new_day))
    if rebuild and record.client_id is not None:
        verb = {"edit": N_("This correction"), "void": N_("Voiding this record")}
        _rebuild(session, record.client_id, verb.get(action, N_("Restoring this record")))


def _rebuild(session: Session, client_id: int, doing: str) -> None:
    plan = rebuild_client(session, client_id)
    if plan.errors:
        row, exc = plan.errors[0]
        refusal = say.outside_episode(doing, row.kind, row.assessed_on, exc.message)
        raise ValidationFailed({exc.field: refusal})


def _note(text: object) -> str | None:
    if text is None or not str(text).strip():
        return None
    return str(text).strip()[:NOTE_LIMIT]
