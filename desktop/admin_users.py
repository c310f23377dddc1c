"""Staff accounts (administrators): add, deactivate or reactivate, reset a password."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import users
from db.access import PermissionDenied
from desktop import auth
from desktop.context import AppContext
from desktop.field_editors import ERROR_STYLE, FieldEditor
from desktop.translate import code_label
from forms.definitions import USER_FIELDS, by_key
from forms.validation import validate_fields

log = logging.getLogger(__name__)

_FIELDS = by_key(USER_FIELDS)


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UsersView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user_ids: list[int] = []
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("user_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Account")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.active_button = QPushButton(self.tr("&Deactivate or reactivate"), self)
        self.active_button.setObjectName("toggle_active")
        self.new_password = password_edit(self, "reset_password")
        self.new_password.setPlaceholderText(self.tr("New password for the selected account"))
        self.reset_button = QPushButton(self.tr("&Reset password"), self)
        self.reset_button.setObjectName("reset")
        for widget in (self.active_button, self.new_password, self.reset_button):
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self._add_box())
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add an account"), self)
        form = QFormLayout(box)
        self.editors = {f.key: FieldEditor(f, f.key, box) for f in USER_FIELDS}
        for editor in self.editors.values():
            form.addRow(editor.label, editor.cell)
        self.password = password_edit(box, "password")
        self.password_again = password_edit(box, "password_again")
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        self.add_button = QPushButton(self.tr("&Add account"), box)
        self.add_button.setObjectName("add_user")
        form.addRow("", self.add_button)
        return box

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()

    def reload(self) -> None:
        with self.ctx.database.reading() as session:
            accounts = users.all_users(session)
        self.user_ids = [u.id for u in accounts]
        self.table.setRowCount(len(accounts))
        for r, u in enumerate(accounts):
            state = self.tr("active") if u.active else self.tr("deactivated")
            for c, text in enumerate(
                (u.username, u.display_name, code_label(_FIELDS["role"], u.role), state)
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return self.user_ids[row] if 0 <= row < len(self.user_ids) else None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def add_user(self) -> None:
        raw = {key: editor.raw() for key, editor in self.editors.items()}
        result = validate_fields(USER_FIELDS, raw, self.ctx.today())
        for key, editor in self.editors.items():
            editor.set_error(result.errors.get(key))
        if not result.ok:
            return
        try:
            auth.check_new_password(self.password.text(), self.password_again.text())
            with self.ctx.database.writing() as session:
                users.add(
                    session,
                    self.ctx.user,
                    str(result.values["username"]),
                    str(result.values["display_name"]),
                    str(result.values["role"]),
                    self.password.text(),
                )
        except (ValueError, PermissionDenied) as exc:
            self._say(str(exc), error=True)
            return
        for editor in self.editors.values():
            editor.set_value(None)
        self.password.clear()
        self.password_again.clear()
        self._say(self.tr("Account %1 added.").replace("%1", str(result.values["username"])))
        self.reload()

    def toggle_active(self) -> None:
        user_id = self._selected()
        if user_id is None:
            self._say(self.tr("Select an account first."), error=True)
            return
        if user_id == self.ctx.user.user_id:
            self._say(self.tr("You cannot deactivate your own account."), error=True)
            return
        active = self.table.item(self.table.currentRow(), 3).text() == self.tr("active")
        with self.ctx.database.writing() as session:
            users.set_active(session, self.ctx.user, user_id, not active)
        self._say(
            self.tr("Account deactivated; it can no longer sign in.")
            if active
            else self.tr("Account reactivated.")
        )
        self.reload()

    def reset_password(self) -> None:
        user_id = self._selected()
        if user_id is None:
            self._say(self.tr("Select an account first."), error=True)
            return
        try:
            auth.check_new_password(self.new_password.text(), self.new_password.text())
            with self.ctx.database.writing() as session:
                users.set_password(session, self.ctx.user, user_id, self.new_password.text())
        except (ValueError, PermissionDenied) as exc:
            self._say(str(exc), error=True)
            return
        self.new_password.clear()
        self._say(self.tr("Password changed. Tell the person their new password in person."))
