"""What the summary page compares the report's month with: the month before and the same
month a year before.

The month before is the trend's last-but-one point (its statuses and follow-up windows are
already in the monthly dataset). The same month a year before is one month older than the
trend's first point, so it is read here: served and programme tallies from the SQL
aggregates; its follow-up windows from the same narrow four-column stream the monthly
dataset counts (a window's outcome never changes once closed, DOMAIN.md §8); its statuses
from a `WalkObserver` of the one walk, which reaches every client with a known status at
that date (the walk starts 12 months before the trend's first point).

A compared month that is closed (db.closed_months) is not recounted: its figures are the
ones its report printed when it was closed (`KeptFigures`, read from that kept report by
reports.tables.kept_figures), so a correction made since never changes what the summary
says about it; the correction is listed as a revision instead (DOMAIN.md §9a).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from db import report_queries as queries
from db.dates import Period, add_months, month_end
from db.engine import Session
from reports.datasets.followup_tally import FollowupTally, intakes_from, minimal_histories
from reports.datasets.id_set import IdSet
from reports.datasets.recovery_tally import StatusCounts
from reports.datasets.status_store import StoredSeries
from reports.rules import followup as followup_rules
from reports.rules import recovery as rules
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels

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


@dataclass
class YearBeforeStatus:
    """A WalkObserver: each walked client's headline status at the end of the month a
    year before, counted as the trend counts its points."""

    as_of: dt.date
    counts: StatusCounts = field(default_factory=StatusCounts)
    reads: Collection[str] = frozenset()
    # Of a walked client: whether it was assessed in the 183 days (its death comes with
    # the events, which are always read).
    walk_reads: ClassVar[frozenset[str]] = frozenset({"assessed_on", "contact_status"})
    stored: StoredSeries | None = field(default=None, repr=False)
    recent: Sequence[int] = field(default=(), repr=False)  # ids prepare() found, sorted

    def prepare(self, session: Session, followups_closed: Iterable[int]) -> IdSet:
        # Read from the stored status, as the trend is, not walked again in Python: the
        # clients with a completed assessment in the 183 days up to then, who are offered
        # in id order by the walk.
        first = self.as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
        recent = queries.assessed_client_ids(session, first, self.as_of)
        self.stored = StoredSeries(session, recent, (self.as_of,), headlines=True)
        self.recent = sorted(recent)
        return IdSet()  # only walked clients can have a known status then

    def offer(
        self,
        history: ClientHistory,
        status: rules.ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        if not _assessed_recently(history, self.as_of):
            return
        if self.stored is None:
            raise RuntimeError("the walk offers clients only after prepare()")
        (headline,) = self.stored.of(history)
        if headline:  # no class recorded: unknown, which the counts leave out
            self.counts.add(headline[0])

    def flush(self) -> None:
        pass

    # A walk worker's share (reports.datasets.walk_split).
    def part(self, first: int, last: int) -> YearBeforeStatus:
        """An empty twin for the walked clients `first`..`last`, to send to a worker."""
        twin = YearBeforeStatus(self.as_of)
        twin.recent = self.recent[bisect_left(self.recent, first) : bisect_right(self.recent, last)]
        return twin

    def attach(self, session: Session) -> None:
        """In the worker, before its walk: the stored status of its clients."""
        self.stored = StoredSeries(session, self.recent, (self.as_of,), headlines=True)

    def settle(self) -> None:
        pass  # its counts are whole once its clients are walked

    def merge(self, other: YearBeforeStatus) -> None:
        self.counts.merge(other.counts)

    def __getstate__(self) -> dict[str, object]:
        # The stored series reads through its process's own session: never sent.
        return {**self.__dict__, "stored": None}


def _assessed_recently(history: ClientHistory, as_of: dt.date) -> bool:
    """Only a completed assessment in the 183 days up to `as_of` can give a known status:
    the others are skipped without classifying them."""
    first = as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
    return any(
        a.contact_status == "completed" and first <= a.assessed_on <= as_of
        for a in history.assessments
    )


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


@dataclass(frozen=True)
class ComparedMonths:
    """What the summary page compares that SQL tells, needing nothing of the walk."""

    month_before: MonthFigures
    year_before: MonthFigures
    year_before_followups: FollowupTally


def compared_months(session: Session, period: Period, months: Sequence[int]) -> ComparedMonths:
    year = year_before(period)
    return ComparedMonths(
        month_figures(session, month_before(period)),
        month_figures(session, year),
        month_followups(session, year, months),
    )


def board_comparison(compared: ComparedMonths, observer: YearBeforeStatus) -> BoardComparison:
    """After the walk that `observer` watched: the figures of the two months compared."""
    return BoardComparison(
        compared.month_before,
        compared.year_before,
        observer.counts,
        compared.year_before_followups,
    )
