"""What a client's progress summary prints, read in one short transaction: who the
client is, their status turned into plain words and milestones, their ratings since the
episode's intake, their consents (for the disclosure check) and the agency's settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import clients, consents
from db import settings as agency_settings
from db.engine import Database
from reports.datasets.histories import load_histories
from reports.datasets.status_store import client_statuses
from reports.rules.consent import ConsentFact
from reports.rules.milestones import Outlook, outlook
from reports.rules.progress import Progress, progress


@dataclass(frozen=True)
class ProgressSummaryData:
    client_id: int
    client_code: str
    name: str  # as the client is called: the preferred name, or the given name
    family_name: str
    as_of: dt.date
    outlook: Outlook
    progress: Progress
    consents: tuple[ConsentFact, ...]
    agency: str
    paper_size: str


def client_id_of(database: Database, code: str) -> int | None:
    """The (unmerged) client with exactly this code."""
    with database.reading() as session:
        found = clients.with_codes(session, [code])
    return found[0] if found else None


def progress_summary_data(
    database: Database, client_id: int, as_of: dt.date
) -> ProgressSummaryData:
    with database.reading() as session:
        client = clients.get(session, client_id)
        assert client is not None
        history = next(iter(load_histories(session, [client_id])))
        statuses = client_statuses(session, client_id, as_of)
        facts = tuple(
            ConsentFact(c.scope, c.recipient, c.signed_on, c.expires_on, c.revoked_on, c.note)
            for c in consents.for_client(session, client_id)
        )
        settings = agency_settings.load(session)
        return ProgressSummaryData(
            client_id,
            client.client_code,
            client.preferred_name or client.given_name,
            client.family_name,
            as_of,
            outlook(history, statuses, as_of),
            progress(history, as_of),
            facts,
            settings.agency_name,
            settings.paper_size,
        )
