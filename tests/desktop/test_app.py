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
