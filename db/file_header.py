"""A database file's first bytes, read without loosening SQLite's hold on the file.

POSIX record locks belong to a process and a file, and closing *any* descriptor of the
file drops *all* of the process's locks on it (fcntl(2)). SQLite keeps its connections'
descriptors open for that reason; a plain open() and close() of the same file by the same
process silently drops the shared locks by which SQLite tells other processes the
database is in use. Another process closing its connection then takes itself for the last
user and checkpoints and deletes the -wal and -shm under this one, whose next save fails.

So on POSIX the first bytes are read through one descriptor per file that stays open for
the life of the process, as SQLite's own are. Holding it also keeps the file's inode from
being reused, so the (device, inode) of what is at the path now always names the right
descriptor, also after a restore put another file there. Windows locks are not lost this
way: there the file is opened and closed as usual.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_HELD: dict[tuple[int, int], int] = {}
_HOLDING = threading.Lock()


def first_bytes(path: Path, count: int) -> bytes:
    """Up to `count` bytes from the start of the file at `path`. Raises OSError."""
    if not hasattr(os, "pread"):
        with open(path, "rb") as f:
            return f.read(count)
    return os.pread(_descriptor(path), count, 0)


def _descriptor(path: Path) -> int:
    key = _identity(os.stat(path))
    with _HOLDING:
        held = _HELD.get(key)
        if held is not None:
            return held
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        opened = _identity(os.fstat(fd))
        if opened != key:
            # Replaced between the stat and the open: hold what was opened, under its name.
            key = opened
            if key in _HELD:
                os.close(fd)  # cannot drop a lock: the process already holds this file
                return _HELD[key]
        _HELD[key] = fd
        return fd


def _identity(info: os.stat_result) -> tuple[int, int]:
    return (info.st_dev, info.st_ino)
