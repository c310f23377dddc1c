"""The substance rows of an assessment: one box per substance class, criteria as checkboxes.

Editors are named `substances.N.key` (N counting from 0 in screen order), the
keys `forms.validation` uses for its messages. A row with no substance chosen
and nothing ticked is left out when saving; `submitted_rows` maps the rows
sent back to their screen position so each message lands on its own row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.field_editors import FieldEditor
from desktop.look import error_style
from forms.client_record import SubstanceEntry
from forms.definitions import SUBSTANCE_FIELDS
from forms.fields import Field
from forms.values import is_blank

log = logging.getLogger(__name__)

PREFIX = "substances"
AddEditor = Callable[[Field, str, QWidget], FieldEditor]


def row_key(index: int, key: str) -> str:
    return f"{PREFIX}.{index}.{key}"


class SubstanceListEditor(QGroupBox):
    rows_changed = Signal()

    def __init__(self, add_editor: AddEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Substances"))
        self._add_editor = add_editor
        self.rows: list[dict[str, FieldEditor]] = []
        self._submitted: list[int] = []
        layout = QVBoxLayout(self)
        self.error = QLabel(self)
        self.error.setObjectName(f"{PREFIX}__error")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        self.add_button = QPushButton(self.tr("&Add another substance"), self)
        self.add_button.setObjectName("add_substance")
        self.add_button.clicked.connect(self.add_row)
        layout.addWidget(self.add_button)

    def add_row(self) -> None:
        index = len(self.rows)
        box = QGroupBox(self.tr("Substance %1").replace("%1", str(index + 1)), self)
        form = QFormLayout(box)
        editors: dict[str, FieldEditor] = {}
        for f in SUBSTANCE_FIELDS:
            editor = self._add_editor(f, row_key(index, f.key), box)
            form.addRow(editor.label, editor.cell)
            editors[f.key] = editor
        if index == 0:
            editors["primary"].set_value(True)  # the usual case: one substance, the primary
        self.rows.append(editors)
        self.rows_box.addWidget(box)
        self.rows_changed.emit()
        if index:
            editors["substance_class"].focus_widget().setFocus()

    def start_from(self, last_told: Sequence[SubstanceEntry]) -> None:
        """One row per substance the client named last time, with the primary marked."""
        for index, entry in enumerate(last_told):
            if index >= len(self.rows):
                self.add_row()
            self.rows[index]["substance_class"].set_value(entry.substance_class)
            self.rows[index]["primary"].set_value(entry.primary)

    def focus_chain(self) -> list[QWidget]:
        chain = [w for row in self.rows for e in row.values() for w in e.focus_chain()]
        return [*chain, self.add_button]

    def values(self) -> list[dict[str, object]]:
        """The rows to save, in screen order, skipping rows left entirely empty."""
        self._submitted = []
        found: list[dict[str, object]] = []
        for index, row in enumerate(self.rows):
            raw = {key: editor.raw() for key, editor in row.items()}
            if _is_empty(raw):
                continue
            self._submitted.append(index)
            found.append(raw)
        return found

    def screen_key(self, key: str) -> str:
        """`substances.N.x` of the rows sent, as the key of the editor on screen."""
        parts = key.split(".", 2)
        if len(parts) == 3 and parts[0] == PREFIX and parts[1].isdigit():
            sent = int(parts[1])
            if sent < len(self._submitted):
                return row_key(self._submitted[sent], parts[2])
        return key

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


def _is_empty(raw: dict[str, object]) -> bool:
    for key, value in raw.items():
        if key == "primary":
            continue
        if isinstance(value, list) and value:
            return False
        if not isinstance(value, list) and not is_blank(value):
            return False
    return True
