"""Writing files so that a reader sees the old file or the whole new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success fsync it and rename it over
    `target`, on any error (or cancel) delete it and leave `target` as it was."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb") as f:
            os.fsync(f.fileno())
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
