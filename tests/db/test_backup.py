from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db.backup import BackupError, backup_sqlite, quick_check, restore_sqlite
from db.startup import open_database


def test_backup_then_restore_brings_back_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "agency.sqlite3"
    db = open_database(str(path))
    with db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('agency_name', '\"A\"')"))
    backup = backup_sqlite(path, tmp_path / "b" / "copy.sqlite3")
    with db.writing() as session:
        session.execute(text("UPDATE settings SET value = '\"B\"'"))
    db.dispose()
    assert quick_check(backup) is None
    restore_sqlite(backup, path)
    db = open_database(str(path))
    with db.reading() as session:
        assert session.execute(text("SELECT value FROM settings")).scalar() == '"A"'
    db.dispose()


def test_backup_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "agency.sqlite3"
    open_database(str(path)).dispose()
    (tmp_path / "exists.sqlite3").write_text("keep me")
    with pytest.raises(BackupError, match="already exists"):
        backup_sqlite(path, tmp_path / "exists.sqlite3")
    assert (tmp_path / "exists.sqlite3").read_text() == "keep me"


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(tmp_path: Path) -> None:
    path = tmp_path / "agency.sqlite3"
    open_database(str(path)).dispose()
    before = path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    with pytest.raises(BackupError, match="not a usable backup"):
        restore_sqlite(bad, path)
    assert path.read_bytes() == before
