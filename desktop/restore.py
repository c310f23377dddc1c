"""Restoring a backup from the GUI, through the same restore as the command line:
the current file is kept as a backup first, then the program reopens the restored file."""

from __future__ import annotations

from pathlib import Path

from desktop.context import AppContext
from forms.database_file import (
    configured_folder,
    folder_for,
    open_database,
    quick_check,
    restore_backup,
    sqlite_path,
)
from forms.vocabulary import BackupError, looks_encrypted


def backups_folder(ctx: AppContext) -> Path | None:
    return configured_folder(ctx.database)


def check_backup(ctx: AppContext, backup: Path) -> None:
    """BackupError (or WrongPassphraseError) when `backup` cannot replace the open database;
    asked before anyone is signed out for it. An encrypted backup must open with the
    open database's key, the one it is restored with."""
    key = ctx.database.key if looks_encrypted(backup) else None
    if (problem := quick_check(backup, key)) is not None:
        raise BackupError(f"{backup} is not a usable backup: it {problem}")


def restore_into(ctx: AppContext, backup: Path) -> Path | None:
    """Replace the open database with `backup` and reopen it; returns the kept copy."""
    path = sqlite_path(ctx.database.url)
    if path is None:
        raise ValueError("restore replaces a SQLite file; restore PostgreSQL with pg_restore")
    folder = configured_folder(ctx.database) or folder_for(path)
    key = ctx.database.key
    ctx.database.dispose()
    try:
        kept = restore_backup(path, backup, key, folder)
    finally:
        # Whatever happened, the window goes on with the file that is there now.
        ctx.database = open_database(str(path), key=key)
        ctx.index = None
    return kept
