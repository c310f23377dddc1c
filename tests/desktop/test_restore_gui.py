"""Restore from the GUI (Settings, administrators): pick a backup, confirm, the current file
is kept as a backup first, the program reopens the restored file and everyone signs in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
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


def trail(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [
            tuple(r) for r in conn.execute("SELECT action, username FROM audit_log ORDER BY seq")
        ]
    finally:
        conn.close()


def test_unsaved_work_is_asked_about_before_anything_is_replaced(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    path = sqlite_path(desk.ctx.database.url)
    assert path is not None
    backup = backups.take(path, None, path.parent / "backups", "daily", dt.datetime(2026, 11, 27))
    add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Later",
        family_name="L",
        birth_date="1982-01-01",
    )
    desk.sign_in_as("admin")
    before = names(desk)
    desk.window.new_client()
    form = desk.window.clients.top
    qtbot.keyClicks(form.editors["given_name"].widget, "Unsaved")
    desk.window.go("settings")
    fake_dialogs.paths = [backup]
    fake_dialogs.answers = [True, False]  # restore: yes; discard the typing: no, keep editing
    qtbot.mouseClick(desk.window.settings_view.restore_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _, _ in fake_dialogs.shown] == ["open_path", "ask", "ask"]
    assert "Discard" in fake_dialogs.shown[-1][1]
    assert names(desk) == before  # nothing restored
    assert desk.ctx.actor is not None and desk.window.clients.top is form
    desk.close_forms()


def test_the_sign_out_of_a_restore_is_recorded_where_the_person_signed_in(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    """A backup from another database has other accounts under the same ids: the restored
    file must not get a row naming this session's person."""
    from db.startup import open_database
    from desktop.restore import restore_into
    from tests.accounts import signed_in

    other_path = tmp_path / "elsewhere.sqlite3"
    other = open_database(str(other_path))
    add_client(
        other,
        signed_in(other, "admin"),
        given_name="Elsewhere",
        family_name="E",
        birth_date="1970-01-01",
    )
    other.dispose()
    restored_trail = trail(other_path)
    path = sqlite_path(desk.ctx.database.url)
    assert path is not None
    earlier = set((path.parent / "backups").glob("*-before-restore-*.sqlite3"))
    desk.sign_in_as("admin")
    desk.window.go("settings")
    fake_dialogs.paths = [other_path]
    fake_dialogs.answers = [True]
    qtbot.mouseClick(desk.window.settings_view.restore_button, Qt.MouseButton.LeftButton)
    (kept,) = set((path.parent / "backups").glob("*-before-restore-*.sqlite3")) - earlier
    try:
        assert names(desk) == ["Elsewhere"] and desk.ctx.actor is None
        assert trail(path) == restored_trail  # the restored file, as it was backed up
        assert trail(kept)[-1] == ("sign_out", "admin")
    finally:  # the module's other tests work on the module's own accounts
        restore_into(desk.ctx, kept)
        desk.database = desk.ctx.database
        desk.window.start()
