"""The trend charts of the monthly report, drawn with reportlab.graphics.

Charts draw the printed values of the trend tables: a suppressed value is
not drawn (a gap in a line, a missing piece of a bar), so a chart never
shows what the tables hide.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from reports.render.pdf_style import FONT, FONT_BOLD, INK, MUTED, RULE, WARNING
from reports.rules.words import N_, Sentence
from reports.tables.report_tables import Table

log = logging.getLogger(__name__)

Series = list[float | None]
RECOVERY_COLOURS = (
    colors.HexColor("#1B7F5B"),
    colors.HexColor("#7CC4A4"),
    colors.HexColor("#E3A33B"),
    colors.HexColor("#B8C0C8"),
)
LINE_COLOURS = (
    colors.HexColor("#1F3A5F"),
    colors.HexColor("#8E5BB5"),
    colors.HexColor("#D1603D"),
    colors.HexColor("#2A9D8F"),
)
HEIGHT = 190.0
PLOT_LEFT = 40.0
PLOT_BOTTOM = 58.0


Say = Callable[[str], str]


def _same(text: str) -> str:
    return text


def column(table: Table, index: int) -> Series:
    """One column of a trend table as numbers; suppressed and empty cells become gaps."""
    values: Series = []
    for row in table.rows:
        v = row.values[index]
        values.append(float(v) if isinstance(v, int | float) else None)
    return values


def short_month(label: str) -> str:
    """'Oct 2026' -> 'Oct 26': twelve labels fit under a chart."""
    month, _, year = label.partition(" ")
    return f"{month} {year[-2:]}" if year else label


def _thousands(value: float) -> str:
    return f"{value:,.0f}"


def _canvas(width: float, title: str) -> Drawing:
    drawing = Drawing(width, HEIGHT)
    drawing.add(String(0, HEIGHT - 12, title, fontName=FONT_BOLD, fontSize=9, fillColor=INK))
    return drawing


def _axes(
    chart: VerticalBarChart | HorizontalLineChart, labels: Sequence[str], width: float
) -> None:
    chart.x, chart.y = PLOT_LEFT, PLOT_BOTTOM
    chart.width, chart.height = width - PLOT_LEFT - 10, HEIGHT - PLOT_BOTTOM - 26
    chart.categoryAxis.categoryNames = [short_month(x) for x in labels]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
    chart.valueAxis.labelTextFormat = _thousands
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E4E7EB")
    chart.valueAxis.valueMin = 0
    chart.categoryAxis.labels.angle = 0


def _legend(drawing: Drawing, items: Sequence[tuple[colors.Color, str]]) -> None:
    legend = Legend()
    legend.x, legend.y = PLOT_LEFT, 22
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 0
    legend.dxTextSpace = 4
    legend.fontName, legend.fontSize = FONT, 7
    legend.boxAnchor = "w"
    legend.colorNamePairs = list(items)
    legend.dx = legend.dy = 7
    legend.variColumn = 1
    drawing.add(legend)


def recovery_chart(trend: Table, width: float, say: Say = _same) -> Drawing:
    """Stacked bars: full, partial, no improvement, no diagnosis, at each month-end."""
    drawing = _canvas(width, say(N_("Recovery status of clients with a known status")))
    chart = VerticalBarChart()
    _axes(chart, [r.label for r in trend.rows], width)
    chart.categoryAxis.style = "stacked"
    chart.data = [column(trend, i) for i in range(1, len(trend.columns))]
    if not any(v for series in chart.data for v in series):
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 10, 2  # an empty chart's axis
    chart.barSpacing = 0
    chart.groupSpacing = 6
    for index, colour in enumerate(RECOVERY_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    _legend(drawing, list(zip(RECOVERY_COLOURS, trend.columns[1:], strict=False)))
    return drawing


def _runs(values: Series) -> list[Series]:
    """The series cut at its gaps, each run alone in a row of the full length: a line
    is drawn within a run and never across a hidden month."""
    rows: list[Series] = []
    current: Series | None = None
    for index, value in enumerate(values):
        if value is None:
            current = None
            continue
        if current is None:
            current = [None] * len(values)
            rows.append(current)
        current[index] = value
    return rows


def _plot(
    chart: HorizontalLineChart, series: Sequence[tuple[Series, colors.Color, float, object]]
) -> None:
    """Each series in its colour, with a dot on every value; a lone value is just a dot."""
    rows: list[Series] = []
    for values, colour, stroke, dash in series:
        for run in _runs(values):
            line = chart.lines[len(rows)]
            single = sum(v is not None for v in run) == 1
            line.strokeColor = None if single else colour
            line.strokeWidth = stroke
            line.strokeDashArray = dash
            line.symbol = makeMarker(
                "FilledCircle", size=3 if dash is None else 0, fillColor=colour, strokeColor=colour
            )
            rows.append(run)
    if not rows:  # nothing to draw: an empty row keeps the axes
        chart.lines[0].strokeColor = None
        rows.append([None] * len(chart.categoryAxis.categoryNames))
    chart.data = rows


def followup_chart(trend: Table, target: float, width: float, say: Say = _same) -> Drawing:
    """The monthly follow-up rate against the target line."""
    drawing = _canvas(width, say(N_("Follow-up rate (%) of the windows that closed in each month")))
    chart = HorizontalLineChart()
    _axes(chart, [r.label for r in trend.rows], width)
    rates = column(trend, len(trend.columns) - 1)
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    _plot(
        chart,
        [(rates, LINE_COLOURS[0], 2, None), ([float(target)] * len(rates), WARNING, 1, (3, 2))],
    )
    drawing.add(chart)
    target_line = say(Sentence(N_("Target {target} %"), target=f"{target:g}"))
    _legend(drawing, [(LINE_COLOURS[0], say(N_("Follow-up rate"))), (WARNING, target_line)])
    return drawing


def nice_axis(values: Sequence[float | None], cap: float | None = None) -> tuple[float, float]:
    """The top and step of a value axis from 0 that fits `values` in at most 5 steps of
    1, 2, 2.5 or 5 times a power of ten (10 and 2 when there is nothing to draw); never
    above `cap` (a percentage axis stops at 100)."""
    top = max((v for v in values if v is not None), default=0.0)
    if top <= 0:
        return 10.0, 2.0
    power = 10.0 ** math.floor(math.log10(top / 5))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if top / step <= 5:
            break
    ceiling = math.ceil(round(top / step, 9)) * step
    if cap is not None and ceiling > cap:
        return cap, cap / 5
    return ceiling, step


def _line_chart(
    trend: Table,
    title: str,
    indexes: Sequence[int],
    labels: Sequence[str],
    width: float,
    cap: float | None,
) -> Drawing:
    drawing = _canvas(width, title)
    chart = HorizontalLineChart()
    _axes(chart, [r.label for r in trend.rows], width)
    series = [column(trend, i) for i in indexes]
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = nice_axis(
        [v for s in series for v in s], cap
    )
    colours = LINE_COLOURS[: len(indexes)] if len(indexes) > 1 else LINE_COLOURS[-1:]
    _plot(chart, [(s, c, 1.6, None) for s, c in zip(series, colours, strict=True)])
    drawing.add(chart)
    _legend(drawing, list(zip(colours, labels, strict=True)))
    return drawing


def harm_chart(trend: Table, width: float, say: Say = _same) -> Drawing:
    """Shares of assessed clients flagged at each level, on an axis scaled to them."""
    shares = range(1, len(trend.columns) - 1)
    return _line_chart(
        trend,
        say(N_("Harm among assessed clients, 12 months ending at each month-end")),
        shares,
        [f"{trend.columns[i]} (%)" for i in shares],
        width,
        100.0,
    )


def harm_index_chart(trend: Table, width: float, say: Say = _same) -> Drawing:
    """The mean harm index on its own axis, scaled to it: an index near 9 moves visibly."""
    last = len(trend.columns) - 1
    return _line_chart(
        trend,
        say(N_("Mean harm index (0-100), 12 months ending at each month-end")),
        [last],
        [
            say(
                Sentence(
                    N_("{measure} (scale 0-100, axis fitted to the values)"),
                    measure=trend.columns[last],
                )
            )
        ],
        width,
        100.0,
    )
