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
from typing import Any

from db.cipher import Passphrase, connect
from db.demo import build_demo
from db.encryption import encrypt_file
from db.startup import open_database
from desktop import passphrase

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"
SEED = 1
# Fixed, so the cached agency and every figure measured on it are the same in every run.
TODAY = dt.date(2026, 11, 27)
MEMORY_CLIENTS = 10_000  # the small agency of the memory comparison


# `python -m tests.bench --encrypted` sets these: every database of the run is then a
# SQLCipher file, and the raw baselines read it through SQLCipher too.
ENCRYPTED_VAR = "RECOVERY_DESK_BENCH_ENCRYPTED"
BENCH_PASSPHRASE = "the bench passphrase, not a secret"


_KEY = Passphrase(BENCH_PASSPHRASE)  # derives each file's key once, as the program does


def encrypted() -> bool:
    return os.environ.get(ENCRYPTED_VAR) == "1"


def use_encryption() -> None:
    """From now on (and in child processes) benchmark encrypted databases."""
    os.environ[ENCRYPTED_VAR] = "1"
    os.environ[passphrase.ENV_VAR] = BENCH_PASSPHRASE


def cache_path(clients: int, *, encrypted: bool = False) -> Path:
    return CACHE / f"demo-{clients}-seed{SEED}{'-encrypted' if encrypted else ''}.sqlite3"


def cached_agency(clients: int) -> Path:
    """The cached demo agency of `clients` clients (encrypted in an encrypted run)."""
    plain = _cached_plain_agency(clients)
    if not encrypted():
        return plain
    target = cache_path(clients, encrypted=True)
    if not target.exists():
        partial = target.with_name(f"{target.name}.encrypting-{os.getpid()}")
        shutil.copyfile(plain, partial)
        encrypt_file(partial, Passphrase(BENCH_PASSPHRASE))
        partial.rename(target)
    return target


def new_database(path: Path) -> None:
    """An empty database at the head schema, encrypted in an encrypted run."""
    open_database(str(path)).dispose()
    if encrypted():
        encrypt_file(path, Passphrase(BENCH_PASSPHRASE))


def raw_connect(path: Path, read_only: bool = False) -> Any:
    """The raw driver on `path`: sqlite3, or sqlcipher3 with the key in an encrypted run."""
    return connect(path, _KEY if encrypted() else None, read_only=read_only)


def _cached_plain_agency(clients: int) -> Path:
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
