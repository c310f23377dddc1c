"""The follow-up tally of the monthly report: DOMAIN.md §8 counted over the agency.

The points come from `reports.rules.followup.client_followups` at the end of the
report, once per client. A window that closed before that date has the same
state at the end of its own month (completed or missed, and a death before
it closed drops it either way), so one call serves every month of the trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from db.dates import Period, add_months
from reports.datasets.grid import Grid
from reports.rules import followup as rules
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts

ALL = "all"
DUE, CLOSED, COMPLETED, MISSED, OVERDUE = "due", "closed", "completed", "missed", "overdue"
_WAITING = (rules.OPEN, rules.CLOSING_SOON)


def minimal_histories(
    rows: Iterable[tuple[int, dt.date, str, str]], deaths: dict[int, dt.date]
) -> Iterator[ClientHistory]:
    """Histories holding only what follow-up windows read: dates, kinds, contacts, death."""
    current: int | None = None
    visits: list[AssessmentFacts] = []
    for client_id, day, kind, contact in rows:
        if client_id != current:
            if current is not None:
                yield _history(current, visits, deaths)
            current, visits = client_id, []
        visits.append(AssessmentFacts(day, kind, contact))
    if current is not None:
        yield _history(current, visits, deaths)


def _history(
    client_id: int, visits: list[AssessmentFacts], deaths: dict[int, dt.date]
) -> ClientHistory:
    died = deaths.get(client_id)
    events = (EventFacts(died, "death"),) if died is not None else ()
    return ClientHistory(client_id, "", assessments=tuple(visits), events=events)


def intakes_from(period: Period, months: Sequence[int]) -> dt.date:
    """The earliest intake whose points can matter to `period` (due, closed or overdue in it)."""
    return add_months(period.start, -(max(months) + rules.WINDOW_CLOSES_MONTHS_AFTER))


@dataclass
class FollowupTally:
    period: Period
    months: tuple[int, ...]
    trend: tuple[Period, ...]
    grid: Grid = field(default_factory=Grid)  # (what, point months or ALL) in the period
    by_month: Grid = field(default_factory=Grid)  # (trend index, closed/completed/missed)
    # Per client with a window closed in the period: (closed, completed), for its row.
    closed_by_client: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)
    _month_of: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._month_of = {(m.start.year, m.start.month): i for i, m in enumerate(self.trend)}

    @property
    def trend_ends(self) -> tuple[dt.date, ...]:
        return tuple(m.end for m in self.trend)

    def add(self, history: ClientHistory) -> None:
        as_of = self.period.end
        closed = completed = 0
        for st in rules.client_followups(history, as_of, self.months, day_over=True):
            outcome = self._count(st, as_of)
            if outcome is not None:
                closed += 1
                completed += outcome == COMPLETED
        if closed:
            self.closed_by_client[history.client_id] = (closed, completed)

    def _count(self, st: rules.PointState, as_of: dt.date) -> str | None:
        """Count one point; its outcome when its window closed in the period."""
        point, start, end = st.point, self.period.start, self.period.end
        if start <= point.due_on <= end:
            self.grid.add(DUE, point.months)
        state = st.state
        if state in _WAITING and point.due_on < as_of:
            self.grid.add(OVERDUE, point.months)
        if state != rules.COMPLETED and state != rules.MISSED:
            return None
        outcome = COMPLETED if state == rules.COMPLETED else MISSED
        closes = point.closes_on
        index = self._month_of.get((closes.year, closes.month))
        if index is not None and closes <= self.trend[index].end:
            self.by_month.add(index, outcome)
        if start <= closes <= end:
            self.grid.add(outcome, point.months)
            return outcome
        return None

    def merge(self, other: FollowupTally) -> None:
        """Add a walk worker's tally of other clients of the same period."""
        self.grid.merge(other.grid)
        self.by_month.merge(other.by_month)
        self.closed_by_client.update(other.closed_by_client)
