"""The worklist at the window's default size (1200×800) after a contact attempt has been
logged (the side panel then lists it): every column of every visible row reads in full,
long names and the phone cell of a client who did not consent included, without
scrolling sideways; the due day is in the list. test_spanish_fit.py checks the same in
Spanish at 200 %."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle

from desktop.worklist_view import WorklistView
from tests.desktop.harness import Desk, add_client
from tests.desktop.test_worklist import intake, type_attempt, unreadable_cells

# Long names as they come at a front desk: two family names, two given names, a
# preferred name.
PEOPLE = (
    ("Rodríguez-Fernández", "María José", "Pepa", "no"),
    ("Montgomery-Whitfield", "Christopher", "", "yes"),
    ("Nguyễn Thị", "Thanh Hương", "", "no"),
    ("Okonkwo-Adeyemi", "Oluwaseun", "Seun", "yes"),
)


@pytest.fixture(scope="module")
def listed_clients(desk: Desk) -> list[int]:
    ids = []
    for n, (family, given, preferred, consent) in enumerate(PEOPLE):
        client_id = add_client(
            desk.database,
            desk.actors["admin"],
            given_name=given,
            family_name=family,
            preferred_name=preferred or None,
            birth_date="1980-01-01",
            client_code=f"LONG-{n:04d}",
            phone="(503) 555-0101",
            consent_contact=consent,
        )
        intake(desk, client_id, dt.date(2026, 8, 27) - dt.timedelta(days=n))
        ids.append(client_id)
    return ids


def cut_cells(view: WorklistView) -> list[str]:
    """The headers, and the cells of the rows on screen, whose text (wrapped at spaces
    when the row has room for more than one line) is wider or taller than its cell less
    the style's margin; and a list wider than its view (a scroll bar sideways)."""
    table = view.table
    metrics = table.fontMetrics()
    frame = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    margin = 2 * (frame + 1)
    model = view.model
    first = max(table.rowAt(0), 0)
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    cut = []
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue  # left out on purpose: the side panel shows it
        width = table.columnWidth(column) - margin
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        header_metrics = table.horizontalHeader().fontMetrics()
        if header_metrics.horizontalAdvance(header) > width:
            cut.append(f"header {column}: {header!r} in {width} px")
        for row in range(first, last + 1):
            text = str(model.data(model.index(row, column)))
            room = QRect(0, 0, width, 100 * table.rowHeight(row))
            needs = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text)
            if needs.width() > width or needs.height() > table.rowHeight(row):
                cut.append(f"row {row} column {column}: {text!r} in {width} px")
    used = sum(table.columnWidth(c) for c in range(model.columnCount()))
    if used > table.viewport().width() or table.horizontalScrollBar().maximum() > 0:
        cut.append(f"columns take {used} px of {table.viewport().width()}")
    return cut


def test_every_visible_row_reads_in_full_after_an_attempt_at_the_default_size(
    qtbot: Any, desk: Desk, listed_clients: list[int]
) -> None:
    desk.sign_in_as("desk")
    desk.window.go("worklist")
    view = desk.window.worklist
    assert view.model.rowCount() == len(PEOPLE)
    desk.window.resize(1200, 800)
    qtbot.waitUntil(lambda: desk.window.width() == 1200)
    columns = range(view.model.columnCount())
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert "Due" in headers, headers  # which calls are due today, in the list
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    row = next(r for r, i in enumerate(view.model.items) if i.client.consent_contact)
    view.table.selectRow(row)
    view.form.editors["method"].widget.setFocus()
    type_attempt(qtbot, "P", "rang twice")  # phone: this client consented
    assert view.attempts.count() == 1
    qtbot.wait(50)  # the layout settles after the side panel grew
    assert unreadable_cells(view) == []
    assert cut_cells(view) == []
