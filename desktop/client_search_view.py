"""The Clients screen: search as you type over the paged client list.

Typing searches at once (name, preferred name, client code or birth date,
typos forgiven); Down moves into the list, Enter opens the client. An empty
box lists every client in name order, a page at a time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.client_model import ClientRow, ClientTableModel
from desktop.context import AppContext
from desktop.record_guards import confirmed, merge_consequence
from forms.client_list import merge_clients
from forms.search import DEFAULT_LIMIT as SEARCH_LIMIT
from forms.search_audit import find_clients
from forms.vocabulary import Permission, PermissionDenied

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ClientSearchView(QWidget):
    open_client = Signal(int)
    new_client = Signal()
    message = Signal(str)  # a confirmation for the status bar

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ClientTableModel(ctx.database, self)
        self._stale = True
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("client_search")
        self.search_box.setAccessibleName(self.tr("Find a client"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr(
                "Find a client: name, preferred name, client code or birth date "
                "(YYYY-MM-DD)  —  Ctrl+F"
            )
        )
        layout.addWidget(self.search_box)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("result_count")
        layout.addWidget(self.count_label)
        self.pages = QStackedWidget(self)
        self.table = self._make_table()
        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self._buttons())

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("client_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setTabKeyNavigation(False)
        return table

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New client (Ctrl+N)"), self)
        self.new_button.setObjectName("new_client")
        self.open_button = QPushButton(self.tr("&Open client"), self)
        self.open_button.setObjectName("open_client")
        self.merge_button = QPushButton(self.tr("&Merge two clients…"), self)
        self.merge_button.setObjectName("merge_clients")
        self.merge_button.setToolTip(
            self.tr("Select the two records of one person, then merge them into one.")
        )
        for button in (self.new_button, self.open_button, self.merge_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _connect_signals(self) -> None:
        self.search_box.textChanged.connect(self.run_search)
        self.search_box.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.new_button.clicked.connect(self.new_client)
        self.open_button.clicked.connect(self._open_selected)
        self.merge_button.clicked.connect(self._merge_selected)
        self.ctx.changed.connect(self._data_changed)
        self.ctx.signed_in.connect(self.refresh)

    # -- searching ------------------------------------------------------------------------
    def run_search(self, text: str) -> None:
        if not text.strip():
            self.model.show_all()
        else:
            ids = find_clients(
                self.ctx.database,
                self.ctx.user,
                self.ctx.index,
                text,
                where="client list",
                trail=self.ctx.search_trail,
            )
            self.model.show_ids(ids)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show_count(text)

    def _show_count(self, text: str) -> None:
        total = self.model.total
        if total:
            self.pages.setCurrentWidget(self.table)
            count = QLocale().toString(total)
            if not self.model.searching:
                label = self.tr("All clients, in name order: %1")
            elif total >= SEARCH_LIMIT:
                # The search stops at its limit; the true number of matches is larger.
                label = self.tr("The best %1 matches; type more to narrow them down")
            else:
                label = self.tr("Clients found: %1")
            self.count_label.setText(label.replace("%1", count))
            return
        self.pages.setCurrentWidget(self.empty)
        self.count_label.setText("")
        if self.model.searching:
            self.empty.setText(
                self.tr(
                    "No client matches “%1”.\n\nCheck the spelling, or try the birth date "
                    "(YYYY-MM-DD) or the client code.\nNot registered yet? Press Ctrl+N to add "
                    "a new client."
                ).replace("%1", text.strip())
            )
        else:
            self.empty.setText(
                self.tr("No clients yet.\n\nPress Ctrl+N to register the first client.")
            )

    def take_focus(self) -> None:
        self.focus_search()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _data_changed(self, entity: str, _client_id: int) -> None:
        if entity == "client":
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.merge_button.setVisible(self.ctx.can(Permission.MERGE_CLIENTS))
        self.run_search(self.search_box.text())

    # -- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_box and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is self.search_box and key == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.clear()
            return True
        if key in _ENTER and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if watched is self.search_box and self.model.total > 1:
                self._choose_one()
            else:
                self._open_selected()
            return True
        return super().eventFilter(watched, event)

    # -- opening and merging --------------------------------------------------------------
    def _choose_one(self) -> None:
        """Enter on a name several clients share opens none of them: the list takes the
        focus so the worker picks the right one."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.count_label.setText(
            self.tr("%1 clients match: choose one with Up and Down, then press Enter.").replace(
                "%1", QLocale().toString(self.model.total)
            )
        )

    def selected_rows(self) -> list[ClientRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.client_row(i) for i in rows) if r is not None]

    def _open_selected(self) -> None:
        chosen = self.selected_rows()
        if chosen:
            self.open_client.emit(chosen[0].client_id)

    def _open_row(self, row: int) -> None:
        found = self.model.client_row(row)
        if found is not None:
            self.open_client.emit(found.client_id)

    def _merge_selected(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) != 2:
            dialogs.inform(
                self,
                self.tr("Merge two clients"),
                self.tr(
                    "Select exactly two clients (hold Ctrl and click, or Shift+Down), then "
                    "choose Merge."
                ),
            )
            return
        keep = dialogs.choose(
            self,
            self.tr("Merge two clients"),
            self.tr(
                "Everything recorded for one client moves to the other, and the other record "
                "disappears from lists. Which record do you keep?"
            ),
            [chosen[0].label(), chosen[1].label()],
        )
        if keep is None:
            return
        kept, dropped = chosen[keep], chosen[1 - keep]
        if confirmed(self, merge_consequence(kept.label(), dropped.label())):
            self.merge(kept.client_id, dropped.client_id)

    def merge(self, keep_id: int, drop_id: int) -> bool:
        try:
            merge_clients(self.ctx.database, self.ctx.user, keep_id, drop_id)
        except (ValueError, PermissionDenied) as exc:
            dialogs.warn(self, self.tr("Not merged"), str(exc))
            return False
        if self.ctx.index is not None:
            self.ctx.index.discard(drop_id)
        log.info("merged client %s into %s", drop_id, keep_id)
        self.ctx.notify("client", keep_id)
        self.message.emit(self.tr("Clients merged: one record kept, with everything of both."))
        return True
