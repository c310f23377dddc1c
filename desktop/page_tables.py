"""The read-only tables of the client page and its panels: made, filled and sized alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

FIT_ROWS = 5  # the status and follow-up tables grow to this many rows, then scroll


RESIZE_PRECISION_ROWS = 40


def make_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Columns fit the rows in view and a few more, not all of a long history's: measuring
    # every row of a 600-row timeline took most of the time the page took to open.
    header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
    header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], empty: str, fit_rows: int = 0) -> None:
    """Fill the table; with `fit_rows`, make it as tall as its rows, up to that many."""
    if not rows:
        rows = [[empty] + [""] * (table.columnCount() - 1)]
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    if fit_rows:
        shown = min(len(rows), fit_rows)
        height = (
            table.horizontalHeader().sizeHint().height()
            + 2 * table.frameWidth()
            + sum(table.rowHeight(r) for r in range(shown))
        )
        if len(rows) > fit_rows or table.horizontalScrollBar().isVisible():
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)


def strike_voided(table: QTableWidget, voided: list[bool]) -> None:
    """Voided rows stay in the timeline, struck through and greyed."""
    for row, is_voided in enumerate(voided):
        if not is_voided:
            continue
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None:
                continue
            font = item.font()
            font.setStrikeOut(True)
            item.setFont(font)
            item.setForeground(Qt.GlobalColor.darkGray)
