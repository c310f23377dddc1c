"""A report's statuses at its trend dates, read from the stored status, equal the walk.

`StoredSeries` reads the stored rows of a chunk of clients in one statement
(db.status_rows.rows_between, with the histories read by db.chunk_rows) and
finishes them at each date (status_state.series_from_states). For random
histories stored in the database beside voided records (a voided completed
assessment, a voided death), at twelve month-ends and the dates where the rules
turn, it must give `classify_series` of the generated facts exactly, on SQLite and
PostgreSQL; with `headlines`, each date's headline alone.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from db.engine import Database
from db.models import Assessment, Event
from reports.datasets.histories import load_histories
from reports.datasets.status_store import StoredSeries
from reports.datasets.trend_tally import trend_dates
from reports.rules.facts import ClientHistory
from reports.rules.recovery import classify_series
from tests.reports.datasets.test_status_store import _store
from tests.reports.rules.test_status_state_properties import turning_dates
from tests.reports.status_histories import TAPES, history_of

_IDS = itertools.count(1)
VOIDED = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def _void_beside(db: Database, h: ClientHistory) -> None:
    """A voided completed assessment the day after the first, and a voided death."""
    first = h.assessments[0].assessed_on
    common = {"voided_at": VOIDED, "voided_by": "admin", "void_reason": "entered_in_error"}
    with db.writing() as s:
        s.execute(
            insert(Assessment),
            [
                {
                    "id": h.client_id * 100 + 99,
                    "client_id": h.client_id,
                    "assessed_on": first + dt.timedelta(days=1),
                    "kind": "follow_up",
                    "contact_status": "deceased",
                    **common,
                }
            ],
        )
        s.execute(
            insert(Event),
            [{"client_id": h.client_id, "occurred_on": first, "event": "death", **common}],
        )


def _dates(histories: list[ClientHistory], days: int) -> list[dt.date]:
    as_of = histories[0].assessments[0].assessed_on + dt.timedelta(days=days)
    dates = list(trend_dates(as_of, 12))
    for h in histories:
        turning = turning_dates(h, [])
        dates += turning[:: max(1, len(turning) // 4)]
    return dates


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(TAPES, min_size=1, max_size=4), st.integers(0, 3000))
def test_stored_series_of_a_chunk_is_the_walk(any_database, tapes: list[bytes], days: int) -> None:
    histories = []
    for tape in tapes:
        n = 3 * next(_IDS)  # ids with gaps: read by id slots, not by a range
        histories.append(history_of(tape, client_id=n, code=f"S-{n}"))
    for h in histories:
        _store(any_database, h)
        _void_beside(any_database, h)
    dates = _dates(histories, days)
    ids = [h.client_id for h in histories]
    with any_database.reading() as s:
        loaded = list(load_histories(s, ids, until=max(dates)))
        full = StoredSeries(s, ids, dates)
        every = [full.of(h) for h in loaded]
        tops = StoredSeries(s, ids, dates, headlines=True)
        heads = [tops.of(h) for h in loaded]
    for h, got, got_heads in zip(histories, every, heads, strict=True):
        expected = classify_series(h, dates)
        assert got == expected, h.client_code
        assert got_heads == [statuses[:1] for statuses in expected], h.client_code
