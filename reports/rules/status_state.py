"""The status of a client as state stored per completed assessment (DOMAIN.md §2-§6).

Every rule of §3-§6 reads the history up to d_last and compares dates with d_last,
never with the as-of date; the as-of date only decides which assessment is d_last,
whether 183 days have passed since it, and whether the client has died
(`recovery.classify_series` keys its cache on exactly these). So the statuses at
each completed assessment's own date, with the death date, give `classify` at any
date: `states_after_assessments` computes them with the walk itself, and
`status_from_state` finishes them at an as-of date with two date comparisons.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from datetime import date

from reports.rules.facts import ClientHistory
from reports.rules.recovery import (
    DECEASED,
    NOT_APPLICABLE,
    UNKNOWN,
    UNKNOWN_AFTER_DAYS,
    ClassStatus,
    _statuses,
)
from reports.rules.remission import COMPLETED, ClientWalk


def states_after_assessments(history: ClientHistory) -> Iterator[tuple[date, list[ClassStatus]]]:
    """(d, `classify(history, d)` for a client alive at d) at each completed assessment's
    date d, oldest first, from one walk through the history."""
    client = ClientWalk()
    for a in history.assessments:
        if a.contact_status == COMPLETED:
            client.step(a)
            yield a.assessed_on, _statuses(client, history, None, False)


def status_from_state(
    state: Sequence[ClassStatus], d_last: date | None, dead_on: date | None, as_of: date
) -> list[ClassStatus]:
    """`classify(history, as_of)` from the state of d_last (the last completed assessment
    on or before `as_of`; None and [] when there is none) and the client's death date."""
    if dead_on is not None and dead_on <= as_of:
        return [_set_aside(s, DECEASED, dead_on) for s in state]
    if d_last is None or (as_of - d_last).days > UNKNOWN_AFTER_DAYS:
        return [_set_aside(s, UNKNOWN, None) for s in state]
    return list(state)


# A client's stored state: (d, the next completed assessment's date or None, the
# statuses after the assessment of d, headline first), one per completed assessment.
StoredState = tuple[date, date | None, Sequence[ClassStatus]]


def series_from_states(
    states: Sequence[StoredState], dead_on: date | None, as_of_dates: Sequence[date]
) -> list[list[ClassStatus]]:
    """`status_from_state` at each date, in the order given, from the client's stored
    states oldest first (those that hold at some of the dates suffice). As in
    `recovery.classify_series`, dates that share the state held, the death and the
    183-day rule share one computation and so the same (read-only) statuses."""
    starts = [d for d, _next_on, _state in states]
    done: dict[tuple[int, bool, bool], list[ClassStatus]] = {}
    series = []
    for on in as_of_dates:
        held = bisect_right(starts, on) - 1
        if held >= 0:
            next_on = states[held][1]
            if next_on is not None and next_on <= on:
                held = -1
        dead = dead_on is not None and dead_on <= on
        unknown = held < 0 or (on - starts[held]).days > UNKNOWN_AFTER_DAYS
        found = done.get((held, dead, unknown))
        if found is None:
            state = states[held][2] if held >= 0 else ()
            d_last = state[0].d_last if state else None
            found = done[held, dead, unknown] = status_from_state(state, d_last, dead_on, on)
        series.append(list(found))
    return series


def _set_aside(known: ClassStatus, status: str, dead_on: date | None) -> ClassStatus:
    """What the walk keeps of a status it does not evaluate: the history counts and dates."""
    return ClassStatus(
        known.substance_class,
        known.primary,
        status,
        None,
        None,
        False,
        False,
        UNKNOWN,
        UNKNOWN if dead_on is None else NOT_APPLICABLE,
        None,
        known.remission_episodes,
        known.recurrences,
        known.recovery_attempts,
        known.d_last,
        known.A,
        known.B,
        None,
        dead_on,
    )
