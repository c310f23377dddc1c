"""The corrections of earlier months a report lists (DOMAIN.md §9a): a month already
reported, or closed, keeps the figures it printed; the records corrected since are named
in the next reports, the monthly PDF and the funder workbook alike."""

from __future__ import annotations

import datetime as dt

from reports.tables.report_data import ReportData


def revision_text(month: str, n: int) -> str:
    """DOMAIN.md §9a: a month's printed figures stay; its later corrections are listed."""
    title = dt.date.fromisoformat(f"{month}-01").strftime("%B %Y")
    records = "1 record" if n == 1 else f"{n} records"
    verb = "was" if n == 1 else "were"
    return f"Revision: {records} of {title} {verb} corrected after its report."


def closed_revision_text(month: str, n: int) -> str:
    """A closed month's figures stay as closed; its corrections since are listed."""
    title = dt.date.fromisoformat(f"{month}-01").strftime("%B %Y")
    records = "1 record" if n == 1 else f"{n} records"
    verb = "was" if n == 1 else "were"
    return (
        f"Revision: {records} of {title} {verb} corrected after the month was closed;"
        f" its closed report stands as printed."
    )


def revision_lines(data: ReportData) -> list[str]:
    """The corrections of earlier months the report lists (the funder workbook's too)."""
    return [
        *(revision_text(month, n) for month, n in data.revisions),
        *(closed_revision_text(month, n) for month, n in data.closed_revisions),
    ]
