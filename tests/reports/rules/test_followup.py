"""DOMAIN.md §8: follow-up points, windows, states and the follow-up rate."""

from __future__ import annotations

import pytest

from db.dates import Period
from reports.rules.facts import ClientHistory
from reports.rules.followup import (
    CLOSING_SOON_DAYS,
    client_followups,
    followup_points,
    followup_rate,
    point_state,
)
from tests.reports.rules_builders import SIX, client, d, event, intake, sub, visit


def test_default_points_and_gpra_windows() -> None:
    points = followup_points(d("2024-01-15"))
    assert [(p.months, p.due_on, p.opens_on, p.closes_on) for p in points] == [
        (3, d("2024-04-15"), d("2024-03-15"), d("2024-06-15")),
        (6, d("2024-07-15"), d("2024-06-15"), d("2024-09-15")),  # 5 to 8 months
        (12, d("2025-01-15"), d("2024-12-15"), d("2025-03-15")),
    ]


def test_windows_clip_from_the_intake_date() -> None:
    three = followup_points(d("2023-11-30"), (3,))[0]
    assert (three.opens_on, three.due_on, three.closes_on) == (
        d("2024-01-30"),
        d("2024-02-29"),
        d("2024-04-30"),
    )


def test_points_are_configurable() -> None:
    assert [p.months for p in followup_points(d("2024-01-15"), (1, 24))] == [1, 24]


SIX_MONTHS = followup_points(d("2024-01-15"), (6,))[0]  # window 2024-06-15 .. 2024-09-15


@pytest.mark.parametrize(
    ("as_of", "done", "state"),
    [
        ("2024-06-14", [], "upcoming"),
        ("2024-06-15", [], "open"),
        ("2024-08-31", [], "open"),  # 15 days left
        ("2024-09-01", [], "closing_soon"),  # 14 days left
        ("2024-09-15", [], "closing_soon"),
        ("2024-09-16", [], "missed"),
        ("2024-09-16", ["2024-06-15"], "completed"),
        ("2024-09-16", ["2024-09-15"], "completed"),
        ("2024-09-16", ["2024-06-14", "2024-09-16"], "missed"),  # just outside both ends
        ("2024-07-01", ["2024-08-01"], "open"),  # not yet happened on the as-of date
    ],
)
def test_point_state(as_of: str, done: list[str], state: str) -> None:
    assert CLOSING_SOON_DAYS == 14
    result = point_state(SIX_MONTHS, [d(x) for x in done], d(as_of))
    assert result.state == state
    assert (result.completed_on is not None) is (state == "completed")


@pytest.mark.parametrize(
    ("as_of", "done", "state"),
    [
        ("2024-09-14", [], "closing_soon"),
        ("2024-09-15", [], "missed"),  # the last day is over: the window has closed
        ("2024-09-15", ["2024-09-15"], "completed"),  # met on its last day
        ("2024-09-16", [], "missed"),
    ],
)
def test_point_state_once_the_day_is_over(as_of: str, done: list[str], state: str) -> None:
    """A report reads its last day once it is over (DOMAIN.md §8)."""
    result = point_state(SIX_MONTHS, [d(x) for x in done], d(as_of), day_over=True)
    assert result.state == state


def test_a_new_intake_replaces_the_points_it_overtakes() -> None:
    history = client(
        intake("2024-01-15", sub(SIX)),
        visit("2024-04-01", sub()),
        intake("2024-06-01", sub(SIX)),
    )
    states = client_followups(history, d("2024-06-10"))
    assert [(s.point.intake_on, s.point.months, s.state) for s in states] == [
        (d("2024-01-15"), 3, "completed"),  # the 6-month window opens after the new intake
        (d("2024-06-01"), 3, "upcoming"),
        (d("2024-06-01"), 6, "upcoming"),
        (d("2024-06-01"), 12, "upcoming"),
    ]


def test_a_deceased_client_is_not_due() -> None:
    history = client(intake("2024-01-15", sub(SIX)), events=(event("2024-05-01", "death"),))
    assert client_followups(history, d("2024-04-30"))[0].state == "open"
    assert client_followups(history, d("2024-05-01")) == []


def _followed(done: bool, intake_on: str = "2024-01-15") -> ClientHistory:
    visits = [intake(intake_on, sub(SIX))]
    if done:
        visits.append(visit("2024-04-20", sub()))
    visits.append(visit("2024-06-20", sub(), contact_status="not_located"))
    return client(*visits)


def test_follow_up_rate_counts_windows_closed_in_the_period() -> None:
    histories = [_followed(True)] * 4 + [_followed(False)]
    june = Period.month(2024, 6)
    rate = followup_rate(histories, june)
    assert (rate.due, rate.completed, rate.percent) == (5, 4, 80.0)
    assert rate.meets_target is True
    assert rate.by_point[3] == (4, 5)
    assert rate.by_point[6] == (0, 0)  # closes in September


def test_follow_up_rate_below_target_and_empty() -> None:
    rate = followup_rate(
        [_followed(True), _followed(False)] * 2 + [_followed(False)], Period.month(2024, 6)
    )
    assert (rate.percent, rate.meets_target) == (40.0, False)
    empty = followup_rate([], Period.month(2024, 6))
    assert (empty.due, empty.percent, empty.meets_target) == (0, None, None)
