"""Turning what a person typed (or a spreadsheet cell held) into a typed value.

Each parser returns the value or raises `FieldError` with a message written
for a front-desk worker, never for a programmer.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import cast

from forms.fields import N_, Field, Kind, Message

EXCEL_EPOCH = dt.date(1899, 12, 30)
EARLIEST_DATE = dt.date(1900, 1, 1)
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x"})
FALSE_WORDS = frozenset({"no", "n", "false", "0"})
_INTEGER = re.compile(r"[+-]?\d+(\.0*)?")
_SHOWN_DIGITS = 15  # a number longer than this is described, not repeated, in a message
_MAX_DIGITS = 4000  # Python refuses to read longer numbers from text


class FieldError(ValueError):
    """A value that cannot be stored; str() is the message for the person."""


class Formula:
    """A spreadsheet cell holding a formula. Never a value: whatever it computed (if it
    was ever computed) is not what a person typed, so every field refuses it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Formula({self.text!r})"


FORMULA_MESSAGE = N_("is a formula, not a value: type the value itself")


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def parse(field: Field, raw: object, today: dt.date) -> object:
    """The stored value for `raw`, or None when blank. Raises FieldError."""
    if is_blank(raw):
        return None
    if isinstance(raw, Formula):
        raise FieldError(Message(FORMULA_MESSAGE))
    return _PARSERS[field.kind](field, raw, today)


def _text(field: Field, raw: object, _today: dt.date) -> str:
    if not isinstance(raw, str):
        raw = _number_as_text(raw)
    text = unicodedata.normalize("NFC", raw.strip())
    bad = next((ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co")), None)
    if bad is not None:
        raise FieldError(
            Message(
                N_("contains an invisible control character (U+{code}); retype it"),
                code=f"{ord(bad):04X}",
            )
        )
    if field.max_length is not None and len(text) > field.max_length:
        raise FieldError(
            Message(
                N_("is too long: {length} characters, at most {most}"),
                length=len(text),
                most=field.max_length,
            )
        )
    return text


def _number_as_text(raw: object) -> str:
    # Spreadsheets turn codes and postal codes like 02139 into numbers.
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, int | float):
        return str(raw)
    raise FieldError(Message(N_("must be text")))


def _date(field: Field, raw: object, today: dt.date) -> dt.date:
    value = _to_date(raw)
    if value > today and not field.allow_future:
        raise FieldError(Message(N_("{date} is in the future"), date=value.isoformat()))
    if value < EARLIEST_DATE:
        raise FieldError(Message(N_("{date} is too long ago to be right"), date=value.isoformat()))
    return value


# Not strftime("%B"): the messages are in the program's language, not the C locale's.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _to_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if not 1 <= raw < 2958466:  # Excel's own range of serial dates
            raise FieldError(Message(N_("is not a date")))
        return EXCEL_EPOCH + dt.timedelta(days=int(raw))
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) >= 10 and text[10:11] in ("", "T", " ") and text[10:].strip("T :0") == "":
            text = text[:10]
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            _no_such_day(text)
    raise FieldError(Message(N_("is not a date; write it as YYYY-MM-DD, for example 2024-03-31")))


def _no_such_day(text: str) -> None:
    """Written as YYYY-MM-DD but not a day of the calendar: say which part is wrong."""
    written = _ISO_SHAPE.fullmatch(text)
    if written is None:
        return
    year, month, day = (int(part) for part in written.groups())
    if not 1 <= month <= 12:
        raise FieldError(Message(N_("is not a date: there is no month {month}"), month=month))
    raise FieldError(
        Message(
            N_("is not a date: {month} {year} has no day {day}"),
            month=MONTHS[month - 1],
            year=year,
            day=day,
        )
    )


def _integer(field: Field, raw: object, _today: dt.date) -> int:
    value = _to_int(raw)
    low, high = field.minimum, field.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        digits = len(str(abs(value)))
        shown = (
            Message(N_("a number of {digits} digits"), digits=digits)
            if digits > _SHOWN_DIGITS
            else str(value)
        )
        raise FieldError(
            Message(
                N_("must be between {low} and {high}, not {shown}"), low=low, high=high, shown=shown
            )
        )
    return value


def _to_int(raw: object) -> int:
    if isinstance(raw, bool):
        raise FieldError(Message(N_("must be a whole number")))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
        whole = raw.strip().split(".")[0]  # exact: through a float, 400 nines overflow
        if len(whole.lstrip("+-")) > _MAX_DIGITS:
            raise FieldError(
                Message(N_("must be a whole number of at most {most} digits"), most=_MAX_DIGITS)
            )
        return int(whole)
    raise FieldError(Message(N_("must be a whole number")))


def _boolean(_field: Field, raw: object, _today: dt.date) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise FieldError(Message(N_("must be yes or no")))


def _code(field: Field, raw: object, _today: dt.date) -> str:
    return _match_code(field, raw)


def _match_code(field: Field, raw: object) -> str:
    if not isinstance(raw, str):
        raise FieldError(_code_message(field, str(raw)))
    wanted = raw.strip().casefold().replace(" ", "_").replace("-", "_")
    for value in field.code_values:
        if value == wanted:
            return value
    raise FieldError(_code_message(field, raw.strip()))


def _code_message(field: Field, given: str) -> Message:
    allowed = ", ".join(field.code_values)
    return Message(
        N_("'{given}' is not one of the choices ({allowed})"), given=given[:40], allowed=allowed
    )


def _codes(field: Field, raw: object, _today: dt.date) -> frozenset[str]:
    if isinstance(raw, list | tuple | set | frozenset):
        parts = [str(p) for p in raw]
    elif isinstance(raw, str):
        parts = [p for p in re.split(r"[;,]", raw) if p.strip()]
    else:
        raise FieldError(_code_message(field, str(raw)))
    return frozenset(_match_code(field, part) for part in parts)


_PARSERS: dict[Kind, Callable[[Field, object, dt.date], object]] = {
    Kind.TEXT: _text,
    Kind.DATE: _date,
    Kind.INTEGER: _integer,
    Kind.BOOLEAN: _boolean,
    Kind.CODE: _code,
    Kind.CODES: _codes,
}


def format_value(field: Field, value: object) -> str:
    """The text a person or a workbook sees for a stored value (the inverse of parse)."""
    if value is None:
        return ""
    if field.kind is Kind.BOOLEAN:
        return "yes" if value else "no"
    if field.kind is Kind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    if field.kind is Kind.CODES:
        chosen = (
            set(value.split(";")) if isinstance(value, str) else set(cast(Iterable[str], value))
        )
        return ";".join(c for c in field.code_values if c in chosen)
    return str(value)
