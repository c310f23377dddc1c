"""The corrections of earlier months a report lists (DOMAIN.md §9a): a month already
reported, or closed, keeps the figures it printed; the records corrected since are named
in the next reports, the monthly PDF and the funder workbook alike."""

from __future__ import annotations

from reports.rules.words import N_, Sentence
from reports.tables.language import ENGLISH, ReportLanguage
from reports.tables.report_data import ReportData


def _month(month: str, language: ReportLanguage) -> str:
    year, number = (int(part) for part in month.split("-"))
    return language.month(year, number)


def revision_text(month: str, n: int, language: ReportLanguage = ENGLISH) -> str:
    """DOMAIN.md §9a: a month's printed figures stay; its later corrections are listed."""
    title = _month(month, language)
    template = (
        N_("Revision: 1 record of {month} was corrected after its report.")
        if n == 1
        else N_("Revision: {n} records of {month} were corrected after its report.")
    )
    return language.say(Sentence(template, n=n, month=title))


def closed_revision_text(month: str, n: int, language: ReportLanguage = ENGLISH) -> str:
    """A closed month's figures stay as closed; its corrections since are listed."""
    title = _month(month, language)
    template = (
        N_(
            "Revision: 1 record of {month} was corrected after the month was closed;"
            " its closed report stands as printed."
        )
        if n == 1
        else N_(
            "Revision: {n} records of {month} were corrected after the month was closed;"
            " its closed report stands as printed."
        )
    )
    return language.say(Sentence(template, n=n, month=title))


def revision_lines(data: ReportData) -> list[str]:
    """The corrections of earlier months the report lists (the funder workbook's too), in
    the report's language."""
    language = data.language
    return [
        *(revision_text(month, n, language) for month, n in data.revisions),
        *(closed_revision_text(month, n, language) for month, n in data.closed_revisions),
    ]
