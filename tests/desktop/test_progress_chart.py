"""The client page's progress chart says in words what an empty panel means: no BARC-10
yet, no ratings yet, no interview yet; a panel with values shows them and no words."""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from desktop.progress_chart import MARGIN_LEFT, MARGIN_RIGHT, ProgressChartView
from reports.rules.progress import Progress, ProgressPoint
from tests.desktop.harness import Desk
from tests.desktop.test_client_hope import BARC_31, SIX, _in_remission, _interview, _page

LEGEND_ROWS_BOTTOM = 45  # below the legend's two rows at this width
NO_BARC10 = "No BARC-10 recorded yet: it can be asked at the next follow-up"


def _inside(inner: Any, outer: Any) -> bool:
    return bool(outer.contains(inner))


def test_a_client_never_asked_the_barc10_is_told_when_it_can_be(desk: Desk) -> None:
    page = _page(desk, "Tomas", [(_interview("2026-03-02", "intake", 9), SIX)])
    chart = page.progress_box.chart
    assert chart.empty_barc10.isVisible()
    assert chart.empty_barc10.text() == NO_BARC10
    assert not chart.empty_ratings.isVisible()  # the intake's ratings are drawn
    below = chart.empty_barc10.geometry()
    assert _inside(below, chart.rect()) and below.top() > chart.height() / 2


def test_a_client_with_a_barc10_sees_it_drawn_and_no_words_over_it(desk: Desk) -> None:
    chart = _in_remission(desk).progress_box.chart
    assert not chart.empty_barc10.isVisible() and not chart.empty_ratings.isVisible()


def test_before_the_first_intake_the_chart_says_when_it_starts(desk: Desk) -> None:
    chart = _page(desk, "Ines", []).progress_box.chart
    assert chart.empty_ratings.isVisible()
    assert chart.empty_ratings.text() == "The chart starts with the first completed intake."
    assert not chart.empty_barc10.isVisible()


def test_interviews_without_ratings_leave_the_ratings_panel_with_words(qtbot: Any) -> None:
    chart = ProgressChartView()
    qtbot.addWidget(chart)
    chart.resize(380, 240)
    chart.show()
    points = tuple(
        ProgressPoint(day, None, None, None, sum(BARC_31))
        for day in (dt.date(2026, 1, 10), dt.date(2026, 4, 10))
    )
    chart.set_progress(Progress(points[0].on, points, None))
    assert chart.empty_ratings.isVisible()
    assert chart.empty_ratings.text() == (
        "No ratings recorded yet: they are asked at the next interview"
    )
    assert chart.empty_ratings.geometry().bottom() < chart.height() / 2 + 40
    assert not chart.empty_barc10.isVisible()


def test_a_lone_interview_is_drawn_in_the_middle_of_the_chart_not_on_its_frame(
    qtbot: Any,
) -> None:
    """With one interview (the day of the intake) there is no time axis yet: its dots stood
    on the left edge of the frame, half hidden by it and by each other's."""
    chart = ProgressChartView()
    qtbot.addWidget(chart)
    chart.resize(380, 240)
    chart.show()
    only = ProgressPoint(dt.date(2026, 7, 16), 10, 14, 6, None)
    chart.set_progress(Progress(only.on, (only,), None))
    image = chart.grab().toImage()
    blue = QColor("#0072b2")  # the psychological health dots (the legend's swatch is above)
    xs = [
        x
        for y in range(LEGEND_ROWS_BOTTOM, image.height())
        for x in range(image.width())
        if image.pixelColor(x, y) == blue
    ]
    assert xs, "the dot is drawn"
    plot_middle = (MARGIN_LEFT + chart.width() - MARGIN_RIGHT) / 2
    assert abs(sum(xs) / len(xs) - plot_middle) < 4
    assert min(xs) > MARGIN_LEFT + 20


@pytest.mark.parametrize("larger", [1.0, 1.5])
def test_each_panels_scale_values_stand_apart_from_the_others(qtbot: Any, larger: float) -> None:
    """The ratings panel's 0 sat on top of the BARC-10 panel's 60 where the two panels
    meet, and read as one number; the values, and the dates below, must stand apart at
    the default text size and half as large again."""
    chart = ProgressChartView()
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * larger)
    chart.setFont(font)
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    chart.show()
    points = (
        ProgressPoint(dt.date(2026, 1, 10), 6, 8, 5, 22),
        ProgressPoint(dt.date(2026, 7, 10), 14, 12, 15, 41),
    )
    chart.set_progress(Progress(points[0].on, points, None))
    labels = chart.axis_labels()
    assert [text for text, _ in labels][:4] == ["0", "20", "10", "60"]
    metrics = chart.fontMetrics()
    for text, box in labels:  # each box holds its whole line of text, inside the chart
        assert box.width() >= metrics.horizontalAdvance(text) and box.height() >= metrics.height()
        assert QRectF(chart.rect()).contains(box), text
    # Apart by a quarter of a line of text at least: not touching, and a gap the eye sees.
    half = metrics.height() / 8
    close = [
        (a, b)
        for (a, box_a), (b, box_b) in combinations(labels, 2)
        if box_a.adjusted(-half, -half, half, half).intersects(
            box_b.adjusted(-half, -half, half, half)
        )
    ]
    assert close == []
