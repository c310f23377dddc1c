"""Showing the labels that `forms/` and `reports/` mark with N_ in the person's language,
and the dates and numbers of the screens in the language's form.

English screens keep the ISO dates (2026-10-01) that staff type into every date field
and plain numbers; a screen in another language shows dates and numbers as its locale
writes them (1/10/2026 in Spanish). Only what a screen shows changes: stored data and
files stay ISO.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from forms.fields import Field

CONTEXT = "forms"


def label(text: str) -> str:
    """An N_-marked text from forms/ or reports/, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def refusal(template: str, params: Mapping[str, object]) -> str:
    """A refusal from forms/ (an N_-marked template and its values), translated; the
    setting or field it names (`label`) is translated too."""
    values = {k: label(v) if k == "label" and isinstance(v, str) else v for k, v in params.items()}
    return label(template).format(**values)


def _locale_form() -> QLocale | None:
    """The locale whose form dates and numbers take on screen; None: English, ISO dates."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return None
    return locale


def shown_date(day: dt.date | None) -> str:
    """A date as the screen's language writes it, the year in full; "" for none."""
    if day is None:
        return ""
    locale = _locale_form()
    if locale is None:
        return day.isoformat()
    form = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in form:  # a two-digit year is ambiguous in a birth date
        form = form.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), form)


def shown_moment(at: dt.datetime) -> str:
    """A time stored in UTC (an entry, a void, a change), as the screen writes its day."""
    moment = at.astimezone(dt.UTC) if at.tzinfo else at
    return f"{shown_date(moment.date())} {moment:%H:%M} UTC"


def shown_month(first: dt.date) -> str:
    """A month (its first day): 2026-10 on English screens, as staff type it; the month's
    name and year otherwise (octubre 2026)."""
    locale = _locale_form()
    if locale is None:
        return f"{first:%Y-%m}"
    return locale.toString(QDate(first.year, first.month, 1), "MMMM yyyy")


def shown_number(number: int | float) -> str:
    locale = _locale_form()
    return str(number) if locale is None else locale.toString(number)


def _shown_value(value: object) -> object:
    """A message's value as the screen writes it. Whole numbers stay as they are: those
    in messages are small counts, months and years, and a year must never read 2.026."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return shown_date(value)
    if isinstance(value, float):
        return shown_number(value)
    return value


def _templated(text: object) -> bool:
    """A forms.fields.Message or a reports.rules.words.Sentence: a template and its values."""
    return isinstance(text, str) and hasattr(text, "template") and hasattr(text, "params")


def message(text: object) -> str:
    """A message from forms/ or a sentence of the rules in the person's language: through
    its template and values (a value named `label`, or itself a message, translated too;
    dates and numbers in the language's form); a plain N_-marked text as a label."""
    if not _templated(text):
        return label(str(text))
    params: Mapping[str, object] = getattr(text, "params")  # noqa: B009
    values = {
        key: message(value) if _templated(value) else
        label(value) if key == "label" and isinstance(value, str) else _shown_value(value)
        for key, value in params.items()
    }  # fmt: skip
    return label(getattr(text, "template")).format(**values)  # noqa: B009


def refusal_of(exc: BaseException) -> str:
    """What a refusal raised by forms/ (PermissionDenied, ConflictError) says, in the
    person's language: its first argument is a forms.fields.Message, or a marked text."""
    said = exc.args[0] if exc.args else None
    return message(said) if isinstance(said, str) else str(exc)


def field_label(field: Field) -> str:
    return label(field.label)


def code_label(field: Field, value: object) -> str:
    """The label a person reads for a stored code (or several, joined with commas)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and ";" not in value:
        return label(field.label_of(value))
    parts = value.split(";") if isinstance(value, str) else sorted(value)  # type: ignore[call-overload]
    return ", ".join(label(field.label_of(p)) for p in parts if p)
