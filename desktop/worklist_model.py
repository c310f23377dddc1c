"""The worklist's table: one row per follow-up point due, its columns, and the words a
short cell leaves to its tooltip. Sorting happens inside the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from desktop import client_text
from desktop.translate import code_label, shown_date
from forms.definitions import FOLLOWUP_ATTEMPT_FIELDS, by_key
from reports.datasets.followups_due import URGENCY, DueItem

Index = QModelIndex | QPersistentModelIndex
STATE_COLUMN = 0
DUE_COLUMN = 1
CLOSES_COLUMN = 2
CODE_COLUMN = 3
NAME_COLUMN = 4  # takes the room the other columns leave
PHONE_COLUMN = 5  # "no consent" for a client who did not consent to be contacted
POINT_COLUMN = 6
ATTEMPTS_COLUMN = 7  # the count and day of the last attempt; its outcome as the tooltip
# What a list too narrow for every column leaves out first: what the side panel repeats
# for the chosen follow-up (its point and window, every attempt) and the client's code.
SPARE_COLUMNS = (POINT_COLUMN, CODE_COLUMN, CLOSES_COLUMN, ATTEMPTS_COLUMN)
ATTEMPT = by_key(FOLLOWUP_ATTEMPT_FIELDS)


def person_name(i: DueItem) -> str:
    c = i.client
    return f"{c.family_name}, {c.given_name}" + (
        f" ({c.preferred_name})" if c.preferred_name else ""
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("worklist", text)


def _phone(i: DueItem) -> str:
    """Staff contact only clients who consented to it (DOMAIN.md: consent_contact). Short
    words, so that the names keep the room at 1200 px; the tooltip says it in full."""
    if not i.client.consent_contact:
        return _tr("no consent")
    return i.client.phone or _tr("no phone")


def _phone_tip(i: DueItem) -> str | None:
    if i.client.consent_contact:
        return None
    return _tr("No consent to contact: do not phone, text or write; see the client in person")


def _attempts(i: DueItem) -> str:
    # The count and the day only: with the outcome too the column squeezed the names
    # off the screen; the outcome is in the cell's tooltip and the side panel.
    a = i.last_attempt
    if a is None:
        return "0"
    return (
        _tr("%1, %2").replace("%1", str(len(i.attempts))).replace("%2", shown_date(a.attempted_on))
    )


def _last_outcome(i: DueItem) -> str | None:
    a = i.last_attempt
    return None if a is None else code_label(ATTEMPT["outcome"], a.outcome)


# (header, shown text, sort key) per column.
Column = tuple[str, Callable[[DueItem], str], Callable[[DueItem], object]]


def columns() -> list[Column]:
    return [
        (
            _tr("State"),
            lambda i: client_text.word(i.state),
            lambda i: (URGENCY[i.state], i.point.closes_on),
        ),
        # The day the interview is due, for a caller who wants today's first; the list
        # stays in the order the windows close (the deadline), within each state.
        (_tr("Due"), lambda i: shown_date(i.point.due_on), lambda i: i.point.due_on),
        (_tr("Closes"), lambda i: shown_date(i.point.closes_on), lambda i: i.point.closes_on),
        (_tr("Code"), lambda i: i.client.client_code, lambda i: i.client.client_code),
        (_tr("Name"), person_name, lambda i: (i.client.family_name, i.client.given_name)),
        (_tr("Phone"), _phone, _phone),
        (
            _tr("Point"),
            lambda i: _tr("%1 mo").replace("%1", str(i.point.months)),
            lambda i: i.point.months,
        ),
        # One column for the count and the last one: the side panel lists them all.
        (
            _tr("Attempts"),
            _attempts,
            lambda i: (
                len(i.attempts),
                i.last_attempt.attempted_on if i.last_attempt else dt.date.min,
            ),
        ),
    ]


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.columns = columns()

    def set_items(self, items: list[DueItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # A screen reader hears the whole of a cell a narrow column elides.
            shown = self.columns[index.column()][1](item)
            more = self._tooltip(item, index.column())
            return shown if not more or more == shown else f"{shown}: {more}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[index.column()][1](item)

    def _tooltip(self, item: DueItem, column: int) -> str | None:
        """The words a short cell leaves out: the last attempt's outcome, the consent rule,
        the whole name (should a very long one still be cut)."""
        if column == ATTEMPTS_COLUMN:
            return _last_outcome(item)
        if column == PHONE_COLUMN:
            return _phone_tip(item)
        if column == NAME_COLUMN:
            return person_name(item)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        key = self.columns[column][2]
        self.items.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)  # type: ignore[arg-type]
        self.layoutChanged.emit()
