"""Whole-agency answers of the rules: every client's status at one date or at many, and
the harm of a period, without reading histories the answer cannot depend on.

A status is unknown 183 days after the last completed assessment (DOMAIN.md
§2), whatever came before it, and deceased from the date of death on. So
only the clients with a completed assessment recent enough for one of the
dates are walked through their histories; every other client is unknown or
deceased, which one SQL query of death dates tells. The answer for each
client is the one `recovery.primary_status` gives from the full history
(tests/reports/datasets/test_agency.py holds them together), except that a client
who is unknown or deceased is returned without the class-level detail
(substance class, remission episodes) only a walk through the history gives.

Harm reads a few 28-day items and the events (DOMAIN.md §7), never substance
records, so its histories are loaded with only what it reads.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence

from db import report_queries as queries
from db.dates import Period
from db.engine import Session
from db.histories import active_client_ids
from db.jobs import collector_paused
from reports.datasets.harm_summary import HarmSummary, summarise_harm
from reports.datasets.histories import load_histories
from reports.rules import harm
from reports.rules import recovery as rules
from reports.rules.facts import ClientHistory

_RECENT = dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)


def classify_agency(session: Session, as_of: dt.date) -> Iterator[tuple[int, rules.ClassStatus]]:
    """(client id, headline status at `as_of`) for every client not merged, by id."""
    for client_id, series in classify_agency_series(session, [as_of]):
        yield client_id, series[0]


def classify_agency_series(
    session: Session, dates: Sequence[dt.date]
) -> Iterator[tuple[int, list[rules.ClassStatus]]]:
    """(client id, headline status at each of `dates`, in their order) for every client
    not merged, by id; each walked client's history is read once for all the dates."""
    if not dates:
        return
    first, last = min(dates), max(dates)
    deaths = queries.death_dates_with_contacts(session, last)
    recent = queries.assessed_client_ids(session, first - _RECENT, last)
    walked = _series(load_histories(session, recent, until=last), dates)
    upcoming = next(walked, None)
    for client_id in active_client_ids(session):
        if upcoming is not None and upcoming[0] == client_id:
            yield upcoming
            upcoming = next(walked, None)
        else:
            yield client_id, [_not_walked(deaths.get(client_id), d) for d in dates]


def _series(
    histories: Iterator[ClientHistory], dates: Sequence[dt.date]
) -> Iterator[tuple[int, list[rules.ClassStatus]]]:
    for history in histories:
        if len(dates) == 1:
            per_date = [rules.classify(history, dates[0])]
        else:
            per_date = rules.classify_series(history, dates)
        yield (
            history.client_id,
            [rules.headline(history, s, d) for s, d in zip(per_date, dates, strict=True)],
        )


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
