"""The demo agencies the benchmarks run on, built once and cached in `.bench-cache/`.

A cache file is only ever the whole result of `db.demo.build_demo`: the build
goes to a temporary file beside it, which is renamed into place when done,
so an interrupted build leaves nothing that a later run would trust.
Benchmarks that write (an audit row, an import) work on a copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from db.demo import build_demo
from db.startup import open_database

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"
SEED = 1
# Fixed, so the cached agency and every figure measured on it are the same in every run.
TODAY = dt.date(2026, 11, 27)
MEMORY_CLIENTS = 10_000  # the small agency of the memory comparison


def cache_path(clients: int) -> Path:
    return CACHE / f"demo-{clients}-seed{SEED}.sqlite3"


def cached_agency(clients: int) -> Path:
    """The cached demo agency of `clients` clients, built first if there is none yet."""
    target = cache_path(clients)
    if target.exists():
        return target
    CACHE.mkdir(exist_ok=True)
    partial = target.with_name(f"{target.name}.building-{os.getpid()}")
    print(
        f"building the {clients:,}-client demo agency in {target} (once) ...",
        file=sys.stderr,
        flush=True,
    )
    start = time.perf_counter()
    try:
        database = open_database(str(partial))
        try:
            build_demo(database, clients, SEED, today=TODAY, progress=_progress)
        finally:
            database.dispose()
        _fold_wal(partial)
        partial.rename(target)
    finally:
        for leftover in (partial, *_sidecars(partial)):
            leftover.unlink(missing_ok=True)
    print(f"\nbuilt in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return target


def working_copy(clients: int, folder: Path, name: str = "") -> Path:
    """A private copy of the cached agency, for benchmarks that write to it."""
    source = cached_agency(clients)
    copy = folder / f"{name or 'copy'}-{clients}.sqlite3"
    for leftover in (copy, *_sidecars(copy)):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    # Written back now, so the disk is not still busy with the copy while a benchmark runs.
    with copy.open("rb+") as written:
        os.fsync(written.fileno())
    return copy


def _fold_wal(path: Path) -> None:
    # The cache must be one self-contained file, so a plain copy of it is complete.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def _progress(done: int, total: int) -> None:
    print(f"\r{done:,} of {total:,} clients", end="", file=sys.stderr, flush=True)
