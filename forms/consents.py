"""Recording and revoking a client's consents (42 CFR part 2; DOMAIN.md §9).

Each action takes the database, the actor, today and what was typed; it
checks the actor, validates, and writes the consent with its audit row in one
transaction, or raises (`ValidationFailed` keyed by field, `PermissionDenied`)
having written nothing. Front desk may do both: the consent form is signed at
the desk, and revoking is the client's right, so it must not wait for a manager.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from db import clients, codes, disclosures
from db import consents as consent_rows
from db.access import Actor, Permission
from db.disclosures import DisclosureEntry
from db.engine import Database
from db.models import Consent
from forms.definitions import CONSENT_FIELDS, REVOKED_ON, by_key
from forms.validation import ValidationFailed, check_revocation, validate_consent, validate_fields
from forms.values import FieldError, parse

CONSENT_ACTIONS = Permission.ENTER_DATA
NAMED_RECIPIENT = "named_recipient"
INTERNAL_OPERATIONS = "internal_operations"
EXPORT_PURPOSES = codes.EXPORT_PURPOSES


@dataclass(frozen=True)
class Recipient:
    """To whom an identified export goes: a purpose of DISCLOSURE_PURPOSES and, for a named
    recipient (or to say who receives a disclosure for a purpose), the recipient's name."""

    purpose: str
    name: str | None = None


def parse_recipient(purpose: str | None, name: object, today: dt.date) -> Recipient:
    """The recipient of an export from what was typed: a name alone is a named recipient;
    a purpose may carry the name of who receives it. Raises ValidationFailed."""
    field = by_key(CONSENT_FIELDS)["recipient"]
    try:
        text = parse(field, name, today)
    except FieldError as exc:
        raise ValidationFailed({"recipient": f"{field.label} {exc}"}) from None
    chosen = purpose or NAMED_RECIPIENT
    if chosen not in (*EXPORT_PURPOSES, NAMED_RECIPIENT):
        allowed = ", ".join(EXPORT_PURPOSES)
        raise ValidationFailed({"purpose": f"Purpose '{chosen}' is not one of {allowed}"})
    if chosen == NAMED_RECIPIENT and text is None:
        raise ValidationFailed(
            {"recipient": "Recipient is required: name who receives the workbook"}
        )
    return Recipient(chosen, None if text is None else str(text))


def record_consent(
    database: Database,
    actor: Actor,
    client_id: int,
    raw: Mapping[str, object],
    today: dt.date,
) -> int:
    """Save a consent the client signed; returns its id."""
    actor.require(CONSENT_ACTIONS)
    with database.writing() as session:
        client = clients.get(session, client_id)
        if client is None or client.merged_into_id is not None:
            raise ValidationFailed({"client_code": "This client no longer exists"})
        result = validate_consent(raw, client.birth_date, today)
        if not result.ok:
            raise ValidationFailed(result.errors)
        return consent_rows.add(session, actor, client_id, result.values).id


def revoke_consent(
    database: Database,
    actor: Actor,
    consent_id: int,
    raw: Mapping[str, object],
    today: dt.date,
) -> None:
    """Record that the client revoked a consent: from `revoked_on` on it covers nothing."""
    actor.require(CONSENT_ACTIONS)
    key = REVOKED_ON.key
    with database.writing() as session:
        consent = consent_rows.get(session, consent_id)
        if consent is None:
            raise ValidationFailed({key: "This consent no longer exists"})
        if consent.revoked_on is not None:
            raise ValidationFailed(
                {key: f"This consent was already revoked on {consent.revoked_on.isoformat()}"}
            )
        result = validate_fields((REVOKED_ON,), raw, today)
        check_revocation(result, consent.signed_on)
        if not result.ok:
            raise ValidationFailed(result.errors)
        consent_rows.revoke(session, actor, consent, result.values[key])  # type: ignore[arg-type]


def client_consents(database: Database, actor: Actor, client_id: int) -> list[Consent]:
    """A client's consents, oldest signature first (for the client page)."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.reading() as session:
        return consent_rows.for_client(session, client_id)


def client_disclosures(database: Database, actor: Actor, client_id: int) -> list[DisclosureEntry]:
    """The disclosures that named a client, newest first: the list 42 CFR part 2 lets a
    client ask for."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.reading() as session:
        return disclosures.for_client(session, client_id)
