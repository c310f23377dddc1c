"""Writers of one SQLite file take turns in the order they came, not by luck.

SQLite lets a waiting writer try again only between sleeps. Four desks saving
one after another on a loaded machine kept taking the lock back in the moment
after their own commit, and one desk's save waited seconds
(tests/drills/save_stall.py). Before it asks SQLite for the write lock, a
writer here waits for an operating-system lock on an empty file named after
the database's path in the system's temporary folder (nothing is added beside
the database): the system wakes the next waiter as soon as the holder lets go,
so each save waits for the saves that came before it and no longer. The
system drops a dead process's turn. Where no such lock exists (Windows), or
the file cannot be made, writers wait as SQLite has them wait.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from db.files import private_file

_held = threading.local()
_private: set[Path] = set()  # turn files this process has made private


@functools.lru_cache(maxsize=32)
def turn_path(database: str) -> Path:
    """The turn file of the database at `database`: one per file and per user."""
    name = hashlib.sha256(os.path.realpath(database).encode("utf-8")).hexdigest()[:32]
    owner = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"recovery-desk-{owner}" / f"{name}.turn"


def holds(path: Path) -> bool:
    """Whether this thread has the turn of `path` now."""
    return path in getattr(_held, "fds", {})


def take(path: Path, timeout: float) -> bool:
    """Wait up to `timeout` seconds for the turn; False when it did not come (or the
    system has no such lock), and the writer then waits for SQLite's lock alone."""
    if _flock is None:
        return False
    try:
        fd = _opened(path)
    except OSError:
        # A folder that cannot be written: the writer waits as SQLite has it wait, and
        # SQLite says what is wrong with the file.
        return False
    if _try(fd) or _wait(fd, timeout):
        fds = getattr(_held, "fds", None) or {}
        fds[path] = fd
        _held.fds = fds
        return True
    return False


def _opened(path: Path) -> int:
    """The turn file, opened: made private once per process (the folder, the file's
    mode), then only opened, which every save does; made again if it has gone (a
    cleaner of the temporary folder)."""
    if path in _private:
        try:
            return os.open(path, os.O_RDWR)
        except FileNotFoundError:
            _private.discard(path)
    fd = os.open(private_file(path), os.O_RDWR)
    _private.add(path)
    return fd


def release(path: Path) -> None:
    fd = getattr(_held, "fds", {}).pop(path, None)
    if fd is not None:
        os.close(fd)  # closing the file lets the next writer in


def _try(fd: int) -> bool:
    lock = _flock
    assert lock is not None  # take() checked
    try:
        lock(fd, _EXCLUSIVE | _NO_WAIT)
    except BlockingIOError:
        return False
    return True


def _wait(fd: int, timeout: float) -> bool:
    """Block on the lock in a helper thread, so the wait can end after `timeout`; a
    turn that comes after the writer gave up is handed straight back."""
    outcome = {"late": False, "got": False}
    guard = threading.Lock()
    came = threading.Event()

    lock = _flock
    assert lock is not None

    def block() -> None:
        lock(fd, _EXCLUSIVE)
        with guard:
            outcome["got"] = True
            late = outcome["late"]
        if late:
            os.close(fd)
        came.set()

    threading.Thread(target=block, daemon=True, name="write-turn").start()
    came.wait(timeout)
    with guard:
        if outcome["got"]:
            return True
        outcome["late"] = True
    return False


_flock: Callable[[int, int], None] | None = None
_EXCLUSIVE = _NO_WAIT = 0
if sys.platform != "win32":
    import fcntl

    _flock = fcntl.flock
    _EXCLUSIVE, _NO_WAIT = fcntl.LOCK_EX, fcntl.LOCK_NB
