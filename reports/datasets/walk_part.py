"""One part of the monthly walk: a contiguous range of client ids walked with the walk's own
code (`monthly_dataset._walked`) into empty tallies, in a worker process or in the parent.

A worker (`serve`) is a process of its own: it receives how to open the database and the
moment to read it at over its pipe, then parts to walk, and sends back each `WalkedPart`
(plain picklable data) for the parent to merge (reports.datasets.walk_split). It imports
nothing of the desktop (no Qt).
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, NoReturn, Protocol, runtime_checkable

from db.engine import Database, Session
from db.jobs import IsCancelled, collector_paused
from db.walk_share import Opening, joined, worker_database
from reports.datasets import monthly_dataset as walk
from reports.datasets.harm_summary import HarmTally, harm_tally
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels
from reports.rules.recovery import ClassStatus

log = logging.getLogger(__name__)


@runtime_checkable
class PartObserver(Protocol):
    """A WalkObserver whose counts a worker can make apart and the parent add up."""

    def part(self, first: int, last: int) -> PartObserver:
        """An empty twin for the walked clients `first`..`last`, picklable."""
        ...

    def attach(self, session: Session) -> None:
        """In the process that walks the part, before its walk."""
        ...

    def settle(self) -> None:
        """In the process that walked the part, after its walk: what the twin reads once
        its clients are walked, so that the report need not read it for every part."""
        ...

    def merge(self, other: Any) -> None:
        """Add a walked twin's counts."""
        ...

    def offer(
        self,
        history: ClientHistory,
        status: ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None: ...


@dataclass
class PartJob:
    """The clients `ids` (ascending) to walk into empty `tallies` and `observers`, after
    passing each observer its `passing` clients, those it needs that are not walked."""

    index: int
    ids: list[int]
    tallies: walk._Tallies
    observers: Sequence[PartObserver]
    passing: Sequence[list[int]]  # one list per observer

    @property
    def clients(self) -> int:
        return len(self.ids) + sum(len(p) for p in self.passing)


@dataclass
class WalkedPart:
    """What walking a part found; `stale`: the worker read another state (nothing else)."""

    index: int
    tallies: walk._Tallies | None = None
    observers: Sequence[PartObserver] = ()
    harm: HarmTally = field(default_factory=HarmTally)
    stale: bool = False
    worker_cpu_s: float = 0.0  # the CPU the worker that walked it had used by then


def walk_part(session: Session, job: PartJob, cancelled: IsCancelled | None = None) -> WalkedPart:
    """Walk `job` in `session` (the caller's read transaction). `cancelled`: the report's
    own flag, when the report's process walks a part itself (a worker is stopped by it)."""
    for observer in job.observers:
        observer.attach(session)
    harm_period = job.tallies.trend.windows[-1]
    tick = walk._Ticker(job.clients, None, cancelled)
    watching = (job.observers, job.passing)
    done = walk._pass_not_walked(session, job.tallies, watching, tick)  # type: ignore[arg-type]
    walked = walk._walked(session, job.tallies, job.ids, job.observers, tick, done)  # type: ignore[arg-type]
    with collector_paused():
        harm = harm_tally(walked, harm_period)
        for observer in job.observers:
            observer.settle()
    return WalkedPart(job.index, job.tallies, job.observers, harm)


def serve(conn: Connection) -> None:
    """A worker's life: where the report's walk code is and how to open the database, the
    moment to read it at, then jobs until None; each answered with a WalkedPart, or
    ("error", text) when it failed."""
    try:
        _refuse_other_code(conn.recv())
        database = _open(conn.recv())
    except Exception:
        _fail_every_answer(conn, traceback.format_exc(limit=5))
        _end_at_once()
    try:
        moment = conn.recv()
        while (job := conn.recv()) is not None:
            try:
                part = _walked_at(database, moment, job)
                part.worker_cpu_s = time.process_time()
                conn.send(part)
            except Exception:
                conn.send(("error", traceback.format_exc(limit=5)))
    except EOFError:  # the parent is gone
        pass
    finally:
        database.dispose()
    _end_at_once()


def _fail_every_answer(conn: Connection, why: str) -> None:
    """A worker that could not start answers with why until the parent stops it, so the
    parent, which reads answers to parts only, logs the reason it walks alone. What it
    is sent is not unpickled: with other code than the report's, that could be the
    database's key or password."""
    try:
        while True:
            conn.recv_bytes()
            conn.send(("error", why))
    except (EOFError, OSError):  # the parent is gone, or stopped listening
        pass


def _end_at_once() -> NoReturn:
    """End the worker without tearing down its interpreter: its parts are sent, and
    freeing its heap object by object would hold up the report waiting for it to end
    (a third of a second at 100,000 clients). Nothing of it is left to write."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None in the windowed bundle and under pythonw
            stream.flush()
    os._exit(0)


def code_file() -> str:
    """This module's file, which a worker must share with the report that started it."""
    return os.path.realpath(__file__)


def _refuse_other_code(reports_code: str) -> None:
    """A forkserver before Python 3.12.8 imports the walk's code along its own path, not
    the report's (CPython gh-117378): from another checkout or installation, it would
    walk with other rules than the report prints. Such a worker fails, and the report
    walks alone."""
    if code_file() != reports_code:
        raise RuntimeError(f"walk worker runs {code_file()}, the report {reports_code}")


def _open(opening: Opening) -> Database:
    return worker_database(opening)


def _walked_at(database: Database, moment: str, job: PartJob) -> WalkedPart:
    with database.reading() as session:
        if not joined(session, moment):
            return WalkedPart(job.index, stale=True)
        return walk_part(session, job)
