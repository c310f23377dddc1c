"""The first-run setup, shown when the database has no accounts: a wizard driven by the
keyboard (Tab between fields, Enter for Next, Alt+letter for each field).

Each page asks forms/first_run.py to check its step before moving on; Finish
hands everything to `complete_first_run`, which writes it all or nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import dialogs, passphrase
from desktop.look import error_style
from desktop.state_choice import StateChoice
from desktop.translate import label, message
from forms import first_run
from forms.accounts import AccountError
from forms.first_run import SERVER, THIS_COMPUTER, FirstRunDone, FirstRunSetup
from forms.validation import ValidationFailed

log = logging.getLogger(__name__)

W = TypeVar("W", bound=QWidget)
AGENCY, LOCATION, ENCRYPTION, BACKUPS, ADMINISTRATOR, PRACTICE = range(6)


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SetupPage(QWizardPage):
    """A page of fields with labels bound to them, and one line for what is wrong."""

    def __init__(self, title: str, explain: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.layout_ = QVBoxLayout(self)
        # In the page, not the subtitle: a subtitle is cut off after two lines.
        self.explain = QLabel(explain, self)
        self.explain.setWordWrap(True)
        self.layout_.addWidget(self.explain)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.error = QLabel(self)
        self.error.setObjectName("setup_error")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)

    def add_field(self, key: str, caption: str, widget: W, row: QWidget | None = None) -> W:
        """`widget` under its label (`row`, when given, is what the row shows: the field
        with a button beside it). A check box is its own label."""
        widget.setObjectName(key)
        widget.setAccessibleName(caption.replace("&", ""))
        if isinstance(widget, QCheckBox | QRadioButton):
            self.form.addRow(row or widget)
        else:
            label = QLabel(caption, self)
            label.setBuddy(widget)
            self.form.addRow(label, row or widget)
        self.fields[key] = widget
        return widget

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addStretch(1)

    def refuse(self, key: str, message: str) -> None:
        self.error.setText(message)
        widget = self.fields.get(key)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def checked(self, check: Callable[[], object]) -> bool:
        """Run a forms/ check; show its message and stay on the page when it refuses."""
        self.error.clear()
        try:
            check()
        except (ValidationFailed, AccountError) as exc:
            self.refuse(*refusal(exc))
            return False
        return True


def refusal(exc: ValidationFailed | AccountError) -> tuple[str, str]:
    """The field a refused step names, and what to tell the person."""
    if isinstance(exc, AccountError):
        return exc.field, label(exc.template).format(**exc.params)
    key, text = next(iter(exc.errors.items()))
    return key, message(text)


class FirstRunWizard(QWizard):
    def __init__(
        self,
        database: first_run.Database,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.done_: FirstRunDone | None = None
        self.setObjectName("first_run")
        self.setWindowTitle(self.tr("Set up Recovery Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.pages_: dict[int, SetupPage] = {}
        for page_id, build in (
            (AGENCY, self._agency_page),
            (LOCATION, self._location_page),
            (ENCRYPTION, self._encryption_page),
            (BACKUPS, self._backups_page),
            (ADMINISTRATOR, self._administrator_page),
            (PRACTICE, self._practice_page),
        ):
            page = build()
            page.finish_layout()
            self.pages_[page_id] = page
            self.setPage(page_id, page)
        metrics = self.fontMetrics()  # 720 x 520 at the default text size, more for larger
        self.resize(max(720, 80 * metrics.averageCharWidth()), max(520, 37 * metrics.lineSpacing()))

    # -- pages --------------------------------------------------------------------------------
    def _agency_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("Welcome to Recovery Desk"),
            self.tr(
                "A few questions set the program up for your agency; each can be changed "
                "later. First, the agency: reports print its name, and its state is the only "
                "place a de-identified file for a funder may name."
            ),
        )
        self.agency_name = page.add_field("agency_name", self.tr("&Agency name"), QLineEdit(page))
        self.state = StateChoice(page)
        page.add_field("state", self.tr("&State"), self.state)
        page.validatePage = lambda: page.checked(  # type: ignore[method-assign]
            lambda: first_run.check_agency(self.setup())
        )
        return page

    def _location_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("Where the data lives"),
            self.tr(
                "One computer keeps the records in a file on this computer. Several "
                "workstations share the agency's PostgreSQL server."
            ),
        )
        file = first_run.database_file(self.database)
        folder = file.parent if file is not None else None
        self.here = QRadioButton(self.tr("On &this computer, in %1").replace("%1", str(folder)))
        self.here.setEnabled(folder is not None)
        self.server = QRadioButton(self.tr("On the agency's Post&greSQL server"))
        (self.here if folder is not None else self.server).setChecked(True)
        for button in (self.here, self.server):
            page.form.addRow(button)
        self.here.setObjectName("this_computer")
        self.server.setObjectName("server")
        self.server_url = QLineEdit(page)
        # The words of the example are the person's own: usuario, contraseña, servidor.
        self.server_url.setPlaceholderText(
            self.tr("postgresql+psycopg://user:password@server/agency")
        )
        page.add_field("server_url", self.tr("Server &address"), self.server_url)
        self.test_button = QPushButton(self.tr("Test the &connection"), page)
        self.test_button.setObjectName("test_connection")
        self.test_result = QLabel(page)
        self.test_result.setObjectName("connection_result")
        self.test_result.setWordWrap(True)
        page.form.addRow(self.test_button, self.test_result)
        self.test_button.clicked.connect(self.test_connection)
        self.server.toggled.connect(self._location_chosen)
        self._location_chosen()
        page.validatePage = lambda: page.checked(  # type: ignore[method-assign]
            lambda: first_run.check_location(self.setup())
        )
        return page

    def _encryption_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("Encryption at rest"),
            self.tr(
                "An encrypted file cannot be read without its passphrase, on this computer "
                "or on a stolen disk. Without the passphrase nobody can open the records: "
                "not the agency, not us. You can turn it on or off later with "
                "recovery-desk encrypt and decrypt."
            ),
        )
        caption = self.tr("&Encrypt the database file")
        self.encrypt = page.add_field("encrypt", caption, QCheckBox(caption, page))
        self.passphrase = page.add_field("passphrase", self.tr("&Passphrase"), _password_edit(page))
        self.passphrase_again = page.add_field(
            "passphrase_again", self.tr("Passphrase &again"), _password_edit(page)
        )
        caption = self.tr("&Keep the passphrase in this computer's keyring")
        self.remember = page.add_field("remember", caption, QCheckBox(caption, page))
        self.encrypt.toggled.connect(self._encryption_chosen)
        self._encryption_chosen(False)
        page.validatePage = lambda: page.checked(  # type: ignore[method-assign]
            lambda: first_run.check_encryption(self.setup())
        )
        return page

    def _backups_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("Backups"),
            self.tr(
                "The program backs the database up every day. A folder on a second disk "
                "keeps the backups safe when this disk fails; leave it empty for a backups "
                "folder beside the database."
            ),
        )
        row = QWidget(page)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.backup_folder = QLineEdit(row)
        self.backup_folder.setPlaceholderText(self.tr("the backups folder beside the database"))
        browse = QPushButton(self.tr("Bro&wse…"), row)
        browse.setObjectName("browse_backups")
        browse.clicked.connect(self._browse_backups)
        line.addWidget(self.backup_folder, 1)
        line.addWidget(browse)
        page.add_field("backup_folder", self.tr("Backups &folder"), self.backup_folder, row)
        page.validatePage = lambda: page.checked(  # type: ignore[method-assign]
            lambda: first_run.check_backup_folder(self.setup())
        )
        return page

    def _administrator_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("The first administrator"),
            self.tr(
                "The administrator adds the other staff and changes these settings later. "
                "The password needs at least 15 characters; a few words make a good one."
            ),
        )
        self.username = page.add_field("username", self.tr("&User name"), QLineEdit(page))
        self.display_name = page.add_field("display_name", self.tr("&Full name"), QLineEdit(page))
        self.password = page.add_field("password", self.tr("&Password"), _password_edit(page))
        self.password_again = page.add_field(
            "password_again", self.tr("Password &again"), _password_edit(page)
        )
        page.validatePage = lambda: page.checked(  # type: ignore[method-assign]
            lambda: first_run.check_administrator(self.setup(), self.today())
        )
        return page

    def _practice_page(self) -> SetupPage:
        page = SetupPage(
            self.tr("A practice agency"),
            self.tr(
                "To try things without touching real records, the program can also make a "
                "practice agency of made-up clients, in a file of its own, named PRACTICE on "
                "every screen. Open it with recovery-desk --practice (or the menu entry "
                "Recovery Desk (practice)); sign in as admin, manager or frontdesk with the "
                "password recovery-demo-only."
            ),
        )
        caption = self.tr("Also make a p&ractice agency")
        self.practice = page.add_field("practice", caption, QCheckBox(caption, page))
        page.setFinalPage(True)
        return page

    # -- behaviour ------------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentId()
        if current == LOCATION and self.server.isChecked():
            return BACKUPS  # a server is encrypted by its own disk and TLS
        return super().nextId()

    def _location_chosen(self, *_: object) -> None:
        on_server = self.server.isChecked()
        for widget in (self.server_url, self.test_button):
            widget.setEnabled(on_server)
        self.test_result.clear()

    def _encryption_chosen(self, on: bool) -> None:
        for widget in (self.passphrase, self.passphrase_again, self.remember):
            widget.setEnabled(on)

    def _browse_backups(self) -> None:
        typed = Path(self.backup_folder.text().strip() or Path.home())
        chosen = dialogs.folder_path(self, self.tr("Backups folder"), typed)
        if chosen is not None:
            self.backup_folder.setText(str(chosen))

    def test_connection(self) -> None:
        page = self.pages_[LOCATION]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = page.checked(lambda: first_run.check_location(self.setup()))
        finally:
            QApplication.restoreOverrideCursor()
        self.test_result.setText(self.tr("Connected: the server answers.") if found else "")

    def setup(self) -> FirstRunSetup:
        return FirstRunSetup(
            agency_name=self.agency_name.text(),
            state=self.state.code(),
            location=SERVER if self.server.isChecked() else THIS_COMPUTER,
            server_url=self.server_url.text(),
            encrypt=self.encrypt.isChecked(),
            passphrase=self.passphrase.text(),
            passphrase_again=self.passphrase_again.text(),
            backup_folder=self.backup_folder.text(),
            username=self.username.text(),
            display_name=self.display_name.text(),
            password=self.password.text(),
            password_again=self.password_again.text(),
            practice=self.practice.isChecked(),
        )

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentId() != PRACTICE:
            return True
        return self._complete()

    def _complete(self) -> bool:
        chosen = self.setup()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.done_ = first_run.complete_first_run(
                self.database, self.today(), chosen, self._attempt
            )
        except (ValidationFailed, AccountError) as exc:
            self._back_to(*refusal(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        log.info("first-run setup done")
        self._remember_passphrase(chosen)
        return True

    def _back_to(self, key: str, message: str) -> None:
        """A step that passed on its page failed at the end (the server went away): back
        to that page, with the message."""
        for page_id, page in self.pages_.items():
            if key in page.fields:
                while self.currentId() > page_id:
                    self.back()
                page.refuse(key, message)
                return
        self.pages_[PRACTICE].refuse(key, message)

    def _remember_passphrase(self, chosen: FirstRunSetup) -> None:
        file = first_run.database_file(self.done_.database) if self.done_ else None
        if not (chosen.encrypt and self.remember.isChecked() and file is not None):
            return
        try:
            passphrase.remember(file, chosen.passphrase)
        except passphrase.NoKeyringError as exc:
            log.warning("the passphrase was not kept in a keyring: %s", exc)

    _attempt = None  # forms.accounts.Attempt: tests give a clock of their own
