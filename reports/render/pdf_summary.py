"""The monthly report's first page: the summary a board reads in a minute.

It prints the summary table of `ReportData` with each change signed, and three sentences
that say what the figures mean in the words of recovery: progress is named as progress,
and full recovery as the outcome hoped for with every client. The sentences are built
from the printed values only, so a hidden count stays hidden in the prose too.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, Paragraph, Spacer

from reports.render.pdf_style import Styles, format_value, pdf_table, text
from reports.rules.followup import FOLLOWUP_TARGET_PERCENT
from reports.rules.suppression import PROTECTED_MARK
from reports.tables.report_tables import Kind, Row, Table, Value

CHANGE_COLUMNS = (2, 4)


def signed(value: Value, kind: Kind) -> Value:
    """A change as printed: '+3', '−6', '0', '+4.5 pts'; markers and dashes as they are."""
    if not isinstance(value, int | float):
        return value
    number = f"{abs(value):.1f}" if kind is Kind.PERCENT else f"{abs(value):,}"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + number + (" pts" if kind is Kind.PERCENT else "")


def _signed_rows(table: Table) -> Table:
    rows = []
    for row in table.rows:
        kind = row.kind or Kind.COUNT
        values = tuple(
            signed(v, kind) if i in CHANGE_COLUMNS else v for i, v in enumerate(row.values)
        )
        rows.append(Row(row.label, values, row.total, row.kind))
    return replace(table, rows=tuple(rows))


def _figure(row: Row, column: int, marker: str) -> str:
    value = row.values[column]
    if value == marker:
        return f"fewer than {marker[1:]}"
    if value == PROTECTED_MARK:
        return "a withheld number of"  # hidden to protect a small count elsewhere
    return format_value(value, row.kind or Kind.COUNT)


def sentences(table: Table, marker: str) -> list[str]:
    """What the month shows, from the printed values (a hidden one is named as hidden)."""
    by_label = {r.label.split(":")[0]: r for r in table.rows}
    remission, recovery = by_label["In full remission"], by_label["In full recovery"]
    reversed_, rate = by_label["Overdoses reversed with naloxone"], by_label["Follow-up rate"]
    change = remission.values[2]
    since = (
        f" (change from the month before: {signed(change, Kind.COUNT)})"
        if isinstance(change, int)
        else ""
    )
    said = [
        f"{_figure(remission, 0, marker)} people were in full remission at the month's end"
        f"{since}, and {_figure(recovery, 0, marker)} people in full recovery — the"
        " outcome we hope for with every person we serve. Partial remission and less use"
        " count as progress too.",
        f"Overdoses reversed with naloxone handed out by the programme:"
        f" {_figure(reversed_, 0, marker)}. Each one is a life that can still recover.",
    ]
    if isinstance(rate.values[0], int | float):
        said.append(
            f"We reached {_figure(rate, 0, marker)} of the people whose follow-up window"
            f" closed, against our {FOLLOWUP_TARGET_PERCENT} % target: following people up"
            " is how we learn what changed for them."
        )
    else:
        said.append("No follow-up rate can be printed for this month.")
    return said


def summary_page(table: Table, marker: str, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(text(table.title), styles.h1),
        pdf_table(_signed_rows(table), styles, width),
    ]
    if table.note:
        story.append(Paragraph(text(table.note), styles.note))
    story.append(Spacer(1, 6))
    for sentence in sentences(table, marker):
        story += [Paragraph(text(sentence), styles.body), Spacer(1, 4)]
    return story
