"""One client's history and status, for the client page's status and follow-up points."""

from __future__ import annotations

import datetime as dt

from db.engine import Database
from reports.datasets.histories import load_histories
from reports.datasets.status_store import client_statuses
from reports.rules.facts import ClientHistory
from reports.rules.recovery import ClassStatus


def history_and_status(
    database: Database, client_id: int, as_of: dt.date
) -> tuple[ClientHistory, list[ClassStatus]]:
    """The client's history and their status at `as_of` (`classify`, read from the stored
    status after their assessments), in one short read."""
    with database.reading() as session:
        history = next(iter(load_histories(session, [client_id])))
        return history, client_statuses(session, client_id, as_of)
