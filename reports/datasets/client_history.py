"""One client's history, for the client page's status and follow-up points."""

from __future__ import annotations

from db.engine import Database
from reports.datasets.histories import load_histories
from reports.rules.facts import ClientHistory


def history_of(database: Database, client_id: int) -> ClientHistory:
    """What the rules read about `client_id`, in one short read."""
    with database.reading() as session:
        return next(iter(load_histories(session, [client_id])))
