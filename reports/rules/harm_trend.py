"""One client's harm (DOMAIN.md §7) in the 12 months ending at each of many dates, in one pass.

`reports.rules.harm.client_harm` answers for one period; calling it for twelve
month-ends re-reads the client's events twelve times. Here the dates are
walked in order with a window sliding over the events (an indicator is set
while at least one of its events is inside), and each assessment's own flags
come from `harm.harm_from` once. The result equals `client_harm` at every
date (tests/reports/rules/test_harm_trend.py holds them together).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from db.dates import Period
from reports.rules import harm
from reports.rules.facts import AssessmentFacts, ClientHistory, death_date

log = logging.getLogger(__name__)

COMPLETED = "completed"
# Levels and index of one client at one date: (self, others, community, ahi).
Levels = tuple[int, int, int, float]
# A handful of flag sets covers a whole agency: count each set's levels once.
_LEVELS_OF: dict[frozenset[str], Levels] = {}
_NO_EVENTS = ClientHistory(0, "")
_NO_DAYS = Period(dt.date.max, dt.date.min)
_LEVEL_INDEX = {harm.SELF: 0, harm.OTHERS: 1, harm.COMMUNITY: 2}
_DEATH = frozenset({harm.DEATH_INDICATOR})


def _own_flags(assessment: AssessmentFacts) -> frozenset[str]:
    """The flags an assessment's 28-day items set by themselves."""
    return harm.harm_from(_NO_EVENTS, _NO_DAYS, assessment).flags


def _levels(flags: frozenset[str]) -> Levels:
    found = _LEVELS_OF.get(flags)
    if found is None:
        found = _LEVELS_OF[flags] = _count_levels(flags)
    return found


def _count_levels(flags: frozenset[str]) -> Levels:
    counts = [0, 0, 0]
    for flag in flags:
        counts[_LEVEL_INDEX[harm.INDICATOR_LEVEL[flag]]] += 1
    s, o, c = counts
    return s, o, c, harm.ahi(s, o, c)


def harm_series(history: ClientHistory, windows: Sequence[Period]) -> list[Levels | None]:
    """`client_harm` in each window (sorted by end), or None where the client has no
    completed assessment in it (only assessed clients count in a trend)."""
    completed = [a for a in history.assessments if a.contact_status == COMPLETED]
    results: list[Levels | None] = [None] * len(windows)
    if not completed:
        return results
    events = [(e.occurred_on, harm.EVENT_INDICATOR.get(e.event)) for e in history.events]
    died = death_date(history)
    inside: dict[str, int] = {}
    entered = left = latest = 0
    own: dict[int, frozenset[str]] = {}
    for index, window in enumerate(windows):
        while latest < len(completed) and completed[latest].assessed_on <= window.end:
            latest += 1
        if latest == 0 or completed[latest - 1].assessed_on < window.start:
            continue
        while entered < len(events) and events[entered][0] <= window.end:
            _count(inside, events[entered][1], 1)
            entered += 1
        while left < entered and events[left][0] < window.start:
            _count(inside, events[left][1], -1)
            left += 1
        if latest - 1 not in own:
            own[latest - 1] = _own_flags(completed[latest - 1])
        flags = own[latest - 1]
        if inside:
            flags = flags.union(inside)
        if died is not None and window.start <= died <= window.end:
            flags = flags | _DEATH
        results[index] = _levels(flags)
    return results


def _count(inside: dict[str, int], indicator: str | None, step: int) -> None:
    if indicator is None:
        return
    n = inside.get(indicator, 0) + step
    if n:
        inside[indicator] = n
    else:
        del inside[indicator]
