"""The worklist's filters (state, follow-up point, days left) and its call list button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from reports.datasets.followups_due import DAYS_LEFT_CHOICES, Filters


class ShrinkingComboBox(QComboBox):
    """Its whole choice when there is room; narrower (the choice elided, whole in the
    list that drops down) rather than push a narrow window past the screen's edge."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            min(hint.width(), self.fontMetrics().horizontalAdvance("M") * 6), hint.height()
        )


class WorklistFiltersBar(QWidget):
    """ "Show:" state, point and days left; a change of any emits `changed`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.state_filter = self._combo("state_filter", self.tr("State"))
        for caption, key in (
            (self.tr("Due and missed"), None),
            (self.tr("Due"), "due"),
            (self.tr("Closing within two weeks"), "closing_soon"),
            (self.tr("Missed"), "missed"),
        ):
            self.state_filter.addItem(caption, key)
        self.point_filter = self._combo("point_filter", self.tr("Follow-up point"))
        self.days_filter = self._combo("days_filter", self.tr("Days left"))
        self.days_filter.addItem(self.tr("Any days left"), None)
        for days in DAYS_LEFT_CHOICES:
            caption = self.tr("Closing within %1 days").replace("%1", str(days))
            self.days_filter.addItem(caption, days)
        show = QLabel(self.tr("&Show:"), self)
        show.setBuddy(self.state_filter)
        self.call_list_button = QPushButton(self.tr("Call &list (CSV)…"), self)
        self.call_list_button.setObjectName("call_list")
        self.call_list_button.setToolTip(
            self.tr(
                "Save the follow-ups shown as a file to print or to call from: code, name, "
                "phone (only with consent to contact), point, window close and attempts."
            )
        )
        self.print_button = QPushButton(self.tr("&Printable call list (PDF)…"), self)
        self.print_button.setObjectName("call_list_pdf")
        self.print_button.setToolTip(
            self.tr(
                "Save the follow-ups shown as a PDF to print, with a column to write each "
                "call's result in; the phone only with consent to contact."
            )
        )
        for widget in (show, self.state_filter, self.point_filter, self.days_filter):
            row.addWidget(widget)
        row.addStretch(1)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = ShrinkingComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # The points are filled in after the first show: fit them then, not "Every fol".
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def fill_points(self, months: Sequence[int]) -> None:
        """The agency's follow-up points; the chosen one stays chosen."""
        chosen = self.point_filter.currentData()
        self.point_filter.blockSignals(True)
        self.point_filter.clear()
        self.point_filter.addItem(self.tr("Every follow-up point"), None)
        for m in months:
            self.point_filter.addItem(self.tr("%1 months").replace("%1", str(m)), m)
        self.point_filter.setCurrentIndex(max(self.point_filter.findData(chosen), 0))
        self.point_filter.blockSignals(False)

    def chosen(self) -> Filters:
        return Filters(
            self.state_filter.currentData(),
            self.point_filter.currentData(),
            self.days_filter.currentData(),
        )
