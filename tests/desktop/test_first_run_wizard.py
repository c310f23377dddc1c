"""The first-run wizard, walked with the keyboard alone, as a person without a mouse would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select

from db import settings as agency_settings
from db import users
from db.models import User
from db.startup import open_database
from desktop.first_run_wizard import (
    ADMINISTRATOR,
    AGENCY,
    BACKUPS,
    ENCRYPTION,
    LOCATION,
    PRACTICE,
    FirstRunWizard,
)

PASSWORD = "three words walking home"
Key = Qt.Key


@pytest.fixture
def wizard(qtbot: Any, tmp_path: Path, today: dt.date) -> Iterator[FirstRunWizard]:
    database = open_database(str(tmp_path / "agency.sqlite3"))
    shown = FirstRunWizard(database, lambda: today)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    yield shown
    (shown.done_.database if shown.done_ else database).dispose()


class Keyboard:
    def __init__(self, qtbot: Any, wizard: FirstRunWizard) -> None:
        self.qtbot = qtbot
        self.wizard = wizard

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def at(self, name: str) -> None:
        assert self.focused().objectName() == name

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
        self.qtbot.keyClick(self.focused(), key, modifier)

    def tab_to(self, name: str) -> None:
        for _ in range(12):
            if self.focused().objectName() == name:
                return
            self.press(Key.Key_Tab)
        raise AssertionError(f"Tab never reached {name}; at {self.focused().objectName()}")

    def error(self) -> str:
        page = self.wizard.currentPage()
        return page.findChild(QLabel, "setup_error").text()


def test_a_new_agency_is_set_up_with_the_keyboard_alone(
    qtbot: Any, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    keys = Keyboard(qtbot, wizard)
    assert wizard.currentId() == AGENCY
    keys.at("agency_name")
    keys.press(Key.Key_Return)  # Next without a name: refused, named, and still here
    assert wizard.currentId() == AGENCY and "Agency name" in keys.error()
    keys.type("Harbor Recovery Services")
    keys.tab_to("state")
    keys.type("Oregon")
    keys.press(Key.Key_Return)

    assert wizard.currentId() == LOCATION
    assert str(tmp_path) in wizard.here.text()  # the folder the data will live in is shown
    assert wizard.here.isChecked()
    keys.press(Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Next >, Qt's own button
    qtbot.waitUntil(lambda: wizard.currentId() == ENCRYPTION)  # clicked after its animation

    keys.press(Key.Key_E, Qt.KeyboardModifier.AltModifier)  # &Encrypt the database file
    qtbot.waitUntil(wizard.encrypt.isChecked)
    keys.press(Key.Key_P, Qt.KeyboardModifier.AltModifier)
    keys.at("passphrase")
    keys.type("too short")
    keys.press(Key.Key_Return)
    assert wizard.currentId() == ENCRYPTION and "at least 15" in keys.error()
    keys.press(Key.Key_E, Qt.KeyboardModifier.AltModifier)  # changed my mind: left off
    qtbot.waitUntil(lambda: not wizard.encrypt.isChecked())
    keys.press(Key.Key_Return)

    assert wizard.currentId() == BACKUPS
    keys.press(Key.Key_F, Qt.KeyboardModifier.AltModifier)  # the mnemonic of Backups &folder
    keys.at("backup_folder")
    keys.type(str(tmp_path / "no such folder"))
    keys.press(Key.Key_Return)
    assert wizard.currentId() == BACKUPS and "no such folder" in keys.error()
    keys.press(Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type(str(tmp_path))
    keys.press(Key.Key_Return)

    assert wizard.currentId() == ADMINISTRATOR
    keys.at("username")
    keys.type("maria")
    keys.press(Key.Key_Tab)
    keys.type("Maria Lopez")
    keys.press(Key.Key_Tab)
    keys.type(PASSWORD)
    keys.press(Key.Key_Tab)
    keys.type(PASSWORD + "!")
    keys.press(Key.Key_Return)
    assert wizard.currentId() == ADMINISTRATOR and keys.error()
    keys.at("password_again")  # the field to fix has the focus
    keys.press(Key.Key_Backspace)
    keys.press(Key.Key_Return)

    assert wizard.currentId() == PRACTICE
    keys.press(Key.Key_Return)  # Finish, without a practice agency
    qtbot.waitUntil(lambda: not wizard.isVisible())

    assert wizard.done_ is not None
    assert wizard.done_.signed_in.display_name == "Maria Lopez"
    with wizard.done_.database.reading() as session:
        stored = agency_settings.load(session)
        assert [u.username for u in session.scalars(select(User))] == ["maria"]
    assert (stored.agency_name, stored.state, stored.backup_folder) == (
        "Harbor Recovery Services",
        "OR",
        str(tmp_path),
    )


def test_cancelling_the_setup_writes_nothing(qtbot: Any, wizard: FirstRunWizard) -> None:
    keys = Keyboard(qtbot, wizard)
    keys.type("Harbor Recovery Services")
    keys.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.done_ is None
    with wizard.database.reading() as session:
        assert users.count(session) == 0
        assert agency_settings.load(session) == agency_settings.AgencySettings()


def test_a_server_skips_encryption_and_says_why_it_cannot_connect(
    qtbot: Any, wizard: FirstRunWizard
) -> None:
    keys = Keyboard(qtbot, wizard)
    keys.type("Harbor Recovery Services")
    keys.tab_to("state")
    keys.type("Texas")
    keys.press(Key.Key_Return)
    wizard.here.setFocus()
    keys.press(Key.Key_Down)  # the radio buttons move with the arrow keys
    keys.at("server")
    assert wizard.server.isChecked()
    keys.press(Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Server &address
    keys.type("postgresql+psycopg://nobody@127.0.0.1:1/agency")
    keys.press(Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Test the &connection
    qtbot.waitUntil(lambda: keys.error() != "")  # a mnemonic clicks its button a moment later
    assert "refused" in keys.error().lower()
    assert wizard.currentId() == LOCATION
    wizard.server.setFocus()
    keys.press(Key.Key_Up)  # back to this computer
    keys.at("this_computer")
    keys.press(Key.Key_Return)
    assert wizard.currentId() == ENCRYPTION
    wizard.back()
    wizard.server.setChecked(True)
    wizard.server_url.setText("")
    assert wizard.nextId() == BACKUPS  # encryption at rest is a server's own business
