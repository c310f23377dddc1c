"""New-client saves on one SQLite file from several desks at once: how long each waits.

    python -m tests.drills.save_stall [--desks 4] [--clients 150] [--db PATH]

Each desk is a process that registers clients back to back with the code left blank
(as the GUI offers). Prints every desk's saves together: p50, p99 and the worst, and
how much of each save went to waiting for the write lock (BEGIN IMMEDIATE) and to the
commit. Exits 1 when a save failed. Figures only; the suite asserts none of them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import db.engine
from db.engine import Database
from db.startup import open_database
from forms import accounts, records
from tests.accounts import DAY as TODAY
from tests.accounts import PASSWORD, quick_hashing, signed_in
from tests.bench.measure import percentile


def _timed_begin(waits: list[float]) -> None:
    """Record how long each BEGIN IMMEDIATE of this process waited for the lock."""
    begin = db.engine._begin_immediate

    def timed(conn: Any, engine: Any) -> None:
        began = time.perf_counter()
        try:
            begin(conn, engine)
        finally:
            waits.append(time.perf_counter() - began)

    db.engine._begin_immediate = timed


def _desk(url: str, desk: int, clients: int, start: Any, out: Any) -> None:
    waits: list[float] = []
    _timed_begin(waits)
    database = Database(url)
    actor = accounts.sign_in(database, "test-front-desk", PASSWORD).actor
    seconds: list[float] = []
    errors: list[str] = []
    start.wait()
    for n in range(clients):
        person = {
            "given_name": f"Desk{desk}",
            "family_name": f"Stall{n}",
            "birth_date": "1980-01-01",
        }
        began = time.perf_counter()
        try:
            records.create_client(database, actor, person, TODAY)
        except Exception as exc:
            errors.append(type(exc).__name__)
            continue
        seconds.append(time.perf_counter() - began)
    out.put((seconds, waits, errors))
    database.dispose()


def run(url: str, desks: int, clients: int) -> dict[str, Any]:
    quick_hashing()
    database = open_database(url)
    signed_in(database, "front_desk")
    database.dispose()
    start = multiprocessing.Barrier(desks)
    out: Any = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=_desk, args=(url, d, clients, start, out))
        for d in range(desks)
    ]
    for worker in workers:
        worker.start()
    results = [out.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
    seconds = [s for r in results for s in r[0]] or [0.0]
    waits = [w for r in results for w in r[1]] or [0.0]
    return {
        "saves": len(seconds),
        "errors": [e for r in results for e in r[2]],
        "p50_ms": percentile(seconds, 0.5) * 1000,
        "p99_ms": percentile(seconds, 0.99) * 1000,
        "worst_ms": max(seconds) * 1000,
        "lock_wait_p99_ms": percentile(waits, 0.99) * 1000,
        "lock_wait_worst_ms": max(waits) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--clients", type=int, default=150, help="clients per desk")
    parser.add_argument("--db", help="a SQLite path (default: a new file)")
    args = parser.parse_args(argv)
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="save-stall-")) / "s.sqlite3"
    figures = run(f"sqlite:///{path.resolve()}", args.desks, args.clients)
    print(
        f"{args.desks} desks x {args.clients} new clients on SQLite: {figures['saves']} saves, "
        f"{len(figures['errors'])} failed; p50 {figures['p50_ms']:.1f} ms, "
        f"p99 {figures['p99_ms']:.1f} ms, worst {figures['worst_ms']:.0f} ms; waiting for the "
        f"write lock: p99 {figures['lock_wait_p99_ms']:.1f} ms, "
        f"worst {figures['lock_wait_worst_ms']:.0f} ms"
    )
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
