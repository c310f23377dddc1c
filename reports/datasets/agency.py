"""Whole-agency answers of the rules: every client's status at one date or at many, and
the harm of a period, without reading histories the answer cannot depend on.

Status is read from the stored status after each completed assessment
(`db.status_rows`, written by the rules' own walk at every save): at a date, the
headline row that holds then, if its assessment is within 183 days (DOMAIN.md
§2), else unknown; deceased from the date of death on, which one SQL query of
death dates tells. The answer for each client is the one `recovery.primary_status`
gives from the full history (tests/reports/datasets/test_agency.py holds them
together), except that a client who is unknown, or deceased with no recent
assessment, is returned without the class-level detail (substance class,
remission episodes).

Harm reads a few 28-day items and the events (DOMAIN.md §7), never substance
records, so its histories are loaded with only what it reads.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from typing import Any

from db import report_queries as queries
from db import status_rows
from db.dates import Period
from db.engine import Session
from db.histories import active_client_ids
from db.jobs import collector_paused
from reports.datasets import status_store
from reports.datasets.harm_summary import HarmSummary, summarise_harm
from reports.datasets.histories import load_histories
from reports.rules import harm, status_state
from reports.rules import recovery as rules

_RECENT = dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)


def classify_agency(session: Session, as_of: dt.date) -> Iterator[tuple[int, rules.ClassStatus]]:
    """(client id, headline status at `as_of`) for every client not merged, by id."""
    for client_id, series in classify_agency_series(session, [as_of]):
        yield client_id, series[0]


def classify_agency_series(
    session: Session, dates: Sequence[dt.date]
) -> Iterator[tuple[int, list[rules.ClassStatus]]]:
    """(client id, headline status at each of `dates`, in their order) for every client
    not merged, by id, from the stored status (one indexed read per date)."""
    if not dates:
        return
    deaths = queries.death_dates_with_contacts(session, max(dates))
    held = [_Held(status_rows.headlines_at(session, d, d - _RECENT)) for d in dates]
    for client_id in active_client_ids(session):
        died = deaths.get(client_id)
        yield (
            client_id,
            [_status(h.take(client_id), died, d) for h, d in zip(held, dates, strict=True)],
        )


class _Held:
    """One date's stored headlines, by client id, taken in client order."""

    __slots__ = ("_next", "_rows")

    def __init__(self, rows: Iterator[Any]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, client_id: int) -> Any:
        row = self._next
        if row is None or row[0] != client_id:
            return None
        self._next = next(self._rows, None)
        return row


def _status(row: Any, died: dt.date | None, as_of: dt.date) -> rules.ClassStatus:
    if row is None:
        return _not_walked(died, as_of)
    state = status_store.status_of_row(row[1:])
    if died is None or died > as_of:
        return state  # within 183 days of its d_last: the row's status holds
    return status_state.status_from_state([state], state.d_last, died, as_of)[0]


def _not_walked(died: dt.date | None, as_of: dt.date) -> rules.ClassStatus:
    """No completed assessment within 183 days of `as_of`: unknown, unless dead by then."""
    if died is not None and died <= as_of:
        return _deceased(died)
    return _UNKNOWN


# Read-only by contract, like every ClassStatus: most of an agency shares these.
_UNKNOWN = rules.ClassStatus(None, False, rules.UNKNOWN)


@functools.lru_cache(maxsize=4096)
def _deceased(died: dt.date) -> rules.ClassStatus:
    return rules.ClassStatus(
        None, False, rules.DECEASED, recovery_status=rules.NOT_APPLICABLE, deceased_on=died
    )


def agency_harm(session: Session, period: Period) -> HarmSummary:
    """`summarise_harm` over the clients with a completed assessment in `period`: the ones
    the report's harm tables count (the others only add event counts, which SQL gives)."""
    ids = queries.assessed_client_ids(session, period.start, period.end)
    with collector_paused():
        histories = load_histories(session, ids, until=period.end, reads=harm.READS)
        return summarise_harm(histories, period)
