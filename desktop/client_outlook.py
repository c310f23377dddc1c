"""Where the client stands, first in plain words and then, one click away, in clinical
terms: a sentence per substance, the next step, the milestones ahead and reached (all
from reports.rules.milestones through the page's data), and the folded status table
with the reason behind each status."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from desktop import client_text as text
from desktop.client_data import ClientPage
from desktop.folding import FoldButton
from desktop.page_tables import FoldedTable
from desktop.translate import message, shown_date, shown_number
from reports.rules.recovery import ClassStatus

FIT_ROWS = 5  # the status table grows to this many rows, then scrolls
SHOWN_MILESTONES = 3  # the soonest ahead, the latest reached; the others in the tooltip


def plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _tr(text: str) -> str:
    """The client page's words, in its translation context (they were its own)."""
    return QCoreApplication.translate("ClientPageView", text)


class OutlookBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_box")
        self.statuses: Sequence[ClassStatus] = ()
        self._build_ui()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.plain_status = plain_label(self, "plain_status")
        font = self.plain_status.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.plain_status.setFont(font)
        layout.addWidget(self.plain_status)
        self.next_step = plain_label(self, "next_step")
        layout.addWidget(self.next_step)
        columns = QHBoxLayout()
        self.ahead = plain_label(self, "milestones_ahead")
        self.reached = plain_label(self, "milestones_reached")
        for label in (self.ahead, self.reached):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            columns.addWidget(label, 1)
        layout.addLayout(columns)
        self.clinical = self._clinical_details()
        layout.addWidget(self.clinical)
        # Beside a taller chart the room left goes below the lines, not between them.
        layout.addStretch(1)

    def _clinical_details(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        details = QWidget(holder)
        inner = QVBoxLayout(details)
        inner.setContentsMargins(0, 0, 0, 0)
        headers = [
            _tr("Substance"),
            _tr("Status"),
            _tr("Sobriety"),
            _tr("Recovery"),
            _tr("Why"),
        ]
        self.status = FoldedTable(details, "status_table", headers, FIT_ROWS, self._made)
        self.reason = plain_label(details, "status_reason")
        inner.addWidget(self.reason)
        self.clinical_toggle = FoldButton(_tr("Clinical details"), details, holder)
        self.clinical_toggle.setObjectName("clinical_toggle")
        self.clinical_toggle.setToolTip(
            _tr("The status in clinical terms (DSM-5 remission, sobriety, recovery)")
        )
        self.clinical_toggle.toggled.connect(self.status.unfolded)
        layout.addWidget(self.clinical_toggle)
        layout.addWidget(details)
        return holder

    @property
    def status_table(self) -> QTableWidget:
        """The status in clinical terms: made when first unfolded (or asked for)."""
        return self.status.table

    def _made(self, table: QTableWidget) -> None:
        table.currentCellChanged.connect(self._show_reason)
        # Made when first unfolded, it comes right after its toggle for Tab, not last.
        QWidget.setTabOrder(self.clinical_toggle, table)

    def show_page(self, page: ClientPage) -> None:
        self.setTitle(_tr("Status on %1").replace("%1", shown_date(page.as_of)))
        found = page.outlook
        lines = [message(c.sentence) for c in found.classes]
        step = message(found.next_step.sentence) if found.next_step is not None else ""
        # With no completed interview the step ("No completed interview yet: the intake
        # is the next step") is the whole status: said once, where the status is.
        self.plain_status.setText("\n".join(lines) or step)
        self.next_step.setText(step)
        self.next_step.setVisible(bool(lines and step))
        ahead = [message(m.sentence) for m in found.ahead]
        reached = [message(m.sentence) for m in found.reached]
        self._list(self.ahead, _tr("Next milestones"), ahead, _tr("and %1 more"))
        reached.reverse()  # the latest first
        self._list(self.reached, _tr("Milestones reached"), reached, _tr("and %1 earlier"))
        self.ahead.setVisible(bool(found.ahead))
        self.reached.setVisible(bool(found.reached))
        self.statuses = page.statuses
        # Before the first completed interview there is nothing in clinical terms, and the
        # status above already asks for the intake: no fold to open onto the same words.
        self.clinical.setVisible(bool(page.statuses))
        self.status.fill(text.status_rows(page.statuses), "")
        self._show_reason(0)

    def _list(self, label: QLabel, heading: str, lines: list[str], more: str) -> None:
        """The first few lines under the heading; all of them in the tooltip."""
        shown = ["• " + line for line in lines[:SHOWN_MILESTONES]]
        if len(lines) > SHOWN_MILESTONES:
            shown.append(more.replace("%1", shown_number(len(lines) - SHOWN_MILESTONES)))
        label.setText("\n".join([heading, *shown]))
        label.setToolTip("\n".join(lines))

    def _show_reason(self, row: int, *_: int) -> None:
        """The full sentence behind the status of the chosen substance (the first at start)."""
        statuses = self.statuses
        if 0 <= row < len(statuses):
            substance = self.status.rows[row][0] if row < len(self.status.rows) else ""
            why = message(statuses[row].reason)
            self.reason.setText(_tr("Why, for %1: %2").replace("%1", substance).replace("%2", why))
        else:
            self.reason.clear()
