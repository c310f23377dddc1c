"""DOMAIN.md §2 month arithmetic: same day of month, clipped to a shorter month."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.dates import Period, add_months, month_ends, months_between, year_before

D = date.fromisoformat
dates = st.dates(date(1990, 1, 1), date(2060, 12, 31))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2023-11-30", 3, "2024-02-29"),  # DOMAIN.md's own example
        ("2023-11-30", 15, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-03-31", 1, "2024-04-30"),
        ("2024-02-29", -12, "2023-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-01-15", 3, "2024-04-15"),
        ("2023-03-31", 12, "2024-03-31"),
        ("2024-01-10", -1, "2023-12-10"),
        ("2024-05-31", -3, "2024-02-29"),
        ("2019-02-01", 60, "2024-02-01"),
        ("2024-07-15", 0, "2024-07-15"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months) == D(expected)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2023-11-30", "2024-02-29", 3),  # clipped landing day counts as a whole month
        ("2023-11-30", "2024-02-28", 2),
        ("2024-01-31", "2024-02-29", 1),
        ("2024-01-31", "2024-02-28", 0),
        ("2019-02-01", "2024-02-01", 60),
        ("2019-02-01", "2024-01-31", 59),
        ("2024-01-15", "2024-01-15", 0),
    ],
)
def test_months_between(start: str, end: str, months: int) -> None:
    assert months_between(D(start), D(end)) == months


@settings(max_examples=200)
@given(dates, dates)
def test_months_between_is_the_largest_n_reached(start: date, end: date) -> None:
    n = months_between(start, end)
    assert add_months(start, n) <= end < add_months(start, n + 1)


@settings(max_examples=200)
@given(dates, st.integers(-240, 240))
def test_add_months_keeps_the_day_or_clips_to_month_end(d: date, n: int) -> None:
    result = add_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    assert result.day == d.day or (result.day < d.day and (result + timedelta(days=1)).day == 1)


@settings(max_examples=200)
@given(dates)
def test_year_before_is_twelve_months_back(d: date) -> None:
    assert year_before(d) == add_months(d, -12)


def test_twelve_months_ending_starts_the_day_after() -> None:
    period = Period.twelve_months_ending(D("2024-02-29"))
    assert period == Period(D("2023-03-01"), D("2024-02-29"))
    assert D("2023-02-28") not in period
    assert D("2024-02-29") in period
    assert D("2024-03-01") not in period


def test_month_ends_for_a_trend_chart() -> None:
    assert month_ends(D("2024-03-15"), 3) == [D("2024-01-31"), D("2024-02-29"), D("2024-03-31")]
    assert len(month_ends(D("2024-12-31"), 12)) == 12
    assert month_ends(D("2024-12-31"), 12)[0] == D("2024-01-31")
    assert Period.month(2023, 2) == Period(D("2023-02-01"), D("2023-02-28"))
