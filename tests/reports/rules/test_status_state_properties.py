"""The stored status equals the walk, field by field, at any date (hypothesis).

A history becomes the rows `db.status_rows` stores (`status_store.state_rows`);
the status at an as-of date is then read as the database reads it: the rows
with assessed_on <= as_of < next_on, finished with the death date and the
183-day rule. That must be `classify(history, as_of)` exactly, for random
histories (deceased contacts, deaths, arrests, several classes, refused
contacts) at dates chosen where the rules turn: month ends, leap days, the
183rd and 184th day after an assessment, the day of a death and the day before.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.dates import add_months
from reports.datasets.status_store import state_rows, status_of_row
from reports.rules.facts import ClientHistory, death_date
from reports.rules.recovery import ClassStatus, classify, headline
from reports.rules.status_state import status_from_state
from tests.reports.status_histories import TAPES, history_of

STORED = (
    "substance_class",
    "is_primary",
    "dsm_status",
    "remission_type",
    "severity",
    "controlled_environment",
    "maintenance_therapy",
    "sobriety",
    "recovery_status",
    "recovery_timeframe",
    "remission_episodes",
    "recurrences",
    "recovery_attempts",
    "assessed_on",
    "a_on",
    "b_on",
    "last_use_on",
)


def turning_dates(h: ClientHistory, offsets: list[int]) -> list[date]:
    """Dates where a status can turn, plus random ones around the history."""
    start = h.assessments[0].assessed_on
    found = {start - timedelta(days=1)}
    for a in h.assessments:
        d = a.assessed_on
        found.update({d, d + timedelta(days=183), d + timedelta(days=184)})
        found.update({d - timedelta(days=1), add_months(d, 1) - timedelta(days=1)})
    died = death_date(h)
    if died is not None:
        found.update({died, died - timedelta(days=1)})
    for o in offsets:
        on = start + timedelta(days=o)
        found.add(on)
        month_end = add_months(on.replace(day=1), 1) - timedelta(days=1)
        found.add(month_end)
        if month_end.month == 2 and month_end.day == 29:
            found.add(month_end + timedelta(days=365))
    return sorted(found)


def stored_classify(
    rows: list[dict[str, Any]], died: date | None, as_of: date
) -> list[ClassStatus]:
    holding = [
        r
        for r in rows
        if r["assessed_on"] <= as_of and (r["next_on"] is None or r["next_on"] > as_of)
    ]
    holding.sort(key=lambda r: r["position"])
    state = [
        status_of_row(
            [*(r[name] for name in STORED), None, r["goal"], r["self_identified_recovery"]]
        )
        for r in holding
    ]
    d_last = holding[0]["assessed_on"] if holding else None
    return status_from_state(state, d_last, died, as_of)


EXAMPLES = 2000


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TAPES, st.lists(st.integers(-60, 3000), max_size=4))
def test_the_stored_status_is_the_walk_at_every_date(tape: bytes, offsets: list[int]) -> None:
    h = history_of(tape)
    rows = state_rows(h)
    died = death_date(h)
    for as_of in turning_dates(h, offsets):
        expected = classify(h, as_of)
        got = stored_classify(rows, died, as_of)
        assert got == expected, as_of
        assert headline(h, got, as_of) == headline(h, expected, as_of)
