"""Closing the month chosen on the Reports screen, and reopening it.

A manager closes a month once it is over: its monthly report is kept as it prints that
day and prints the same from then on; corrections made later are listed as revisions
in the reports after it. An administrator may reopen it, giving a reason. The state of
the chosen month is shown beside the buttons. The work is forms.closing's; closing
reads the whole report twice (suppressed and internal), so it runs on the thread pool.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop import dialogs
from desktop.context import AppContext
from desktop.job_runner import JobRunner
from desktop.translate import message, shown_date, shown_month
from forms import closing
from forms.validation import ValidationFailed
from forms.vocabulary import Permission, add_months
from reports.outputs.closed_reports import closing_reports


class MonthClosingBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = JobRunner(ctx.pool, self)
        self.first: dt.date | None = None
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.setTitle(self.tr("Closing the month"))
        self.setObjectName("month_closing")
        row = QHBoxLayout(self)
        self.state = QLabel(self)
        self.state.setObjectName("month_state")
        self.state.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Close the month…"), self)
        self.close_button.setObjectName("close_month")
        self.reopen_button = QPushButton(self.tr("Re&open the month…"), self)
        self.reopen_button.setObjectName("reopen_month")
        row.addWidget(self.state, 1)
        row.addWidget(self.close_button)
        row.addWidget(self.reopen_button)

    def _connect_signals(self) -> None:
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button.clicked.connect(self.reopen_month)
        self.runner.succeeded.connect(lambda _key, _result: self._closed())
        self.runner.failed.connect(lambda _key, text: self._refused(text))
        self.runner.busy.connect(lambda busy: self.setEnabled(not busy))

    @property
    def month(self) -> str:
        return "" if self.first is None else f"{self.first:%Y-%m}"

    @property
    def shown(self) -> str:
        """The month as the screen's language writes it."""
        return "" if self.first is None else shown_month(self.first)

    def show_month(self, first: dt.date | None) -> None:
        """The chosen month's state, and the buttons the signed-in person may use on it."""
        self.first = first
        if first is None or not self.ctx.can(Permission.REPORTS):
            self.hide()
            return
        self.show()
        closed = closing.month_closing(self.ctx.database, self.ctx.user, self.month)
        self.reopen_button.setVisible(self.ctx.can(Permission.REOPEN_MONTHS))
        self.reopen_button.setEnabled(closed is not None)
        self.close_button.setVisible(self.ctx.can(Permission.CLOSE_MONTHS))
        # A month closes once it is over (forms.closing refuses it before).
        over = add_months(first, 1) <= self.ctx.today()
        self.close_button.setEnabled(closed is None and over)
        if closed is not None:
            text = self.tr("%1 is closed (%2, by %3): its report prints as it did then.")
            self.state.setText(
                text.replace("%1", shown_month(first))
                .replace("%2", shown_date(closed.closed_at.date()))
                .replace("%3", closed.closed_by or "-")
            )
        else:
            text = self.tr("%1 is open: its report follows every correction.")
            self.state.setText(text.replace("%1", self.shown))

    def close_month(self) -> None:
        title = self.tr("Close %1").replace("%1", self.shown)
        question = self.tr(
            "Close %1? Its monthly report is kept as it prints today and prints the same "
            "from then on; corrections made later are listed as revisions in the next "
            "reports. Only an administrator can reopen it."
        ).replace("%1", self.shown)
        if not dialogs.ask(self, title, question, self.tr("Close the month")):
            return
        database, actor, today, month = (
            self.ctx.database,
            self.ctx.user,
            self.ctx.today(),
            self.month,
        )
        self.runner.start(
            "close_month",
            title,
            lambda _progress, _cancelled: closing.close_month(
                database, actor, today, month, closing_reports
            ),
        )

    def _closed(self) -> None:
        self.show_month(self.first)
        dialogs.inform(self, self.tr("Closing the month"), self.state.text())

    def _refused(self, text: str) -> None:
        dialogs.warn(self, self.tr("Close %1").replace("%1", self.shown), text)
        self.show_month(self.first)

    def reopen_month(self) -> None:
        title = self.tr("Reopen %1").replace("%1", self.shown)
        reason = dialogs.text(
            self,
            title,
            self.tr("Why is %1 reopened? (kept in the audit trail)").replace("%1", self.shown),
        )
        if reason is None:
            return
        try:
            closing.reopen_month(
                self.ctx.database, self.ctx.user, self.ctx.today(), self.month, reason
            )
        except ValidationFailed as exc:
            dialogs.warn(self, title, "; ".join(message(m) for m in exc.errors.values()))
            return
        self.show_month(self.first)
        dialogs.inform(self, title, self.state.text())
