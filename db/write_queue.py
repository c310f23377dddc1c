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
import logging
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from db.files import PRIVATE_FILE, private_folder

_held = threading.local()
_private: set[Path] = set()  # turn files this process has made private
_warned: set[Path] = set()  # turn files whose refusal the log has said once
log = logging.getLogger(__name__)


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
    except PermissionError as exc:
        # Not this user's own (or not writable): the writer waits as SQLite has it wait.
        if path not in _warned:
            _warned.add(path)
            log.warning("saves do not queue for their turn: %s", exc)
        return False
    except OSError:
        # A folder that cannot be written, or a link where the turn file should be: the
        # writer waits as SQLite has it wait, and SQLite says what is wrong with the file.
        return False
    if _try(fd) or _wait(fd, timeout):
        fds = getattr(_held, "fds", None) or {}
        fds[path] = fd
        _held.fds = fds
        return True
    return False


def _opened(path: Path) -> int:
    """The turn file, opened: its folder made and checked once per process, then only
    opened, which every save does; made again if it has gone (a cleaner of the
    temporary folder). OSError when the folder or the file is not this user's own."""
    if path in _private:
        try:
            return _open_own(path, create=False)
        except FileNotFoundError:
            _private.discard(path)
    _require_own_folder(private_folder(path.parent))
    fd = _open_own(path, create=True)
    _private.add(path)
    return fd


def _require_own_folder(folder: Path) -> None:
    """The temporary folder is everyone's: a folder of that name another user made first
    could hold a link to the database itself, whose handle closed after a save would
    drop SQLite's locks on it. Only a real folder of this user's, closed to others, is
    used."""
    if not hasattr(os, "getuid"):
        return
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{folder} is not this user's own private folder")


def _open_own(path: Path, *, create: bool) -> int:
    """Open the turn file without following a link, and only if it is this user's own
    plain file."""
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | (os.O_CREAT if create else 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    info = os.fstat(fd)
    theirs = hasattr(os, "getuid") and info.st_uid != os.getuid()
    if not stat.S_ISREG(info.st_mode) or theirs:
        os.close(fd)
        raise PermissionError(f"{path} is not this user's own file")
    if info.st_mode & 0o077 and hasattr(os, "fchmod"):
        os.fchmod(fd, PRIVATE_FILE)
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
