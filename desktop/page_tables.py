"""The read-only tables of the client page and its panels: made, filled and sized alike.

The timeline, the one table that grows with the years (600 rows for a client of ten
years), is a view on a model of plain strings: Qt asks only for the rows it shows,
where a QTableWidget needed an item object per cell, made before the page could open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.look import muted_colour

FIT_ROWS = 5  # the status and follow-up tables grow to this many rows, then scroll


RESIZE_PRECISION_ROWS = 40
DIGITS = "0123456789"


def make_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    _set_up(table, name)
    return table


def _set_up(table: QTableView, name: str) -> None:
    table.setObjectName(name)
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


def fill_table(table: QTableWidget, rows: list[list[str]], empty: str, fit_rows: int = 0) -> None:
    """Fill the table; with `fit_rows`, make it as tall as its rows, up to that many."""
    table.clearSpans()
    said_empty = not rows
    if said_empty:
        rows = [[empty] + [""] * (table.columnCount() - 1)]
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)
    if said_empty:
        _say_across(table)
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


def _say_across(table: QTableView) -> None:
    """The words of an empty table run across its columns: in the first alone they made it
    as wide as a sentence and squeezed the others to nothing."""
    if table.model().columnCount() > 1:
        table.setSpan(0, 0, 1, table.model().columnCount())


class FoldedTable:
    """A table in a folded part of the page, made the first time it is wanted (the part
    unfolded, or a caller asking for it): most pages are read without unfolding it, and
    every widget made costs the page's opening time."""

    def __init__(
        self,
        part: QWidget,
        name: str,
        headers: list[str],
        fit_rows: int = 0,
        on_made: Callable[[QTableWidget], None] | None = None,
    ) -> None:
        self.part, self.name, self.headers, self.fit_rows = part, name, headers, fit_rows
        self.on_made = on_made
        self.rows: list[list[str]] = []
        self.empty = ""
        self.made: QTableWidget | None = None

    @property
    def table(self) -> QTableWidget:
        if self.made is None:
            self.made = make_table(self.part, self.name, self.headers)
            layout = self.part.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, self.made)  # above what the part shows besides
            fill_table(self.made, self.rows, self.empty, self.fit_rows)
            self.made.setVisible(True)  # shown with its part, which may still be folded
            if self.on_made is not None:
                self.on_made(self.made)
        return self.made

    def unfolded(self, shown: bool) -> None:
        if shown:
            self.table  # noqa: B018  (made now: the part is opening)

    def fill(self, rows: list[list[str]], empty: str) -> None:
        self.rows, self.empty = rows, empty
        if self.made is not None:
            fill_table(self.made, rows, empty, self.fit_rows)


Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of text, each cell its own tooltip; a voided row struck through and greyed."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[Sequence[str]] = []
        self.voided: list[bool] = []
        self.struck = QFont()
        self.struck.setStrikeOut(True)
        # Not Qt's dark grey: 3.9:1 on white, under the 4.5:1 text needs.
        self.grey = QBrush(muted_colour())

    def set_rows(self, rows: Sequence[Sequence[str]], voided: Sequence[bool]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.voided = list(voided) + [False] * (len(rows) - len(voided))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[row][index.column()]
        if role == Qt.ItemDataRole.FontRole and self.voided[row]:
            return self.struck
        if role == Qt.ItemDataRole.ForegroundRole and self.voided[row]:
            return self.grey
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class RowsTableView(QTableView):
    """A read-only table on a RowsModel, answering as the page's QTableWidgets do
    (rowCount, item, cellActivated on Enter or a double-click)."""

    cellActivated = Signal(int, int)

    def __init__(self, parent: QWidget, name: str, headers: list[str]) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(headers, self)
        self.setModel(self.rows_model)
        _set_up(self, name)
        self.activated.connect(lambda index: self.cellActivated.emit(index.row(), index.column()))

    def fill(self, rows: Sequence[Sequence[str]], empty: str, voided: Sequence[bool] = ()) -> None:
        self.clearSpans()
        if not rows:
            self.rows_model.set_rows([[empty] + [""] * (len(self.rows_model.headers) - 1)], ())
            self._fit_columns([])  # the headers' widths: the words run across the columns
            _say_across(self)
            return
        self.rows_model.set_rows(rows, voided)
        self._fit_columns(rows)

    def _fit_columns(self, rows: Sequence[Sequence[str]]) -> None:
        """Every column but the last as wide as its widest text; the last takes the rest.

        Each distinct text is measured once, not every cell of the rows in view, and with
        its digits written as the font's widest digit: the 600 days of a ten-year timeline
        are then one or two texts to measure, and no day is ever cut."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        widest_digit = max(DIGITS, key=metrics.horizontalAdvance)
        as_widest = str.maketrans(DIGITS, widest_digit * len(DIGITS))
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        for column in range(len(self.rows_model.headers) - 1):
            texts = {row[column].translate(as_widest) for row in rows}
            texts.add(self.rows_model.headers[column])
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            self.setColumnWidth(column, widest + padding)

    def rowCount(self) -> int:
        return self.rows_model.rowCount()

    def columnCount(self) -> int:
        return self.rows_model.columnCount()

    def item(self, row: int, column: int) -> QTableWidgetItem | None:
        """A cell as a QTableWidget would give it: its text, tooltip, font and colour."""
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        index = self.rows_model.index(row, column)
        cell = QTableWidgetItem(str(self.rows_model.data(index)))
        cell.setToolTip(cell.text())
        font = self.rows_model.data(index, Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            cell.setFont(font)
        colour = self.rows_model.data(index, Qt.ItemDataRole.ForegroundRole)
        if isinstance(colour, QBrush):
            cell.setForeground(colour)
        return cell
