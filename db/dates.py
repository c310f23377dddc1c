"""Calendar arithmetic of DOMAIN.md §2: months clip to the end of a shorter month.

Shared vocabulary, like `db.codes`: the rules, the reports, the screens and the
demo generator all count months this one way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ONE_DAY = timedelta(days=1)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def add_months(d: date, n: int) -> date:
    """`n` months after `d` (before, when negative), clipped to the month's last day.

    2023-11-30 + 3 months = 2024-02-29; 2024-02-29 - 12 months = 2023-02-28.
    """
    total = d.month - 1 + n
    year = d.year + total // 12
    month = total % 12 + 1
    day = d.day
    # Only days 29-31 can overflow a month; skip the lookup on the hot path.
    if day > 28:
        day = min(day, days_in_month(year, month))
    return date(year, month, day)


def months_between(start: date, end: date) -> int:
    """The largest n with add_months(start, n) <= end: "at least n months" (§2).

    add_months(start, n) for the n that lands in `end`'s month is on day
    min(start.day, month length); it is not after `end` when start.day fits
    under end.day or `end` is its month's last day.
    """
    n = (end.year - start.year) * 12 + end.month - start.month
    if start.day > end.day and end.day < days_in_month(end.year, end.month):
        n -= 1
    return n


def year_before(d: date) -> date:
    """add_months(d, -12), without the general arithmetic (hot path of the walk)."""
    try:
        return date(d.year - 1, d.month, d.day)
    except ValueError:  # 29 February
        return date(d.year - 1, 2, 28)


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def month_ends(last: date, count: int) -> list[date]:
    """The `count` month-ends up to the one of `last`'s month, oldest first."""
    ends = []
    for back in range(count - 1, -1, -1):
        first = add_months(date(last.year, last.month, 1), -back)
        ends.append(month_end(first.year, first.month))
    return ends


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of days, `start` to `end`."""

    start: date
    end: date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end

    @classmethod
    def twelve_months_ending(cls, end: date) -> Period:
        """DOMAIN.md §7: dated after add_months(end, -12) and not after `end`."""
        return cls(year_before(end) + _ONE_DAY, end)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), month_end(year, month))
