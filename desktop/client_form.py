"""Registering a new client (with a likely-duplicate check first) or editing one."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.form_view import FormView
from desktop.look import error_style
from desktop.translate import label, shown_date
from forms import records
from forms.client_list import find_likely_duplicates
from forms.definitions import CLIENT_FIELDS, by_key
from forms.duplicates import LikelyDuplicate
from forms.failures import log_failure, reason
from forms.values import FieldError, parse

log = logging.getLogger(__name__)

FIELDS = by_key(CLIENT_FIELDS)
IDENTITY = ("client_code", "given_name", "family_name", "preferred_name", "birth_date")
ABOUT = ("sex_at_birth", "gender", "race", "ethnicity")
CONTACT = ("postal_code", "phone", "consent_contact")


class DuplicatePanel(QGroupBox):
    """The registered clients a new registration may repeat, with a way to open one."""

    open_client = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates")
        self.setTitle(self.tr("Already registered?"))
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("duplicate_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Client code"), self.tr("Name"), self.tr("Birth date"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab goes on with the form (the phone and consent are still to type): from cell to
        # cell it went round the four cells of the list and never left it.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)  # Enter, or a double click
        layout.addWidget(self.table)
        self.open_button = QPushButton(self.tr("Open this client instead"), self)
        self.open_button.setObjectName("open_duplicate")
        self.open_button.clicked.connect(self._open)
        layout.addWidget(self.open_button)
        self.found: list[LikelyDuplicate] = []
        self.hide()

    def show_found(self, found: list[LikelyDuplicate]) -> None:
        self.found = found
        self.setVisible(bool(found))
        self.message.setText(
            self.tr(
                "This person may already be registered. Open the existing client, or press "
                "Save again if this is someone else."
            )
        )
        self.table.setRowCount(len(found))
        for row, d in enumerate(found):
            name = f"{d.family_name}, {d.given_name}" + (
                f" ({d.preferred_name})" if d.preferred_name else ""
            )
            for column, text in enumerate(
                (d.client_code, name, shown_date(d.birth_date), label(d.reason))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if found:
            self.table.selectRow(0)
            rows = sum(self.table.rowHeight(r) for r in range(len(found)))
            self.table.setFixedHeight(
                self.table.horizontalHeader().sizeHint().height()
                + rows
                + 2 * self.table.frameWidth()
            )

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.found):
            self.open_client.emit(self.found[row].client_id)


class ClientFormView(FormView):
    """New client when `client_id` is None, else the client's identity and consent."""

    open_existing = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        client_id: int | None = None,
        version: int = 0,
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("ClientFormView", "New client")
            if client_id is None
            else QCoreApplication.translate("ClientFormView", "Edit client")
        )
        super().__init__(ctx, title, parent)
        self.client_id = client_id
        self.version = version
        self._checked_key: tuple[object, ...] | None = None
        self._build_ui()
        if values:
            self.load(values)

    def _build_ui(self) -> None:
        self.add_section(self.tr("Identity"), [FIELDS[k] for k in IDENTITY])
        self.editors["client_code"].widget.setPlaceholderText(  # type: ignore[attr-defined]
            self.tr("Leave empty for the next free code")
        )
        self.editors["client_code"].set_caption(label(FIELDS["client_code"].label))
        self.duplicates = DuplicatePanel(self.body)
        self.duplicates.open_client.connect(self._open_duplicate)
        self.body_layout.addWidget(self.duplicates)
        self.add_section(self.tr("About the client (optional)"), [FIELDS[k] for k in ABOUT])
        self.add_section(self.tr("Contact and consent"), [FIELDS[k] for k in CONTACT])
        self.finish_layout()
        self.editors["birth_date"].widget.editingFinished.connect(  # type: ignore[attr-defined]
            self._check_duplicates_while_typing
        )

    def chain_tab_order(self) -> None:
        """The likely duplicates, when shown, come between the identity they were found
        for and the rest of the form (made after the form's fields, they came last, and
        Tab left the list for the navigation, skipping the phone and consent)."""
        super().chain_tab_order()
        chain = [
            self.editors[IDENTITY[-1]].focus_chain()[-1],
            self.duplicates.table,
            self.duplicates.open_button,
            self.editors[ABOUT[0]].focus_widget(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def first_focus(self) -> QWidget:
        # The code is usually left for the program to choose; names come first on paper.
        key = "given_name" if self.client_id is None else "client_code"
        return self.editors[key].focus_widget()

    def _open_duplicate(self, client_id: int) -> None:
        self.discard()
        self.open_existing.emit(client_id)

    def _identity(self) -> tuple[str, str, str, dt.date] | None:
        raw = self.raw_values(IDENTITY)
        given, family = str(raw["given_name"]).strip(), str(raw["family_name"]).strip()
        try:
            birth = parse(FIELDS["birth_date"], raw["birth_date"], self.ctx.today())
        except FieldError:
            return None
        if not (given and family and isinstance(birth, dt.date)):
            return None
        return given, family, str(raw["preferred_name"]).strip(), birth

    def check_duplicates(self) -> list[LikelyDuplicate]:
        """Show the likely duplicates of what is typed (new clients only)."""
        who = self._identity() if self.client_id is None else None
        if who is None:
            self.duplicates.show_found([])
            return []
        given, family, preferred, birth = who
        found = find_likely_duplicates(
            self.ctx.database, self.ctx.index, given, family, birth, preferred or None
        )
        self.duplicates.show_found(found)
        return found

    def _check_duplicates_while_typing(self) -> None:
        # A database that cannot be read now (server away, file busy) is told at Save,
        # which checks again: leaving a field must not pop up an error.
        try:
            self.check_duplicates()
        except Exception as exc:
            if reason(exc) is None:
                raise
            log_failure(log, "Checking for duplicates", exc)

    def save(self) -> None:
        if self.client_id is None:
            try:
                stop = self._stop_for_duplicates()
            except Exception as exc:  # the check reads the database: its failure is the save's
                if not self._explained(exc):
                    raise
                return
            if stop:
                return
        super().save()

    def _stop_for_duplicates(self) -> bool:
        """True (and the list shown) the first time Save is pressed for a likely duplicate."""
        found = self.check_duplicates()
        key = self._identity()
        if not found or key == self._checked_key:
            return False
        self._checked_key = key
        self.summary.setText(self.duplicates.message.text())
        self.summary.show()
        self.duplicates.table.setFocus()
        self.scroll_area.ensureWidgetVisible(self.duplicates)
        return True

    def operation(self) -> str:
        return self.tr("Saving the client")

    def store(self) -> int:
        raw = self.raw_values()
        today = self.ctx.today()
        if self.client_id is None:
            client_id = records.create_client(self.ctx.database, self.ctx.user, raw, today)
        else:
            client_id = self.client_id
            self.version = records.update_client(
                self.ctx.database, self.ctx.user, client_id, self.version, raw, today
            )
        born = parse(FIELDS["birth_date"], raw["birth_date"], today)  # valid: it was saved
        if self.ctx.index is not None and isinstance(born, dt.date):
            preferred = str(raw.get("preferred_name") or "").strip() or None
            self.ctx.index.add(
                client_id, str(raw["given_name"]), str(raw["family_name"]), preferred, born
            )
        self.ctx.notify("client", client_id)
        return client_id
