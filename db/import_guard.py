"""Who holds the database: an import announces itself so a waiting save can say so.

While an import runs it holds an operating-system lock on a file beside a
SQLite database (`<file>-import.lock`), which the system releases when the
process dies, so a crashed import never leaves the database marked busy. A
SQLite import takes the database's write lock only for its short final
transaction (db/import_stage.py); a save that waited for the write lock longer
than `db.engine.IMPORT_WAIT_MS` (an --update import writes for longer) looks
for this mark and is told `BusyWithImportError` (db.failures) instead of
"database is locked". On PostgreSQL the import holds a session advisory lock
instead, released the same way when its connection ends; saves there are not
held up by an import's rows, so only a save that fails on a lock is told about
the import. Two imports at once: the second waits for the first's mark.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

from db.files import private_file

# "RDIM" as a number: the advisory lock key every workstation's import takes.
_ADVISORY_KEY = 0x5244494D
_held = threading.local()


def holds_import() -> bool:
    """Whether this thread is running an import (its own writes are the import's)."""
    return bool(getattr(_held, "count", 0))


def lock_path(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return _lock_file(database)


@functools.lru_cache(maxsize=32)
def _lock_file(database: str) -> Path:
    # Every save looks for an import's lock; the path is built once per database.
    return Path(f"{database}-import.lock")


@contextlib.contextmanager
def importing(engine: Engine) -> Iterator[None]:
    """Hold the import's mark on the database for the duration of the block."""
    _held.count = getattr(_held, "count", 0) + 1
    try:
        if engine.dialect.name == "postgresql":
            with _advisory(engine):
                yield
        elif (path := lock_path(engine)) is not None:
            with _file_lock(path):
                yield
        else:
            yield
    finally:
        _held.count -= 1


def import_running(engine: Engine) -> bool:
    """Whether an import in any thread or process holds the database now."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            free = conn.execute(
                text("SELECT pg_try_advisory_lock_shared(:k)"), {"k": _ADVISORY_KEY}
            ).scalar()
            if free:
                conn.execute(text("SELECT pg_advisory_unlock_shared(:k)"), {"k": _ADVISORY_KEY})
            conn.rollback()
            return not free
    path = lock_path(engine)
    if path is None or not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False
    finally:
        os.close(fd)


@contextlib.contextmanager
def _advisory(engine: Engine) -> Iterator[None]:
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _ADVISORY_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _ADVISORY_KEY})
            conn.commit()


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    fd = os.open(private_file(path), os.O_RDWR)
    try:
        # Two imports at once: the second waits here, as it would for SQLite's lock.
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
