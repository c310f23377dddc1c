"""Opening a database the safe way: check it, back it up, migrate it.

A damaged or foreign file is never written to: the checks run on a
read-only connection before anything (even WAL mode) touches the file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect

from db import cipher, migrate, sqlite_file, status_rows
from db.backup import backup_sqlite, default_backup_path, quick_check
from db.cipher import Passphrase, WrongPassphraseError, looks_encrypted
from db.engine import Database, DatabaseReadOnlyError, DatabaseUnusableError
from db.failures import is_database_error
from db.files import make_database_private, private_file, private_folder
from db.location import default_database_path, resolve_database_url, sqlite_path

log = logging.getLogger(__name__)


__all__ = [
    "DatabaseReadOnlyError",
    "DatabaseUnusableError",
    "WrongPassphraseError",
    "file_key",
    "open_database",
]


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
        if key is None:
            _check_sqlite_file(path, full=not background_check)
        else:
            _check_encrypted_file(path, full=not background_check, key=key)
    database = Database(url, key=key)
    try:
        if _bring_to_head(database, path, upgrade) and path is not None:
            background_check = False  # the backup before the upgrade read every page
        if migrate.current_revision(database.engine) == migrate.head_revision():
            status_rows.fill_if_missing(database)
        if background_check and existing and path is not None:
            file = path
            database.check_file_in_background(
                lambda: full_check_problem(file, key), lambda problem: _damaged(file, problem)
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


def full_check_problem(path: Path, key: Passphrase | None) -> str | None:
    """The full page check of a file, plain or encrypted: None when it is healthy."""
    return file_check_problem(path) if key is None else quick_check(path, key)


def _damaged(path: Path, problem: str) -> str:
    return (
        f"The file {path} {problem}. It was left untouched. Restore the latest "
        "backup (recovery-desk restore) or choose another file with --db."
    )


def _check_sqlite_file(path: Path, *, full: bool) -> None:
    """Refuse, before any write (even switching to WAL), a file that is not ours or not
    whole; roll back a write a crash interrupted, once a copy shows the result is whole."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = None
    if size is None or (size == 0 and path.is_file()):
        # A new database. The mode is set before SQLite creates anything: its -wal and
        # -shm copy it.
        private_folder(path.parent, ours=path.parent == default_database_path().parent)
        private_file(path)
        return
    problem = sqlite_file.file_problem(path)
    if problem is not None:
        raise DatabaseUnusableError(_damaged(path, problem))
    # Opening for writing would change such a file before a background check could look.
    full = full or sqlite_file.needs_checking_before_writing(path)
    problem, tables, revision, rolled_back = _look_inside(path, full)
    wal_problem = sqlite_file.stray_wal(path, reads_damaged=problem is not None)
    if wal_problem is not None:
        raise DatabaseUnusableError(
            f"The {path.name}-wal beside {path} does not belong to it ({wal_problem}); it may "
            "have been copied from another database. Both were left untouched: move the -wal "
            "file out of the folder and start again."
        )
    if problem is not None:
        raise DatabaseUnusableError(_damaged(path, problem))
    if tables and revision is None:
        raise DatabaseUnusableError(
            f"{path} holds tables that are not a Recovery Desk database; it was left "
            "untouched. Choose another file with --db."
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseUnusableError(_newer_message(revision))
    if (reason := sqlite_file.read_only_reason(path)) is not None:
        raise DatabaseReadOnlyError(_read_only_message(path, reason))
    if rolled_back:
        _roll_back_interrupted_write(path)
    make_database_private(path)  # a file from before files were private


def _check_encrypted_file(path: Path, *, full: bool, key: Passphrase) -> None:
    """An encrypted file's pages carry HMACs: read it through SQLCipher, read-only, and
    refuse a damaged or foreign one before anything writes to it."""
    problem = quick_check(path, key) if full else None
    if problem:
        raise DatabaseUnusableError(_damaged(path, problem))
    try:
        tables, revision = _peek_encrypted(path, key)
    except Exception as exc:  # sqlcipher3's DatabaseError
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
    make_database_private(path)


def _peek_encrypted(path: Path, key: Passphrase) -> tuple[list[str], str | None]:
    conn = cipher.connect(path, key, read_only=True)
    try:
        return sqlite_file.tables_and_revision(conn)
    finally:
        conn.close()


def _look_inside(path: Path, full: bool) -> tuple[str | None, list[str], str | None, bool]:
    """(damage found, table names, schema revision, whether a crashed write was rolled
    back to read it), all read without writing."""
    try:
        with sqlite_file.read_only(path) as view:
            problem = sqlite_file.integrity_problem(view.conn) if full else None
            tables, revision = sqlite_file.tables_and_revision(view.conn)
            return problem, tables, revision, view.rolled_back
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})", [], None, False


def _read_only_message(path: Path, reason: str) -> str:
    return (
        f"The database file {path} is read-only ({reason}). Recovery Desk records every "
        "sign-in, view and save in it, so it cannot work on a file it cannot write; nothing "
        "was changed. Copy the file to a folder you may write to, or change its permissions."
    )


def _roll_back_interrupted_write(path: Path) -> None:
    """SQLite puts back the pages a killed write changed when it next opens the file."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    log.warning("rolled back a write interrupted by a crash in %s", path)


def file_check_problem(path: Path) -> str | None:
    """The full page check the background thread runs: None for a healthy file."""
    try:
        with sqlite_file.read_only(path) as view:
            return sqlite_file.integrity_problem(view.conn)
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})"


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
        if database.file_check is None and (problem := full_check_problem(path, database.key)):
            raise DatabaseUnusableError(_damaged(path, problem))
        backup = default_backup_path(path, dt.datetime.now(), f"before-{head}")
        backup_sqlite(path, backup, database.key)
        backed_up = True
        log.info("backed up %s to %s before upgrading", path, backup)
    migrate.upgrade(database.engine)
    log.info("database upgraded from %s to %s", current, head)
    return backed_up
