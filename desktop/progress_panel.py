"""The client's progress since the episode's intake: their own goal, the chart of their
own ratings, and each change named in a sentence ("Quality of life up from 8 at intake
to 13"), all from reports.rules.progress through the page's data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.client_data import ClientPage
from desktop.progress_chart import ProgressChartView
from desktop.translate import code_label, field_label, message, shown_date
from forms.definitions import ASSESSMENT_FIELDS, by_key

_GOAL = by_key(ASSESSMENT_FIELDS)["goal"]


class ProgressBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Progress"), parent)
        self.setObjectName("progress_box")
        layout = QVBoxLayout(self)
        self.goal = self._label("progress_goal")
        layout.addWidget(self.goal)
        self.chart = ProgressChartView(self)
        layout.addWidget(self.chart, 1)
        self.changes = self._label("progress_changes")
        layout.addWidget(self.changes)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def show_page(self, page: ClientPage) -> None:
        progress = page.progress
        if progress.intake_on is None:
            self.setTitle(self.tr("Progress"))
        else:
            since = shown_date(progress.intake_on)
            self.setTitle(self.tr("Progress since the intake of %1").replace("%1", since))
        goal = code_label(_GOAL, progress.goal) or self.tr("not told yet")
        self.goal.setText(f"{field_label(_GOAL)}: {goal}")
        self.chart.set_progress(progress)
        said = [message(s) for s in progress.changes]
        if not said and progress.points:
            said = [self.tr("The changes show here from the first follow-up on.")]
        self.changes.setText("\n".join(said))
        self.chart.setAccessibleDescription("; ".join(said))
