"""The client's notes: a tab of the client's page (Alt+N) listing the notes newest first,
with the chosen note read back in full, a box to write one (Ctrl+Enter adds it), and
Correct and Void for the chosen note.

Each action is one call into forms.notes, which decides who may and writes the audit
row; this panel only asks and shows. Notes are for the agency's staff: the hint under
the box says they are never exported.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.client_page import ClientPageView, fill_table, make_table, scroll_into_view
from desktop.context import AppContext
from desktop.look import error_style
from desktop.translate import label, message, refusal_of, shown_date, shown_number
from forms import notes
from forms.definitions import VOID_FIELDS
from forms.notes import NOTE_TEXT, NOTED_ON, NoteEntry
from forms.validation import ValidationFailed
from forms.vocabulary import ConflictError, PermissionDenied

PREVIEW = 200  # characters of a note's first line in the list (the column elides the rest)


class ClientNotesPanel(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(self, ctx: AppContext, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_panel")
        self.ctx = ctx
        self.client_id = client_id
        self.listed: list[NoteEntry] = []
        self.correcting: NoteEntry | None = None
        self.tabs: QTabWidget | None = None
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def attach_to(self, page: ClientPageView) -> None:
        """Become the page's Notes tab; Alt+N anywhere on the page opens it at the box."""
        self.tabs = page.tabs
        page.tabs.addTab(self, "")
        page.tabs.setTabToolTip(page.tabs.indexOf(self), self.tr("Alt+N writes a note"))
        shortcut = QShortcut(QKeySequence("Alt+N"), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.start_writing)
        self._retitle()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._writing_row())
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName(NOTE_TEXT.key)
        self.editor.setAccessibleName(label(NOTE_TEXT.label))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.editor)
        layout.addLayout(self._buttons_row())
        self.problem = QLabel(self)
        self.problem.setObjectName("notes_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(error_style())
        layout.addWidget(self.problem)
        self.table = make_table(
            self, "notes_table", [self.tr("Date"), self.tr("Note"), self.tr("Written by")]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the note's words
        layout.addWidget(self.table, 1)
        self.readback = QPlainTextEdit(self)
        self.readback.setObjectName("note_readback")
        self.readback.setReadOnly(True)
        self.readback.setAccessibleName(self.tr("The chosen note in full"))
        self.readback.setTabChangesFocus(True)
        layout.addWidget(self.readback, 1)

    def _writing_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.date_label = QLabel(label(NOTED_ON.label), self)
        self.noted_on = QLineEdit(self)
        self.noted_on.setObjectName(NOTED_ON.key)
        self.noted_on.setAccessibleName(label(NOTED_ON.label))
        self.noted_on.setToolTip(label(NOTED_ON.help))
        self.noted_on.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00000"))
        self.date_label.setBuddy(self.noted_on)
        row.addWidget(self.date_label)
        row.addWidget(self.noted_on)
        hint = QLabel(self.tr("For the agency's staff only: never exported or reported."), self)
        hint.setObjectName("notes_hint")
        row.addWidget(hint, 1)
        return row

    def _buttons_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("action_save_note")
        self.cancel_button = QPushButton(self.tr("Cancel correction"), self)
        self.cancel_button.setObjectName("action_cancel_note_correction")
        self.correct_button = QPushButton(self.tr("Correct chosen note"), self)
        self.correct_button.setObjectName("action_correct_note")
        self.void_button = QPushButton(self.tr("Void chosen note…"), self)
        self.void_button.setObjectName("action_void_note")
        for button in (self.save_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.correct_button, self.void_button):
            row.addWidget(button)
        return row

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self._stop_correcting)
        self.correct_button.clicked.connect(self.start_correcting)
        self.void_button.clicked.connect(self.void_chosen)
        self.table.currentCellChanged.connect(self._read_back)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            add = QShortcut(QKeySequence(keys), self)
            add.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add.activated.connect(self.save)

    # -- showing ----------------------------------------------------------------------------
    def refresh(self, chosen_id: int | None = None) -> None:
        self.listed = notes.client_notes(self.ctx.database, self.ctx.user, self.client_id)
        rows = [[shown_date(n.noted_on), _preview(n.text), n.entered_by] for n in self.listed]
        fill_table(self.table, rows, self.tr("No notes yet: Alt+N writes one."))
        ids = [n.id for n in self.listed]
        self.table.setCurrentCell(ids.index(chosen_id) if chosen_id in ids else -1, 0)
        self._read_back(self.table.currentRow())
        self._stop_correcting()
        self._retitle()

    def _retitle(self) -> None:
        if self.tabs is not None:
            caption = self.tr("Notes (%1)").replace("%1", shown_number(len(self.listed)))
            self.tabs.setTabText(self.tabs.indexOf(self), caption)

    def chosen(self) -> NoteEntry | None:
        row = self.table.currentRow()
        return self.listed[row] if 0 <= row < len(self.listed) else None

    def _read_back(self, row: int, *_: int) -> None:
        note = self.chosen() if row >= 0 else None
        self.correct_button.setEnabled(note is not None)
        self.void_button.setEnabled(note is not None)
        self.readback.setPlainText("" if note is None else self._full_text(note))

    def _full_text(self, note: NoteEntry) -> str:
        lines = [
            self.tr("%1, written by %2")
            .replace("%1", shown_date(note.noted_on))
            .replace("%2", note.entered_by),
            "",
            note.text,
        ]
        if note.corrected_at is not None:
            lines += [
                "",
                self.tr("Corrected by %1 on %2. Earlier text:")
                .replace("%1", note.corrected_by or "")
                .replace("%2", shown_date(note.corrected_at.date())),
            ]
            lines += [f"— {earlier.text}" for earlier in note.earlier]
        return "\n".join(lines)

    # -- acting -----------------------------------------------------------------------------
    def start_writing(self) -> None:
        if self.tabs is not None:
            self.tabs.setCurrentWidget(self)
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        # The page scrolls below the client's name: bring the box into view, or the
        # cursor is in a box the person cannot see (after the tab's layout settles).
        QTimer.singleShot(0, lambda: _scroll_to(self.editor))

    def start_correcting(self) -> None:
        note = self.chosen()
        if note is None:
            return
        self.correcting = note
        self.editor.setPlainText(note.text)
        self.noted_on.setText(note.noted_on.isoformat())
        self.noted_on.setEnabled(False)
        self.save_button.setText(self.tr("Save correction (Ctrl+Enter)"))
        self.cancel_button.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_correcting(self) -> None:
        self.correcting = None
        self.editor.clear()
        self.noted_on.setEnabled(True)
        self.noted_on.setText(self.ctx.today().isoformat())
        self.save_button.setText(self.tr("Add note (Ctrl+Enter)"))
        self.cancel_button.hide()
        self.problem.clear()

    def save(self) -> None:
        correcting = self.correcting
        text = self.editor.toPlainText()
        if correcting is None:
            raw = {NOTED_ON.key: self.noted_on.text(), NOTE_TEXT.key: text}
            done = self._act(
                lambda: notes.add_note(
                    self.ctx.database, self.ctx.user, self.ctx.today(), self.client_id, raw
                )
            )
            said, chosen = self.tr("Note added."), done
        else:
            done = self._act(
                lambda: notes.correct_note(
                    self.ctx.database,
                    self.ctx.user,
                    self.ctx.today(),
                    correcting.id,
                    correcting.version,
                    text,
                )
            )
            said, chosen = self.tr("Note corrected."), correcting.id
        if done is not None:
            self._after(said, chosen)

    def void_chosen(self) -> None:
        note = self.chosen()
        if note is None:
            return
        reasons = VOID_FIELDS[0].codes
        title = self.tr("Void this note")
        chosen = dialogs.choose(
            self,
            title,
            self.tr("The note leaves the client's page; it is kept, with its reason. Why?"),
            [label(code.label) for code in reasons],
        )
        why = None if chosen is None else dialogs.text(self, title, label(VOID_FIELDS[1].label))
        if chosen is None or why is None:
            return
        reason = reasons[chosen].value
        done = self._act(
            lambda: notes.void_note(
                self.ctx.database,
                self.ctx.user,
                self.ctx.today(),
                note.id,
                note.version,
                reason,
                why,
            )
        )
        if done is not None:
            self._after(self.tr("Note voided."), None)

    def _act(self, action: Callable[[], int]) -> int | None:
        """Run one forms.notes call; a refusal is shown under the box (and spoken by screen
        readers through the label's text), nothing else changes."""
        try:
            result = action()
        except ValidationFailed as exc:
            self._refused("\n".join(message(text) for text in exc.errors.values()))
            return None
        except (PermissionDenied, ConflictError) as exc:
            self._refused(refusal_of(exc))
            return None
        return result

    def _refused(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleName(text)

    def _after(self, said: str, chosen_id: int | None) -> None:
        self.refresh(chosen_id)
        self.problem.setText("")
        self.message.emit(said)
        if chosen_id is not None:
            # The note is listed below the box, often below the fold: the worker saw
            # "Note added." but not the note.
            QTimer.singleShot(0, self._show_chosen)

    def _show_chosen(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            _scroll_to(self.table.viewport(), self.table.visualItemRect(item))


def _preview(text: str) -> str:
    first = text.split("\n", 1)[0]
    more = len(first) > PREVIEW or "\n" in text
    return first[:PREVIEW] + ("…" if more else "")


def _scroll_to(widget: QWidget, part: QRect | None = None) -> None:
    """Scroll every scroll area around `widget` until it (or that part of it) is in view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            _bring_into(parent, widget, part)
        parent = parent.parentWidget()


def _bring_into(area: QScrollArea, widget: QWidget, part: QRect | None) -> None:
    if part is None:
        area.ensureWidgetVisible(widget, 0, 20)
    else:
        scroll_into_view(area, widget, part)
