"""Opening a database the safe way: check it, back it up, migrate it.

A damaged or foreign file is never written to: the checks run on a
read-only connection before anything (even WAL mode) touches the file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from db import migrate
from db.backup import backup_sqlite, default_backup_path, quick_check
from db.engine import Database
from db.location import resolve_database_url, sqlite_path

log = logging.getLogger(__name__)


class DatabaseUnusableError(RuntimeError):
    """The database cannot be opened safely; the message tells the user what to do."""


def open_database(db: str | None = None, *, upgrade: bool = True) -> Database:
    """Open the database named by `--db` / the environment / the default, ready to use."""
    url = resolve_database_url(db)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    database = Database(url)
    try:
        _bring_to_head(database, path, upgrade)
    except Exception:
        database.dispose()
        raise
    return database


def _check_sqlite_file(path: Path) -> None:
    """Refuse, before any write (even switching to WAL), a file that is not ours."""
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    problem = quick_check(path)
    if problem:
        raise DatabaseUnusableError(
            f"The file {path} {problem}. It was left untouched. Restore the latest "
            "backup (recovery-desk restore) or choose another file with --db."
        )
    tables, revision = _peek(path)
    if tables and revision is None:
        raise DatabaseUnusableError(
            f"{path} holds tables that are not a Recovery Desk database; it was left "
            "untouched. Choose another file with --db."
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseUnusableError(_newer_message(revision))


def _peek(path: Path) -> tuple[list[str], str | None]:
    """The table names and schema revision of a SQLite file, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision
    finally:
        conn.close()


def _newer_message(revision: str) -> str:
    return (
        "This database was written by a newer version of Recovery Desk "
        f"(schema {revision}). Install that version to open it; it was left untouched."
    )


def _bring_to_head(database: Database, path: Path | None, upgrade: bool) -> None:
    current = migrate.current_revision(database.engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current is None and inspect(database.engine).get_table_names():
        raise DatabaseUnusableError(
            f"{database.url} holds tables that are not a Recovery Desk database; "
            "it was left untouched. Choose another file with --db."
        )
    if current is not None and current not in migrate.known_revisions():
        raise DatabaseUnusableError(_newer_message(current))
    if not upgrade:
        raise DatabaseUnusableError(
            f"The database schema is at {current or 'nothing'}, the program needs {head}."
        )
    if current is not None and path is not None:
        backup = default_backup_path(path, dt.datetime.now(), f"before-{head}")
        backup_sqlite(path, backup)
        log.info("backed up %s to %s before upgrading", path, backup)
    migrate.upgrade(database.engine)
    log.info("database upgraded from %s to %s", current, head)
