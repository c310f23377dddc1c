"""Opening a database the safe way: check it, back it up, migrate it.

A damaged or foreign file is never written to: the checks run on a
read-only connection before anything (even WAL mode) touches the file.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect

from db import cipher, migrate
from db.backup import backup_sqlite, default_backup_path, header_problem, quick_check
from db.cipher import Passphrase, WrongPassphraseError, looks_encrypted
from db.engine import Database, DatabaseUnusableError
from db.failures import is_database_error
from db.files import make_database_private, private_file, private_folder
from db.location import default_database_path, resolve_database_url, sqlite_path

log = logging.getLogger(__name__)


__all__ = ["DatabaseUnusableError", "WrongPassphraseError", "file_key", "open_database"]


PassphraseSource = Callable[[Path], str]


def open_database(
    db: str | None = None,
    *,
    upgrade: bool = True,
    background_check: bool = False,
    passphrase: PassphraseSource | None = None,
    key: Passphrase | None = None,
) -> Database:
    """Open the database named by `--db` / the environment / the default, ready to use.

    The full page check of a SQLite file reads all of it (0.7 s at 100,000
    clients). With `background_check` the cheap checks run now and the full
    one in a thread, and every write waits for its verdict: the window can
    show at once and a damaged file is still never written to.

    An encrypted file asks `passphrase` for its passphrase (only then);
    a wrong one raises WrongPassphraseError before anything else is read.
    """
    url = resolve_database_url(db)
    path = sqlite_path(url)
    existing = path is not None and path.exists() and path.stat().st_size > 0
    if path is None:
        key = None
    else:
        key = file_key(path, passphrase, key)
        _check_sqlite_file(path, full=not background_check, key=key)
    database = Database(url, key=key)
    try:
        if _bring_to_head(database, path, upgrade) and path is not None:
            background_check = False  # the backup before the upgrade read every page
        if background_check and existing and path is not None:
            file = path
            database.check_file_in_background(
                lambda: quick_check(file, key), lambda problem: _damaged(file, problem)
            )
    except Exception:
        database.dispose()
        raise
    return database


def file_key(
    path: Path, passphrase: PassphraseSource | None, known: Passphrase | None = None
) -> Passphrase | None:
    """The verified key of an encrypted file, or None for a plain (or new) one. `known`
    is a key already given (a database reopened after a restore)."""
    if not looks_encrypted(path):
        return None
    if known is not None:
        cipher.verify(path, known)
        return known
    if passphrase is None:
        raise DatabaseUnusableError(
            f"{path} is encrypted and no passphrase was given; it was left untouched."
        )
    cipher.driver()  # says plainly when the encryption library is missing
    key = Passphrase(passphrase(path))
    cipher.verify(path, key)
    return key


def _damaged(path: Path, problem: str) -> str:
    return (
        f"The file {path} {problem}. It was left untouched. Restore the latest "
        "backup (recovery-desk restore) or choose another file with --db."
    )


def _check_sqlite_file(path: Path, *, full: bool, key: Passphrase | None) -> None:
    """Refuse, before any write (even switching to WAL), a file that is not ours."""
    if not path.exists() or path.stat().st_size == 0:
        # The mode is set before SQLite creates anything: its -wal and -shm copy it.
        private_folder(path.parent, ours=path.parent == default_database_path().parent)
        private_file(path)
        return
    problem = quick_check(path, key) if full else header_problem(path, key)
    if problem:
        raise DatabaseUnusableError(_damaged(path, problem))
    try:
        tables, revision = _peek(path, key)
    except Exception as exc:  # sqlite3's or sqlcipher3's
        if not is_database_error(exc):
            raise
        raise DatabaseUnusableError(_damaged(path, f"is damaged ({exc})")) from None
    if tables and revision is None:
        raise DatabaseUnusableError(
            f"{path} holds tables that are not a Recovery Desk database; it was left "
            "untouched. Choose another file with --db."
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseUnusableError(_newer_message(revision))
    make_database_private(path)  # a file from before files were private


def _peek(path: Path, key: Passphrase | None) -> tuple[list[str], str | None]:
    """The table names and schema revision of a SQLite file, read-only."""
    conn = cipher.connect(path, key, read_only=True)
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


def _bring_to_head(database: Database, path: Path | None, upgrade: bool) -> bool:
    """Migrate to the program's schema; True when an existing file was backed up first."""
    current = migrate.current_revision(database.engine)
    head = migrate.head_revision()
    if current == head:
        return False
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
    backed_up = False
    if current is not None and path is not None:
        if database.file_check is None and (problem := quick_check(path, database.key)):
            raise DatabaseUnusableError(_damaged(path, problem))
        backup = default_backup_path(path, dt.datetime.now(), f"before-{head}")
        backup_sqlite(path, backup, database.key)
        backed_up = True
        log.info("backed up %s to %s before upgrading", path, backup)
    migrate.upgrade(database.engine)
    log.info("database upgraded from %s to %s", current, head)
    return backed_up
