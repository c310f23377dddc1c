"""The database as a whole, for the screens and the command line: open it, check it,
back it up, restore, encrypt or decrypt the file, build a demo agency.

These act on the file or the server, not on one record; the storage modules do
the work and this is the one door desktop/ goes through to reach them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from db import clients, users
from db.backup import backup_sqlite, default_backup_path, quick_check, refuse_existing
from db.backups import configured_folder, daily_backup, folder_for
from db.backups import restore as restore_backup
from db.encryption import decrypt_file, encrypt_file
from db.engine import Database
from db.health import HealthReport, check_database
from db.location import resolve_database_url, sqlite_path
from db.pg_backup import backup_postgres, restore_postgres
from db.startup import file_key, open_database

__all__ = [
    "HealthReport",
    "backup_postgres",
    "backup_sqlite",
    "build_demo",
    "check_database",
    "configured_folder",
    "daily_backup",
    "database_name",
    "decrypt_file",
    "default_backup_path",
    "encrypt_file",
    "file_key",
    "folder_for",
    "holds_data",
    "open_database",
    "quick_check",
    "refuse_existing",
    "resolve_database_url",
    "restore_backup",
    "restore_postgres",
    "sqlite_path",
]


def database_name(database: Database) -> str:
    """What the status bar shows: the SQLite file, or the server's address without the
    password."""
    url = database.engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.render_as_string(hide_password=True)


def holds_data(database: Database) -> bool:
    """Whether any client or account is stored (a demo is built only into an empty one)."""
    with database.reading() as session:
        return bool(clients.count(session) or users.count(session))


def build_demo(
    database: Database,
    count: int,
    seed: int,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
) -> Any:
    """A made-up agency of `count` clients; returns the demo's summary of what it made."""
    from db.demo import build_demo as build  # the generator is large; load it only here

    return build(database, count, seed, today=today, progress=progress)
