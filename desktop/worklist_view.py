"""Due follow-ups: points whose window is open, closing soon or just missed, with the log
of contact attempts for the selected one. Sorting happens inside the model."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.context import AppContext
from desktop.small_forms import AttemptFormView
from desktop.translate import code_label, label, shown_date
from desktop.workers import Job
from desktop.worklist_filters import WorklistFiltersBar
from desktop.worklist_model import (
    ATTEMPT,
    NAME_COLUMN,
    SPARE_COLUMNS,
    WorklistModel,
    person_name,
)
from reports.datasets.followups_due import (
    CLOSING_SOON,
    JUST_MISSED_DAYS,
    MISSED,
    DueItem,
    due_followups,
    filtered,
)
from reports.outputs.call_list import write_call_list, write_call_list_pdf

log = logging.getLogger(__name__)

SIDE_EMS = 28  # the side panel's width beside the list, in M widths
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size


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
        self.outer = layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("worklist_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.filters = WorklistFiltersBar(self)
        layout.addWidget(self.filters)
        self.split = QSplitter(self)
        self.split.setChildrenCollapsible(False)
        self._build_table(self.split)
        self._build_side(self.split)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        layout.addWidget(self.split, 1)
        self.hint = hint = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        enter = QLabel(
            self.tr("Enter opens the client, where you record the follow-up interview."), self
        )
        enter.setWordWrap(True)  # a narrow window keeps both call-list buttons whole
        hint.addWidget(enter, 1)
        self.call_buttons = (self.filters.call_list_button, self.filters.print_button)
        for button in self.call_buttons:
            hint.addWidget(button)
        layout.addLayout(hint)

    def _build_table(self, split: QSplitter) -> None:
        self.table = QTableView(split)
        self.table.setObjectName("worklist_table")
        self.table.setAccessibleName(self.tr("Follow-ups due"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self._row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)

    def _build_side(self, split: QSplitter) -> None:
        self.side = QWidget(split)
        self.side.setObjectName("worklist_side")
        side_layout = QVBoxLayout(self.side)
        self.point_label = QLabel(self.side)
        self.point_label.setWordWrap(True)
        side_layout.addWidget(self.point_label)
        # Beside the list: the attempts above the form; below it: side by side, so
        # the form keeps the height its fields need.
        self.side_body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.attempts = QListWidget(self.side)
        self.attempts.setObjectName("attempt_log")
        self.attempts.setAccessibleName(self.tr("Contact attempts"))
        # A note read in full on narrow lines, never scrolled sideways to its end.
        self.attempts.setWordWrap(True)
        self.attempts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_body.addWidget(self.attempts, 1)
        self.form = AttemptFormView(self.ctx, self.side)
        self.side_body.addWidget(self.form, 2)
        side_layout.addLayout(self.side_body, 1)
        self.side.setMaximumWidth(self._side_width())

    def _side_width(self) -> int:
        return self.side.fontMetrics().horizontalAdvance("M") * SIDE_EMS

    def _table_needs(self, columns: list[int]) -> int:
        """The width at which these columns show their rows and headers whole."""
        header = self.table.horizontalHeader()
        widths = sum(
            max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns
        )
        bar = self.table.verticalScrollBar().sizeHint().width()
        return widths + bar + 2 * self.table.frameWidth()

    def _fit(self) -> None:
        """The side panel beside the list when both fit, else below it (at 200 % in
        Spanish the list needs the whole width, or its last columns scroll sideways); a
        list too narrow even then leaves out the columns the panel repeats."""
        margins = self.outer.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.split.handleWidth()
        every = list(range(self.model.columnCount()))
        beside = room >= self._table_needs(every) + self._side_width()
        self._place_side(beside, room)
        shown = every
        for spare in SPARE_COLUMNS:
            if self._table_needs(shown) <= room:
                break
            shown = [c for c in shown if c != spare]
        for column in every:
            self.table.setColumnHidden(column, column not in shown)
        # Still too narrow: two lines a row, so that a long name wraps instead of being cut.
        table_room = room - self._side_width() if beside else room
        lines = 1 if self._table_needs(shown) <= table_room else 2
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(
            self._row_height + (lines - 1) * self.fontMetrics().lineSpacing()
        )
        stacked = room < sum(b.sizeHint().width() for b in self.call_buttons) * 3 // 2
        self.hint.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    def _place_side(self, beside: bool, room: int) -> None:
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.split.orientation() == wanted:
            return
        self.split.setOrientation(wanted)
        self.side.setMaximumWidth(self._side_width() if beside else QWIDGETSIZE_MAX)
        self.side_body.setDirection(
            QBoxLayout.Direction.TopToBottom if beside else QBoxLayout.Direction.LeftToRight
        )
        self.outer.invalidate()  # the splitter's own limits changed with it
        self.outer.activate()
        # ...and once more after this resize: a layout pass made inside resizeEvent can
        # leave the splitter at its width from before (seen in Spanish at 200 %).
        QTimer.singleShot(0, self._lay_out_again)
        # Sizes kept from the other orientation would give the panel the list's room; below
        # the list, the list keeps the larger part.
        length = room if beside else self.split.height()
        side = self._side_width() if beside else length // 2
        self.split.setSizes([length - side, side])

    def _lay_out_again(self) -> None:
        self.outer.invalidate()
        self.outer.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._show_filtered)
        self.filters.call_list_button.clicked.connect(lambda: self.save_call_list())
        self.filters.print_button.clicked.connect(lambda: self.save_call_list(printable=True))
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.table.activated.connect(self._open)
        self.form.saved.connect(self._attempt_saved)
        self.ctx.changed.connect(self._data_changed)

    def _attempt_saved(self, _attempt_id: int) -> None:
        item = self.selected()  # still the attempt's follow-up: the list is not reloaded yet
        self.reload()
        if item is not None:
            saved = self.tr("Contact attempt saved for %1.").replace("%1", person_name(item))
            self.message.emit(saved)
        # Back to the list for the next call: Down, the next person, their number.
        self.take_focus()

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
        self._fit()  # longer names may no longer leave the side panel room beside the list
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
            .replace("%1", person_name(item))
            .replace("%2", str(item.point.months))
            .replace("%3", shown_date(item.point.opens_on))
            .replace("%4", shown_date(item.point.closes_on))
            .replace("%5", shown_date(item.point.due_on))
        )
        for a in reversed(item.attempts):
            self.attempts.addItem(
                f"{shown_date(a.attempted_on)}  "
                f"{code_label(ATTEMPT['method'], a.method)}: "
                f"{code_label(ATTEMPT['outcome'], a.outcome)}" + (f" — {a.note}" if a.note else "")
            )
        if not item.attempts:
            self.attempts.addItem(self.tr("No contact attempts yet."))

    def _open(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.model.items):
            self.open_client.emit(self.model.items[index.row()].client.client_id)
