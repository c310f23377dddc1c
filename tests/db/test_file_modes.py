"""Files are created private, whatever the umask: 0600 files in 0700 folders.

The database, its -wal and -shm, backups, restores, logs and the temporary
files of exports are read by nobody but the person running the program.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.backup import backup_sqlite, restore_sqlite
from db.files import atomic_path
from db.startup import open_database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def test_a_new_database_its_wal_shm_and_folder_are_private(tmp_path: Path, umask: int) -> None:
    folder = tmp_path / "data" / "agency"
    path = folder / "agency.sqlite3"
    db = open_database(str(path))
    with db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    assert wal.exists() and shm.exists()
    assert {p.name: mode(p) for p in (path, wal, shm)} == {
        path.name: 0o600,
        wal.name: 0o600,
        shm.name: 0o600,
    }
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700  # created for it, so ours to keep closed
    db.dispose()


def test_an_existing_world_readable_database_is_made_private_when_opened(
    tmp_path: Path, umask: int
) -> None:
    path = tmp_path / "old.sqlite3"
    open_database(str(path)).dispose()
    os.chmod(path, 0o644)
    db = open_database(str(path))
    with db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
    assert mode(path) == 0o600
    assert mode(Path(f"{path}-wal")) == 0o600
    db.dispose()


def test_backups_restores_and_their_folder_are_private(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "agency.sqlite3"
    open_database(str(path)).dispose()
    backup = backup_sqlite(path, tmp_path / "backups" / "copy.sqlite3")
    assert mode(backup) == 0o600
    assert mode(backup.parent) == 0o700
    restored = tmp_path / "restored.sqlite3"
    restore_sqlite(backup, restored)
    assert mode(restored) == 0o600


def test_a_rollback_journal_is_private(tmp_path: Path, umask: int) -> None:
    import sqlite3

    path = tmp_path / "agency.sqlite3"
    backup = backup_sqlite(open_and_close(path), tmp_path / "b.sqlite3")  # journal_mode DELETE
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA journal_mode = PERSIST")
    conn.execute("INSERT INTO settings (key, value) VALUES ('k', '1')")
    conn.commit()
    conn.close()
    assert mode(Path(f"{backup}-journal")) == 0o600


def open_and_close(path: Path) -> Path:
    open_database(str(path)).dispose()
    return path


def test_exports_are_written_through_a_private_temporary_file(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "out" / "export.xlsx"
    with atomic_path(target) as temp:
        assert mode(temp) == 0o600
        temp.write_bytes(b"data")
    assert mode(target) == 0o600


def test_the_log_file_and_its_rotations_are_private(tmp_path: Path, umask: int) -> None:
    from desktop import logs

    root = logging.getLogger()
    before, hook, level = list(root.handlers), sys.excepthook, root.level
    try:
        path = logs.configure_logging(tmp_path / "logs")
        added = [h for h in root.handlers if h not in before]
        logging.getLogger("test").warning("first line")
        for handler in added:
            handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("test").warning("after rotation")
        assert mode(path.parent) == 0o700
        assert sorted((p.name, mode(p)) for p in path.parent.iterdir()) == [
            (path.name, 0o600),
            (path.name + ".1", 0o600),
        ]
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                handler.close()
                root.removeHandler(handler)
        sys.excepthook = hook
        root.setLevel(level)
