"""The screens before work: the first administrator, signing in, and the lock screen.

They are pages of the main window, not modal dialogs: while locked, the
work underneath (an unsaved form included) stays where it was, hidden.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import translate
from desktop.context import AppContext
from desktop.look import error_style
from forms import accounts
from forms.accounts import AccountError, SignInRefused
from forms.validation import ValidationFailed

log = logging.getLogger(__name__)

FIRST, SIGN_IN, UNLOCK = "first", "sign_in", "unlock"


class SignInView(QWidget):
    signed_in = Signal(object)  # accounts.SignedIn
    unlocked = Signal(object)  # accounts.SignedIn: the same person, as the database has them now
    sign_out = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = SIGN_IN
        self.locked_by_hand = False  # Ctrl+L, not the idle timer: the lock screen says which
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.panel = QFrame(self)
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 30))
        row.addWidget(self.panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        layout = QVBoxLayout(self.panel)
        self.heading = QLabel(self.panel)
        self.heading.setObjectName("signin_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.explain = QLabel(self.panel)
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        layout.addLayout(self._fields())
        self.error = QLabel(self.panel)
        self.error.setObjectName("signin_error")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.other_button = QPushButton(self.tr("Sign out"), self.panel)
        self.other_button.setObjectName("sign_out")
        self.go_button = QPushButton(self.panel)
        self.go_button.setObjectName("sign_in")
        self.go_button.setDefault(True)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.go_button)
        layout.addLayout(buttons)

    def _fields(self) -> QFormLayout:
        form = QFormLayout()
        self.username = QLineEdit(self.panel)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self.panel)
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit(self.panel)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(self.panel)
        self.password_again.setObjectName("password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.rows = {}
        for key, caption, edit in (
            ("username", self.tr("&User name"), self.username),
            ("display_name", self.tr("&Full name"), self.display_name),
            ("password", self.tr("&Password"), self.password),
            ("password_again", self.tr("Password &again"), self.password_again),
        ):
            label = QLabel(caption, self.panel)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.rows[key] = (label, edit)
        return form

    def _connect_signals(self) -> None:
        self.go_button.clicked.connect(self.submit)
        for edit in (self.username, self.display_name, self.password, self.password_again):
            edit.returnPressed.connect(self.submit)
        self.other_button.clicked.connect(self.sign_out)

    def _texts(self) -> dict[str, tuple[str, str, str]]:
        """Heading, explanation and button of each screen."""
        agency = self.ctx.settings.agency_name
        return {
            FIRST: (
                self.tr("Welcome to Recovery Desk"),
                self.tr(
                    "This database has no accounts yet. Create the first administrator "
                    "account; administrators add the other staff later."
                ),
                self.tr("Create administrator account"),
            ),
            SIGN_IN: (
                agency,
                self.tr("Sign in with your user name and password."),
                self.tr("Sign in"),
            ),
            UNLOCK: (self.tr("Locked"), self._why_locked(), self.tr("Unlock")),
        }

    def _why_locked(self) -> str:
        # Locked with Ctrl+L, "locked itself after a while without use" was not true.
        why = (
            self.tr(
                "Recovery Desk is locked, to keep client data private. %1, type your "
                "password to carry on where you left off."
            )
            if self.locked_by_hand
            else self.tr(
                "Recovery Desk locked itself after a while without use, to keep client data "
                "private. %1, type your password to carry on where you left off."
            )
        )
        return why.replace("%1", self.ctx.display_name)

    def show_mode(self, mode: str) -> None:
        self.mode = mode
        heading, explain, button = self._texts()[mode]
        self.heading.setText(heading)
        self.explain.setText(explain)
        self.go_button.setText(button)
        shown = {
            FIRST: ("username", "display_name", "password", "password_again"),
            SIGN_IN: ("username", "password"),
            UNLOCK: ("password",),
        }[mode]
        for key, (label, edit) in self.rows.items():
            label.setVisible(key in shown)
            edit.setVisible(key in shown)
        self.other_button.setVisible(mode == UNLOCK)
        self.clear()
        first = self.password if mode == UNLOCK else self.username
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for _, edit in self.rows.values():
            edit.clear()
        self.error.clear()

    def submit(self) -> None:
        try:
            if self.mode == UNLOCK:
                self._unlock()
            elif self.mode == FIRST:
                self.signed_in.emit(self._first_admin())
            else:
                self.signed_in.emit(
                    accounts.sign_in(
                        self.ctx.database,
                        self.username.text(),
                        self.password.text(),
                        self.ctx.attempt(),
                    )
                )
        except ValidationFailed as exc:
            key = next(k for k in self.rows if k in exc.errors)
            self._fail(translate.message(exc.errors[key]), self.rows[key][1])
        except AccountError as exc:
            self._fail(translate.label(exc.template).format(**exc.params), self.rows[exc.field][1])
        except SignInRefused as exc:
            self._fail(translate.label(exc.template).format(**exc.params), self.password)

    def _first_admin(self) -> accounts.SignedIn:
        return accounts.add_first_admin(
            self.ctx.database,
            {"username": self.username.text(), "display_name": self.display_name.text()},
            self.password.text(),
            self.password_again.text(),
            self.ctx.today(),
            self.ctx.attempt(),
        )

    def _unlock(self) -> None:
        who = accounts.unlock_screen(
            self.ctx.database, self.ctx.user, self.password.text(), self.ctx.attempt()
        )
        self.clear()
        self.unlocked.emit(who)

    def _fail(self, message: str, field: QLineEdit) -> None:
        log.info("sign-in refused: %s", message)
        self.error.setText(message)
        self.password.clear()
        self.password_again.clear()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
