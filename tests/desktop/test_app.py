"""Starting the program: fonts, an unusable database, the log file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase

from desktop import app
from tests.desktop.harness import FakeDialogs


def test_qt_finds_a_font_so_labels_are_not_boxes(qapp: object) -> None:
    assert QFontDatabase.families()


def test_an_unusable_database_gives_a_message_not_a_traceback(
    tmp_path: Path, fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "configure_logging", lambda: tmp_path / "log")
    broken = tmp_path / "not-a-database.sqlite3"
    broken.write_bytes(b"this is a spreadsheet, not a database" * 100)
    assert app.run_gui(str(broken)) == 1
    ((kind, title, text),) = fake_dialogs.shown
    assert kind == "warn" and "Cannot open the database" in title
    assert str(broken) in text and "Nothing was changed" in text
    assert broken.read_bytes().startswith(b"this is a spreadsheet")


def test_the_log_file_gets_the_details_and_the_person_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import logs

    told: list[str] = []
    monkeypatch.setattr(logs, "on_unexpected", told.append)
    root = logging.getLogger()
    before, level, hook = list(root.handlers), root.level, sys.excepthook
    try:
        path = logs.configure_logging(tmp_path)
        logging.getLogger("desktop.test").info("hello from the test")
        try:
            raise ValueError("the disk  is\nfull")
        except ValueError as exc:
            sys.excepthook(ValueError, exc, exc.__traceback__)
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "hello from the test" in text and "ValueError: the disk" in text
        assert told == ["the disk is full"]
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        sys.excepthook = hook


def test_damage_found_after_the_window_opened_is_shown_and_the_program_closes(
    damaged_inside: Path, fake_dialogs: FakeDialogs, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QWidget

    from db.startup import open_database

    database = open_database(str(damaged_inside), background_check=True)
    exits: list[int] = []

    class Recorder:
        def exit(self, code: int) -> None:
            exits.append(code)

    window = QWidget()
    qtbot.addWidget(window)
    app.watch_file_check(database, window, Recorder())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: exits == [1], timeout=30_000)
    ((kind, title, text),) = fake_dialogs.shown
    assert kind == "warn" and "Cannot open the database" in title
    assert "damaged" in text and "left untouched" in text
    database.dispose()


def _encrypted(tmp_path: Path) -> Path:
    from db.cipher import Passphrase
    from db.encryption import encrypt_file
    from db.startup import open_database

    path = tmp_path / "secret.sqlite3"
    open_database(str(path)).dispose()
    return encrypt_file(path, Passphrase("the agency's long passphrase"))


def test_an_encrypted_file_asks_its_passphrase_before_sign_in_and_again_when_wrong(
    tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = _encrypted(tmp_path)
    fake_dialogs.answers = ["a wrong guess at it", "the agency's long passphrase"]
    database = app.open_for_gui(str(path))
    assert database is not None
    database.dispose()
    first, second = fake_dialogs.shown
    assert first[0] == "passphrase" and "secret.sqlite3 is encrypted" in first[2]
    assert second[2].startswith("The passphrase does not open this database")


def test_cancelling_the_passphrase_opens_nothing_and_shows_no_error(
    tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = _encrypted(tmp_path)
    fake_dialogs.answers = [None]
    assert app.open_for_gui(str(path)) is None
    assert [kind for kind, _, _ in fake_dialogs.shown] == ["passphrase"]


def test_three_wrong_passphrases_end_with_one_clear_line(
    tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    path = _encrypted(tmp_path)
    fake_dialogs.answers = ["wrong one", "wrong two", "wrong three"]
    assert app.open_for_gui(str(path)) is None
    kind, _title, text = fake_dialogs.shown[-1]
    assert kind == "warn" and text.startswith("The passphrase does not open this database")


def test_a_database_without_accounts_starts_with_the_setup_and_a_cancel_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import users
    from db.startup import open_database

    monkeypatch.setattr(app, "configure_logging", lambda: tmp_path / "log")
    asked: list[object] = []
    monkeypatch.setattr(app, "set_up_first_run", lambda database: asked.append(database))
    empty = tmp_path / "new.sqlite3"
    assert app.run_gui(str(empty)) == 0
    assert len(asked) == 1
    reopened = open_database(str(empty))
    try:
        with reopened.reading() as session:
            assert users.count(session) == 0
    finally:
        reopened.dispose()
