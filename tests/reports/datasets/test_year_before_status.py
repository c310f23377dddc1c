"""The summary page's "same month last year" status counts are counted by the database
from the stored status, as the trend is; they must be what the rules' own walk gives
each client assessed in the 183 days up to that month's end (a demo agency of 400
clients)."""

from __future__ import annotations

import datetime as dt

from db.dates import Period
from db.engine import Database
from reports.datasets.board_summary import compared_months, year_before
from reports.datasets.histories import load_histories
from reports.datasets.recovery_tally import StatusCounts
from reports.rules import recovery as rules
from tests.reports.datasets.test_agency import demo

__all__ = ["demo"]  # the module's agency, shared with test_agency


def walked_counts(database: Database, as_of: dt.date) -> StatusCounts:
    first = as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
    counts = StatusCounts()
    with database.reading() as session:
        for history in load_histories(session, until=as_of):
            if any(
                a.contact_status == "completed" and first <= a.assessed_on <= as_of
                for a in history.assessments
            ):
                counts.add(rules.primary_status(history, as_of))
    return counts


def test_the_year_before_status_is_the_walks(demo: Database) -> None:
    period = Period.month(2026, 10)
    with demo.reading() as session:
        compared = compared_months(session, period, (3, 6, 12))
    expected = walked_counts(demo, year_before(period).end)
    assert sum(expected.groups.values()) > 20  # known statuses a year before, to compare
    assert expected.remission["full"] and expected.remission["partial"]
    assert compared.year_before_status == expected
