"""Due follow-ups: points whose window is open, closing soon or just missed, with the log
of contact attempts for the selected one. Sorting happens inside the model."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import client_text, dialogs
from desktop.context import AppContext
from desktop.small_forms import AttemptFormView
from desktop.translate import code_label, label, shown_date
from desktop.workers import Job
from desktop.worklist_filters import WorklistFiltersBar
from forms.definitions import FOLLOWUP_ATTEMPT_FIELDS, by_key
from reports.datasets.followups_due import (
    CLOSING_SOON,
    JUST_MISSED_DAYS,
    MISSED,
    URGENCY,
    DueItem,
    due_followups,
    filtered,
)
from reports.outputs.call_list import write_call_list, write_call_list_pdf

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
NAME_COLUMN = 3  # takes the room the other columns leave
PHONE_COLUMN = 4  # "no consent" for a client who did not consent to be contacted
ATTEMPTS_COLUMN = 6  # the count and day of the last attempt; its outcome as the tooltip
_ATTEMPT = by_key(FOLLOWUP_ATTEMPT_FIELDS)


def _name(i: DueItem) -> str:
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
    return None if a is None else code_label(_ATTEMPT["outcome"], a.outcome)


# (header, shown text, sort key) per column.
Column = tuple[str, Callable[[DueItem], str], Callable[[DueItem], object]]


def columns() -> list[Column]:
    return [
        (
            _tr("State"),
            lambda i: client_text.word(i.state),
            lambda i: (URGENCY[i.state], i.point.closes_on),
        ),
        (_tr("Closes"), lambda i: shown_date(i.point.closes_on), lambda i: i.point.closes_on),
        (_tr("Code"), lambda i: i.client.client_code, lambda i: i.client.client_code),
        (_tr("Name"), _name, lambda i: (i.client.family_name, i.client.given_name)),
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
            return _name(item)
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


class WorklistView(QWidget):
    open_client = Signal(int)
    message = Signal(str)  # a confirmation for the status bar

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = WorklistModel(self)
        self.all_items: list[DueItem] = []
        self._stale = True
        self._job: Job | None = None
        self._again = False
        self._folder = Path.home()
        self._call_job: Job | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("worklist_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.filters = WorklistFiltersBar(self)
        layout.addWidget(self.filters)
        split = QSplitter(self)
        self.table = QTableView(split)
        self.table.setObjectName("worklist_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        self.point_label = QLabel(side)
        self.point_label.setWordWrap(True)
        side_layout.addWidget(self.point_label)
        self.attempts = QListWidget(side)
        self.attempts.setObjectName("attempt_log")
        side_layout.addWidget(self.attempts, 1)
        self.form = AttemptFormView(self.ctx, side)
        side_layout.addWidget(self.form, 2)
        side.setMaximumWidth(side.fontMetrics().horizontalAdvance("M") * 28)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        layout.addWidget(split, 1)
        hint = QHBoxLayout()
        enter = QLabel(
            self.tr("Enter opens the client, where you record the follow-up interview."), self
        )
        enter.setWordWrap(True)  # a narrow window keeps both call-list buttons whole
        hint.addWidget(enter, 1)
        hint.addWidget(self.filters.call_list_button)
        hint.addWidget(self.filters.print_button)
        layout.addLayout(hint)

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._show_filtered)
        self.filters.call_list_button.clicked.connect(lambda: self.save_call_list())
        self.filters.print_button.clicked.connect(lambda: self.save_call_list(printable=True))
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.activated.connect(self._open)
        self.form.saved.connect(lambda _id: self.reload())
        self.ctx.changed.connect(self._data_changed)

    def _data_changed(self, entity: str, _client_id: int) -> None:
        if entity in ("assessment", "followup_attempt", "client", "event", "settings"):
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the list again on the pool; a big agency takes a second or two."""
        self._stale = False
        if self._job is not None:
            self._again = True
            return
        ctx = self.ctx
        actor, today, months = ctx.user, ctx.today(), ctx.settings.followup_months
        self.summary.setText(self.tr("Reading the follow-ups due…"))
        self._job = Job(
            lambda _p, _c: due_followups(ctx.database, actor, today, months), "due follow-ups"
        )
        self._job.signals.succeeded.connect(self._loaded)
        self._job.signals.failed.connect(self._load_failed)
        self._job.signals.finished.connect(self._load_finished)
        ctx.pool.start(self._job)

    def _load_failed(self, message: str) -> None:
        self.summary.setText(self.tr("The list could not be read: %1").replace("%1", message))

    def _load_finished(self) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.reload()

    def _loaded(self, items: list[DueItem]) -> None:
        self.all_items = items
        self.filters.fill_points(self.ctx.settings.followup_months)
        self._summarise(items)
        self._show_filtered()

    def _show_filtered(self) -> None:
        selected = self.selected()
        shown = filtered(self.all_items, self.filters.chosen(), self.ctx.today())
        self.model.set_items(shown)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        keys = [i.key for i in self.model.items]
        if selected is not None and selected.key in keys:
            self.table.selectRow(keys.index(selected.key))
        elif shown:
            self.table.selectRow(0)
        else:
            self._show_selected()

    def _summarise(self, items: list[DueItem]) -> None:
        if not items:
            self.summary.setText(
                self.tr(
                    "No follow-ups are due. Points appear here when "
                    "their window opens, one month before the date."
                )
            )
            return
        # Missed windows are counted apart: they can no longer be done, only learnt from.
        soon = sum(i.state == CLOSING_SOON for i in items)
        missed = sum(i.state == MISSED for i in items)
        self.summary.setText(
            self.tr(
                "Follow-ups due: %1, of which %2 close within two weeks; "
                "missed in the last %3 days: %4. Select one to log a contact attempt."
            )
            .replace("%1", QLocale().toString(len(items) - missed))
            .replace("%2", QLocale().toString(soon))
            .replace("%3", str(JUST_MISSED_DAYS))
            .replace("%4", QLocale().toString(missed))
        )

    def save_call_list(self, printable: bool = False) -> None:
        """The follow-ups shown, as a CSV file to call from or (printable) a PDF to print."""
        today = self.ctx.today()
        suggested = self._folder / self.tr("call-list-%1.csv").replace("%1", today.isoformat())
        write, kinds = write_call_list, self.tr("CSV files (*.csv)")
        if printable:
            suggested = suggested.with_suffix(".pdf")
            write, kinds = write_call_list_pdf, self.tr("PDF files (*.pdf)")
        path = dialogs.save_path(self, self.tr("Save the call list"), suggested, kinds)
        if path is None:
            return
        self._folder = path.parent
        ctx, chosen, months = self.ctx, self.filters.chosen(), self.ctx.settings.followup_months
        actor = ctx.user
        job = Job(
            lambda _p, _c: write(ctx.database, actor, path, today, months, chosen, label),
            "call list",
        )
        job.signals.succeeded.connect(lambda rows: self._call_list_saved(path, rows))
        job.signals.failed.connect(self._call_list_failed)
        self._call_job = job  # kept until its signals are handled
        ctx.pool.start(job)

    def _call_list_saved(self, path: Path, rows: int) -> None:
        self.message.emit(
            self.tr("Call list saved: %1 follow-ups in %2")
            .replace("%1", QLocale().toString(rows))
            .replace("%2", path.name)
        )

    def _call_list_failed(self, reason: str) -> None:
        text = self.tr("The call list was not saved: %1").replace("%1", reason)
        dialogs.warn(self, self.tr("Not saved"), text)

    def take_focus(self) -> None:
        """The list first: Down chooses a follow-up, Enter opens the client."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> DueItem | None:
        row = self.table.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show_selected(self, *_: object) -> None:
        item = self.selected()
        self.form.set_point(item.key if item else None)
        self.attempts.clear()
        if item is None:
            self.point_label.setText(self.tr("Choose a follow-up in the list."))
            return
        self.point_label.setText(
            # The due day is here, not in a column of its own: at 1200 px the names need
            # that room, and the window's close (the deadline) is in the list.
            self.tr("%1 — %2-month follow-up, due %5, window %3 to %4")
            .replace("%1", _name(item))
            .replace("%2", str(item.point.months))
            .replace("%3", shown_date(item.point.opens_on))
            .replace("%4", shown_date(item.point.closes_on))
            .replace("%5", shown_date(item.point.due_on))
        )
        for a in reversed(item.attempts):
            self.attempts.addItem(
                f"{shown_date(a.attempted_on)}  "
                f"{code_label(_ATTEMPT['method'], a.method)}: "
                f"{code_label(_ATTEMPT['outcome'], a.outcome)}" + (f" — {a.note}" if a.note else "")
            )
        if not item.attempts:
            self.attempts.addItem(self.tr("No contact attempts yet."))

    def _open(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.items):
            self.open_client.emit(self.model.items[index.row()].client.client_id)
