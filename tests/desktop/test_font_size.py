"""Text follows the system's font size: with the application's font half as large again
as the default (as a person who set larger text in the system gets it), every label,
button and input of every screen, form and dialog is drawn in it, and none is cut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QWidget,
)

from desktop.client_page import ClientPageView
from desktop.elided_label import ElidedLabel
from desktop.progress_chart import ProgressChartView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client
from tests.desktop.own_desk import own_desk
from tests.desktop.test_mnemonics import INTAKE, OPIOID, Looks, every_clash, every_dialog_clash

LARGER = 1.5


@pytest.fixture(scope="module")
def default_size(qapp: Any) -> float:
    return float(qapp.font().pointSizeF())


@pytest.fixture(scope="module")
def desk(
    qapp: Any, default_size: float, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Desk]:
    """This module's main window, built after the application's font was made larger."""
    before = qapp.font()
    larger = qapp.font()
    larger.setPointSizeF(default_size * LARGER)
    qapp.setFont(larger)
    try:
        with own_desk(qapp, tmp_path_factory.mktemp("larger")) as desk:
            yield desk
    finally:
        qapp.setFont(before)


def small_or_cut(root: QWidget, name: str, size: float) -> list[str]:
    """`name: what` for each shown label, button or input whose text is set smaller than
    `size` points, or is cut: a label narrower than its text, a wrapped one lower than
    its lines, a button narrower than its words."""
    QApplication.processEvents()  # the layouts settle
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        called = f"{type(widget).__name__} {widget.objectName() or '?'}"
        texts = isinstance(widget, QLabel | QAbstractButton | QLineEdit | QComboBox)
        if texts and widget.font().pointSizeF() < size * 0.99:
            found.append(f"{name}: {called} in {widget.font().pointSizeF()} pt")
        if isinstance(widget, QLabel) and widget.text() and not isinstance(widget, ElidedLabel):
            found += _label_cut(widget, f"{name}: {called} {widget.text()[:30]!r}")
        button = isinstance(widget, QAbstractButton) and widget.text()
        if button and widget.width() < widget.sizeHint().width():
            found.append(f"{name}: {called} {widget.text()!r} cut")
    return found


def _label_cut(label: QLabel, called: str) -> list[str]:
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return [f"{called} {label.height()} high of {needed}"] if label.height() < needed else []
    needed = label.sizeHint().width()
    return [f"{called} {label.width()} wide of {needed}"] if label.width() < needed else []


class LargerTextLooks(Looks):
    def __init__(self, size: float) -> None:
        self.size = size

    def menus(self, bar: QMenuBar) -> list[str]:
        return []

    def screen(self, root: QWidget, name: str) -> list[str]:
        return small_or_cut(root, name, self.size)

    def shown(self, window: QWidget, name: str) -> list[str]:
        return small_or_cut(window, name, self.size)


def test_every_screen_and_dialog_has_the_larger_text_whole(
    desk: Desk, default_size: float, tmp_path: Path
) -> None:
    looks = LargerTextLooks(default_size * LARGER)
    found = every_clash(desk, looks) + every_dialog_clash(desk, tmp_path, looks)
    assert found == [], "\n".join(found)


def test_the_progress_chart_and_timeline_make_room_for_larger_text(desk: Desk) -> None:
    desk.sign_in_as("admin")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name="Ola", family_name="Berg", birth_date="1990-05-05"
    )
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    chart = page.findChild(ProgressChartView)
    assert chart is not None
    metrics = chart.fontMetrics()
    space = chart.spacing()
    # A legend row holds a line of the text; the scale's "60" fits left of the frame.
    assert space.legend >= metrics.height()
    assert space.left > metrics.horizontalAdvance("60")
    assert chart.minimumSizeHint().height() >= 10 * metrics.lineSpacing()
    # The timeline still shows several rows of the larger text.
    assert page.tabs.minimumHeight() >= 10 * page.tabs.fontMetrics().lineSpacing()
    desk.close_forms()
