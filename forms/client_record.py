"""What a client's page shows, read in one short transaction that also writes the `view`
audit row, as plain frozen records (never ORM rows, which die with their session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db import assessments, audit, clients, consents, disclosures, events, followups
from db.access import Actor, Permission
from db.codes import ENCOUNTER_TALLIES
from db.disclosures import DisclosureEntry
from db.engine import Database, Session
from db.models import Assessment, Consent, FollowUpAttempt, SubstanceRecord

__all__ = [
    "AssessmentEntry",
    "AttemptEntry",
    "ClientGone",
    "ClientRecord",
    "ConsentEntry",
    "DisclosureEntry",
    "EncounterEntry",
    "EventEntry",
    "SubstanceEntry",
    "open_client",
    "substances_last_told",
]


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    id: int
    assessed_on: dt.date
    kind: str
    contact_status: str
    # A voided record stays on the page, struck through with its reason (DOMAIN.md §9a).
    voided_at: dt.datetime | None = None
    void_reason: str | None = None
    void_note: str | None = None
    discharge_reason: str | None = None  # why a discharge closed the episode (schema 0013)
    discharge_note: str | None = None


@dataclass(frozen=True, slots=True)
class SubstanceEntry:
    assessment_id: int
    substance_class: str
    primary: bool
    criteria: str  # the DSM-5 criteria met, codes joined with ";"


@dataclass(frozen=True, slots=True)
class EventEntry:
    occurred_on: dt.date
    event: str
    count: int
    id: int = 0  # the stored row's, to open it
    voided_at: dt.datetime | None = None
    void_reason: str | None = None
    void_note: str | None = None


@dataclass(frozen=True, slots=True)
class EncounterEntry:
    occurred_on: dt.date
    area: str | None
    tallies: Mapping[str, int]  # by codes.ENCOUNTER_TALLIES key
    id: int = 0  # the stored row's, to open it
    voided_at: dt.datetime | None = None
    void_reason: str | None = None
    void_note: str | None = None


@dataclass(frozen=True, slots=True)
class AttemptEntry:
    intake_on: dt.date
    point_months: int
    attempted_on: dt.date
    method: str
    outcome: str
    note: str | None
    id: int = 0  # the stored row's, to open it
    voided_at: dt.datetime | None = None
    void_reason: str | None = None
    void_note: str | None = None


@dataclass(frozen=True, slots=True)
class ConsentEntry:
    id: int
    scope: str
    recipient: str | None
    signed_on: dt.date
    expires_on: dt.date | None
    revoked_on: dt.date | None
    note: str | None


@dataclass(frozen=True)
class ClientRecord:
    client_id: int
    version: int
    values: dict[str, Any]  # the client's fields, keyed as forms.definitions.CLIENT_FIELDS
    assessments: tuple[AssessmentEntry, ...]  # in date order
    substances: dict[int, tuple[SubstanceEntry, ...]]  # by assessment id
    events: tuple[EventEntry, ...]
    encounters: tuple[EncounterEntry, ...]
    attempts: tuple[AttemptEntry, ...]
    consents: tuple[ConsentEntry, ...]  # in signing order
    disclosures: tuple[DisclosureEntry, ...]  # newest first


def substances_last_told(
    assessments: Sequence[AssessmentEntry], substances: Mapping[int, Sequence[SubstanceEntry]]
) -> tuple[SubstanceEntry, ...]:
    """The substances of the last completed interview, primary first: a follow-up starts
    from them instead of a blank row (the criteria are asked afresh). A voided interview
    was never told."""
    for entry in reversed(assessments):
        live = entry.voided_at is None and entry.contact_status == "completed"
        if live and substances.get(entry.id):
            return tuple(sorted(substances[entry.id], key=lambda s: not s.primary))
    return ()


class ClientGone(LookupError):
    """The client was merged into another or deleted since the list was shown."""

    def __init__(self, merged_into: int | None) -> None:
        super().__init__("client no longer exists")
        self.merged_into = merged_into


def open_client(database: Database, actor: Actor, client_id: int) -> ClientRecord:
    """Everything recorded for one client; opening it is a `view` in the audit trail."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.writing() as session:
        client = clients.get(session, client_id)
        if client is None or client.merged_into_id is not None:
            raise ClientGone(client.merged_into_id if client else None)
        rows = assessments.for_client(session, client_id)
        substances: dict[int, list[SubstanceEntry]] = {a.id: [] for a in rows}
        for record in assessments.substances_of(session, [a.id for a in rows]):
            substances[record.assessment_id].append(_substance(record))
        audit.record(session, actor, "view", "client", client_id)
        return ClientRecord(
            client_id,
            client.version,
            clients.as_dict(client),
            tuple(_assessment(a) for a in rows),
            {key: tuple(found) for key, found in substances.items()},
            _events(session, client_id),
            _encounters(session, client_id),
            tuple(_attempt(t) for t in followups.attempts_for(session, client_id)),
            tuple(_consent(c) for c in consents.for_client(session, client_id)),
            tuple(disclosures.for_client(session, client_id)),
        )


def _void(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "voided_at": row.voided_at,
        "void_reason": row.void_reason,
        "void_note": row.void_note,
    }


def _assessment(a: Assessment) -> AssessmentEntry:
    return AssessmentEntry(
        assessed_on=a.assessed_on,
        kind=a.kind,
        contact_status=a.contact_status,
        discharge_reason=a.discharge_reason,
        discharge_note=a.discharge_note,
        **_void(a),
    )


def _substance(r: SubstanceRecord) -> SubstanceEntry:
    return SubstanceEntry(r.assessment_id, r.substance_class, bool(r.primary), r.criteria or "")


def _events(session: Session, client_id: int) -> tuple[EventEntry, ...]:
    # The rows' columns are events.EVENT_ROW_COLUMNS: the entry's fields in their order.
    return tuple(EventEntry(*row) for row in events.client_events(session, client_id))


def _encounters(session: Session, client_id: int) -> tuple[EncounterEntry, ...]:
    """Plain rows, not ORM objects: a client of ten years has some 520 encounters."""
    tallied = len(ENCOUNTER_TALLIES)
    return tuple(
        EncounterEntry(
            row[0],
            row[1],
            dict(zip(ENCOUNTER_TALLIES, row[2 : 2 + tallied], strict=True)),
            *row[2 + tallied :],
        )
        for row in events.client_encounters(session, client_id)
    )


def _attempt(t: FollowUpAttempt) -> AttemptEntry:
    return AttemptEntry(
        t.intake_on, t.point_months, t.attempted_on, t.method, t.outcome, t.note, **_void(t)
    )


def _consent(c: Consent) -> ConsentEntry:
    return ConsentEntry(c.id, c.scope, c.recipient, c.signed_on, c.expires_on, c.revoked_on, c.note)
