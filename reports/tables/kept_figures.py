"""A closed month's summary figures read back from its kept report (reports.outputs.
closed_reports), for the summary page of a later month to compare with: what that month's
report printed when it was closed, not a recount of today's records."""

from __future__ import annotations

from reports.datasets.board_summary import KeptFigures
from reports.rules.words import N_
from reports.tables.board_summary import COUNTED, LABELS
from reports.tables.report_data import ReportData

# The rows of section 2 (reports.tables.monthly_followup) the kept rate rests on; their last
# column is every follow-up point together.
COMPLETED_ROW = N_("Completed in the window")
MISSED_ROW = N_("Missed")


def kept_figures(data: ReportData) -> KeptFigures | None:
    """The figures of the exact (internal) kept report `data`; None when it has no summary
    page (kept before there was one) or a figure is not a count."""
    if data.summary is None:
        return None
    printed = {str(row.label): row.values[0] for row in data.summary.rows}
    figures = {key: printed.get(LABELS[key]) for key in COUNTED}
    followups = data.table("followups")
    completed = followups.row(COMPLETED_ROW).values[-1]
    missed = followups.row(MISSED_ROW).values[-1]
    counts = [*figures.values(), completed, missed]
    if not all(isinstance(n, int) for n in counts):
        return None
    return KeptFigures(
        data.period,
        {k: int(v) for k, v in figures.items()},  # type: ignore[arg-type]
        int(completed),  # type: ignore[arg-type]
        int(missed),  # type: ignore[arg-type]
    )
