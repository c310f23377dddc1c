"""Staff accounts (administrators): add, deactivate or reactivate, reset a password,
unlock a user name that failed sign-ins locked. The rules are in forms/accounts.py."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop.context import AppContext
from desktop.field_editors import FieldEditor
from desktop.language_choice import language_choice, language_name
from desktop.look import error_style
from desktop.translate import code_label, label, message
from forms import accounts
from forms.account_language import LANGUAGE_NAMES, set_language
from forms.accounts import AccountError, AccountRow
from forms.definitions import USER_FIELDS, by_key
from forms.validation import ValidationFailed
from forms.vocabulary import PermissionDenied

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
        self.rows: list[AccountRow] = []
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("user_table")
        self.table.setAccessibleName(self.tr("User accounts"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Account"),
                self.tr("Language"),
            ]
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
        self.new_password.setAccessibleName(self.tr("New password for the selected account"))
        self.reset_button = QPushButton(self.tr("&Reset password"), self)
        self.reset_button.setObjectName("reset")
        self.unlock_button = QPushButton(self.tr("Un&lock"), self)
        self.unlock_button.setObjectName("unlock_account")
        self.unlock_button.setToolTip(
            self.tr("Let a user name that too many failed sign-ins locked sign in again")
        )
        for widget in (
            self.active_button,
            self.unlock_button,
            self.new_password,
            self.reset_button,
        ):
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addLayout(self._language_row())
        layout.addWidget(self._add_box())
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _language_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("account_language")
        self.language.setAccessibleName(self.tr("Language of the selected account"))
        for code in (None, *LANGUAGE_NAMES):
            self.language.addItem(language_choice(code), code)
        caption = QLabel(self.tr("Lang&uage of the selected account:"), self)
        caption.setBuddy(self.language)
        self.language_button = QPushButton(self.tr("Set language"), self)
        self.language_button.setObjectName("set_language")
        self.language_button.setToolTip(
            self.tr("The person's screens show it from the next start of Recovery Desk")
        )
        for widget in (caption, self.language, self.language_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

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
        self.unlock_button.clicked.connect(self.unlock_account)
        self.language_button.clicked.connect(self.set_account_language)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()

    def reload(self) -> None:
        self.rows = accounts.list_accounts(self.ctx.database, self.ctx.user)
        self.table.setRowCount(len(self.rows))
        for r, u in enumerate(self.rows):
            role = code_label(_FIELDS["role"], u.role)
            for c, text in enumerate(
                (u.username, u.display_name, role, self._state(u), language_choice(u.language))
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _state(self, account: AccountRow) -> str:
        words = {
            accounts.ACTIVE: self.tr("active"),
            accounts.DEACTIVATED: self.tr("deactivated"),
            accounts.LOCKED: self.tr("locked (failed sign-ins)"),
        }
        return words[account.state]

    def _selected(self) -> AccountRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        self._say(self.tr("Select an account first."), error=True)
        return None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else "")
        self.message.setText(text)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, AccountError):
            self._say(label(exc.template).format(**exc.params), error=True)
        elif isinstance(exc, ValidationFailed):
            for key, editor in self.editors.items():
                shown = exc.errors.get(key)
                editor.set_error(None if shown is None else message(shown))
            self._say(" ".join(message(text) for text in exc.errors.values()), error=True)
        else:
            self._say(str(exc), error=True)

    def add_user(self) -> None:
        raw = {key: editor.raw() for key, editor in self.editors.items()}
        for editor in self.editors.values():
            editor.set_error(None)
        try:
            accounts.add_account(
                self.ctx.database,
                self.ctx.user,
                raw,
                self.password.text(),
                self.password_again.text(),
                self.ctx.today(),
            )
        except (ValueError, PermissionDenied) as exc:
            self._refused(exc)
            return
        for editor in self.editors.values():
            editor.set_value(None)
        self.password.clear()
        self.password_again.clear()
        self._say(self.tr("Account %1 added.").replace("%1", str(raw["username"]).strip()))
        self.reload()

    def toggle_active(self) -> None:
        account = self._selected()
        if account is None:
            return
        try:
            accounts.set_active(
                self.ctx.database, self.ctx.user, account.user_id, not account.active
            )
        except PermissionDenied:
            self._say(self.tr("You cannot deactivate your own account."), error=True)
            return
        self._say(
            self.tr("Account deactivated; it can no longer sign in.")
            if account.active
            else self.tr("Account reactivated.")
        )
        self.reload()

    def unlock_account(self) -> None:
        account = self._selected()
        if account is None:
            return
        if accounts.unlock_account(self.ctx.database, self.ctx.user, account.username):
            self._say(self.tr("%1 can sign in again.").replace("%1", account.username))
        else:
            self._say(self.tr("%1 was not locked.").replace("%1", account.username))
        self.reload()

    def reset_password(self) -> None:
        account = self._selected()
        if account is None:
            return
        try:
            accounts.change_password(
                self.ctx.database, self.ctx.user, account.user_id, self.new_password.text(), None
            )
        except (ValueError, PermissionDenied) as exc:
            self._refused(exc)
            return
        self.new_password.clear()
        self._say(self.tr("Password changed. Tell the person their new password in person."))

    def set_account_language(self) -> None:
        account = self._selected()
        if account is None:
            return
        chosen = self.language.currentData()
        try:
            set_language(self.ctx.database, self.ctx.user, account.user_id, chosen)
        except (ValueError, PermissionDenied) as exc:
            self._refused(exc)
            return
        self._say(
            self.tr(
                "%1's language is now %2: their screens show it from the first start of "
                "Recovery Desk after their next sign-in."
            )
            .replace("%1", account.username)
            .replace("%2", language_name(chosen))
        )  # fmt: skip
        self.reload()
