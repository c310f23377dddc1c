"""Backups through SQLite's online backup API: consistent even while others write."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path


class BackupError(RuntimeError):
    pass


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy the database at `source` to `target` (a new file), fsynced; returns `target`."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose another name.")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        check = _copy(source, partial)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{target} could not be written ({exc}); nothing was written") from None
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup failed its integrity check: {check}")
    _fsync(partial)
    os.replace(partial, target)
    return target


def _copy(source: Path, partial: Path) -> str:
    """Copy through the backup API; the copy's integrity check result."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
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


def restore_sqlite(backup: Path, target: Path) -> None:
    """Replace the database at `target` with a verified copy of `backup`."""
    problem = quick_check(backup)
    if problem:
        raise BackupError(f"{backup} is not a usable backup: {problem}")
    partial = target.with_name(target.name + ".restoring")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(partial)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(partial, target)


def default_backup_path(database: Path, when: dt.datetime, label: str = "backup") -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    return database.parent / "backups" / f"{database.stem}-{label}-{stamp}.sqlite3"


SQLITE_HEADER = b"SQLite format 3\x00"


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's first bytes, if anything; reads 16 bytes."""
    try:
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if header != SQLITE_HEADER:
        return "is not a Recovery Desk database (not a SQLite file)"
    return None


def quick_check(path: Path) -> str | None:
    """None when `path` is a healthy SQLite file; otherwise what is wrong. Never writes."""
    problem = header_problem(path)
    if problem:
        return problem
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
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
