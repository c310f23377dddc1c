"""What every data-entry form shares: sections of field editors, inline errors and a
summary, Ctrl+S to save, Esc to cancel, and a guard against losing typed work.

A subclass builds its sections with `add_section` and implements `store()`,
which calls a `forms.records` function and returns the saved record's id.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.context import AppContext
from desktop.field_editors import FieldEditor
from desktop.look import error_style
from desktop.qt_application import running_application
from desktop.translate import field_label, label, message, refusal_of
from forms.failures import log_failure, reason
from forms.fields import Field
from forms.validation import ValidationFailed, check_value
from forms.values import format_value
from forms.vocabulary import ConflictError, PermissionDenied

log = logging.getLogger(__name__)


class NotSaved(Exception):
    """The person answered No to a confirmation: nothing is saved, the form stays open."""


class FormView(QWidget):
    """Base of the intake, follow-up, client, event and encounter forms."""

    saved = Signal(int)  # the id of the record stored
    closed = Signal()  # left without saving

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.editors: dict[str, FieldEditor] = {}
        self._dirty = False
        self._build_frame()
        self._connect_keys()

    # -- building -------------------------------------------------------------------------
    def _build_frame(self) -> None:
        outer = QVBoxLayout(self)
        heading = QLabel(self.title, self)
        heading.setObjectName("form_title")
        heading.setWordWrap(True)  # a long title in a narrow panel wraps, never cut off
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        self.summary = QLabel(self)
        self.summary.setObjectName("error_summary")
        self.summary.setStyleSheet(error_style())
        self.summary.setWordWrap(True)
        self.summary.hide()
        outer.addWidget(self.summary)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        # Not a stop of Tab: it shows nothing focused, and follows the focused field.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body = QWidget(self.scroll_area)
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)
        # The focused field's help, where keyboard users see it (tooltips need a mouse).
        self.help_panel = QLabel(self)
        self.help_panel.setObjectName("field_help")
        self.help_panel.setWordWrap(True)
        self.help_panel.hide()
        outer.addWidget(self.help_panel)
        outer.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def _connect_keys(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(context)
        save.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(context)
        escape.activated.connect(self.cancel)
        help_key = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        help_key.setContext(context)
        help_key.activated.connect(self.show_help)
        running_application().focusChanged.connect(self._keep_focus_visible)

    def add_section(self, title: str, fields: Iterable[Field], key_prefix: str = "") -> QGroupBox:
        box = QGroupBox(title, self.body)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for f in fields:
            editor = self.add_editor(f, key_prefix + f.key, box)
            layout.addRow(editor.label, editor.cell)
        self.body_layout.addWidget(box)
        return box

    def add_editor(self, f: Field, key: str, parent: QWidget) -> FieldEditor:
        editor = FieldEditor(f, key, parent)
        editor.changed.connect(self.mark_dirty)
        editor.left.connect(lambda: self._check_left(editor))
        self.editors[key] = editor
        return editor

    def _check_left(self, editor: FieldEditor) -> None:
        """A value checked as the person leaves its field, not only when saving."""
        if editor.key not in self.editors:  # a substance row removed meanwhile
            return
        problem = check_value(editor.field, editor.raw(), self.ctx.today())
        editor.set_error(None if problem is None else message(problem))

    def finish_layout(self) -> None:
        """Call after the last section: Tab follows the paper form, then Save."""
        self.body_layout.addStretch(1)
        self.chain_tab_order()

    def chain_tab_order(self) -> None:
        chain = [w for e in self.editors.values() for w in e.focus_chain()]
        chain += [*self.extra_tab_stops(), self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def extra_tab_stops(self) -> list[QWidget]:
        return []

    def _keep_focus_visible(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.body.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 20, 40)
            self._show_help_of(new)

    def _editor_of(self, widget: QWidget | None) -> FieldEditor | None:
        return next((e for e in self.editors.values() if widget in e.focus_chain()), None)

    def _show_help_of(self, widget: QWidget) -> None:
        editor = self._editor_of(widget)
        text = self.help_text(editor) if editor is not None else ""
        self.help_panel.setText(text)
        self.help_panel.setVisible(bool(text))

    def help_text(self, editor: FieldEditor) -> str:
        """What the focused field asks, in a sentence; empty when it explains itself."""
        if not editor.field.help:
            return ""
        return f"{field_label(editor.field)}: {label(editor.field.help)}"

    def show_help(self) -> None:
        """F1: the focused field's help beside it, as the help panel shows it."""
        widget = QApplication.focusWidget()
        editor = self._editor_of(widget)
        if widget is None or editor is None:
            return
        text = self.help_text(editor) or self.tr("%1: no more to say about this field.").replace(
            "%1", field_label(editor.field)
        )
        QToolTip.showText(widget.mapToGlobal(QPoint(0, widget.height())), text, widget)

    # -- values ---------------------------------------------------------------------------
    def raw_values(self, keys: Iterable[str] | None = None) -> dict[str, object]:
        """What is typed in the shown editors; hidden sections count as empty."""
        chosen = self.editors.keys() if keys is None else keys
        return {
            k: self.editors[k].raw()
            for k in chosen
            if k in self.editors and self.editors[k].is_shown()
        }

    def load(self, values: Mapping[str, object]) -> None:
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))
        self._dirty = False

    def mark_dirty(self) -> None:
        self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def first_focus(self) -> QWidget:
        return next(iter(self.editors.values())).focus_widget()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        focused = QApplication.focusWidget()
        if focused is None or not self.body.isAncestorOf(focused):
            self.first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- errors ---------------------------------------------------------------------------
    def show_errors(self, errors: Mapping[str, str]) -> None:
        for editor in self.editors.values():
            editor.set_error(None)
        if not errors:
            self.summary.hide()
            return
        errors = {key: message(text) for key, text in errors.items()}
        placed = [k for k in errors if k in self.editors]
        for key in placed:
            self.editors[key].set_error(errors[key])
        lines = [self.tr("Nothing was saved. Please correct:")]
        lines += [f"• {message}" for message in errors.values()]
        self.summary.setText("\n".join(lines))
        self.summary.show()
        first = next((e for k, e in self.editors.items() if k in errors), None)
        if first is not None:
            first.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- saving and leaving ---------------------------------------------------------------
    def store(self) -> int:
        raise NotImplementedError

    def operation(self) -> str:
        """What saving this form does, for a failure message (never names the client)."""
        return self.tr("Saving the form")

    def save(self) -> None:
        try:
            record_id = self.store()
        except Exception as exc:
            if not self._explained(exc):
                raise
            return
        self.show_errors({})
        self._dirty = False
        log.info("%s saved (%s)", type(self).__name__, record_id)
        self.saved.emit(record_id)

    def _explained(self, exc: Exception) -> bool:
        """Show what went wrong in words the person can act on; False for the unexpected."""
        if isinstance(exc, NotSaved):
            pass
        elif isinstance(exc, ValidationFailed):
            self.show_errors(exc.errors)
        elif isinstance(exc, ConflictError):
            dialogs.warn(self, self.tr("Changed on another workstation"), self._conflict(exc))
        elif isinstance(exc, PermissionDenied):
            dialogs.warn(self, self.tr("Not allowed"), refusal_of(exc))
        elif (why := reason(exc)) is not None:
            log_failure(log, self.operation(), exc)
            text = self.tr("%1 failed: %2. Nothing was saved; what you typed is still here.")
            dialogs.warn(
                self,
                self.tr("Not saved"),
                text.replace("%1", self.operation()).replace("%2", label(why)),
            )
        else:
            return False
        return True

    def _conflict(self, exc: ConflictError) -> str:
        """The refusal, and the fields where what is stored now differs from the screen."""
        current = getattr(exc, "current", None)
        if current is None:
            return refusal_of(exc)
        mine = self.raw_values()
        lines = [refusal_of(exc), "", self.tr("Stored now / on your screen:")]
        for key, editor in self.editors.items():
            if key not in current.values:
                continue
            stored = format_value(editor.field, current.values[key])
            typed = format_value(editor.field, mine.get(key) or None)
            if stored != typed:
                lines.append(f"{field_label(editor.field)}: {stored or '—'} / {typed or '—'}")
        return "\n".join(lines)

    def cancel(self) -> None:
        if self.may_leave():
            self._dirty = False
            self.closed.emit()

    def may_leave(self) -> bool:
        """True when nothing typed would be lost, or the person agrees to drop it."""
        if not self._dirty:
            return True
        return dialogs.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("%1 has changes that are not saved. Discard them?").replace("%1", self.title),
            yes=self.tr("Discard"),
            no=self.tr("Keep editing"),
        )

    def discard(self) -> None:
        self._dirty = False
