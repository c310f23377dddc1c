"""Reading a database file's first bytes must not loosen SQLite's hold on the file.

POSIX record locks belong to a process and a file, and closing any descriptor of the file
drops all of them. A program that opened and closed its own database file with plain file
calls while it had connections open (the start-up checks, the background page check, keying
a new connection of an encrypted file) lost the shared locks by which SQLite tells other
processes the database is in use. Another process — a second workstation's command line,
a report's worker — closing its connection then took itself for the last user, checkpointed
and deleted the -wal and -shm under the open program, whose next save failed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from db import backup, cipher, sqlite_file
from db.engine import Database
from db.startup import open_database

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX record locks")

READERS: dict[str, Callable[[Path], object]] = {
    "looks_encrypted": cipher.looks_encrypted,
    "file_problem": sqlite_file.file_problem,
    "in_wal_mode": sqlite_file.in_wal_mode,
    "header_problem": backup.header_problem,
    "key_text": lambda path: cipher.Passphrase("a passphrase").key_text(path),
}


def _another_process_reads_and_leaves(path: Path) -> None:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('SELECT count(*) FROM sqlite_master').fetchall(); c.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


def _in_use(database: Database) -> None:
    """Open connections, as a running program has."""
    with database.reading() as session:
        session.connection().exec_driver_sql("SELECT count(*) FROM clients").all()


@pytest.mark.parametrize("reader", READERS)
def test_reading_the_header_keeps_the_files_of_an_open_database(
    tmp_path: Path, reader: str
) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(str(path))
    try:
        _in_use(database)
        READERS[reader](path)
        _another_process_reads_and_leaves(path)
        # SQLite deletes them only when it takes itself for the file's last user.
        assert Path(f"{path}-wal").exists(), "the -wal was deleted under the open program"
        assert Path(f"{path}-shm").exists()
        _in_use(database)
    finally:
        database.dispose()


def test_the_first_bytes_are_those_of_the_file_now_at_the_path(tmp_path: Path) -> None:
    """A file replaced at the same path (a restore) is read anew, not through the old one."""
    from db.file_header import first_bytes

    path = tmp_path / "f.bin"
    path.write_bytes(b"old contents")
    assert first_bytes(path, 3) == b"old"
    replacement = tmp_path / "g.bin"
    replacement.write_bytes(b"new contents")
    os.replace(replacement, path)
    assert first_bytes(path, 3) == b"new"
    assert first_bytes(path, 100) == b"new contents"
