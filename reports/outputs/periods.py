"""The one reading of the dates a job asks for: a month, a period or an as-of date.

The command line reads them from text (`parse_date`, `parse_month`); the
Reports screen takes them from its date pickers. Either way `month_asked`,
`period_asked` and `date_asked` check them the same way, and a refusal is one
line that names the field as the person typed or saw it (`FieldNames`): the
command line's `--to 2026-10-01 is before --from 2026-10-31`, the screen's own
labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.dates import Period
from forms.values import EARLIEST_DATE


class InputError(ValueError):
    """A date or period a job cannot take; the message is one line naming the field."""


@dataclass(frozen=True)
class FieldNames:
    """What the person calls each date field, to name it in a message."""

    month: str
    start: str
    end: str
    as_of: str


COMMAND_LINE_NAMES = FieldNames("--month", "--from", "--to", "--as-of")


def parse_date(text: str) -> dt.date:
    """YYYY-MM-DD; the caller names the field (argparse puts the option before it)."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"'{text}' is not a date; use YYYY-MM-DD") from None
    return _plausible(text, day)


def parse_month(text: str) -> dt.date:
    """YYYY-MM, as the first day of that month."""
    try:
        first = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise InputError(f"'{text}' is not a month; use YYYY-MM") from None
    return _plausible(text, first)


def _plausible(text: str, day: dt.date) -> dt.date:
    _not_too_early(day, f"'{text}'")
    return day


def _not_too_early(day: dt.date, shown: str) -> None:
    # Reports look back a year and more from the date given; nothing is recorded that early.
    if day < EARLIEST_DATE:
        raise InputError(f"{shown} is too long ago; give a date from {EARLIEST_DATE.year} on")


def month_asked(first: dt.date, today: dt.date, names: FieldNames) -> Period:
    """The month that starts on `first`, which must have started by `today`."""
    _not_too_early(first, f"{names.month} {first:%Y-%m}")
    if first > today:
        raise InputError(f"{names.month} {first:%Y-%m} has not started yet")
    return Period.month(first.year, first.month)


def period_asked(start: dt.date, end: dt.date, today: dt.date, names: FieldNames) -> Period:
    """`start` to `end`, both days included; it may not end before it starts, nor start
    after `today`."""
    _not_too_early(start, f"{names.start} {start.isoformat()}")
    if end < start:
        raise InputError(
            f"{names.end} {end.isoformat()} is before {names.start} {start.isoformat()}"
        )
    if start > today:
        raise InputError(f"{names.start} {start.isoformat()} is in the future")
    return Period(start, end)


def date_asked(day: dt.date, names: FieldNames) -> dt.date:
    """An as-of date."""
    _not_too_early(day, f"{names.as_of} {day.isoformat()}")
    return day
