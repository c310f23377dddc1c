"""Everything the client page shows, read in one short session (no widgets here).

Opening a client's page is a `view` in the audit trail. The status is the stored
status after the client's assessments (reports.datasets.status_store) and the
follow-up points come from the rules in reports/, both as of today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from db import assessments, audit, clients, consents, disclosures, events, followups
from db.access import Actor, Permission
from db.disclosures import DisclosureEntry
from db.engine import Database
from db.models import Assessment, Consent, Encounter, Event, FollowUpAttempt, SubstanceRecord
from reports.datasets.histories import load_histories
from reports.datasets.status_store import client_statuses
from reports.rules.followup import PointState, client_followups
from reports.rules.recovery import ClassStatus


@dataclass(frozen=True)
class ClientPage:
    client_id: int
    version: int
    values: dict[str, Any]  # the client's fields, keyed as forms.definitions.CLIENT_FIELDS
    statuses: list[ClassStatus]
    points: list[PointState]
    assessments: list[Assessment]
    substances: dict[int, list[SubstanceRecord]]  # by assessment id
    events: list[Event]
    encounters: list[Encounter]
    attempts: list[FollowUpAttempt]
    as_of: dt.date
    consents: list[Consent]  # in signing order
    disclosures: list[DisclosureEntry]  # newest first

    @property
    def has_open_episode(self) -> bool:
        """An intake with no discharge after it: a follow-up or discharge belongs to it."""
        edges = [a.kind for a in self.assessments if a.kind in ("intake", "discharge")]
        return bool(edges) and edges[-1] == "intake"


class ClientGone(LookupError):
    """The client was merged into another or deleted since the list was shown."""

    def __init__(self, merged_into: int | None) -> None:
        super().__init__("client no longer exists")
        self.merged_into = merged_into


def load_client_page(
    database: Database, actor: Actor, client_id: int, as_of: dt.date, months: Sequence[int]
) -> ClientPage:
    actor.require(Permission.VIEW_CLIENTS)
    with database.writing() as session:
        client = clients.get(session, client_id)
        if client is None or client.merged_into_id is not None:
            raise ClientGone(client.merged_into_id if client else None)
        rows = assessments.for_client(session, client_id)
        substances: dict[int, list[SubstanceRecord]] = {a.id: [] for a in rows}
        for record in assessments.substances_of(session, [a.id for a in rows]):
            substances[record.assessment_id].append(record)
        client_events = events.events_of(session, client_id)
        history = next(iter(load_histories(session, [client_id])))
        statuses = client_statuses(session, client_id, as_of)
        audit.record(session, actor, "view", "client", client_id)
        page_rows = (
            clients.as_dict(client),
            client.version,
            client_events,
            events.encounters_of(session, client_id),
            followups.attempts_for(session, client_id),
            consents.for_client(session, client_id),
            disclosures.for_client(session, client_id),
        )
    values, version, client_events, encounters, attempts, signed, disclosed = page_rows
    return ClientPage(
        client_id,
        version,
        values,
        statuses,
        client_followups(history, as_of, months),
        rows,
        substances,
        client_events,
        encounters,
        attempts,
        as_of,
        signed,
        disclosed,
    )
