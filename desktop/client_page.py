"""One client: identity and consent, where they stand in plain words with the milestones
ahead and reached (clinical terms one click away), their progress since intake, the
current episode's follow-up points, consents, and the timeline of everything recorded
beside the list of disclosures of the client's records. Buttons open the forms."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import client_text as text
from desktop.accessible import name_tab_pages
from desktop.client_data import ClientPage
from desktop.client_model import ClientRow
from desktop.client_outlook import OutlookBox
from desktop.episode_points import EpisodePointsBox
from desktop.page_tables import RowsTableView, fill_table, make_table
from desktop.progress_panel import ProgressBox
from desktop.translate import shown_number
from forms.client_record import ConsentEntry

log = logging.getLogger(__name__)
# The timeline keeps a few rows in view (the page scrolls instead): 200 pixels at the
# default text size, as many lines of larger text.
TABS_MIN_HEIGHT, TABS_MIN_LINES = 200, 14


class ClientPageView(QWidget):
    edit_client = Signal()
    new_assessment = Signal(str)  # intake, follow_up, discharge
    new_event = Signal()
    new_encounter = Signal()
    record_consent = Signal()
    revoke_consent = Signal(int)  # the consent's id
    open_record = Signal(str, int)  # a timeline row's kind and id, to read it back
    progress_summary = Signal()  # the printable summary for the client
    erase_client = Signal()  # administrators only: the section shows the button to them
    back = Signal()

    def __init__(self, page: ClientPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._build_ui()
        self._connect_signals()
        self.show_page(page)

    @property
    def status_table(self) -> QTableWidget:
        return self.status_box.status_table

    @property
    def client_id(self) -> int:
        return self.page.client_id

    def client_row(self) -> ClientRow:
        v = self.page.values
        return ClientRow(
            self.page.client_id,
            v["client_code"],
            v["family_name"],
            v["given_name"],
            v.get("preferred_name") or "",
            v["birth_date"],
        )

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("client_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.back_button = QPushButton(self.tr("Back to list (Esc)"), self)
        top.addWidget(self.back_button)
        outer.addLayout(top)
        # Below the name the page scrolls: opened details never squeeze the rest.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Never a stop of Tab: the area itself shows nothing focused (the keyboard seemed
        # lost there), and it scrolls to whichever part of the page has the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.page_scroll = scroll
        self.identity = QLabel(self)
        self.identity.setObjectName("client_identity")
        self.identity.setTextFormat(Qt.TextFormat.PlainText)
        self.identity.setWordWrap(True)
        layout.addWidget(self.identity)
        self.points_box = EpisodePointsBox(self)
        self.followup_table = self.points_box.followup_table
        layout.addWidget(self.points_box.episode_state)
        layout.addLayout(self._actions())
        layout.addLayout(self._standing())
        layout.addWidget(self.points_box)
        layout.addWidget(self._history_tabs(), 1)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab walks the page as it reads, top to bottom: the actions, the status's details,
        the follow-up points, the tabs and the timeline (the points box is made first, for
        its line above the actions, so by default Tab jumped back up to it last)."""
        chain = [
            *self.buttons.values(),
            self.erase_button,
            self.status_box.clinical_toggle,
            self.followup_table,
            self.points_box.earlier_toggle,
            self.tabs,  # its tab bar, then the open tab's widgets
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _standing(self) -> QHBoxLayout:
        """Where the client stands (plain words first) beside their progress."""
        row = QHBoxLayout()
        self.status_box = OutlookBox(self)
        self.reason = self.status_box.reason
        self.progress_box = ProgressBox(self)
        row.addWidget(self.status_box, 3)
        row.addWidget(self.progress_box, 2)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, caption in (
            ("intake", self.tr("&Intake")),
            ("follow_up", self.tr("&Follow-up")),
            ("discharge", self.tr("&Discharge")),
            ("event", self.tr("E&vent")),
            ("encounter", self.tr("Encounter (Ctrl+E)")),
            ("edit", self.tr("Edit &client details")),
            ("record_consent", self.tr("Rec&ord consent…")),
            ("progress_summary", self.tr("&Progress summary…")),
        ):
            button = QPushButton(caption, self)
            button.setObjectName(f"action_{key}")
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.erase_button = QPushButton(self.tr("Erase client…"), self)
        self.erase_button.setObjectName("action_erase_client")
        self.erase_button.setToolTip(
            self.tr(
                "Delete this client and everything recorded about them, where the law requires it"
            )
        )
        self.erase_button.hide()
        row.addWidget(self.erase_button)
        return row

    def _consent_tab(self) -> QWidget:
        """The consents to disclose (42 CFR part 2), with Revoke for the one chosen."""
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.revoke_button = QPushButton(self.tr("Revo&ke consent…"), tab)
        self.revoke_button.setObjectName("action_revoke_consent")
        self.revoke_button.setToolTip(self.tr("Choose a consent in force in the list first"))
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.consent_table = make_table(
            tab,
            "consent_table",
            [
                self.tr("Consent to disclose for"),
                self.tr("Recipient"),
                self.tr("Signed"),
                self.tr("Expires"),
                self.tr("Revoked"),
                self.tr("In force today"),
            ],
        )
        layout.addWidget(self.consent_table)
        return tab

    def _history_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("client_tabs")
        lines = TABS_MIN_LINES * self.tabs.fontMetrics().lineSpacing()
        self.tabs.setMinimumHeight(max(TABS_MIN_HEIGHT, lines))
        self.timeline_table = RowsTableView(
            self.tabs, "timeline_table", [self.tr("Date"), self.tr("What"), self.tr("Details")]
        )
        self.disclosure_table = make_table(
            self.tabs,
            "disclosure_table",
            [
                self.tr("Disclosed on"),
                self.tr("To"),
                self.tr("Purpose"),
                self.tr("By"),
                self.tr("What"),
            ],
        )
        self.tabs.addTab(self.timeline_table, self.tr("Timeline, newest first"))
        self.tabs.addTab(self._consent_tab(), self.tr("Consents"))
        self.tabs.addTab(self.disclosure_table, self.tr("Disclosures"))
        name_tab_pages(self.tabs)
        return self.tabs

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back)
        for kind in ("intake", "follow_up", "discharge"):
            self.buttons[kind].clicked.connect(lambda _=False, k=kind: self.new_assessment.emit(k))
        self.buttons["event"].clicked.connect(self.new_event)
        self.buttons["encounter"].clicked.connect(self.new_encounter)
        self.buttons["edit"].clicked.connect(self.edit_client)
        self.buttons["record_consent"].clicked.connect(self.record_consent)
        self.buttons["progress_summary"].clicked.connect(self.progress_summary)
        self.erase_button.clicked.connect(self.erase_client)
        self.revoke_button.clicked.connect(self._revoke_chosen)
        self.consent_table.currentCellChanged.connect(self._consent_chosen)
        # Enter, or a double-click (the platform's activation), opens the row once.
        self.timeline_table.cellActivated.connect(self._open_timeline_row)
        for table in (self.timeline_table, self.disclosure_table, self.consent_table):
            table.selectionModel().currentChanged.connect(
                lambda current, _previous, t=table: self._keep_in_view(t, current)
            )
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    def _keep_in_view(self, table: QTableView, current: QModelIndex) -> None:
        """The page scrolls to the row the arrow keys chose: a long timeline runs below
        the fold, and Down moved the chosen row out of sight with nothing seen to move."""
        if not current.isValid() or not table.hasFocus():
            return
        # The table has scrolled itself to the row already.
        scroll_into_view(self.page_scroll, table.viewport(), table.visualRect(current))

    def show_page(self, page: ClientPage) -> None:
        self.page = page
        self.heading.setText(text.client_heading(page.values))
        self.identity.setText(text.identity_line(page.values, page.as_of, page.consents))
        needs_intake = not page.has_open_episode
        why = (
            self.tr("Record an intake first")
            if not page.assessments
            else self.tr("The last episode was closed by a discharge: record a new intake")
        )
        for kind in ("follow_up", "discharge"):
            self.buttons[kind].setEnabled(not needs_intake)
            self.buttons[kind].setToolTip(why if needs_intake else "")
        self.status_box.show_page(page)
        self.progress_box.show_page(page)
        self.points_box.show_page(page)
        rows, self.timeline_keys = text.timeline(page)
        voided = [is_voided for *_, is_voided in self.timeline_keys]
        self.timeline_table.fill(rows, self.tr("Nothing recorded yet."), voided)
        self.timeline_table.setToolTip(self.tr("Enter or double-click a row to read it back"))
        self._show_consents(page)

    def _open_timeline_row(self, row: int, *_: int) -> None:
        if 0 <= row < len(self.timeline_keys):
            kind, record_id, _voided = self.timeline_keys[row]
            self.open_record.emit(kind, record_id)

    def _show_consents(self, page: ClientPage) -> None:
        fill_table(
            self.consent_table,
            text.consent_rows(page.consents, page.as_of),
            self.tr("No consent recorded: Alt+O records one."),
        )
        self.consent_table.clearSelection()
        self.consent_table.setCurrentCell(-1, -1)
        self._consent_chosen(-1)
        fill_table(
            self.disclosure_table,
            text.disclosure_rows(page.disclosures),
            self.tr("The client's records have not been disclosed."),
        )
        counts = (
            (1, self.tr("Consents (%1)"), len(page.consents)),
            (2, self.tr("Disclosures (%1)"), len(page.disclosures)),
        )
        for index, caption, count in counts:
            self.tabs.setTabText(index, caption.replace("%1", shown_number(count)))

    def chosen_consent(self) -> ConsentEntry | None:
        row = self.consent_table.currentRow()
        listed = self.page.consents
        return listed[row] if 0 <= row < len(listed) else None

    def _consent_chosen(self, row: int, *_: int) -> None:
        """Revoke is offered for a chosen consent not revoked yet."""
        chosen = self.chosen_consent() if row >= 0 else None
        self.revoke_button.setEnabled(chosen is not None and chosen.revoked_on is None)

    def _revoke_chosen(self) -> None:
        chosen = self.chosen_consent()
        if chosen is not None and self.revoke_button.isEnabled():
            self.revoke_consent.emit(chosen.id)

    def take_focus(self) -> None:
        """The next thing is usually a form: Space on the focused button opens the intake or
        the follow-up; Tab moves along the buttons."""
        kind = "follow_up" if self.buttons["follow_up"].isEnabled() else "intake"
        # As a shortcut moves the focus, so the button is drawn focused and the worker sees
        # what Space will press (a focus set for no reason is drawn only after a Tab).
        self.buttons[kind].setFocus(Qt.FocusReason.ShortcutFocusReason)


def scroll_into_view(area: QScrollArea, widget: QWidget, part: QRect) -> None:
    """Scroll `area` until `part` of `widget` (inside it) is in view, with a little room."""
    inner = area.widget()
    if inner is None:
        return
    centre = widget.mapTo(inner, part.center())
    area.ensureVisible(centre.x(), centre.y(), 0, part.height() // 2 + 20)
