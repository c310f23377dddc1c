"""The trend tally of the monthly report: the last twelve month-ends, one point each.

Status is counted by the database from the stored status
(reports.datasets.trend_status), harm from each walked client's assessments in the
12 months ending on each month-end. The last point is the report date itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from db.dates import Period, add_months, month_end
from reports.datasets.harm_tally import HarmPoint
from reports.datasets.recovery_tally import StatusCounts
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels, harm_series


def trend_dates(as_of: dt.date, count: int) -> tuple[dt.date, ...]:
    """The month-ends of the `count - 1` months before `as_of`'s month, then `as_of`."""
    first = dt.date(as_of.year, as_of.month, 1)
    ends = []
    for back in range(count - 1, 0, -1):
        start = add_months(first, -back)
        ends.append(month_end(start.year, start.month))
    return (*ends, as_of)


def trend_months(dates: Sequence[dt.date]) -> tuple[Period, ...]:
    return tuple(Period(dt.date(d.year, d.month, 1), d) for d in dates)


@dataclass
class TrendTally:
    dates: tuple[dt.date, ...]
    status: list[StatusCounts] = field(default_factory=list)
    harm: list[HarmPoint] = field(default_factory=list)
    windows: tuple[Period, ...] = ()

    def __post_init__(self) -> None:
        self.status = [StatusCounts() for _ in self.dates]
        self.harm = [HarmPoint() for _ in self.dates]
        self.windows = tuple(Period.twelve_months_ending(d) for d in self.dates)

    def add(self, history: ClientHistory) -> list[Levels | None]:
        """Count one client's harm at every date; returns it (None: not assessed)."""
        harm = harm_series(history, self.windows)
        for point, levels in zip(self.harm, harm, strict=True):
            if levels is not None:  # HarmPoint.add, inline: twelve times per client
                seen = point.seen
                seen[levels] = seen.get(levels, 0) + 1
        return harm

    def merge(self, other: TrendTally) -> None:
        """Add a walk worker's tally of other clients at the same dates."""
        for counts, theirs in zip(self.status, other.status, strict=True):
            counts.merge(theirs)
        for point, their_point in zip(self.harm, other.harm, strict=True):
            point.merge(their_point)
