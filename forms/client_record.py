"""What a client's page shows, read in one short transaction that also writes the `view`
audit row, as plain frozen records (never ORM rows, which die with their session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from db import assessments, audit, clients, consents, disclosures, events, followups
from db.access import Actor, Permission
from db.codes import ENCOUNTER_TALLIES
from db.disclosures import DisclosureEntry
from db.engine import Database
from db.models import Consent, Encounter, Event, FollowUpAttempt, SubstanceRecord

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
]


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    id: int
    assessed_on: dt.date
    kind: str
    contact_status: str


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


@dataclass(frozen=True, slots=True)
class EncounterEntry:
    occurred_on: dt.date
    area: str | None
    tallies: Mapping[str, int]  # by codes.ENCOUNTER_TALLIES key


@dataclass(frozen=True, slots=True)
class AttemptEntry:
    intake_on: dt.date
    point_months: int
    attempted_on: dt.date
    method: str
    outcome: str
    note: str | None


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
            tuple(AssessmentEntry(a.id, a.assessed_on, a.kind, a.contact_status) for a in rows),
            {key: tuple(found) for key, found in substances.items()},
            tuple(_event(e) for e in events.events_of(session, client_id)),
            tuple(_encounter(n) for n in events.encounters_of(session, client_id)),
            tuple(_attempt(t) for t in followups.attempts_for(session, client_id)),
            tuple(_consent(c) for c in consents.for_client(session, client_id)),
            tuple(disclosures.for_client(session, client_id)),
        )


def _substance(r: SubstanceRecord) -> SubstanceEntry:
    return SubstanceEntry(r.assessment_id, r.substance_class, bool(r.primary), r.criteria or "")


def _event(e: Event) -> EventEntry:
    return EventEntry(e.occurred_on, e.event, e.count)


def _encounter(n: Encounter) -> EncounterEntry:
    return EncounterEntry(n.occurred_on, n.area, {k: getattr(n, k) for k in ENCOUNTER_TALLIES})


def _attempt(t: FollowUpAttempt) -> AttemptEntry:
    return AttemptEntry(t.intake_on, t.point_months, t.attempted_on, t.method, t.outcome, t.note)


def _consent(c: Consent) -> ConsentEntry:
    return ConsentEntry(c.id, c.scope, c.recipient, c.signed_on, c.expires_on, c.revoked_on, c.note)
