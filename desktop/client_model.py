"""The client list as a paged table model: rows arrive a page at a time as the view
scrolls (fetchMore), so 100,000 clients never sit in memory as objects.

Two modes: every client in name order (`forms.client_list.client_page`), or the
ids a search found, best first (`client_summaries`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.translate import shown_date
from forms.client_list import ClientSummary, client_count, client_page, client_summaries
from forms.vocabulary import Database

log = logging.getLogger(__name__)

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


ClientRow = ClientSummary  # one row of the list


class ClientTableModel(QAbstractTableModel):
    def __init__(self, database: Database, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.database = database
        self.rows: list[ClientRow] = []
        self.total = 0
        self._ids: Sequence[int] | None = None  # None: every client in name order
        self.headers = (
            self.tr("Client code"),
            self.tr("Family name"),
            self.tr("Given name"),
            self.tr("Preferred name"),
            self.tr("Birth date"),
        )

    # -- what to show ---------------------------------------------------------------------
    def show_all(self) -> None:
        self.beginResetModel()
        self._ids = None
        self.rows = []
        self.total = client_count(self.database)
        self.endResetModel()
        self._load_page()

    def show_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self.rows = []
        self.total = len(self._ids)
        self.endResetModel()
        self._load_page()

    @property
    def searching(self) -> bool:
        return self._ids is not None

    def _next_rows(self) -> list[ClientRow]:
        start = len(self.rows)
        if self._ids is None:
            return client_page(self.database, start, PAGE_SIZE)
        return client_summaries(self.database, self._ids[start : start + PAGE_SIZE])

    def _load_page(self) -> None:
        if not self.canFetchMore(QModelIndex()):
            return
        page = self._next_rows()
        if not page:
            self.total = len(self.rows)  # clients were merged away meanwhile
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._load_page()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        value = row.column(index.column())
        return shown_date(value) if isinstance(value, dt.date) else value

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def client_row(self, row: int) -> ClientRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
