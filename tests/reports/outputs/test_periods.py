"""The one reading of a job's dates: the same refusals on the screen and the command line,
each one line naming the field as the person knows it."""

from __future__ import annotations

import datetime as dt

import pytest

from db.dates import Period
from reports.outputs.periods import (
    COMMAND_LINE_NAMES,
    FieldNames,
    InputError,
    date_asked,
    month_asked,
    parse_date,
    parse_month,
    period_asked,
)

TODAY = dt.date(2026, 11, 27)
SCREEN = FieldNames("Month", "Period from", "Period to", "Status as of")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-13", "'2026-13' is not a month; use YYYY-MM"),
        ("October", "'October' is not a month; use YYYY-MM"),
        ("0001-01", "'0001-01' is too long ago; give a date from 1900 on"),
    ],
)
def test_a_month_that_cannot_be_read_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_month(text)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yesterday", "'yesterday' is not a date; use YYYY-MM-DD"),
        ("2026-02-30", "'2026-02-30' is not a date; use YYYY-MM-DD"),
        ("1899-12-31", "'1899-12-31' is too long ago; give a date from 1900 on"),
    ],
)
def test_a_date_that_cannot_be_read_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_date(text)
    assert str(refused.value) == message


def test_dates_read_as_typed() -> None:
    assert parse_month("2026-10") == dt.date(2026, 10, 1)
    assert parse_date("1900-01-01") == dt.date(1900, 1, 1)


def test_the_month_of_today_is_taken_and_the_next_is_not() -> None:
    assert month_asked(dt.date(2026, 11, 1), TODAY, COMMAND_LINE_NAMES) == Period(
        dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    )
    with pytest.raises(InputError, match=r"^--month 2026-12 has not started yet$"):
        month_asked(dt.date(2026, 12, 1), TODAY, COMMAND_LINE_NAMES)
    with pytest.raises(InputError, match=r"^Month 2026-12 has not started yet$"):
        month_asked(dt.date(2026, 12, 1), TODAY, SCREEN)


def test_a_period_may_be_one_day_but_not_reversed_nor_begin_after_today() -> None:
    day = dt.date(2026, 10, 1)
    assert period_asked(day, day, TODAY, COMMAND_LINE_NAMES) == Period(day, day)
    with pytest.raises(InputError) as reversed_:
        period_asked(dt.date(2026, 10, 31), dt.date(2026, 10, 1), TODAY, COMMAND_LINE_NAMES)
    assert str(reversed_.value) == "--to 2026-10-01 is before --from 2026-10-31"
    with pytest.raises(InputError) as future:
        period_asked(dt.date(2026, 11, 28), dt.date(2026, 12, 31), TODAY, SCREEN)
    assert str(future.value) == "Period from 2026-11-28 is in the future"


def test_a_date_from_a_picker_too_long_ago_names_its_field() -> None:
    with pytest.raises(InputError) as refused:
        date_asked(dt.date(1800, 1, 1), SCREEN)
    assert str(refused.value) == "Status as of 1800-01-01 is too long ago; give a date from 1900 on"
    with pytest.raises(InputError, match=r"^--from 1899-12-01 is too long ago"):
        period_asked(dt.date(1899, 12, 1), dt.date(1899, 12, 31), TODAY, COMMAND_LINE_NAMES)
