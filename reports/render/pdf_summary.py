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
from reports.rules.recovery import FULL_RECOVERY
from reports.rules.suppression import PROTECTED_MARK
from reports.rules.words import N_, Sentence
from reports.tables.board_summary import LABELS
from reports.tables.language import ENGLISH, ReportLanguage
from reports.tables.report_tables import Kind, Row, Table, Value

CHANGE_COLUMNS = (2, 4)


def signed(value: Value, kind: Kind, language: ReportLanguage = ENGLISH) -> Value:
    """A change as printed: '+3', '−6', '0', '+4.5 pts'; markers and dashes as they are."""
    if not isinstance(value, int | float):
        return value
    number = f"{abs(value):.1f}" if kind is Kind.PERCENT else f"{abs(value):,}"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    points = language.say(N_(" pts")) if kind is Kind.PERCENT else ""
    return sign + number + points


def _signed_rows(table: Table, language: ReportLanguage) -> Table:
    rows = []
    for row in table.rows:
        kind = row.kind or Kind.COUNT
        values = tuple(
            signed(v, kind, language) if i in CHANGE_COLUMNS else v
            for i, v in enumerate(row.values)
        )
        rows.append(Row(row.label, values, row.total, row.kind))
    return replace(table, rows=tuple(rows))


def _figure(row: Row, column: int, marker: str) -> str:
    value = row.values[column]
    if value == marker:
        return Sentence(N_("fewer than {n}"), n=marker[1:])
    if value == PROTECTED_MARK:
        return N_("a withheld number of")  # hidden to protect a small count elsewhere
    return format_value(value, row.kind or Kind.COUNT)


def sentences(table: Table, marker: str, language: ReportLanguage = ENGLISH) -> list[str]:
    """What the month shows, from the printed values (a hidden one is named as hidden), in
    the language the table's labels are in."""
    by_label = {r.label.split(":")[0]: r for r in table.rows}  # the words before the gloss

    def row(key: str) -> Row:
        return by_label[language.say(LABELS[key]).split(":")[0]]

    remission, recovery = row("remission/full"), row(FULL_RECOVERY)
    reversed_, rate = row("reversals_reported"), row("rate")
    change = remission.values[2]
    since = (
        Sentence(
            N_(" (change from the month before: {change})"),
            change=str(signed(change, Kind.COUNT)),
        )
        if isinstance(change, int)
        else ""
    )
    said: list[str] = [
        Sentence(
            N_(
                "{remission} people were in full remission at the month's end{since}, and"
                " {recovery} people in full recovery — the outcome we hope for with every"
                " person we serve. Partial remission and less use count as progress too."
            ),
            remission=_figure(remission, 0, marker),
            since=since,
            recovery=_figure(recovery, 0, marker),
        ),
        Sentence(
            N_(
                "Overdoses reversed with naloxone handed out by the programme: {reversed}."
                " Each one is a life that can still recover."
            ),
            reversed=_figure(reversed_, 0, marker),
        ),
    ]
    if isinstance(rate.values[0], int | float):
        said.append(
            Sentence(
                N_(
                    "We reached {rate} of the people whose follow-up window closed, against"
                    " our {target} % target: following people up is how we learn what"
                    " changed for them."
                ),
                rate=_figure(rate, 0, marker),
                target=FOLLOWUP_TARGET_PERCENT,
            )
        )
    else:
        said.append(N_("No follow-up rate can be printed for this month."))
    return [language.say(s) for s in said]


def summary_page(
    table: Table,
    marker: str,
    styles: Styles,
    width: float,
    language: ReportLanguage = ENGLISH,
) -> list[Flowable]:
    """The page of `table`, its words already in `language` (ReportData.in_language)."""
    story: list[Flowable] = [
        Paragraph(text(table.title), styles.h1),
        pdf_table(_signed_rows(table, language), styles, width),
    ]
    if table.note:
        story.append(Paragraph(text(table.note), styles.note))
    story.append(Spacer(1, 6))
    for sentence in sentences(table, marker, language):
        story += [Paragraph(text(sentence), styles.body), Spacer(1, 4)]
    return story
