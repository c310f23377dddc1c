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
from reports.render.pdf_pages import INTERNAL_MARK as INTERNAL_MARK  # where tests look
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
from reports.tables.monthly_trends import MONTHS
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Table

log = logging.getLogger(__name__)

MONTH_NAMES = (
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
KEEP_TOGETHER_ROWS = 24


def month_title(period: Period) -> str:
    start, end = period.start, period.end
    if start.day == 1 and start.year == end.year and start.month == end.month:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    return f"{start.isoformat()} to {end.isoformat()}"


def _canvas_maker(data: ReportData) -> Callable[..., pdf_canvas.Canvas]:
    page = PageFrame(
        data.agency,
        f"Monthly report · {month_title(data.period)}",
        generated_text(data.generated_at),
        data.disclosure.internal,
    )
    return numbered_canvas(page, data.generated_at)


def _title_block(data: ReportData, styles: Styles) -> list[Flowable]:
    as_of = data.period.end.isoformat()
    story: list[Flowable] = [
        Paragraph(text(data.agency), styles.title),
        Paragraph(f"Monthly report · {text(month_title(data.period))}", styles.subtitle),
        Paragraph(
            f"Period {data.period.start.isoformat()} to {as_of}. Status is read on "
            f"{as_of}; harm covers {data.harm_period.start.isoformat()} to {as_of}. "
            f"{text(generated_text(data.generated_at))}.",
            styles.body,
        ),
        Spacer(1, 4),
    ]
    for line in revision_lines(data):
        story.append(Paragraph(line, styles.note))
    if data.disclosure.internal:
        story.append(
            Paragraph(
                f"{INTERNAL_MARK}: exact counts, for use inside the agency only."
                " Do not share this report.",
                styles.warning,
            )
        )
    else:
        marker = text(data.disclosure.marker)
        story.append(
            Paragraph(
                f"Counts from 1 to {data.disclosure.threshold - 1} print as {marker}; a few larger"
                f" counts that a total would give away, and percentages or means resting on a"
                f" hidden count, print as {text(PROTECTED_MARK)} (Definitions, Small numbers).",
                styles.note,
            )
        )
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
    first, last = data.trend_dates[0], data.trend_dates[-1]
    story: list[Flowable] = [
        PageBreak(),
        Paragraph("6. Trends", styles.h1),
        Paragraph(
            f"The 12 month-ends from {MONTHS[first.month - 1]} {first.year} to "
            f"{MONTHS[last.month - 1]} {last.year}. Hidden values are not drawn.",
            styles.body,
        ),
        Spacer(1, 8),
        pdf_charts.recovery_chart(recovery, width),
        Spacer(1, 14),
        pdf_charts.followup_chart(followups, FOLLOWUP_TARGET_PERCENT, width),
        Spacer(1, 14),
        pdf_charts.harm_chart(harm, width),
        Spacer(1, 14),
        pdf_charts.harm_index_chart(harm, width),
    ]
    for table in data.trends:
        block = _table_block(table, styles, width)
        story += block if isinstance(block, list) else [block]
    return story


def _summary(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    if data.summary is None:
        return []
    page = summary_page(data.summary, data.disclosure.marker, styles, width)
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
    return f"{7 + len(data.board_sections)}. Definitions"


def _definitions(data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(160), Paragraph(definitions_title(data), styles.h1)]
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
            title=f"Monthly report {month_title(data.period)}",
            author=data.agency,
            creator="Recovery Desk",
            invariant=True,  # no clock or random ID in the file: see pdf_pages.time_stamp
        )
        if cancelled is not None and cancelled():
            raise Cancelled()
        doc.build(story, canvasmaker=_canvas_maker(data))
