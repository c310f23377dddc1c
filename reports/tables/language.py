"""The words of the monthly report and the funder workbook in the agency's chosen language.

The tables are laid out in English: every label, title and note is a literal marked with
`N_` (extracted into the Spanish catalogue by installer/extract_messages.py, in the
context `forms`), and a text with values in it is a `reports.rules.words.Sentence`,
which keeps its marked template and its values. A `ReportLanguage` says them in one
language when a renderer prints them: it translates the template through the
`translate` function it was given and fills the values in after, a date in the
language's form and a word that is itself marked translated too.

reports/ may not import Qt, so it never reads the catalogue itself: whoever runs the
report (the desktop, the command line) passes a `Catalogues` function that gives the
translation function of a language (desktop/report_words.py builds it from the
compiled catalogue with a QTranslator). English needs none: its texts are the
sources, and its dates stay ISO, as the English report has always printed them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from reports.rules.words import N_, Sentence

log = logging.getLogger(__name__)

Translate = Callable[[str], str]
# A language's code ("es") -> the function that translates a marked text into it.
Catalogues = Callable[[str], Translate]

ENGLISH_CODE = "en"
MONTH_NAMES = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
SHORT_MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
# How a language writes a day ("December 6, 2026"; Spanish: "6 de diciembre de 2026").
# English reports keep ISO dates instead, as staff type them and as they always printed.
DAY_FORM = N_("{month} {day}, {year}")
MONTH_FORM = N_("{month} {year}")  # "November 2026", "noviembre de 2026"
SHORT_MONTH_FORM = N_("{short_month} {year}")  # "Nov 2026": a trend table's row


def _same(text: str) -> str:
    return text


def _templated(text: object) -> bool:
    return isinstance(text, str) and hasattr(text, "template") and hasattr(text, "params")


@dataclass(frozen=True)
class ReportLanguage:
    """One language's way of saying the report's marked words, dates and months."""

    code: str = ENGLISH_CODE
    translate: Translate = field(default=_same, compare=False)

    @property
    def english(self) -> bool:
        return self.code == ENGLISH_CODE

    def say(self, text: str) -> str:
        """A marked text or a Sentence in this language; text that was never marked (an
        area, the agency's name) is found in no catalogue and prints as it is."""
        if not _templated(text):
            return self.translate(text) if text else text
        params: dict[str, object] = getattr(text, "params")  # noqa: B009
        values = {key: self._value(value) for key, value in params.items()}
        return self.translate(getattr(text, "template")).format(**values)  # noqa: B009

    def _value(self, value: object) -> object:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return self.date(value)
        if isinstance(value, str):
            return self.say(value)
        return value  # numbers print as in English: see docs/development.md

    def date(self, day: dt.date) -> str:
        if self.english:
            return day.isoformat()
        month = self.translate(MONTH_NAMES[day.month - 1])
        return self.translate(DAY_FORM).format(month=month, day=day.day, year=day.year)

    def month(self, year: int, month: int) -> str:
        name = self.translate(MONTH_NAMES[month - 1])
        return self.translate(MONTH_FORM).format(month=name, year=year)


ENGLISH = ReportLanguage()


def report_language(code: str, catalogues: Catalogues | None) -> ReportLanguage:
    """The language `code` (an agency's `report_language`) as `catalogues` translate it;
    English when it is English, or when the caller has no catalogues to give."""
    if code == ENGLISH_CODE:
        return ENGLISH
    if catalogues is None:
        log.warning("no catalogue for the report language %r: the report is in English", code)
        return ENGLISH
    return ReportLanguage(code, catalogues(code))


def short_month(day: dt.date) -> Sentence:
    """'Nov 2026': a month-end as a trend table's row names it."""
    return Sentence(SHORT_MONTH_FORM, short_month=SHORT_MONTHS[day.month - 1], year=day.year)
