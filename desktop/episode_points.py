"""The client's service episode in plain words (open since its intake, or discharged on
a day and why) and its follow-up points first; the points of earlier episodes stay
folded, one click away."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget, QVBoxLayout, QWidget

from desktop import client_text as text
from desktop.client_data import ClientPage
from desktop.folding import FoldButton
from desktop.page_tables import FoldedTable, fill_table, make_table
from desktop.translate import code_label, shown_date, shown_number
from forms.client_record import AssessmentEntry
from forms.definitions import ASSESSMENT_FIELDS, by_key
from reports.rules.followup import PointState

FIT_ROWS = 5
_DISCHARGE_REASON = by_key(ASSESSMENT_FIELDS)["discharge_reason"]


@dataclass(frozen=True)
class EpisodeEdge:
    """The latest intake or discharge that is not voided: it says whether the client is
    in an episode (an intake) or discharged (a discharge)."""

    entry: AssessmentEntry

    @property
    def discharged(self) -> bool:
        return self.entry.kind == "discharge"


def latest_edge(page: ClientPage) -> EpisodeEdge | None:
    edges = [
        a for a in page.assessments if a.kind in ("intake", "discharge") and a.voided_at is None
    ]
    return EpisodeEdge(edges[-1]) if edges else None


def current_opened_on(page: ClientPage) -> dt.date | None:
    """The day the current (or, after a discharge, the last) episode opened."""
    intakes = [
        a.assessed_on for a in page.assessments if a.kind == "intake" and a.voided_at is None
    ]
    return intakes[-1] if intakes else None


def _tr(text: str) -> str:
    """The client page's words, in its translation context (they were its own)."""
    return QCoreApplication.translate("ClientPageView", text)


class EpisodePointsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Follow-up points"), parent)
        self.episode_state = QLabel(self)
        self.episode_state.setObjectName("episode_state")
        self.episode_state.setTextFormat(Qt.TextFormat.PlainText)
        self.episode_state.setWordWrap(True)
        font = self.episode_state.font()
        font.setBold(True)
        self.episode_state.setFont(font)
        self._build_ui()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        headers = [
            _tr("Intake"),
            _tr("Point"),
            _tr("Due"),
            _tr("Window"),
            _tr("State"),
        ]
        self.followup_table = make_table(self, "followup_table", headers)
        layout.addWidget(self.followup_table)
        part = QWidget(self)
        QVBoxLayout(part).setContentsMargins(0, 0, 0, 0)
        self.earlier = FoldedTable(part, "earlier_followup_table", headers, FIT_ROWS)
        self.earlier_toggle = FoldButton(_tr("Earlier episodes"), part, self)
        self.earlier_toggle.setObjectName("earlier_toggle")
        self.earlier_toggle.toggled.connect(self.earlier.unfolded)
        layout.addWidget(self.earlier_toggle)
        layout.addWidget(part)

    @property
    def earlier_table(self) -> QTableWidget:
        """The earlier episodes' points: made when first unfolded (or asked for)."""
        return self.earlier.table

    def show_page(self, page: ClientPage) -> None:
        self.episode_state.setText(self._episode_words(page))
        opened = current_opened_on(page)
        current = [p for p in page.points if opened is not None and p.point.intake_on >= opened]
        earlier = [p for p in page.points if p not in current]
        fill_table(
            self.followup_table,
            text.followup_rows(current),
            _tr("Follow-ups are scheduled from a completed intake."),
            FIT_ROWS,
        )
        self._show_earlier(earlier)

    def _show_earlier(self, earlier: list[PointState]) -> None:
        self.earlier.fill(text.followup_rows(earlier), "")
        self.earlier_toggle.setChecked(False)
        self.earlier_toggle.setVisible(bool(earlier))
        intakes = len({p.point.intake_on for p in earlier})
        self.earlier_toggle.setText(
            _tr("Earlier episodes (%1)").replace("%1", shown_number(intakes))
        )

    def _episode_words(self, page: ClientPage) -> str:
        edge = latest_edge(page)
        if edge is None:
            return _tr("No episode yet: an intake opens one.")
        day = shown_date(edge.entry.assessed_on)
        if not edge.discharged:
            return _tr("In the current episode since the intake of %1").replace("%1", day)
        reason = code_label(_DISCHARGE_REASON, edge.entry.discharge_reason)
        said = (
            _tr("Discharged on %1: %2.").replace("%1", day).replace("%2", reason)
            if reason
            else _tr("Discharged on %1.").replace("%1", day)
        )
        return said + " " + _tr("A new intake opens a new episode.")
