"""Writing files so that a reader sees the old file or the whole new one, never half."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path, before_rename: Callable[[], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success fsync it and rename it over
    `target`, on any error (or cancel) delete it and leave `target` as it was.

    `before_rename` runs once the file is complete and on disk, before it takes its
    name: an output of client data commits its audit row there, so the file never
    exists under its name without that row, and a failed audit leaves no file."""
    target = Path(target)
    private_folder(target.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        # Named by the file asked for: the hidden partial's random name told the person
        # nothing ("Permission denied: '/folder/.x.xlsx.nvpdpg3q.partial'").
        raise type(exc)(exc.errno, exc.strerror, str(target)) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        fsync_file(temp)
        if before_rename is not None:
            before_rename()
        os.replace(temp, target)
        fsync_folder(target.parent)
    finally:
        temp.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a rename is durable once it returns
        return
    fd = os.open(folder, os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(folder: Path, *, ours: bool = False) -> Path:
    """Create `folder` and any missing parents as 0700, whatever the umask. A folder that
    already exists is closed too when it is `ours` (the data, backups or log folder), and
    otherwise left as it is (it may be the person's own, e.g. Documents)."""
    folder = Path(folder)
    if ours and folder.is_dir() and sys.platform != "win32":
        if folder.stat().st_mode & 0o077 and folder.stat().st_uid == os.getuid():
            os.chmod(folder, PRIVATE_FOLDER)
    missing = []
    for level in (folder, *folder.parents):
        if level.exists():
            break
        missing.append(level)
    for level in reversed(missing):
        level.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        os.chmod(level, PRIVATE_FOLDER)
    return folder


def private_file(path: Path) -> Path:
    """Create `path` empty as 0600 when missing, or make an existing one 0600. SQLite gives
    its -wal, -shm and -journal the main file's mode, so this goes before any connection."""
    path = Path(path)
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    make_private(path)
    return path


def make_private(path: Path) -> None:
    """Take group and other permissions off a file we own (no-op on Windows)."""
    if sys.platform == "win32":  # pragma: no cover - ACLs, not modes
        return
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if info.st_mode & 0o077 and info.st_uid == os.getuid():
        os.chmod(path, PRIVATE_FILE)


def make_database_private(path: Path) -> None:
    """The database file and the side files SQLite keeps beside it."""
    for suffix in ("", *SQLITE_SIDE_FILES):
        make_private(Path(f"{path}{suffix}"))
