"""The trend's recovery counts: the known headline statuses of the agency at each month-end.

The database counts them from the stored status (db.status_rows.headline_counts): the
row that holds at a date, assessed within 183 days of it, is the client's status there
(reports.rules.status_state), unless the client has died by then. The database cannot
date a death cheaply (a join over every counted row's events and contacts costs
seconds), so it counts every client as alive; the rows of the few thousand clients who
have died are then read back and finished by the rules' own `series_from_states`, with
and without the death, and what was counted for them after it is taken back. A client
merged into another has no rows of its own once the merge is saved; should one be left,
it is taken back too, as the walk never counts a merged client.
`recovery.classify_series` over every history stays the reference (the tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from db import status_rows
from db.engine import Session
from reports.datasets.recovery_tally import StatusCounts
from reports.datasets.status_store import StoredSeries
from reports.rules.recovery import UNKNOWN_AFTER_DAYS
from reports.rules.status_state import series_from_states


def trend_status(
    session: Session, dates: Sequence[dt.date], deaths: Mapping[int, dt.date]
) -> list[StatusCounts]:
    """The counts at each of `dates`; `deaths`: every client's death on or before the
    last date (`db.report_queries.death_dates_with_contacts`)."""
    counts = [StatusCounts() for _ in dates]
    for point, day in zip(counts, dates, strict=True):
        since = day - dt.timedelta(days=UNKNOWN_AFTER_DAYS)
        for dsm, recovery, remission, clients in status_rows.headline_counts(session, day, since):
            point.count(dsm, recovery, remission, clients)
    _take_back(session, counts, dates, deaths)
    return counts


def _take_back(
    session: Session,
    counts: list[StatusCounts],
    dates: Sequence[dt.date],
    deaths: Mapping[int, dt.date],
) -> None:
    """What the database counted for the dead from their death on, and for merged clients."""
    dead = {client_id: day for client_id, day in deaths.items() if day <= dates[-1]}
    merged = set(status_rows.merged_client_ids(session))
    ids = sorted(dead.keys() | merged)
    stored = StoredSeries(session, ids, dates, headlines=True)
    # The database counted no row assessed before this at any of the dates.
    counted_from = dates[0] - dt.timedelta(days=UNKNOWN_AFTER_DAYS)
    for client_id in ids:
        states = stored.states_of(client_id)
        if not states or states[-1][0] < counted_from:
            continue
        as_if_alive = series_from_states(states, None, dates)
        as_is = (
            [[] for _ in dates]
            if client_id in merged
            else series_from_states(states, dead[client_id], dates)
        )
        for point, counted, status in zip(counts, as_if_alive, as_is, strict=True):
            if counted:
                point.take_back(counted[0])
            if status:
                point.add(status[0])
