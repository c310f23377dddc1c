"""A date written the right way but that does not exist is told so (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest

from forms.validation import validate_client

TODAY = dt.date(2026, 11, 27)
PERSON = {"client_code": "D-1", "given_name": "Dee", "family_name": "Day"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1991-02-30", "Birth date is not a date: February 1991 has no day 30"),
        ("1990-04-31", "Birth date is not a date: April 1990 has no day 31"),
        ("1990-13-01", "Birth date is not a date: there is no month 13"),
        ("1990-00-10", "Birth date is not a date: there is no month 0"),
    ],
)
def test_a_day_that_does_not_exist_is_named(typed: str, message: str) -> None:
    result = validate_client({**PERSON, "birth_date": typed}, TODAY)
    assert result.errors["birth_date"] == message


def test_a_date_in_another_shape_still_gets_the_format() -> None:
    result = validate_client({**PERSON, "birth_date": "31/02/1990"}, TODAY)
    assert result.errors["birth_date"].endswith("write it as YYYY-MM-DD, for example 2024-03-31")
