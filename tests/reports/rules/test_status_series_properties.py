"""The status series read from stored states equals the walk's, field by field (hypothesis).

`status_state.series_from_states` is how a report reads the statuses of a client at
its twelve trend dates from the stored rows (reports.datasets.status_store); it
shares one computation between dates that share the state held, the death and the
183-day rule. `recovery.classify_series` stays the reference: for random histories
(deceased contacts, deaths, several classes) at twelve month-ends ending on a random
date, plus dates where the rules turn (the 183rd and 184th day after an assessment,
leap days, the day of a death and the day before), the two must agree exactly.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.datasets.status_store import state_rows, status_of_row
from reports.datasets.trend_tally import trend_dates
from reports.rules.facts import (
    AssessmentFacts,
    ClientHistory,
    EventFacts,
    SubstanceFacts,
    death_date,
)
from reports.rules.recovery import classify_series
from reports.rules.status_state import StoredState, series_from_states
from tests.reports.rules.test_status_state_properties import STORED, turning_dates
from tests.reports.status_histories import TAPES, history_of


def stored_states(h: ClientHistory, first: date, last: date) -> list[StoredState]:
    """The stored rows of `h` that hold at some date from `first` to `last` (what the
    database returns for a report), grouped per assessment, headline first."""
    states: dict[date, tuple[date | None, list]] = {}
    for r in sorted(state_rows(h), key=lambda r: (r["assessed_on"], r["position"])):
        if r["assessed_on"] > last or (r["next_on"] is not None and r["next_on"] <= first):
            continue
        status = status_of_row(
            [*(r[name] for name in STORED), None, r["goal"], r["self_identified_recovery"]]
        )
        states.setdefault(r["assessed_on"], (r["next_on"], []))[1].append(status)
    return [(d, next_on, statuses) for d, (next_on, statuses) in states.items()]


def report_dates(h: ClientHistory, days: int, extra: list[int]) -> list[date]:
    """Twelve month-ends up to a date `days` after the first assessment, then turning
    dates of the history near them, in no particular order."""
    as_of = h.assessments[0].assessed_on + timedelta(days=days)
    dates = list(trend_dates(as_of, 12))
    turning = turning_dates(h, [])
    dates += [turning[i % len(turning)] for i in extra]
    return dates


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    TAPES,
    st.integers(-60, 3500),
    st.lists(st.integers(0, 200), max_size=6),
)
def test_the_series_from_stored_states_is_the_walk(
    tape: bytes, days: int, extra: list[int]
) -> None:
    h = history_of(tape)
    dates = report_dates(h, days, extra)
    states = stored_states(h, min(dates), max(dates))
    got = series_from_states(states, death_date(h), dates)
    expected = classify_series(h, dates)
    for on, mine, walk in zip(dates, got, expected, strict=True):
        assert mine == walk, on
    # The headline rows alone (what the monthly walk reads) give each date's headline.
    headlines = [(d, next_on, statuses[:1]) for d, next_on, statuses in states]
    got = series_from_states(headlines, death_date(h), dates)
    assert got == [statuses[:1] for statuses in expected]


def test_a_leap_day_and_the_183_day_edge_read_as_the_walk() -> None:
    """Hand-worked: assessed 2023-08-30, so 2024-02-29 is day 183 (known) and
    2024-03-01 day 184 (unknown); a death on 2024-03-31 makes that date deceased."""
    first = AssessmentFacts(
        date(2023, 8, 30),
        "intake",
        psych_health=10,
        physical_health=10,
        quality_of_life=10,
        substances=(SubstanceFacts("opioid", True, frozenset({"craving", "tolerance"})),),
    )
    h = ClientHistory(
        1, "RD-1", date(1980, 1, 1), (first,), (EventFacts(date(2024, 3, 31), "death"),)
    )
    dates = [date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 31), date(2023, 8, 29)]
    got = series_from_states(stored_states(h, min(dates), max(dates)), death_date(h), dates)
    # Tolerance, recorded at the intake, is a criterion met on that day: active.
    assert [[s.dsm_status for s in day] for day in got] == [
        ["active"],
        ["unknown"],
        ["deceased"],
        [],
    ]
    assert got == classify_series(h, dates)
