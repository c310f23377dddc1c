"""Restoring a backup from the GUI, through the same db.backups.restore as the command line:
the current file is kept as a backup first, then the program reopens the restored file."""

from __future__ import annotations

from pathlib import Path

from db import backups
from db.location import sqlite_path
from db.startup import open_database
from desktop.context import AppContext


def backups_folder(ctx: AppContext) -> Path | None:
    return backups.configured_folder(ctx.database)


def restore_into(ctx: AppContext, backup: Path) -> Path | None:
    """Replace the open database with `backup` and reopen it; returns the kept copy."""
    path = sqlite_path(ctx.database.url)
    if path is None:
        raise ValueError("restore replaces a SQLite file; restore PostgreSQL with pg_restore")
    folder = backups.configured_folder(ctx.database) or backups.folder_for(path)
    key = ctx.database.key
    ctx.database.dispose()
    try:
        kept = backups.restore(path, backup, key, folder)
    finally:
        # Whatever happened, the window goes on with the file that is there now.
        ctx.database = open_database(str(path), key=key)
        ctx.index = None
    return kept
