"""The one-pass harm trend equals `client_harm` window by window, over random histories."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.dates import Period
from reports.datasets.trend_tally import trend_dates
from reports.rules.facts import ClientHistory
from reports.rules.harm import client_harm
from reports.rules.harm_trend import harm_series
from tests.reports.rules.fast_path_histories import anchored, near

EXAMPLES = 300


def by_client_harm(history: ClientHistory, windows: list[Period]) -> list[object]:
    found: list[object] = []
    for window in windows:
        h = client_harm(history, window)
        found.append(
            None if h.assessed_on is None else (h.harm_self, h.harm_others, h.harm_community, h.ahi)
        )
    return found


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anchored())
def test_the_trend_windows_give_what_client_harm_gives(drawn: tuple[date, ClientHistory]) -> None:
    on, history = drawn
    windows = [Period.twelve_months_ending(end) for end in trend_dates(on, 12)]
    assert harm_series(history, windows) == by_client_harm(history, windows)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_sorted_windows_give_what_client_harm_gives(data: st.DataObject) -> None:
    anchor, history = data.draw(anchored())
    ends = data.draw(st.lists(near(anchor), min_size=1, max_size=14))
    windows = [Period.twelve_months_ending(end) for end in sorted(ends)]
    assert harm_series(history, windows) == by_client_harm(history, windows)
