"""The monthly report laid out as a PDF, from a `ReportData`.

The summary page (`reports.render.pdf_summary`), then seven sections built from
`reports.tables.report_data`, set with reportlab platypus. Every page carries the
agency, the month, "page x of y" and the generation time; an internal report (exact
small counts) says so on every page. All text that comes from data is escaped before it
meets reportlab's markup, so a name like "<b>&" prints as typed. The file is written
beside its target and renamed into place, so a failure or cancel leaves no file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from db.dates import Period
from db.files import atomic_path
from db.jobs import Cancelled, IsCancelled
from reports.render import pdf_charts
from reports.render.pdf_pages import PageFrame, generated_text, numbered_canvas
from reports.render.pdf_style import (
    MARGIN,
    Styles,
    page_size,
    pdf_table,
    text,
)
from reports.render.pdf_summary import summary_page
from reports.render.revisions import revision_lines
from reports.render.revisions import revision_text as revision_text  # where tests look
from reports.rules.followup import FOLLOWUP_TARGET_PERCENT
from reports.rules.suppression import PROTECTED_MARK
from reports.rules.words import N_, Sentence
from reports.tables.language import ENGLISH, ReportLanguage, short_month
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Table

log = logging.getLogger(__name__)

INTERNAL_MARK = N_("Internal — contains small counts")
KEEP_TOGETHER_ROWS = 24


def month_title(period: Period, language: ReportLanguage = ENGLISH) -> str:
    start, end = period.start, period.end
    if start.day == 1 and start.year == end.year and start.month == end.month:
        return language.month(start.year, start.month)
    return language.say(Sentence(N_("{start} to {end}"), start=start, end=end))


def _canvas_maker(data: ReportData) -> Callable[..., pdf_canvas.Canvas]:
    say = data.language.say
    page = PageFrame(
        data.agency,
        _report_title(data),
        generated_text(data.generated_at, data.language),
        data.disclosure.internal,
        mark=say(INTERNAL_MARK),
        page_words=say(N_("Page {number} of {total}")),
    )
    return numbered_canvas(page, data.generated_at)


def _report_title(data: ReportData) -> str:
    title = month_title(data.period, data.language)
    return data.language.say(Sentence(N_("Monthly report · {month}"), month=title))


def _title_block(data: ReportData, styles: Styles) -> list[Flowable]:
    say, as_of = data.language.say, data.period.end
    period = Sentence(
        N_("Period {start} to {end}. Status is read on {end}; harm covers {harm_start} to {end}."),
        start=data.period.start,
        end=as_of,
        harm_start=data.harm_period.start,
    )
    story: list[Flowable] = [
        Paragraph(text(data.agency), styles.title),
        Paragraph(text(_report_title(data)), styles.subtitle),
        Paragraph(
            f"{text(say(period))} {text(generated_text(data.generated_at, data.language))}.",
            styles.body,
        ),
        Spacer(1, 4),
    ]
    for line in revision_lines(data):
        story.append(Paragraph(line, styles.note))
    if data.disclosure.internal:
        warning = Sentence(
            N_("{mark}: exact counts, for use inside the agency only. Do not share this report."),
            mark=INTERNAL_MARK,
        )
        story.append(Paragraph(text(say(warning)), styles.warning))
    else:
        note = Sentence(
            N_(
                "Counts from 1 to {n} print as {marker}; a few larger counts that a total would"
                " give away, and percentages or means resting on a hidden count, print as"
                " {protected} (Definitions, Small numbers)."
            ),
            n=data.disclosure.threshold - 1,
            marker=data.disclosure.marker,
            protected=PROTECTED_MARK,
        )
        story.append(Paragraph(text(say(note)), styles.note))
    return story


def _table_block(table: Table, styles: Styles, width: float) -> Flowable | list[Flowable]:
    parts: list[Flowable] = [
        Paragraph(text(table.title), styles.h2),
        pdf_table(table, styles, width),
    ]
    if table.note:
        parts.append(Paragraph(text(table.note), styles.note))
    if len(table.rows) <= KEEP_TOGETHER_ROWS:
        return KeepTogether(parts)
    return parts


def _sections(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    for section in data.sections:
        story += [
            CondPageBreak(120),
            Paragraph(text(section.title), styles.h1),
            Paragraph(text(section.intro), styles.body),
        ]
        for table in section.tables:
            block = _table_block(table, styles, width)
            story += block if isinstance(block, list) else [block]
    return story


def _trends(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    recovery, followups, harm = data.trends
    say = data.language.say
    first, last = data.trend_dates[0], data.trend_dates[-1]
    intro = Sentence(
        N_("The 12 month-ends from {first} to {last}. Hidden values are not drawn."),
        first=short_month(first),
        last=short_month(last),
    )
    story: list[Flowable] = [
        PageBreak(),
        Paragraph(text(say(N_("6. Trends"))), styles.h1),
        Paragraph(text(say(intro)), styles.body),
        Spacer(1, 8),
        pdf_charts.recovery_chart(recovery, width, say),
        Spacer(1, 14),
        pdf_charts.followup_chart(followups, FOLLOWUP_TARGET_PERCENT, width, say),
        Spacer(1, 14),
        pdf_charts.harm_chart(harm, width, say),
        Spacer(1, 14),
        pdf_charts.harm_index_chart(harm, width, say),
    ]
    for table in data.trends:
        block = _table_block(table, styles, width)
        story += block if isinstance(block, list) else [block]
    return story


def _summary(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    if data.summary is None:
        return []
    page = summary_page(data.summary, data.disclosure.marker, styles, width, data.language)
    return [*page, PageBreak()]


def _board_sections(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    """Numbered after the trends (section 6)."""
    story: list[Flowable] = []
    for number, section in enumerate(data.board_sections, start=7):
        story += [
            CondPageBreak(120),
            Paragraph(f"{number}. {text(section.title)}", styles.h1),
            Paragraph(text(section.intro), styles.body),
        ]
        for table in section.tables:
            block = _table_block(table, styles, width)
            story += block if isinstance(block, list) else [block]
    return story


def definitions_title(data: ReportData) -> str:
    number = 7 + len(data.board_sections)
    return data.language.say(Sentence(N_("{number}. Definitions"), number=number))


def _definitions(data: ReportData, styles: Styles) -> list[Flowable]:
    title = Paragraph(text(definitions_title(data)), styles.h1)
    story: list[Flowable] = [CondPageBreak(160), title]
    for heading, paragraph in data.definitions:
        story.append(
            KeepTogether(
                [Paragraph(text(heading), styles.h2), Paragraph(text(paragraph), styles.body)]
            )
        )
    return story


def write_monthly_pdf(
    data: ReportData,
    target: Path,
    cancelled: IsCancelled | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Lay out `data` and write it to `target` whole, or leave no file at all;
    `before_rename` runs once the PDF is on disk, before it takes its name."""
    styles = Styles()
    size = page_size(data.paper_size)
    width = size[0] - 2 * MARGIN
    story = [
        *_title_block(data, styles),
        *_summary(data, styles, width),
        *_sections(data, styles, width),
        *_trends(data, styles, width),
        *_board_sections(data, styles, width),
        *_definitions(data, styles),
    ]
    with atomic_path(Path(target), before_rename) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 8,
            bottomMargin=MARGIN + 4,
            title=_report_title(data).replace(" · ", " "),
            author=data.agency,
            creator="Recovery Desk",
            invariant=True,  # no clock or random ID in the file: see pdf_pages.time_stamp
        )
        if cancelled is not None and cancelled():
            raise Cancelled()
        doc.build(story, canvasmaker=_canvas_maker(data))
