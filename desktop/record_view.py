"""A saved record read back, read-only: every answer, the substance rows with their
criteria, who entered it and when, whether it is voided and why, and its history of
changes. Edit opens the entry form pre-filled; Void asks for the reason; Restore undoes
a void."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.translate import code_label, field_label, label, shown_date, shown_moment
from forms.definitions import (
    ASSESSMENT_FIELDS,
    ASSESSMENT_KEYS_BY_KIND,
    BARC10_KEYS,
    BARC10_STATEMENTS,
    ENCOUNTER_FIELDS,
    EVENT_FIELDS,
    FOLLOWUP_ATTEMPT_FIELDS,
    SUBSTANCE_FIELDS,
)
from forms.fields import Field, Kind
from forms.record_detail import Change, RecordDetail

FIELDS = {
    "assessment": ASSESSMENT_FIELDS,
    "event": EVENT_FIELDS,
    "encounter": ENCOUNTER_FIELDS,
    "followup_attempt": FOLLOWUP_ATTEMPT_FIELDS,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_view", text)


def shown(f: Field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if f.kind is Kind.BOOLEAN:
        return _tr("Yes") if value in (True, "yes") else _tr("No")
    if f.kind in (Kind.CODE, Kind.CODES):
        return code_label(f, value)
    if isinstance(value, dt.datetime):
        return shown_moment(value)
    if isinstance(value, dt.date):
        return shown_date(value)
    return str(value)


def _asked(detail: RecordDetail) -> tuple[Field, ...]:
    """The fields the record's form asks: an intake's read-back has no discharge reason."""
    fields = FIELDS[detail.kind]
    asked = ASSESSMENT_KEYS_BY_KIND.get(str(detail.values.get("kind")))
    if detail.kind != "assessment" or asked is None:
        return fields
    return tuple(f for f in fields if f.key in asked)


def _named(f: Field) -> str:
    """A field as its form asks it: a BARC-10 item by its number and statement."""
    if f.key in BARC10_KEYS:
        number = BARC10_KEYS.index(f.key) + 1
        return f"BARC-10 {number}. {label(BARC10_STATEMENTS[number - 1]).rstrip('.')}"
    return field_label(f)


def record_text(detail: RecordDetail) -> str:
    lines = [f"{_named(f)}: {shown(f, detail.values.get(f.key))}" for f in _asked(detail)]
    for number, row in enumerate(detail.substances, start=1):
        lines.append("")
        lines.append(_tr("Substance %1").replace("%1", str(number)))
        lines += [f"  {field_label(f)}: {shown(f, row.get(f.key))}" for f in SUBSTANCE_FIELDS]
    lines.append("")
    lines.append(_entered(detail))
    if detail.voided:
        void = detail.void
        note = f" — {void['void_note']}" if void.get("void_note") else ""
        lines.append(
            _tr("VOIDED on %1 by %2: %3")
            .replace("%1", shown_moment(void["voided_at"]))
            .replace("%2", str(void.get("voided_by")))
            .replace("%3", _tr(detail.void_reason_label) + note)
        )
    lines.append("")
    lines.append(_tr("History of changes"))
    # A heading with nothing under it read as if the history had failed to load.
    changes = [change_line(c, FIELDS[detail.kind]) for c in detail.history]
    lines += changes or ["  " + _tr("None: the record is as it was entered.")]
    return "\n".join(lines)


def _entered(detail: RecordDetail) -> str:
    """Who entered the record and when; imported or old rows may lack either."""
    at = shown_moment(detail.entered_at) if detail.entered_at else None
    by = detail.entered_by
    if by and at:
        return _tr("Entered by %1 on %2").replace("%1", by).replace("%2", at)
    if at:
        return _tr("Entered on %1; who entered it was not recorded").replace("%1", at)
    if by:
        return _tr("Entered by %1; when was not recorded").replace("%1", by)
    return _tr("Who entered it and when were not recorded")


def change_line(change: Change, fields: tuple[Field, ...]) -> str:
    """One change, its fields in the form's order, each value as the form shows it."""
    by_key = {f.key: f for f in fields}
    head = f"  {shown_moment(change.at)}, {change.username}: {_tr(change.what)}"
    if change.reason:
        head += f" ({change.reason})"
    order = [*by_key, "substances"]
    shown_fields = sorted(
        (c for c in change.fields if c[0] in order), key=lambda c: order.index(c[0])
    )
    parts = [_changed(by_key.get(key), before, after) for key, before, after in shown_fields]
    return head + ("; " + "; ".join(parts) if parts else "")


def _changed(f: Field | None, before: object, after: object) -> str:
    if f is None:  # the substance rows
        return f"{_tr('Substances')}: {_brief(before)} → {_brief(after)}"
    return f"{_named(f)}: {shown(f, before)} → {shown(f, after)}"


_SUBSTANCE = {f.key: f for f in SUBSTANCE_FIELDS}


def _brief(value: object) -> str:
    """Substance rows as 'Opioid [Craving, Tolerance]'."""
    if not isinstance(value, list) or not value:
        return "—"
    return "; ".join(
        f"{shown(_SUBSTANCE['substance_class'], row.get('substance_class'))} "
        f"[{shown(_SUBSTANCE['criteria'], row.get('criteria'))}]"
        for row in value
    )


class RecordView(QWidget):
    edit = Signal()
    void = Signal()
    restore = Signal()
    back = Signal()

    def __init__(self, detail: RecordDetail, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self._build_ui(title)
        self._connect_signals()

    def _build_ui(self, title: str) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        self.heading.setObjectName("record_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setStrikeOut(self.detail.voided)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.body = QPlainTextEdit(record_text(self.detail), self)
        self.body.setObjectName("record_text")
        self.body.setAccessibleName(title)  # the heading above it says what it is
        self.body.setReadOnly(True)
        layout.addWidget(self.body, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("E&dit"), self)
        self.void_button = QPushButton(self.tr("&Void…"), self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.back_button = QPushButton(self.tr("Back (Esc)"), self)
        for name, button in (
            ("record_edit", self.edit_button),
            ("record_void", self.void_button),
            ("record_restore", self.restore_button),
        ):
            button.setObjectName(name)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        layout.addLayout(row)
        voided = self.detail.voided
        self.edit_button.setEnabled(not voided)
        self.void_button.setVisible(not voided)
        self.restore_button.setVisible(voided)

    def _connect_signals(self) -> None:
        self.edit_button.clicked.connect(self.edit)
        self.void_button.clicked.connect(self.void)
        self.restore_button.clicked.connect(self.restore)
        self.back_button.clicked.connect(self.back)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    def take_focus(self) -> None:
        button = self.restore_button if self.detail.voided else self.edit_button
        button.setFocus(Qt.FocusReason.OtherFocusReason)
