"""A one-line client chooser for small forms: type a name or code, pick from the list.

Left empty it means "anonymous". The list comes from the same typo-tolerant
search as the Clients screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.client_model import ClientRow
from desktop.context import AppContext
from forms.client_list import client_summaries
from forms.search_audit import find_clients

log = logging.getLogger(__name__)

SUGGESTIONS = 12


class ClientPickerEdit(QLineEdit):
    chosen = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id: int | None = None
        self._labels: dict[str, int] = {}
        self.setObjectName("client")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Anonymous — or type a name or client code"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._pick)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)

    def set_client(self, row: ClientRow | None) -> None:
        self.client_id = row.client_id if row else None
        self.setText(row.label() if row else "")

    def is_anonymous(self) -> bool:
        return not self.text().strip()

    def _suggest(self, text: str) -> None:
        self.client_id = None
        if not text.strip():
            self._model.setStringList([])
            return
        ids = find_clients(
            self.ctx.database,
            self.ctx.user,
            self.ctx.index,
            text,
            where="client picker",
            trail=self.ctx.search_trail,
            limit=SUGGESTIONS,
        )
        rows = client_summaries(self.ctx.database, ids)
        self._labels = {row.label(): row.client_id for row in rows}
        self._model.setStringList(list(self._labels))
        if rows:
            self.completer().complete()

    def _pick(self, text: str) -> None:
        self.client_id = self._labels.get(text)
        if self.client_id is not None:
            self.chosen.emit(self.client_id)
