"""Everything the client page shows (no widgets here): the client's record from
forms/ (opening it is a `view` in the audit trail), the status as of a day read
from the stored status after the client's assessments (reports.datasets.status_store),
and from the rules in reports/ the follow-up points, the status in plain words with its
milestones, and the current episode's ratings for the progress chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from forms.client_record import (
    AssessmentEntry,
    AttemptEntry,
    ClientGone,
    ConsentEntry,
    DisclosureEntry,
    EncounterEntry,
    EventEntry,
    SubstanceEntry,
    open_client,
)
from forms.vocabulary import Actor, Database
from reports.datasets.client_history import history_and_status
from reports.rules.followup import PointState, client_followups
from reports.rules.milestones import Outlook, outlook
from reports.rules.progress import Progress, progress
from reports.rules.recovery import ClassStatus

__all__ = ["ClientGone", "ClientPage", "load_client_page"]


@dataclass(frozen=True)
class ClientPage:
    client_id: int
    version: int
    values: dict[str, Any]  # the client's fields, keyed as forms.definitions.CLIENT_FIELDS
    statuses: list[ClassStatus]
    points: list[PointState]
    assessments: tuple[AssessmentEntry, ...]
    substances: dict[int, tuple[SubstanceEntry, ...]]  # by assessment id
    events: tuple[EventEntry, ...]
    encounters: tuple[EncounterEntry, ...]
    attempts: tuple[AttemptEntry, ...]
    as_of: dt.date
    consents: tuple[ConsentEntry, ...]  # in signing order
    disclosures: tuple[DisclosureEntry, ...]  # newest first
    # The status in plain words with its milestones, and the episode's ratings (rules').
    outlook: Outlook
    progress: Progress

    @property
    def has_open_episode(self) -> bool:
        """An intake with no discharge after it: a follow-up or discharge belongs to it."""
        edges = [
            a.kind
            for a in self.assessments
            if a.kind in ("intake", "discharge") and a.voided_at is None
        ]
        return bool(edges) and edges[-1] == "intake"


def load_client_page(
    database: Database, actor: Actor, client_id: int, as_of: dt.date, months: Sequence[int]
) -> ClientPage:
    record = open_client(database, actor, client_id)
    history, statuses = history_and_status(database, client_id, as_of)
    return ClientPage(
        record.client_id,
        record.version,
        record.values,
        statuses,
        client_followups(history, as_of, months),
        record.assessments,
        record.substances,
        record.events,
        record.encounters,
        record.attempts,
        as_of,
        record.consents,
        record.disclosures,
        outlook(history, statuses, as_of),
        progress(history, as_of),
    )
