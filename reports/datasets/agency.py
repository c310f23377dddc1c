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
    ids = active_client_ids(session)
    place = {client_id: at for at, client_id in enumerate(ids)}
    # A column per date, every client unknown until a stored row or a death says
    # otherwise: most of an agency is unknown at any date, and filling a column costs
    # a step per stored row, not one per client and date.
    columns = [_column(session, day, place, deaths) for day in dates]
    for client_id, series in zip(ids, zip(*columns, strict=True), strict=True):
        yield client_id, list(series)


def _column(
    session: Session, day: dt.date, place: dict[int, int], deaths: dict[int, dt.date]
) -> list[rules.ClassStatus]:
    """Every client's headline status at `day`, in the order of `place`."""
    column = [_UNKNOWN] * len(place)
    client_ids, *fields = status_rows.headlines_at(session, day, day - _RECENT)
    # Built a column at a time (some 280,000 rows over twelve dates at 100,000 clients).
    statuses = status_store.statuses_of_columns(fields)
    for at, status in zip(map(place.get, client_ids), statuses, strict=True):
        if at is not None:  # a client merged into another keeps no status of its own
            column[at] = status
    for client_id, died in deaths.items():
        at = place.get(client_id)
        if at is None or died > day:
            continue
        state = column[at]
        if state is _UNKNOWN:
            column[at] = _deceased(died)
        else:  # a death after the stored row's assessment ends what the row said
            column[at] = status_state.status_from_state([state], state.d_last, died, day)[0]
    return column


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
