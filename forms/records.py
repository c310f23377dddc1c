"""Saving what a person entered: validate with the forms, then write in one transaction.

Every function raises `ValidationFailed` (messages keyed by field) and writes
nothing when any value is wrong; on success the record and its audit row are
committed together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from db import assessments, clients, episodes, followups
from db import events as event_rows
from db import settings as agency_settings
from db.access import Actor, Permission
from db.engine import Database, Session
from forms.correction_messages import duplicate_assessment
from forms.definitions import (
    CLIENT_FIELDS,
    FOLLOWUP_ATTEMPT_FIELDS,
    METHODS_WITHOUT_CONSENT_TO_CONTACT,
    by_key,
)
from forms.validation import (
    Validated,
    ValidationFailed,
    validate_assessment,
    validate_client,
    validate_encounter,
    validate_event,
    validate_followup_attempt,
)
from forms.values import is_blank
from reports.rules.episodes import EpisodeError, change_for


def _raise_if_invalid(result: Validated) -> None:
    if not result.ok:
        raise ValidationFailed(result.errors)


def create_client(
    database: Database, actor: Actor, raw: Mapping[str, object], today: dt.date
) -> int:
    """Save a new client; an empty client code gets the agency's next free code."""
    with database.writing() as session:
        raw = dict(raw)
        if is_blank(raw.get("client_code")):
            prefix = agency_settings.load(session).client_code_prefix
            raw["client_code"] = clients.next_client_code(session, prefix)
        result = validate_client(raw, today)
        _raise_if_invalid(result)
        try:
            return clients.create(session, actor, result.values).id
        except clients.DuplicateCodeError as exc:
            raise ValidationFailed({"client_code": str(exc)}) from exc


def update_client(
    database: Database,
    actor: Actor,
    client_id: int,
    expected_version: int,
    raw: Mapping[str, object],
    today: dt.date,
) -> int:
    """Save changes to a client; returns the new version. Raises ConflictError on a clash."""
    result = validate_client(raw, today)
    _raise_if_invalid(result)
    with database.writing() as session:
        try:
            client = clients.update_client(
                session, actor, client_id, expected_version, result.values
            )
        except clients.DuplicateCodeError as exc:
            raise ValidationFailed({"client_code": str(exc)}) from exc
        return client.version


def add_assessment(
    database: Database,
    actor: Actor,
    client_id: int,
    raw: Mapping[str, object],
    substances: Sequence[Mapping[str, object]],
    today: dt.date,
    *,
    reason_required: bool = False,
) -> int:
    with database.writing() as session:
        context = assessments.save_context(session, client_id)
        if context is None:
            raise _client_gone()
        result = validate_assessment(
            raw, substances, context.birth_date, today, reason_required=reason_required
        )
        _raise_if_invalid(result)
        values: dict[str, Any] = dict(result.values)
        rows = values.pop("substances")
        actor.require(Permission.ENTER_DATA)  # before the episodes change
        try:
            episode_id = _episode_for(session, context, values["kind"], values["assessed_on"])
            return assessments.add(session, actor, context, episode_id, values, rows)
        except EpisodeError as exc:  # its sentence, which a screen says in its language
            raise ValidationFailed({exc.field: exc.message}) from exc
        except assessments.DuplicateDateError as exc:
            raise ValidationFailed({exc.field: duplicate_assessment(exc.day)}) from exc


def add_discharge(
    database: Database,
    actor: Actor,
    client_id: int,
    raw: Mapping[str, object],
    substances: Sequence[Mapping[str, object]],
    today: dt.date,
) -> int:
    """A discharge entered at the desk: it closes the episode and must say why."""
    values = {**raw, "kind": "discharge"}
    return add_assessment(
        database, actor, client_id, values, substances, today, reason_required=True
    )


def _episode_for(
    session: Session, context: assessments.SaveContext, kind: str, day: dt.date
) -> int:
    """Apply the episode rule to the stored episodes; the episode the assessment joins."""
    # The last completed interview tells a re-entry, so only an intake after an episode reads it.
    last_seen = None
    if kind == "intake" and context.episodes:
        last_seen = episodes.last_completed_before(session, context.client_id, day)
    change = change_for(context.episodes, kind, day, last_seen)
    if change.close is not None:
        episodes.close(session, *change.close)
    if change.use_id is not None:
        return change.use_id
    return episodes.open_episode(session, context.client_id, day, change.reentry)


def add_event(
    database: Database, actor: Actor, client_id: int, raw: Mapping[str, object], today: dt.date
) -> int:
    with database.writing() as session:
        client = _client(session, client_id)
        result = validate_event(raw, client.birth_date, today)
        _raise_if_invalid(result)
        return event_rows.add_event(session, actor, client.id, result.values).id


def add_encounter(
    database: Database,
    actor: Actor,
    client_id: int | None,
    raw: Mapping[str, object],
    today: dt.date,
) -> int:
    result = validate_encounter(raw, today)
    _raise_if_invalid(result)
    with database.writing() as session:
        if client_id is not None:
            _client(session, client_id)
        return event_rows.add_encounter(session, actor, client_id, result.values).id


def add_followup_attempt(
    database: Database,
    actor: Actor,
    client_id: int,
    intake_on: dt.date,
    point_months: int,
    raw: Mapping[str, object],
    today: dt.date,
) -> int:
    result = validate_followup_attempt(raw, today)
    _raise_if_invalid(result)
    with database.writing() as session:
        client = _client(session, client_id)
        _check_consent_to_contact(client.consent_contact, str(result.values["method"]))
        return followups.add_attempt(
            session, actor, client_id, intake_on, point_months, result.values
        ).id


def _check_consent_to_contact(consent_contact: bool, method: str) -> None:
    """A client who did not consent to be contacted is not phoned, texted, written to or
    sought out; only a contact at the agency, which the client chose to make, is recorded."""
    if consent_contact or method in METHODS_WITHOUT_CONSENT_TO_CONTACT:
        return
    fields = by_key(FOLLOWUP_ATTEMPT_FIELDS)
    consent = by_key(CLIENT_FIELDS)["consent_contact"].label
    raise ValidationFailed(
        {
            "method": f"{fields['method'].label} {fields['method'].label_of(method).lower()} "
            f"is not allowed: {consent} is no for this client, so only a contact "
            f"in person at the agency can be recorded"
        }
    )


def _client(session: Any, client_id: int) -> Any:
    client = clients.get(session, client_id)
    if client is None:
        raise _client_gone()
    return client


def _client_gone() -> ValidationFailed:
    """For a save about a client deleted since the form was opened."""
    return ValidationFailed({"client_code": "This client no longer exists"})
