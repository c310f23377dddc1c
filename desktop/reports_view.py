"""The Reports screen: choose a month, a period or an as-of date, then run a job.

Each job runs on the thread pool with a progress dialog that can cancel;
when it is done the screen offers to open the file or its folder. An import
lists every rejected row in a table. The jobs, and the checks of the dates
they ask for, come from `reports.outputs.registry`, as the command line's do;
a person sees only the jobs their role allows (the functions check again).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import client_text, dialogs
from desktop.context import AppContext
from desktop.hinted_line_edit import HintedLineEdit
from desktop.job_runner import JobRunner
from desktop.month_closing import MonthClosingBox
from desktop.report_words import report_catalogues
from desktop.translate import label, shown_month
from forms.validation import ValidationFailed
from forms.vocabulary import Period, Permission, add_months, codes
from reports.outputs.exchange_disclosure import left_out_text
from reports.outputs.periods import FieldNames, InputError
from reports.outputs.registry import Asks, Caller, Job, JobInputs, checked, jobs_for

log = logging.getLogger(__name__)

MONTHS_OFFERED = 36


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def _left(widget: QWidget) -> QHBoxLayout:
    """The widget at its natural width, not stretched across the window."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class ReportsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(ctx.pool, self)
        self.job_buttons: dict[str, QPushButton] = {}
        self.folder = Path.home()
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # In a scroll area: with larger text (the system's font size) or on a small screen
        # the jobs' descriptions were squeezed to a line each and cut; now the page scrolls.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focused field
        holder = QWidget(scroll)
        self.layout_ = QVBoxLayout(holder)
        scroll.setWidget(holder)
        outer.addWidget(scroll)
        self.choices = self._choices_box()
        self.layout_.addWidget(self.choices)
        self.month_closing = MonthClosingBox(self.ctx, self)
        self.layout_.addWidget(self.month_closing)
        self.jobs_box = QGroupBox(self.tr("Reports, exports and imports"), self)
        self.jobs_layout = QGridLayout(self.jobs_box)
        self.jobs_layout.setColumnStretch(1, 1)
        self.layout_.addWidget(self.jobs_box)
        self.result = QLabel(self)
        self.result.setObjectName("job_result")
        self.result.setWordWrap(True)
        self.layout_.addWidget(self.result)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setObjectName("import_problems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().hide()
        self.problems.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.hide()
        self.layout_.addWidget(self.problems, 1)
        self.layout_.addStretch(0)

    def _choices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What period, and for whom?"), self)
        form = QFormLayout(box)
        today = self.ctx.today()
        self.month = QComboBox(box)
        self.month.setObjectName("month")
        start = dt.date(today.year, today.month, 1)
        for back in range(MONTHS_OFFERED):
            first = add_months(start, -back)
            self.month.addItem(shown_month(first), first)
        self.month.setCurrentIndex(1)  # last month: the one a manager reports on
        self.internal = QCheckBox(self.tr("Internal copy (small counts not hidden)"), box)
        self.internal.setObjectName("internal")
        last_month = add_months(start, -1)
        self.period_from = date_edit(box, "period_from", last_month)
        self.period_to = date_edit(box, "period_to", start - dt.timedelta(days=1))
        # One label names the row; a screen reader needs each end of the period named too.
        self.period_from.setAccessibleName(self.tr("Period from"))
        self.period_to.setAccessibleName(self.tr("Period to"))
        self.as_of = date_edit(box, "as_of", today)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_from)
        between = QLabel(self.tr("to"), box)
        between.setBuddy(self.period_to)  # named "Period to" above: only the binding here
        period_row.addWidget(between)
        period_row.addWidget(self.period_to)
        period_row.addStretch(1)
        self._recipient_fields(box)
        for caption, field in (
            (self.tr("&Month"), self.month),
            (self.tr("&Period"), period_row),
            (self.tr("Status &as of"), self.as_of),
            (self.tr("Identified export: p&urpose"), self.purpose),
            (self.tr("Disclosed &to"), self.recipient),
        ):
            buddy = field if isinstance(field, QWidget) else self.period_from
            label = QLabel(caption, box)
            label.setBuddy(buddy)
            form.addRow(label, field if not isinstance(field, QWidget) else _left(field))
            if field is self.month:
                form.addRow("", self.internal)
        return box

    def _recipient_fields(self, box: QWidget) -> None:
        """Who receives the identified export: a recipient named in clients' consents, or a
        purpose (with the name of who receives it)."""
        self.purpose = QComboBox(box)
        self.purpose.setObjectName("purpose")
        self.purpose.addItem(self.tr("A recipient named in clients' consents"), None)
        for code in codes.EXPORT_PURPOSES:
            self.purpose.addItem(client_text.purpose_label(code), code)
        self.recipient = HintedLineEdit(box)
        self.recipient.setObjectName("recipient")
        self.recipient.setPlaceholderText(self.tr("for example County Health Department"))
        self.recipient.setMinimumWidth(self.recipient.fontMetrics().horizontalAdvance("x" * 40))

    def _connect_signals(self) -> None:
        self.runner.busy.connect(self._busy)
        self.runner.succeeded.connect(
            lambda key, result: self.ctx.when_unlocked(lambda: self._succeeded(key, result))
        )
        self.runner.failed.connect(
            lambda key, message: self.ctx.when_unlocked(lambda: self._failed(key, message))
        )
        self.runner.cancelled.connect(self._cancelled)
        self.ctx.signed_in.connect(self.show_jobs)
        self.month.currentIndexChanged.connect(lambda _i: self._show_month_state())

    def show_jobs(self) -> None:
        """One row per job the signed-in person may run."""
        while self.jobs_layout.count():
            item = self.jobs_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.job_buttons = {}
        self.jobs = {j.key: j for j in jobs_for(self.ctx.user) if j.on_reports_screen}
        for row, job in enumerate(self.jobs.values()):
            self._job_row(row, job)
        self.choices.setVisible(any(j.asks is not Asks.NOTHING for j in self.jobs.values()))
        self._show_month_state()
        if not self.ctx.can(Permission.REPORTS):
            note = QLabel(
                self.tr("Monthly reports, exports and imports are made by managers."), self.jobs_box
            )
            note.setObjectName("reports_note")
            self.jobs_layout.addWidget(note, len(self.jobs), 0, 1, 2)

    def _show_month_state(self) -> None:
        if self.ctx.actor is not None:
            self.month_closing.show_month(self.month.currentData())

    def _job_row(self, row: int, job: Job) -> None:
        """The button in the first column (all as wide as the widest), its purpose beside it."""
        button = QPushButton(label(job.title) + "…", self.jobs_box)
        button.setObjectName(f"job_{job.key}")
        button.clicked.connect(lambda _=False, key=job.key: self.start_job(key))
        explain = QLabel(label(job.description), self.jobs_box)
        explain.setWordWrap(True)
        self.jobs_layout.addWidget(button, row, 0)
        self.jobs_layout.addWidget(explain, row, 1)
        self.job_buttons[job.key] = button

    def inputs(self) -> JobInputs:
        first: dt.date = self.month.currentData()
        return JobInputs(
            Period.month(first.year, first.month),
            Period(to_date(self.period_from.date()), to_date(self.period_to.date())),
            to_date(self.as_of.date()),
            frozenset({"internal"}) if self.internal.isChecked() else frozenset(),
            self.purpose.currentData(),
            self.recipient.text(),
        )

    def field_names(self) -> FieldNames:
        """The date fields as this screen labels them, for the one-line refusals."""
        return FieldNames(
            self.tr("Month"), self.tr("Period from"), self.tr("Period to"), self.tr("Status as of")
        )

    def start_job(self, key: str, path: Path | None = None) -> bool:
        """Ask for the file (unless given), then run the job; False if nothing started."""
        job = self.jobs[key]
        title = label(job.title)
        try:
            inputs = checked(job, self.inputs(), self.ctx.today(), self.field_names())
        except ValidationFailed as exc:  # the recipient of an identified export
            dialogs.warn(self, title, str(exc))
            self.recipient.setFocus()
            return False
        except InputError as exc:
            dialogs.warn(self, title, str(exc))
            return False
        path = path or self._choose_file(job, inputs)
        if path is None:
            return False
        self.folder = path.parent
        self.target = path
        self.result.clear()
        self.problems.hide()
        caller = Caller(self.ctx.user, self.ctx.today(), self.ctx.database, report_catalogues())
        self.runner.start(
            key,
            title,
            lambda progress, cancelled: job.run(caller, inputs, path, progress, cancelled),
        )
        return True

    def _choose_file(self, job: Job, inputs: JobInputs) -> Path | None:
        title, file_filter = label(job.title), label(job.file.filter)
        if job.reads_file:
            return dialogs.open_path(self, title, self.folder, file_filter)
        return dialogs.save_path(self, title, self.folder / job.default_name(inputs), file_filter)

    def _busy(self, busy: bool) -> None:
        for button in self.job_buttons.values():
            button.setEnabled(not busy)

    def _succeeded(self, key: str, result: object) -> None:
        if key == "import":
            self._show_import(result)
            return
        self.result.setText(self._written(result))
        choice = dialogs.choose(
            self,
            label(self.jobs[key].title),
            self.tr("Done. Open it now?"),
            [self.tr("Open the file"), self.tr("Open the folder")],
        )
        if choice is not None:
            dialogs.open_location(self.target if choice == 0 else self.target.parent)

    def _written(self, result: object) -> str:
        text = self.tr("Written to %1").replace("%1", str(self.target))
        recipient = getattr(result, "recipient", None)
        if recipient is None:
            return text
        text += (
            self.tr(": %1 clients disclosed to %2.")
            .replace("%1", str(getattr(result, "clients", 0)))
            .replace("%2", recipient.name or client_text.purpose_label(recipient.purpose))
        )
        left_out = getattr(result, "left_out", 0)
        if left_out:
            reasons = left_out_text(getattr(result, "left_out_by", {}), label)
            text += " " + self.tr("%1 left out: %2.").replace("%1", str(left_out)).replace(
                "%2", reasons
            )
        return text

    def _show_import(self, result: object) -> None:
        problems = list(getattr(result, "problems", ()))
        if getattr(result, "cancelled", False):
            self._cancelled("import")
            return
        if getattr(result, "ok", False):
            added = getattr(result, "added", {})
            counts = ", ".join(f"{n} {sheet}" for sheet, n in added.items() if n)
            self.result.setText(self.tr("Imported: %1.").replace("%1", counts or "0"))
            self.ctx.rebuild_index()
            self.ctx.notify("client")
            return
        self.result.setText(
            self.tr(
                "Nothing was imported. Fix these problems in the workbook and import it again (%1):"
            ).replace("%1", QLocale().toString(len(problems)))
        )
        self.problems.setRowCount(len(problems))
        for r, p in enumerate(problems):
            for c, value in enumerate((p.sheet, str(p.row or ""), p.column, p.message)):
                self.problems.setItem(r, c, QTableWidgetItem(value))
        self.problems.show()

    def _failed(self, key: str, message: str) -> None:
        self.result.setText(self.tr("Stopped: %1").replace("%1", message))
        dialogs.warn(self, label(self.jobs[key].title), message)

    def _cancelled(self, key: str) -> None:
        self.result.setText(
            self.tr("Cancelled. Nothing was imported.")
            if key == "import"
            else self.tr("Cancelled. No file was written.")
        )
