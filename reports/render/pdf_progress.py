"""The client progress summary: one or two pages in plain words that a worker can hand
to the client (goal, where things stand, the progress chart, the milestones reached and
the next ones). It only lays out what reports.datasets.client_progress read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.files import atomic_path
from forms.definitions import ASSESSMENT_FIELDS, by_key
from reports.datasets.client_progress import ProgressSummaryData
from reports.render.pdf_style import FONT, MARGIN, MUTED, RULE, Styles, page_size, text
from reports.rules.milestone_words import MEASURE_NAMES
from reports.rules.milestones import Milestone
from reports.rules.progress import BARC10_MAX, BARC10_MIN, RATING_MAX, RATING_MIN, RATINGS, Progress

_GOAL = by_key(ASSESSMENT_FIELDS)["goal"]
# The measures' colours and dashes, as on the client page's chart.
COLOURS = {
    "psych_health": (colors.HexColor("#0072B2"), None),
    "physical_health": (colors.HexColor("#D55E00"), (4, 2)),
    "quality_of_life": (colors.HexColor("#009E73"), (1, 2)),
    "barc10": (colors.HexColor("#CC79A7"), None),
}
CHART_HEIGHT = 120.0
INTRO = (
    "Recovery is possible, and every step counts. This page shows where things stand, "
    "the progress since the intake, the milestones already reached and the next ones."
)
AHEAD_NOTE = (
    "A date ahead is the day a milestone is reached if no new difficulties are recorded "
    "until then; the interview on or after that day confirms it."
)


def _plot(
    progress: Progress, measures: Sequence[str], low: int, high: int, width: float
) -> Drawing:
    """One panel: the measures' lines over the days of the interviews."""
    drawing = Drawing(width, CHART_HEIGHT)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 30, 30, width - 40, CHART_HEIGHT - 52
    shown = [m for m in measures if progress.series(m)]
    plot.data = [[(day.toordinal(), v) for day, v in progress.series(m)] for m in shown]
    for i, measure in enumerate(shown):
        colour, dash = COLOURS[measure]
        plot.lines[i].strokeColor = colour
        plot.lines[i].strokeWidth = 1.6
        plot.lines[i].strokeDashArray = dash
        plot.lines[i].symbol = makeMarker("FilledCircle", size=3.5, fillColor=colour)
    first, last = progress.points[0].on.toordinal(), progress.points[-1].on.toordinal()
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = first, max(last, first + 1)
    plot.xValueAxis.valueSteps = sorted({first, last})
    plot.xValueAxis.labelTextFormat = lambda n: _day(int(n))
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.valueSteps = [low, (low + high) // 2, high]
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = FONT, 7, MUTED
        axis.strokeColor = RULE
    drawing.add(plot)
    _legend(drawing, shown)
    return drawing


def _day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _legend(drawing: Drawing, measures: Sequence[str]) -> None:
    x = 30.0
    for measure in measures:
        colour, dash = COLOURS[measure]
        drawing.add(
            Line(
                x,
                CHART_HEIGHT - 8,
                x + 14,
                CHART_HEIGHT - 8,
                strokeColor=colour,
                strokeWidth=1.6,
                strokeDashArray=dash,
            )
        )
        name = MEASURE_NAMES[measure]
        drawing.add(String(x + 18, CHART_HEIGHT - 11, name, fontName=FONT, fontSize=7.5))
        x += 30 + 4.3 * len(name)


def _bullets(items: Sequence[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(text(item), styles.body, bulletText="•") for item in items]


def _milestones(ms: Sequence[Milestone]) -> list[str]:
    return [str(m.sentence) for m in ms]


def _chart_block(data: ProgressSummaryData, styles: Styles, width: float) -> list[Flowable]:
    progress = data.progress
    if progress.intake_on is None or not progress.points:
        return [Paragraph("The chart starts with the first completed intake.", styles.body)]
    title = f"Progress since the intake of {progress.intake_on.isoformat()}"
    story: list[Flowable] = [Paragraph(text(title), styles.h1)]
    has_barc = bool(progress.series("barc10"))
    left = width * 0.58 if has_barc else width
    cells: list[list[object]] = [
        [_plot(progress, RATINGS, RATING_MIN, RATING_MAX, left - 6)],
        [Paragraph("Own ratings, from 0 (poor) to 20 (very good)", styles.note)],
    ]
    if has_barc:
        cells[0].append(_plot(progress, ("barc10",), BARC10_MIN, BARC10_MAX, width - left - 6))
        cells[1].append(Paragraph("Recovery capital (BARC-10), from 10 to 60", styles.note))
    charts = Table(cells, colWidths=[left] + ([width - left] if has_barc else []))
    charts.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(charts)
    story += _bullets([str(c) for c in progress.changes], styles)
    return story


def _story(
    data: ProgressSummaryData, styles: Styles, width: float, notice: Sequence[str]
) -> list[Flowable]:
    goal = _GOAL.label_of(data.progress.goal) if data.progress.goal else "not told yet"
    standing = [str(c.sentence) for c in data.outlook.classes] or ["No completed interview yet"]
    step = data.outlook.next_step
    story: list[Flowable] = [
        Paragraph("Progress summary", styles.title),
        Paragraph(
            text(
                f"{data.name} {data.family_name} ({data.client_code}) · {data.agency} · "
                f"{data.as_of.isoformat()}"
            ),
            styles.subtitle,
        ),
        Paragraph(INTRO, styles.body),
        Paragraph(text(f"Goal: {goal}"), styles.h2),
        Paragraph("Where things stand", styles.h1),
        *_bullets(standing, styles),
        *_chart_block(data, styles, width),
        Paragraph("Milestones reached", styles.h1),
        *_bullets(_milestones(data.outlook.reached) or ["The first milestones are ahead."], styles),
        Paragraph("What comes next", styles.h1),
        *_bullets(([str(step.sentence)] if step else []) + _milestones(data.outlook.ahead), styles),
        Paragraph(AHEAD_NOTE, styles.note),
    ]
    if notice:
        story += [Spacer(1, 8), *[Paragraph(text(line), styles.note) for line in notice]]
    return story


def write_progress_pdf(
    data: ProgressSummaryData,
    target: Path,
    notice: Sequence[str] = (),
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Lay out `data` (with `notice` at the end: the disclosure's, when it goes to someone
    other than the client) and write it to `target` whole, or leave no file."""
    styles = Styles()
    size = page_size(data.paper_size)
    width = size[0] - 2 * MARGIN
    story = _story(data, styles, width, notice)
    with atomic_path(Path(target), before_rename) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title="Progress summary",
            author=data.agency,
            creator="Recovery Desk",
            invariant=True,
        )
        doc.build(story)
