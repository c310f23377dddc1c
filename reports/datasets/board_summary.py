"""What the summary page compares the report's month with: the month before and the same
month a year before.

The month before is the trend's last-but-one point (its statuses and follow-up windows are
already in the monthly dataset). The same month a year before is one month older than the
trend's first point, so it is read here: served and programme tallies from the SQL
aggregates; its follow-up windows from the same narrow four-column stream the monthly
dataset counts (a window's outcome never changes once closed, DOMAIN.md §8); its statuses
counted by the database from the stored status, as the trend's points are
(reports.datasets.trend_status).

A compared month that is closed (db.closed_months) is not recounted: its figures are the
ones its report printed when it was closed (`KeptFigures`, read from that kept report by
reports.tables.kept_figures), so a correction made since never changes what the summary
says about it; the correction is listed as a revision instead (DOMAIN.md §9a).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from db import report_queries as queries
from db.dates import Period, add_months, month_end
from db.engine import Session
from reports.datasets.followup_tally import FollowupTally, intakes_from, minimal_histories
from reports.datasets.recovery_tally import StatusCounts
from reports.datasets.trend_status import trend_status
from reports.rules import followup as followup_rules

# The programme tallies the summary prints, in print order.
SUPPLIES = ("reversals_reported", "naloxone_kits", "syringes_out", "test_strips")
# Months are counted to a month's last day at most (an intake of 30 September closes its
# five-month window on 28 February): an intake up to three days after the month's range
# can still close a window in it.
_SLACK_DAYS = 3


def year_before(period: Period) -> Period:
    """The same month a year before `period`'s month."""
    start = add_months(dt.date(period.end.year, period.end.month, 1), -12)
    return Period(start, month_end(start.year, start.month))


@dataclass(frozen=True)
class MonthFigures:
    """The SQL-counted figures of one month."""

    period: Period
    served: int
    tallies: dict[str, int]  # SUPPLIES, all areas


@dataclass(frozen=True)
class KeptFigures:
    """A closed month's summary figures as its report printed them when it was closed
    (the exact, internal report): keyed as `reports.tables.board_summary.LABELS`, and the
    follow-up windows that closed in it, completed and missed."""

    period: Period
    figures: Mapping[str, int]
    completed: int
    missed: int


@dataclass(frozen=True)
class BoardComparison:
    """The month before and the year before, beside the monthly dataset; `kept_*` when
    that month is closed: its figures as kept, which the summary prints instead."""

    month_before: MonthFigures
    year_before: MonthFigures
    year_before_status: StatusCounts
    year_before_followups: FollowupTally
    kept_before: KeptFigures | None = None
    kept_year: KeptFigures | None = None


def month_figures(session: Session, period: Period) -> MonthFigures:
    totals = dict.fromkeys(SUPPLIES, 0)
    for area in queries.programme_tallies(session, period.start, period.end):
        for key in SUPPLIES:
            totals[key] += area.tallies[key]
    return MonthFigures(period, queries.clients_served(session, period.start, period.end), totals)


def month_followups(session: Session, month: Period, months: Sequence[int]) -> FollowupTally:
    """The follow-up windows that closed in `month`, completed or missed, counted as that
    month's own report counted them (at its last day, deaths up to then). Only the
    clients with such a window are read: the tally's other counts (due, overdue) are
    not the month's."""
    tally = FollowupTally(month, tuple(months), ())
    after = month.end + dt.timedelta(days=1)  # nobody is left for a walk to count
    rows = queries.followup_inputs(
        session,
        intakes_from(month, months),
        month.end,
        after,
        intakes_in=[_intakes_closing_in(month, m) for m in months],
    )
    for history in minimal_histories(rows, queries.death_dates(session, month.end)):
        tally.add(history)
    return tally


def _intakes_closing_in(month: Period, point_months: int) -> tuple[dt.date, dt.date]:
    """The intakes whose `point_months` window can close in `month`, and a few days more:
    months differ in length, so the days are not counted exactly here (the tally decides
    each window from the intake's own date)."""
    back = -(point_months + followup_rules.WINDOW_CLOSES_MONTHS_AFTER)
    slack = dt.timedelta(days=_SLACK_DAYS)
    return add_months(month.start, back) - slack, add_months(month.end, back) + slack


def month_before(period: Period) -> Period:
    """The calendar month before `period`'s month."""
    start = add_months(dt.date(period.end.year, period.end.month, 1), -1)
    return Period(start, month_end(start.year, start.month))


def compared_months(session: Session, period: Period, months: Sequence[int]) -> BoardComparison:
    """What the summary page compares the report's month with, read by SQL and from the
    stored status: nothing of it needs the walk."""
    year = year_before(period)
    deaths = queries.death_dates_with_contacts(session, year.end)
    (status,) = trend_status(session, (year.end,), deaths)
    return BoardComparison(
        month_figures(session, month_before(period)),
        month_figures(session, year),
        status,
        month_followups(session, year, months),
    )
