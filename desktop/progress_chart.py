"""A small line chart of the client's own ratings since the episode's intake, drawn with
QPainter: the three 0-20 self-ratings on top, the BARC-10 total (10-60) below, each
measure with its own colour and line style so it reads without colour too.

A panel with nothing to draw says so in words, on a label laid over it (a widget, so a
screen reader reads it too): an empty frame would tell the client nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.translate import label, shown_date
from reports.rules.milestone_words import MEASURE_NAMES, NO_BARC10, NO_POINTS, NO_RATINGS
from reports.rules.progress import (
    BARC10_MAX,
    BARC10_MIN,
    RATING_MAX,
    RATING_MIN,
    RATINGS,
    Progress,
)

# The smallest spacing, in pixels, at the default text size; larger text widens each to
# what its words need (`Spacing`), so the legend's rows and the dates never overlap.
MARGIN_LEFT, MARGIN_RIGHT, LEGEND_HEIGHT, GAP = 30, 12, 18, 16
# (colour, pen style) per measure: a colour-blind-safe palette, and dashes besides.
STYLES = {
    "psych_health": (QColor("#0072b2"), Qt.PenStyle.SolidLine),
    "physical_health": (QColor("#d55e00"), Qt.PenStyle.DashLine),
    "quality_of_life": (QColor("#009e73"), Qt.PenStyle.DotLine),
    "barc10": (QColor("#cc79a7"), Qt.PenStyle.SolidLine),
}


@dataclass(frozen=True)
class Spacing:
    """The chart's margins and rows for the font it is drawn in."""

    left: int  # room for the scale's values ("60")
    legend: int  # one row of the legend
    gap: int  # below the lower panel: the dates
    between: int  # between the panels, for the upper one's lowest value and the lower's highest
    ascent: int
    text: int  # the height of a line of the text
    clear: int  # the space kept between a scale value and its neighbours

    @classmethod
    def of(cls, metrics: QFontMetrics) -> Spacing:
        line, text = metrics.lineSpacing(), metrics.height()
        clear = max(4, text // 3)
        return cls(
            max(MARGIN_LEFT, metrics.horizontalAdvance("60") + clear + 6),
            max(LEGEND_HEIGHT, line + 4),
            max(GAP, line + 2),
            # Each value is centred on its panel's edge, half of it beyond: with a line's
            # gap the 0 above and the 60 below stood two pixels apart, read as one "060".
            text + 2 * clear,
            metrics.ascent(),
            text,
            clear,
        )


@dataclass(frozen=True)
class Panel:
    """One plot area and the range of values it shows."""

    area: QRectF
    low: int
    high: int

    def y(self, value: int) -> float:
        share = (value - self.low) / (self.high - self.low)
        return self.area.bottom() - share * self.area.height()


class ProgressChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_chart")
        self.progress = Progress(None, (), None)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # What an empty panel says; the whole chart's when there is no interview at all.
        self.empty_ratings = self._note("chart_no_ratings")
        self.empty_barc10 = self._note("chart_no_barc10")

    def _note(self, name: str) -> QLabel:
        note = QLabel(self)
        note.setObjectName(name)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.hide()
        return note

    def sizeHint(self) -> QSize:
        return self._size(380, 210, 54, 15)

    def minimumSizeHint(self) -> QSize:
        return self._size(260, 170, 36, 12)

    def _size(self, width: int, height: int, chars: int, lines: int) -> QSize:
        """`width` x `height` pixels at the default text size; larger text, more room."""
        metrics = self.fontMetrics()
        return QSize(
            max(width, chars * metrics.averageCharWidth()),
            max(height, lines * metrics.lineSpacing()),
        )

    def spacing(self) -> Spacing:
        return Spacing.of(self.fontMetrics())

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        self._place_notes()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_notes()

    def _place_notes(self) -> None:
        """Show each empty panel's words over it, or the whole chart's before any interview."""
        ratings, barc = self._panels(self._legend_bottom())
        if not self.progress.points:
            self._say(self.empty_ratings, label(NO_POINTS), QRectF(self.rect()))
            self.empty_barc10.hide()
            return
        drawn = any(self.progress.series(m) for m in RATINGS)
        self._say(self.empty_ratings, "" if drawn else label(NO_RATINGS), ratings.area)
        has_barc = bool(self.progress.series("barc10"))
        self._say(self.empty_barc10, "" if has_barc else label(NO_BARC10), barc.area)

    def _say(self, note: QLabel, text: str, area: QRectF) -> None:
        note.setText(text)
        note.setVisible(bool(text))
        note.setGeometry(area.adjusted(4, 2, -4, -2).toRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.progress.points:
            return  # the note says the chart starts with the first intake
        self._legend(painter)
        ratings, barc = self._panels(self._legend_bottom())
        for panel in (ratings, barc):
            self._frame(painter, panel)
        for measure in RATINGS:
            self._line(painter, ratings, measure)
        self._line(painter, barc, "barc10")
        painter.setPen(self.palette().text().color())
        centred = Qt.AlignmentFlag.AlignVCenter
        for text, box, align in self._axis_texts(ratings, barc):
            # A box as wide as its text: a fraction of a pixel clipped would cut a digit.
            painter.drawText(box, int(align | centred) | Qt.TextFlag.TextDontClip, text)

    def _panels(self, legend_bottom: float) -> tuple[Panel, Panel]:
        space = self.spacing()
        width = self.width() - space.left - MARGIN_RIGHT
        height = self.height() - legend_bottom - 4 - space.between - space.gap
        top = QRectF(space.left, legend_bottom + 4, width, height * 0.62)
        below = QRectF(space.left, top.bottom() + space.between, width, height * 0.38)
        return Panel(top, RATING_MIN, RATING_MAX), Panel(below, BARC10_MIN, BARC10_MAX)

    def _legend_spots(self) -> list[tuple[str, str, QPointF]]:
        """Each measure, its name and where its entry starts, in rows as wide as the chart."""
        space = self.spacing()
        x, y = float(space.left), 0.0
        metrics = self.fontMetrics()
        spots = []
        for measure in STYLES:
            name = label(MEASURE_NAMES[measure])
            wide = 28 + metrics.horizontalAdvance(name)
            if x > space.left and x + wide > self.width() - MARGIN_RIGHT:
                x, y = float(space.left), y + space.legend
            spots.append((measure, name, QPointF(x, y)))
            x += wide
        return spots

    def _legend_bottom(self) -> float:
        return max(spot.y() for _, _, spot in self._legend_spots()) + self.spacing().legend

    def _legend(self, painter: QPainter) -> None:
        space = self.spacing()
        middle, baseline = space.legend / 2, (space.legend + space.ascent) / 2 - 1
        for measure, name, spot in self._legend_spots():
            colour, style = STYLES[measure]
            x, y = spot.x(), spot.y()
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, y + middle), QPointF(x + 16, y + middle))
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 20, y + baseline), name)

    def _frame(self, painter: QPainter, panel: Panel) -> None:
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(panel.area)

    def axis_labels(self) -> list[tuple[str, QRectF]]:
        """Each text of the axes as drawn, and the box of its line of text: each panel's
        lowest and highest value, then the dates under the lower panel."""
        if not self.progress.points:
            return []
        panels = self._panels(self._legend_bottom())
        return [(text, box) for text, box, _ in self._axis_texts(*panels)]

    def _axis_texts(
        self, ratings: Panel, barc: Panel
    ) -> list[tuple[str, QRectF, Qt.AlignmentFlag]]:
        space = self.spacing()
        metrics = self.fontMetrics()
        found = []
        for panel in (ratings, barc):
            for value in (panel.low, panel.high):
                wide = metrics.horizontalAdvance(str(value))
                right = panel.area.left() - space.clear
                box = QRectF(right - wide, panel.y(value) - space.text / 2, wide, space.text)
                found.append((str(value), box, Qt.AlignmentFlag.AlignRight))
        return found + self._dates(barc)

    def _x(self, panel: Panel, day: dt.date) -> float:
        points = self.progress.points
        first, last = points[0].on, points[-1].on
        if first == last:  # the intake alone: no time axis yet, its dots in the middle
            return panel.area.center().x()
        span = (last - first).days
        return panel.area.left() + (day - first).days / span * panel.area.width()

    def _line(self, painter: QPainter, panel: Panel, measure: str) -> None:
        colour, style = STYLES[measure]
        spots = [
            QPointF(self._x(panel, day), panel.y(v)) for day, v in self.progress.series(measure)
        ]
        painter.setPen(QPen(colour, 2, style))
        if len(spots) > 1:
            painter.drawPolyline(spots)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        for spot in spots:
            painter.drawEllipse(spot, 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _dates(self, panel: Panel) -> list[tuple[str, QRectF, Qt.AlignmentFlag]]:
        """The first interview's date under the panel's left end, the last one's under
        its right end; a lone interview's under its dots in the middle."""
        points = self.progress.points
        metrics, space = self.fontMetrics(), self.spacing()
        top = panel.area.bottom() + 1
        first = shown_date(points[0].on)
        if points[0].on == points[-1].on:
            wide = metrics.horizontalAdvance(first)
            box = QRectF(panel.area.center().x() - wide / 2, top, wide, space.text)
            return [(first, box, Qt.AlignmentFlag.AlignLeft)]
        last = shown_date(points[-1].on)
        wide = metrics.horizontalAdvance(last)
        return [
            (first, QRectF(panel.area.left(), top, metrics.horizontalAdvance(first), space.text),
             Qt.AlignmentFlag.AlignLeft),
            (last, QRectF(panel.area.right() - wide, top, wide, space.text),
             Qt.AlignmentFlag.AlignRight),
        ]  # fmt: skip
