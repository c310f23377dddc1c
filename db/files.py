"""Writing files so that a reader sees the old file or the whole new one, never half."""

from __future__ import annotations

import contextlib
import os
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
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb") as f:
            os.fsync(f.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(temp, target)
        _fsync_folder(target.parent)
    finally:
        temp.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a rename is durable once it returns
        return
    fd = os.open(folder, os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
