"""One client's harm (DOMAIN.md §7) in the 12 months ending at each of many dates, in one pass.

`reports.rules.harm.client_harm` answers for one period; calling it for twelve
month-ends re-reads the client's events twelve times. Here the dates are
walked in order with a window sliding over the events (an indicator is set
while at least one of its events is inside), and each assessment's own flags
come from `harm.assessment_flags` once. The result equals `client_harm` at every
date (tests/reports/rules/test_harm_trend.py holds them together).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from db.dates import Period
from reports.rules import harm
from reports.rules.facts import AssessmentFacts, ClientHistory, death_date

log = logging.getLogger(__name__)

COMPLETED = "completed"
# Levels and index of one client at one date: (self, others, community, ahi).
Levels = tuple[int, int, int, float]
# Each indicator is one bit, so a client's flags at a date are one int and an agency's
# few distinct flag sets are counted into levels once each (_LEVELS_OF).
_BIT = {flag: 1 << i for i, flag in enumerate(harm.INDICATOR_LEVEL)}
_EVENT_BIT = {event: _BIT[indicator] for event, indicator in harm.EVENT_INDICATOR.items()}
_DEATH_BIT = _BIT[harm.DEATH_INDICATOR]
_LEVEL_INDEX = {harm.SELF: 0, harm.OTHERS: 1, harm.COMMUNITY: 2}
_LEVELS_OF: dict[int, Levels] = {}


def _own_flags(assessment: AssessmentFacts) -> int:
    """The flags an assessment's 28-day items set by themselves."""
    flags = 0
    for flag in harm.assessment_flags(assessment):
        flags |= _BIT[flag]
    return flags


def _levels(flags: int) -> Levels:
    found = _LEVELS_OF.get(flags)
    if found is None:
        found = _LEVELS_OF[flags] = _count_levels(flags)
    return found


def _count_levels(flags: int) -> Levels:
    counts = [0, 0, 0]
    for flag, bit in _BIT.items():
        if flags & bit:
            counts[_LEVEL_INDEX[harm.INDICATOR_LEVEL[flag]]] += 1
    s, o, c = counts
    return s, o, c, harm.ahi(s, o, c)


def harm_series(history: ClientHistory, windows: Sequence[Period]) -> list[Levels | None]:
    """`client_harm` in each window (sorted by start and by end), or None where the client
    has no completed assessment in it (only assessed clients count in a trend)."""
    results: list[Levels | None] = [None] * len(windows)
    if not windows:
        return results
    # Nothing dated before the first window can be read in any: not an event, nor an
    # assessment (as the latest completed one in a window it would leave it unassessed).
    first = windows[0].start
    completed = [
        a for a in history.assessments if a.contact_status == COMPLETED and a.assessed_on >= first
    ]
    if not completed:
        return results
    # Events that set no indicator (incarceration_end, death) never change the flags.
    kept = [e for e in history.events if e.occurred_on >= first and e.event in _EVENT_BIT]
    dates, bits = [e.occurred_on for e in kept], [_EVENT_BIT[e.event] for e in kept]
    died = death_date(history)
    inside: dict[int, int] = {}  # indicator bit -> events inside the window
    entered = left = latest = own_of = own = 0
    for index, window in enumerate(windows):
        start, end = window.start, window.end
        while latest < len(completed) and completed[latest].assessed_on <= end:
            latest += 1
        if latest == 0 or completed[latest - 1].assessed_on < start:
            continue
        while entered < len(dates) and dates[entered] <= end:
            inside[bits[entered]] = inside.get(bits[entered], 0) + 1
            entered += 1
        while left < entered and dates[left] < start:
            if inside[bits[left]] == 1:
                del inside[bits[left]]
            else:
                inside[bits[left]] -= 1
            left += 1
        if own_of != latest:
            own, own_of = _own_flags(completed[latest - 1]), latest
        flags = own | sum(inside) if inside else own  # the keys are distinct bits
        if died is not None and start <= died <= end:
            flags |= _DEATH_BIT
        results[index] = _LEVELS_OF.get(flags) or _levels(flags)
    return results
