"""Spanish words are longer: with the screens in Spanish and the text twice its size (as at
200 % scaling), the settings' labels and values and the worklist's contact-attempt panel
show whole, not cut off at the right."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
)

from desktop.translate import shown_date
from desktop.worklist_model import DUE_COLUMN, NAME_COLUMN, PHONE_COLUMN, STATE_COLUMN
from tests.desktop.harness import Desk
from tests.desktop.test_worklist_fit import PEOPLE, cut_cells, listed_clients

__all__ = ["listed_clients"]  # the fixture, shared with the English worklist test


@pytest.fixture(scope="module")
def large_text(qapp: Any, spanish: None) -> Iterator[None]:
    normal = QApplication.font()
    large = QApplication.font()
    large.setPointSizeF(normal.pointSizeF() * 2)
    QApplication.setFont(large)
    yield
    QApplication.setFont(normal)


@pytest.fixture(scope="module")
def desk(large_text: None, desk: Desk) -> Desk:
    desk.window.resize(2400, 1600)  # a 1200 x 800 window at 200 %
    return desk


def test_every_setting_shows_its_whole_label_and_value(desk: Desk) -> None:
    desk.sign_in_as("admin")
    desk.window.go("settings")
    view = desk.window.settings_view
    QApplication.processEvents()
    cut = [
        w.text() if isinstance(w, QLabel) else w.objectName()
        for w in [*view.findChildren(QLabel), *view.findChildren(QAbstractSpinBox)]
        if w.isVisible() and w.width() < w.sizeHint().width()
    ]
    assert cut == []


def room(edit: QLineEdit) -> int:
    """The width an empty line edit has for its hint: inside its frame and margins, less
    the two pixels a side QLineEdit keeps clear."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    inside = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return inside.width() - margins.left() - margins.right() - 4


@pytest.mark.parametrize(
    ("screen", "editor"), [("reports", "recipient"), ("settings", "backup_folder")]
)
def test_an_empty_box_shows_its_whole_hint(desk: Desk, screen: str, editor: str) -> None:
    """Under Xvfb in Spanish the reports screen's "Divulgado a" read "por ejemplo,
    Departamento de Salud del Co…" and the settings' backups folder "la carpeta de copias
    junto a la ba…": the boxes kept the width of 17 letters whatever their hint said."""
    desk.sign_in_as("admin")
    desk.window.go(screen)
    QApplication.processEvents()
    view = desk.window.reports if screen == "reports" else desk.window.settings_view
    edit = getattr(view, editor)
    hint = edit.placeholderText()
    assert hint != "" and not hint.startswith(("for example", "the backups"))  # Spanish
    assert room(edit) >= edit.fontMetrics().horizontalAdvance(hint), hint


def test_the_contact_attempt_panel_can_narrow_to_its_column(desk: Desk) -> None:
    """Under Xvfb at 200 % the panel's title and its drop-downs ran past the panel's
    right edge: the title now wraps, and a drop-down no longer insists on the width of its
    longest choice."""
    desk.sign_in_as("admin")
    desk.window.go("worklist")
    form = desk.window.worklist.form
    QApplication.processEvents()
    heading = next(w for w in form.findChildren(QLabel) if w.objectName() == "form_title")
    assert heading.wordWrap()
    assert heading.minimumSizeHint().width() < heading.fontMetrics().horizontalAdvance(
        heading.text()
    )
    outcome = form.findChild(QComboBox, "outcome")
    longest = max(outcome.itemText(i) for i in range(outcome.count()))
    needed = max(outcome.fontMetrics().horizontalAdvance(outcome.itemText(i))
                 for i in range(outcome.count()))  # fmt: skip
    assert outcome.minimumSizeHint().width() < needed, longest
    assert not form.scroll_area.horizontalScrollBar().isVisible()


def test_the_worklist_reads_in_full_at_200_percent(
    qtbot: Any, desk: Desk, listed_clients: list[int]
) -> None:
    """At 200 % (the text twice its size in a window of 1200×800 at that scale) the last
    columns needed a scroll bar sideways: the side panel now goes below the list when both
    do not fit side by side, and every header and every cell of the rows on screen reads
    whole, the due day included."""
    desk.sign_in_as("desk")
    desk.window.go("worklist")
    view = desk.window.worklist
    view.reload()  # the clients were added below the screens, which were not told
    qtbot.waitUntil(lambda: view.model.rowCount() == len(PEOPLE))
    view.table.selectRow(0)
    QApplication.processEvents()
    due = [shown_date(i.point.due_on) for i in view.model.items]
    columns = range(view.model.columnCount())
    assert any(
        [view.model.data(view.model.index(r, c)) for r in range(len(due))] == due for c in columns
    )
    assert cut_cells(view) == []
    assert view.split.orientation() == Qt.Orientation.Vertical  # the panel below the list
    assert view.side.isVisible() and view.side.geometry().right() <= view.split.width()


def test_a_list_too_narrow_for_every_column_leaves_out_what_the_panel_repeats(
    qtbot: Any, desk: Desk, listed_clients: list[int]
) -> None:
    """Under Xvfb, a 1280×900 screen at 200 % (QT_SCALE_FACTOR=2) is a 640×450 one: the
    list had a scroll bar sideways. With the text twice its size in a 1280×900 window the
    list leaves out point, code and window close (the panel shows the chosen one's), and
    the state, due day, name and phone of every row on screen read whole."""
    desk.sign_in_as("desk")
    desk.window.go("worklist")
    view = desk.window.worklist
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == len(PEOPLE))
    try:
        desk.window.resize(1280, 900)
        qtbot.waitUntil(lambda: desk.window.width() <= 1400)
        QApplication.processEvents()
        shown = [c for c in range(view.model.columnCount()) if not view.table.isColumnHidden(c)]
        assert {STATE_COLUMN, DUE_COLUMN, NAME_COLUMN, PHONE_COLUMN} <= set(shown), shown
        assert len(shown) < view.model.columnCount()
        assert cut_cells(view) == []
    finally:
        desk.window.resize(2400, 1600)
