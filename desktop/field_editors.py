"""One editor widget per `forms.fields.Field`, so forms are built from the definitions.

The editable widget's objectName is the field key (tests and the error
messages of `forms.validation` find it by that key). Every editor hands back
what the person typed, unparsed: `forms/` parses and validates it, so the
message for a bad value is the same in the GUI and on import.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.accessible import caption
from desktop.look import error_style
from desktop.translate import field_label, label
from forms.fields import ASKED, Field, Kind
from forms.values import format_value

log = logging.getLogger(__name__)

_GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
_LEFT = Qt.AlignmentFlag.AlignLeft

NUMBER_CHARS = 6
CODES_PER_ROW = 2


class CalmComboBox(QComboBox):
    """A combo box the mouse wheel does not change while scrolling past a long form."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class FieldEditor(QObject):
    """Label, input widget and inline error message of one field."""

    changed = Signal()
    left = Signal()  # the person finished typing in it (Tab, Enter or a click elsewhere)

    def __init__(self, field: Field, key: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.key = key or field.key
        required = field.required or ASKED in field.tags
        self.label = QLabel(field_label(field) + (" *" if required else ""), parent)
        self.widget = self._make_widget(parent)
        self.widget.setObjectName(self.key)
        caption(self.label, self.focus_widget())
        self.error = QLabel(parent)
        self.error.setObjectName(f"{self.key}__error")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        if field.help:
            self.widget.setToolTip(label(field.help))
            self.widget.setWhatsThis(label(field.help))
        self.cell = QWidget(parent)
        column = QVBoxLayout(self.cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        # The cell takes the form's width so that a message under a narrow date or number
        # reads on one line instead of being wrapped to the box's width and cut off; the
        # box itself keeps its own width unless it is made to grow (text, or `stretch()`).
        self.cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        grows = self.widget.sizePolicy().horizontalPolicy() in _GROWING
        column.addWidget(self.widget, 0, Qt.AlignmentFlag(0) if grows else _LEFT)
        column.addWidget(self.error)

    def set_caption(self, text: str) -> None:
        """Show `text` as the field's label, and have it heard too."""
        self.label.setText(text)
        caption(self.label, self.focus_widget())

    def stretch(self) -> None:
        """Let the input box take the whole width of its cell."""
        self.widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if isinstance(self.widget, QComboBox):
            # Its longest choice must not widen a narrow panel past the screen (Spanish at
            # 200 %): the box shrinks to the cell, and its list still shows every choice whole.
            policy = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            self.widget.setSizeAdjustPolicy(policy)
            self.widget.setMinimumContentsLength(8)
        column = self.cell.layout()
        if column is not None:
            column.setAlignment(self.widget, Qt.AlignmentFlag(0))

    def _make_widget(self, parent: QWidget | None) -> QWidget:
        kind = self.field.kind
        if kind is Kind.CODE or (kind is Kind.BOOLEAN and self.field.default is not False):
            return self._make_combo(parent)
        if kind is Kind.BOOLEAN:
            box = QCheckBox(parent)
            box.toggled.connect(self.changed)
            return box
        if kind is Kind.CODES:
            return self._make_checks(parent)
        edit = QLineEdit(parent)
        if self.field.max_length:
            edit.setMaxLength(self.field.max_length)
        if kind is Kind.DATE:
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000-00-00__") + 16)
        elif kind is Kind.INTEGER:
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * NUMBER_CHARS) + 16)
        edit.textEdited.connect(self.changed)
        edit.editingFinished.connect(self.left)
        return edit

    def _make_combo(self, parent: QWidget | None) -> QComboBox:
        combo = CalmComboBox(parent)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if self._prompts():
            # No blank choice to pick by mistake, and the box says what it wants.
            combo.setPlaceholderText(self.tr("Choose…"))
        else:
            combo.addItem("", None)
        if self.field.kind is Kind.BOOLEAN:
            combo.addItem(self.tr("Yes"), "yes")
            combo.addItem(self.tr("No"), "no")
        else:
            apart = {t.removeprefix("apart:") for t in self.field.tags if t.startswith("apart:")}
            for code in self.field.codes:
                if code.value not in apart:
                    combo.addItem(label(code.label), code.value)
            for code in self.field.codes:
                if code.value in apart:
                    combo.insertSeparator(combo.count())
                    combo.addItem(label(code.label), code.value)
        if self._prompts():
            combo.setCurrentIndex(-1)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def _prompts(self) -> bool:
        """A required code list starts on a "Choose…" prompt instead of a blank choice."""
        return self.field.kind is Kind.CODE and (self.field.required or ASKED in self.field.tags)

    def _make_checks(self, parent: QWidget | None) -> QWidget:
        box = QWidget(parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        for i, code in enumerate(self.field.codes):
            check = QCheckBox(label(code.label), box)
            check.setObjectName(f"{self.key}.{code.value}")
            check.toggled.connect(self.changed)
            grid.addWidget(check, i // CODES_PER_ROW, i % CODES_PER_ROW)
            self.checks[code.value] = check
        return box

    def focus_widget(self) -> QWidget:
        if self.field.kind is Kind.CODES:
            return next(iter(self.checks.values()))
        return self.widget

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in order."""
        if self.field.kind is Kind.CODES:
            return list(self.checks.values())
        return [self.widget]

    def raw(self) -> object:
        """What the person entered, for `forms.validation` to parse."""
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QLineEdit):
            return w.text()
        return [code for code, check in self.checks.items() if check.isChecked()]

    def set_value(self, value: object) -> None:
        """Show a stored value (or the field's default for None)."""
        value = self.field.default if value is None else value
        w = self.widget
        w.blockSignals(True)
        try:
            self._show(w, value)
        finally:
            w.blockSignals(False)

    def _show(self, w: QWidget, value: object) -> None:
        if isinstance(w, QComboBox):
            shown = format_value(self.field, value) if isinstance(value, bool) else value
            found = w.findData(shown)
            w.setCurrentIndex(found if self._prompts() else max(0, found))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QLineEdit):
            w.setText(
                value.isoformat() if isinstance(value, dt.date) else format_value(self.field, value)
            )
        else:
            chosen = set(value.split(";")) if isinstance(value, str) else set(value or ())  # type: ignore[call-overload]
            for code, check in self.checks.items():
                check.blockSignals(True)
                check.setChecked(code in chosen)
                check.blockSignals(False)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setAccessibleDescription(message or "")

    def set_shown(self, shown: bool) -> None:
        for part in (self.label, self.cell):
            part.setVisible(shown)

    def is_shown(self) -> bool:
        return not self.cell.isHidden()
