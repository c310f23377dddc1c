"""The one-pass harm trend gives what `client_harm` gives at every month-end."""

from __future__ import annotations

import datetime as dt

from db.dates import Period
from db.demo import build_demo
from db.engine import Database
from reports.datasets.histories import load_histories
from reports.datasets.trend_tally import trend_dates
from reports.rules.harm import client_harm
from reports.rules.harm_trend import harm_series
from tests.reports.rules_builders import client, event, intake, visit

TODAY = dt.date(2026, 11, 27)


def windows(last: dt.date) -> list[Period]:
    return [Period.twelve_months_ending(e) for e in trend_dates(last, 12)]


def expected(history, spans: list[Period]) -> list[tuple[int, int, int, float] | None]:
    found = []
    for span in spans:
        h = client_harm(history, span)
        found.append(
            None if h.assessed_on is None else (h.harm_self, h.harm_others, h.harm_community, h.ahi)
        )
    return found


def test_every_demo_client_matches_client_harm_at_every_month_end(database: Database) -> None:
    build_demo(database, 300, 11, today=TODAY)
    spans = windows(dt.date(2026, 10, 31))
    compared = assessed = 0
    with database.reading() as session:
        for history in load_histories(session, until=dt.date(2026, 10, 31)):
            got = harm_series(history, spans)
            assert got == expected(history, spans), history.client_id
            compared += 1
            assessed += sum(g is not None for g in got)
    assert compared == 300 and assessed > 100


def test_an_event_counts_only_while_inside_the_window() -> None:
    history = client(
        intake("2025-01-10", housing_problem=True),
        visit("2025-12-05"),
        events=(event("2025-02-01", "arrest"), event("2025-11-20", "overdose_nonfatal")),
    )
    spans = windows(dt.date(2026, 2, 28))
    got = harm_series(history, spans)
    assert got == expected(history, spans)
    # Mar 2025 - Oct 2025 ends: intake (housing) and the arrest; from Jan 2026
    # the follow-up (no housing problem) and the overdose.
    assert got[0] == (1, 0, 1, round(100 * (1 / 6 + 1 / 5) / 3, 1))
    assert got[-1] == (1, 0, 0, round(100 * (1 / 6) / 3, 1))


def test_a_death_by_contact_or_event_flags_the_windows_around_its_first_record() -> None:
    history = client(
        intake("2025-01-10"),
        visit("2025-12-05"),
        visit("2026-01-20", contact_status="deceased"),
        events=(event("2026-02-03", "death"),),
    )
    spans = windows(dt.date(2026, 2, 28))
    assert harm_series(history, spans) == expected(history, spans)
    assert harm_series(history, spans)[-1] == (1, 0, 0, round(100 * (1 / 6) / 3, 1))
