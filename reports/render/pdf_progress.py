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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.files import atomic_path
from forms.definitions import ASSESSMENT_FIELDS, by_key
from reports.datasets.client_progress import ProgressSummaryData
from reports.render.pdf_style import FONT, MARGIN, MUTED, RULE, Styles, page_size, text
from reports.rules.milestone_words import MEASURE_NAMES, NO_BARC10, NO_POINTS
from reports.rules.milestones import Milestone
from reports.rules.progress import BARC10_MAX, BARC10_MIN, RATING_MAX, RATING_MIN, RATINGS, Progress
from reports.rules.words import N_, Sentence
from reports.tables.language import ENGLISH, ReportLanguage

_GOAL = by_key(ASSESSMENT_FIELDS)["goal"]
# The measures' colours and dashes, as on the client page's chart.
COLOURS = {
    "psych_health": (colors.HexColor("#0072B2"), None),
    "physical_health": (colors.HexColor("#D55E00"), (4, 2)),
    "quality_of_life": (colors.HexColor("#009E73"), (1, 2)),
    "barc10": (colors.HexColor("#CC79A7"), None),
}
CHART_HEIGHT = 120.0
LEGEND_SIZE = 7.5
# Every word the summary prints besides the rules' sentences, said in the chosen language.
TITLE = N_("Progress summary")
INTRO = N_(
    "Recovery is possible, and every step counts. This page shows where things stand, "
    "the progress since the intake, the milestones already reached and the next ones."
)
AHEAD_NOTE = N_(
    "A date ahead is the day a milestone is reached if no new difficulties are recorded "
    "until then; the interview on or after that day confirms it."
)
GOAL = N_("Goal: {goal}")
GOAL_NOT_TOLD = N_("not told yet")
STANDING = N_("Where things stand")
CHART_TITLE = N_("Progress since the intake of {date}")
RATINGS_NOTE = N_("Own ratings, from 0 (poor) to 20 (very good)")
BARC10_NOTE = N_("Recovery capital (BARC-10), from 10 to 60")
REACHED = N_("Milestones reached")
FIRST_AHEAD = N_("The first milestones are ahead.")
NEXT = N_("What comes next")


def _plot(
    progress: Progress,
    measures: Sequence[str],
    scale: tuple[int, int],
    width: float,
    language: ReportLanguage,
) -> Drawing:
    """One panel: the measures' lines over the days of the interviews."""
    low, high = scale
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
    plot.xValueAxis.labelTextFormat = lambda n: language.date(dt.date.fromordinal(int(n)))
    # The first day's label runs right from the axis's start, the last day's left from its
    # end: a long date ("10 de julio de 2026") then stays inside its own panel.
    plot.xValueAxis.labels[0].boxAnchor = "nw"
    plot.xValueAxis.labels[1].boxAnchor = "ne"
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.valueSteps = [low, (low + high) // 2, high]
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize, axis.labels.fillColor = FONT, 7, MUTED
        axis.strokeColor = RULE
    drawing.add(plot)
    _legend(drawing, [(m, language.say(MEASURE_NAMES[m])) for m in shown])
    return drawing


def _legend(drawing: Drawing, measures: Sequence[tuple[str, str]]) -> None:
    """Each measure's line and its name; a name that does not fit starts a row below."""
    x, y = 30.0, CHART_HEIGHT - 8
    for measure, name in measures:
        room = 22 + stringWidth(name, FONT, LEGEND_SIZE) + 10
        if x > 30 and x + room > drawing.width:
            x, y = 30.0, y - 10
        colour, dash = COLOURS[measure]
        drawing.add(
            Line(x, y, x + 14, y, strokeColor=colour, strokeWidth=1.6, strokeDashArray=dash)
        )
        drawing.add(String(x + 18, y - 3, name, fontName=FONT, fontSize=LEGEND_SIZE))
        x += room


def _bullets(items: Sequence[str], styles: Styles) -> list[Flowable]:
    return [Paragraph(text(item), styles.body, bulletText="•") for item in items]


def _milestones(ms: Sequence[Milestone], language: ReportLanguage) -> list[str]:
    return [language.say(m.sentence) for m in ms]


def _chart_block(
    data: ProgressSummaryData, styles: Styles, width: float, language: ReportLanguage
) -> list[Flowable]:
    progress = data.progress
    if progress.intake_on is None or not progress.points:
        return [Paragraph(text(language.say(NO_POINTS)), styles.body)]
    title = language.say(Sentence(CHART_TITLE, date=progress.intake_on))
    story: list[Flowable] = [Paragraph(text(title), styles.h1)]
    has_barc = bool(progress.series("barc10"))
    left = width * 0.58 if has_barc else width
    ratings = _plot(progress, RATINGS, (RATING_MIN, RATING_MAX), left - 6, language)
    cells: list[list[object]] = [
        [ratings],
        [Paragraph(text(language.say(RATINGS_NOTE)), styles.note)],
    ]
    if has_barc:
        scale = (BARC10_MIN, BARC10_MAX)
        cells[0].append(_plot(progress, ("barc10",), scale, width - left - 6, language))
        cells[1].append(Paragraph(text(language.say(BARC10_NOTE)), styles.note))
    else:
        cells.append([Paragraph(text(language.say(NO_BARC10)), styles.note)])
    charts = Table(cells, colWidths=[left] + ([width - left] if has_barc else []))
    charts.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(charts)
    story += _bullets([language.say(c) for c in progress.changes], styles)
    return story


def _heading(data: ProgressSummaryData, language: ReportLanguage) -> str:
    """Who, where and when: names and the agency as written, never translated."""
    who = f"{data.name} {data.family_name} ({data.client_code})"
    return f"{who} · {data.agency} · {language.date(data.as_of)}"


def _story(
    data: ProgressSummaryData,
    styles: Styles,
    width: float,
    notice: Sequence[str],
    language: ReportLanguage,
) -> list[Flowable]:
    say = language.say
    goal = _GOAL.label_of(data.progress.goal) if data.progress.goal else GOAL_NOT_TOLD
    found = data.outlook
    step = [say(found.next_step.sentence)] if found.next_step else []
    standing = [say(c.sentence) for c in found.classes]
    # With no completed interview the step is the whole standing, said once (as on the page).
    ahead = (step if standing else []) + _milestones(found.ahead, language)
    standing = standing or step
    reached = _milestones(found.reached, language) or [say(FIRST_AHEAD)]
    story: list[Flowable] = [
        Paragraph(text(say(TITLE)), styles.title),
        Paragraph(text(_heading(data, language)), styles.subtitle),
        Paragraph(text(say(INTRO)), styles.body),
        Paragraph(text(say(Sentence(GOAL, goal=goal))), styles.h2),
        Paragraph(text(say(STANDING)), styles.h1),
        *_bullets(standing, styles),
        *_chart_block(data, styles, width, language),
        Paragraph(text(say(REACHED)), styles.h1),
        *_bullets(reached, styles),
    ]
    if ahead:
        story += [Paragraph(text(say(NEXT)), styles.h1), *_bullets(ahead, styles)]
    if found.ahead:  # the note explains the dates ahead; after a discharge none is listed
        story.append(Paragraph(text(say(AHEAD_NOTE)), styles.note))
    if notice:
        story += [Spacer(1, 8), *[Paragraph(text(line), styles.note) for line in notice]]
    return story


def write_progress_pdf(
    data: ProgressSummaryData,
    target: Path,
    notice: Sequence[str] = (),
    before_rename: Callable[[], None] | None = None,
    language: ReportLanguage = ENGLISH,
) -> None:
    """Lay out `data` in `language` (with `notice` at the end, already in it: the
    disclosure's, when it goes to someone other than the client) and write it to
    `target` whole, or leave no file."""
    styles = Styles()
    size = page_size(data.paper_size)
    width = size[0] - 2 * MARGIN
    story = _story(data, styles, width, notice, language)
    with atomic_path(Path(target), before_rename) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=language.say(TITLE),
            author=data.agency,
            creator="Recovery Desk",
            lang=language.code,
            invariant=True,
        )
        doc.build(story)
