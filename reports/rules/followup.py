"""Follow-up points, their windows and the follow-up rate (DOMAIN.md §8).

A point N months after an intake is due in a window that opens
`WINDOW_OPENS_MONTHS_BEFORE` month before it and closes
`WINDOW_CLOSES_MONTHS_AFTER` months after it, both days included (6 months:
5 to 8 months after intake, as GPRA). Offsets are taken from the intake date,
so month-end clipping never shifts a window by the clipping of another date.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from db.dates import Period, add_months
from reports.rules.facts import ClientHistory, death_date

DEFAULT_POINTS_MONTHS = (3, 6, 12)
WINDOW_OPENS_MONTHS_BEFORE = 1
WINDOW_CLOSES_MONTHS_AFTER = 2
# "Closing soon": the window's last day is at most this many days after the
# as-of date, so front-desk staff still have two weeks to reach the client.
CLOSING_SOON_DAYS = 14
FOLLOWUP_TARGET_PERCENT = 80

UPCOMING = "upcoming"
OPEN = "open"
CLOSING_SOON = "closing_soon"
COMPLETED = "completed"
MISSED = "missed"

_COMPLETED_CONTACT = "completed"
_INTAKE = "intake"


@dataclass(frozen=True, slots=True)
class FollowupPoint:
    intake_on: date
    months: int
    due_on: date
    opens_on: date
    closes_on: date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.opens_on <= d <= self.closes_on


@dataclass(frozen=True, slots=True)
class PointState:
    point: FollowupPoint
    state: str
    completed_on: date | None


def followup_points(
    intake_on: date, months: Sequence[int] = DEFAULT_POINTS_MONTHS
) -> tuple[FollowupPoint, ...]:
    return tuple(
        FollowupPoint(
            intake_on,
            m,
            add_months(intake_on, m),
            add_months(intake_on, m - WINDOW_OPENS_MONTHS_BEFORE),
            add_months(intake_on, m + WINDOW_CLOSES_MONTHS_AFTER),
        )
        for m in months
    )


def point_state(
    point: FollowupPoint, completed_on: Iterable[date], as_of: date, *, day_over: bool = False
) -> PointState:
    """The point's state on `as_of`, given the dates of completed assessments.

    During the day `as_of` a window whose last day it is can still be met (the
    worklist asks on a working day). A report asks once the day is over
    (`day_over`): then that window has closed, and unmet it is missed, so a
    month's figures are the same in its own report and in every later one.
    """
    done = next((d for d in completed_on if d in point and d <= as_of), None)
    return _state(point, done, as_of, day_over)


def _state(point: FollowupPoint, done: date | None, as_of: date, day_over: bool) -> PointState:
    """`point_state` once the first completed assessment in the window is known."""
    if done is not None:
        return PointState(point, COMPLETED, done)
    if as_of < point.opens_on:
        state = UPCOMING
    elif as_of > point.closes_on or (day_over and as_of == point.closes_on):
        state = MISSED
    elif (point.closes_on - as_of).days <= CLOSING_SOON_DAYS:
        state = CLOSING_SOON
    else:
        state = OPEN
    return PointState(point, state, None)


def _first_in(point: FollowupPoint, completed_on: list[date]) -> date | None:
    """The first of the sorted dates `completed_on` inside the point's window."""
    i = bisect_left(completed_on, point.opens_on)
    if i < len(completed_on) and completed_on[i] <= point.closes_on:
        return completed_on[i]
    return None


# Every client of an agency asks for the points of one of a few thousand intake dates.
@lru_cache(maxsize=1 << 14)
def _points_of(intake_on: date, months: tuple[int, ...]) -> tuple[FollowupPoint, ...]:
    return followup_points(intake_on, months)


def client_followups(
    history: ClientHistory,
    as_of: date,
    months: Sequence[int] = DEFAULT_POINTS_MONTHS,
    *,
    day_over: bool = False,
) -> list[PointState]:
    """Every point of the client's completed intakes on or before `as_of` (`day_over`:
    as `point_state` reads it).

    Left out: points whose window opens on or after the next intake (the new
    episode schedules its own), and points not completed of a client who died
    on or before both the window's close and `as_of` (nobody can be followed up).
    """
    completed: list[date] = []  # sorted, as the history is
    intakes: list[date] = []
    for a in history.assessments:
        if a.contact_status == _COMPLETED_CONTACT and a.assessed_on <= as_of:
            completed.append(a.assessed_on)
            if a.kind == _INTAKE:
                intakes.append(a.assessed_on)
    death = death_date(history)
    point_months = tuple(months)
    states = []
    for i, intake_on in enumerate(intakes):
        next_intake = intakes[i + 1] if i + 1 < len(intakes) else date.max
        for point in _points_of(intake_on, point_months):
            if point.opens_on >= next_intake:
                continue
            st = _state(point, _first_in(point, completed), as_of, day_over)
            if st.state != COMPLETED and death is not None and death <= min(as_of, point.closes_on):
                continue
            states.append(st)
    return states


def still_followed(
    opened_on: date,
    closed_on: date | None,
    as_of: date,
    months: Sequence[int] = DEFAULT_POINTS_MONTHS,
) -> bool:
    """Whether the agency still follows a client on `as_of` (a product choice, written in
    docs/rules.md): the episode opened on `opened_on` is not closed by a discharge on or
    before `as_of`, and the last follow-up window of its intake has not closed."""
    if closed_on is not None and closed_on <= as_of:
        return False
    return as_of <= add_months(opened_on, max(months) + WINDOW_CLOSES_MONTHS_AFTER)


def followed_since(as_of: date, months: Sequence[int] = DEFAULT_POINTS_MONTHS) -> date:
    """A date before which no episode opened is `still_followed` on `as_of`, whether closed
    or not: its last window closes max(months) + 2 months after the intake, and a month
    adds at most 31 days. Lets a report read only the episodes opened since."""
    return as_of - timedelta(days=31 * (max(months) + WINDOW_CLOSES_MONTHS_AFTER))


@dataclass(frozen=True, slots=True)
class FollowupRate:
    """Points whose window closed in `period`: how many were completed in their window."""

    period: Period
    due: int
    completed: int
    by_point: Mapping[int, tuple[int, int]]  # months -> (completed, due)
    target_percent: int = FOLLOWUP_TARGET_PERCENT

    @property
    def percent(self) -> float | None:
        return round(100 * self.completed / self.due, 1) if self.due else None

    @property
    def meets_target(self) -> bool | None:
        return None if self.due == 0 else 100 * self.completed >= self.target_percent * self.due


def followup_rate(
    histories: Iterable[ClientHistory],
    period: Period,
    months: Sequence[int] = DEFAULT_POINTS_MONTHS,
) -> FollowupRate:
    by_point = {m: [0, 0] for m in months}
    for history in histories:
        for st in client_followups(history, period.end, months, day_over=True):
            if st.point.closes_on not in period:
                continue
            tally = by_point[st.point.months]
            tally[1] += 1
            if st.state == COMPLETED:
                tally[0] += 1
    return FollowupRate(
        period,
        sum(t[1] for t in by_point.values()),
        sum(t[0] for t in by_point.values()),
        {m: (t[0], t[1]) for m, t in by_point.items()},
    )
