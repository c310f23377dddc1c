"""Restore from the GUI (Settings, administrators): pick a backup, confirm, the current file
is kept as a backup first, the program reopens the restored file and everyone signs in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from db import backups
from db.location import sqlite_path
from tests.desktop.harness import Desk, FakeDialogs, add_client


def names(desk: Desk) -> list[str]:
    with desk.ctx.database.reading() as session:
        return sorted(session.execute(text("SELECT given_name FROM clients")).scalars())


def test_an_administrator_restores_a_backup_and_the_current_file_is_kept(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    admin = desk.actors["admin"]
    add_client(desk.database, admin, given_name="Before", family_name="B", birth_date="1980-01-01")
    path = sqlite_path(desk.ctx.database.url)
    assert path is not None
    folder = path.parent / "backups"
    backup = backups.take(path, None, folder, "daily", dt.datetime(2026, 11, 26, 9))
    add_client(desk.database, admin, given_name="After", family_name="A", birth_date="1981-01-01")
    desk.sign_in_as("admin")
    desk.window.go("settings")
    fake_dialogs.paths = [backup]
    fake_dialogs.answers = [True]
    qtbot.mouseClick(desk.window.settings_view.restore_button, Qt.MouseButton.LeftButton)
    assert names(desk) == ["Before"]  # the program reads the restored file
    assert desk.ctx.actor is None  # and everyone signs in again
    (kept,) = folder.glob("*-before-restore-*.sqlite3")
    conn = sqlite3.connect(kept)
    assert sorted(r[0] for r in conn.execute("SELECT given_name FROM clients")) == [
        "After",
        "Before",
    ]
    conn.close()
    assert any(kind == "inform" and kept.name in t for kind, _, t in fake_dialogs.shown)
    desk.database = desk.ctx.database


def test_cancelling_the_question_changes_nothing(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("admin")
    desk.window.go("settings")
    before = names(desk)
    fake_dialogs.paths = [desk.window.settings_view and sqlite_path(desk.ctx.database.url)]
    fake_dialogs.answers = [False]
    qtbot.mouseClick(desk.window.settings_view.restore_button, Qt.MouseButton.LeftButton)
    assert names(desk) == before
    assert desk.ctx.actor is not None
