"""Backups through SQLite's online backup API: consistent even while others write.

A backup of an encrypted file is encrypted with the same key (the copy is
keyed like its source); a plain file's backup is plain.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from db.cipher import SQLITE_HEADER, Passphrase, connect, looks_encrypted
from db.failures import is_database_error
from db.file_header import first_bytes
from db.files import private_file, private_folder


class BackupError(RuntimeError):
    pass


def backup_sqlite(source: Path, target: Path, key: Passphrase | None = None) -> Path:
    """Copy the database at `source` to `target` (a new file), fsynced; returns `target`."""
    refuse_existing(target)
    partial = target.with_name(target.name + ".partial")
    try:
        private_folder(target.parent)
        private_file(partial)
        check = _copy(source, partial, key)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError) or is_database_error(exc):
            # A full disk or a read-only folder: one line, and nothing left behind.
            raise BackupError(
                f"{target} could not be written ({exc}); nothing was written"
            ) from None
        raise
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup failed its integrity check: {check}")
    _fsync(partial)
    os.replace(partial, target)
    return target


def refuse_existing(target: Path) -> None:
    """A backup never replaces a file: BackupError when `target` exists."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose another name.")


def _copy(source: Path, partial: Path, key: Passphrase | None) -> str:
    """Copy page by page into `partial`; the copy's integrity check result."""
    src = connect(source, key, read_only=True)
    try:
        dst = connect(partial, key, like=source)
        try:
            src.backup(dst)
            check = str(dst.execute("PRAGMA integrity_check").fetchone()[0])
            # A backup is a single self-contained file, whatever mode the source used.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return check


def restore_sqlite(backup: Path, target: Path, key: Passphrase | None = None) -> None:
    """Replace the database at `target` with a verified copy of `backup`. An encrypted
    backup needs `key` and stays encrypted; a plain one is restored plain."""
    backup_key = key if looks_encrypted(backup) else None
    problem = quick_check(backup, backup_key)
    if problem:
        raise BackupError(f"{backup} is not a usable backup: {problem}")
    partial = target.with_name(target.name + ".restoring")
    partial.unlink(missing_ok=True)
    private_file(partial)
    try:
        _copy(backup, partial, backup_key)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync(partial)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(partial, target)


def default_backup_path(database: Path, when: dt.datetime, label: str = "backup") -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    return database.parent / "backups" / f"{database.stem}-{label}-{stamp}.sqlite3"


def header_problem(path: Path, key: Passphrase | None = None) -> str | None:
    """What is wrong with the file's first bytes, if anything; reads 16 bytes. An encrypted
    file's first bytes are its salt, so with a key only readability is checked."""
    try:
        header = first_bytes(path, len(SQLITE_HEADER))
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if key is None and header != SQLITE_HEADER:
        return "is not a Recovery Desk database (not a SQLite file)"
    return None


def quick_check(path: Path, key: Passphrase | None = None) -> str | None:
    """None when `path` is a healthy SQLite file; otherwise what is wrong. Never writes."""
    problem = header_problem(path, key)
    if problem:
        return problem
    try:
        conn = connect(path, key, read_only=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except Exception as exc:  # sqlite3's or sqlcipher3's DatabaseError
        if not is_database_error(exc):
            raise
        return f"is damaged ({exc})"
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else f"is damaged ({result})"


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
