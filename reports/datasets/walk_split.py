"""The monthly walk split over worker processes, so a report uses every core of the computer.

The walked clients (ascending ids) are cut into contiguous parts, a few per worker so a
slow part does not leave the others idle. Each worker process (see `_start_method`) opens
its own read-only connection to the same database
(db.walk_share.worker_database says why read-only), reads the
parent's moment of it (db.walk_share: PostgreSQL's exported snapshot; on SQLite the newest
audit row, and a worker that finds another one hands its part back), walks its parts with
the walk's own code (reports.datasets.walk_part) into empty tallies and observers, and
sends them back as plain data. The parent adds them up in part order, which is the walk's
order: counts add, dictionaries gain new keys in the order one walk would have, and the
harm summary's float terms (reports.datasets.harm_summary.HarmTally) are added in the
parent in walk order. So the figures are exactly those of one process.

One process walks when the walk is small (below `SPLIT_FROM` clients the workers' start
costs more than it saves), when an observer cannot be split (one that is not a
`walk_part.PartObserver`), or when the database is in memory. A worker
that dies or fails makes the parent walk everything itself (logged), never a mixed
report; cancelling stops the workers at once. The key of an encrypted file and a
server's password go to the workers over their pipe only.

RECOVERY_DESK_WALK_WORKERS sets the number of workers (1: one process; default: the
computer's cores, at most `MAX_WORKERS`); RECOVERY_DESK_WALK_SPLIT_FROM the smallest walk
that is split (the tests set 0 to split even a small agency).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from typing import Any

from db.engine import Session
from db.jobs import Cancelled, IsCancelled, Progress
from db.walk_share import Opening, moment_of, opening_of
from reports.datasets import monthly_dataset as walk
from reports.datasets.alongside import joined, started
from reports.datasets.harm_summary import HarmTally
from reports.datasets.walk_part import (
    PartJob,
    PartObserver,
    WalkedPart,
    code_file,
    serve,
    walk_part,
)

log = logging.getLogger(__name__)

WORKERS_VARIABLE = "RECOVERY_DESK_WALK_WORKERS"
SPLIT_FROM_VARIABLE = "RECOVERY_DESK_WALK_SPLIT_FROM"
SPLIT_FROM = 15_000  # walked clients; below, starting the workers costs more than it saves
MAX_WORKERS = 8
PARTS_PER_WORKER = 3
_POLL_S = 0.1  # how often the parent looks at the cancel flag while the workers walk
_STOP_S = 2.0
_LOWEST_ID, _HIGHEST_ID = 0, 2**63 - 1  # the id ranges of the first part and the last

# Tests only: called once the parent has read its moment, before the workers start.
after_moment: Callable[[], None] | None = None


def _start_method() -> str:
    """'forkserver' where the system has it (Linux, macOS): one server process imports the
    walk's code once, at the first split walk, and forks every later worker from it
    already loaded; a 'spawn'ed worker imports the program anew, about 0.7 s of a core
    each, at every report. Never a plain 'fork' of the report's process, whose threads (Qt,
    the counts read beside the walk) may hold locks the copy would never see released.
    'spawn' on Windows, which has nothing else."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def workers_cpu_seconds() -> float:
    """The CPU the walk workers of this process have used, as they reported it with their
    parts: a forkserver's workers are its children, not this process's, so the system's
    count of this process's children (RUSAGE_CHILDREN) does not hold them."""
    return _workers_cpu[0]


_workers_cpu = [0.0]


class WorkerLost(RuntimeError):
    """A worker died or failed: the parent walks in one process instead."""


def workers_for(clients: int, observers: Sequence[object]) -> int:
    """How many worker processes walk `clients` clients (1: the parent walks alone)."""
    wanted = _setting(WORKERS_VARIABLE, min(os.cpu_count() or 1, MAX_WORKERS))
    if clients < _setting(SPLIT_FROM_VARIABLE, SPLIT_FROM) or clients < 2:
        return 1
    if not all(isinstance(o, PartObserver) for o in observers):
        return 1
    return max(1, min(wanted, clients))


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() else default


@contextmanager
def starting(session: Session, clients: int, observers: Sequence[object]) -> Iterator[Any]:
    """Workers for a walk of `clients` clients, started now so that they load the program
    while the report reads what comes before the walk; None when one process walks."""
    count = workers_for(clients, observers)
    opening = opening_of(session) if count > 1 else None
    workers = None if opening is None else _started(count, opening)
    if workers is None:
        yield None
        return
    try:
        yield workers
    finally:
        workers.stop(at_once=True)


def _started(count: int, opening: Opening) -> _Workers | None:
    try:
        return _Workers(count, opening)
    except WorkerLost as exc:
        log.warning("the walk workers did not start; walking in one process: %s", exc)
        return None


def walk_apart(
    session: Session,
    workers: Any,
    tallies: walk._Tallies,
    ids: list[int],
    watching: tuple[Sequence[Any], list[list[int]]],
    reporting: tuple[Progress | None, IsCancelled | None],
    meanwhile: Callable[[], object] | None = None,
) -> HarmTally | None:
    """Walk `ids` with `workers` (from `starting`) into `tallies` and the observers of
    `watching`, which also pass each observer's clients that are not walked (its list
    there); the harm tally of the walked clients.
    None, having changed nothing, when one process must walk. `meanwhile` runs in a
    thread of this process, with `session`, while the workers walk (a
    `reports.datasets.alongside.Once`)."""
    if not isinstance(workers, _Workers):
        return None
    progress, cancelled = reporting
    moment = moment_of(session)
    if after_moment is not None:
        after_moment()
    observers = watching[0]
    jobs = _jobs(tallies, ids, watching, workers.count * PARTS_PER_WORKER)
    try:
        parts = workers.run(jobs, moment, progress, cancelled, meanwhile)
    except WorkerLost as exc:
        log.warning("a walk worker failed; walking in one process: %s", exc)
        _raise_if_failed(meanwhile)
        return None
    _raise_if_failed(meanwhile)
    harm = HarmTally()
    for job, part in zip(jobs, parts, strict=True):
        if part.stale:  # the database moved on before this worker began: read it here
            log.info("walk part %d read a later state; walked again in the parent", job.index)
            part = walk_part(session, job, cancelled)
        _merge(tallies, observers, part)
        harm.merge(part.harm)
    return harm


def _raise_if_failed(meanwhile: Callable[[], object] | None) -> None:
    """Before this process reads through the session again: the error of the counts read
    beside the walk, if they failed (on PostgreSQL a failed statement ends the
    transaction, and the next one would fail with a message that hides the cause)."""
    if meanwhile is not None:
        meanwhile()


def _jobs(
    tallies: walk._Tallies,
    ids: list[int],
    watching: tuple[Sequence[Any], list[list[int]]],
    parts: int,
) -> list[PartJob]:
    """Contiguous parts of `ids`; the id ranges of the parts cover every id, so each
    observer's clients that are not walked (sorted) go with the part whose range holds
    them, and its twin for the part answers for that whole range."""
    observers, extra = watching
    size = -(-len(ids) // max(1, min(parts, len(ids))))
    closed = tallies.followups.closed_by_client
    starts = range(0, len(ids), size)
    jobs = []
    for index, at in enumerate(starts):
        part = ids[at : at + size]
        low = ids[at - 1] + 1 if at else _LOWEST_ID
        high = part[-1] if index < len(starts) - 1 else _HIGHEST_ID
        passing = [e[bisect_left(e, low) : bisect_right(e, high)] for e in extra]
        empty = _empty(tallies)
        # Clients counted before the walk keep what it found (the walk only adds to it).
        empty.followups.closed_by_client.update(
            (i, closed[i]) for i in chain(part, *passing) if i in closed
        )
        twins = [o.part(low, high) for o in observers]
        jobs.append(PartJob(index, part, empty, twins, passing))
    return jobs


def _empty(tallies: walk._Tallies) -> walk._Tallies:
    f = tallies.followups
    return walk._Tallies(
        type(f)(f.period, f.months, f.trend),
        type(tallies.trend)(tallies.trend.dates),
        type(tallies.recovery)(),
    )


def _merge(tallies: walk._Tallies, observers: Sequence[Any], part: WalkedPart) -> None:
    theirs = part.tallies
    assert theirs is not None
    tallies.followups.merge(theirs.followups)
    tallies.trend.merge(theirs.trend)
    tallies.recovery.merge(theirs.recovery)
    tallies.unlisted += theirs.unlisted
    for observer, twin in zip(observers, part.observers, strict=True):
        observer.merge(twin)


class _Workers:
    """Worker processes for one walk, each on its own pipe; stopped when the walk ends.

    'spawn'ed workers start at once, to import the program while the report reads what
    comes before the walk. Under a forkserver only the server is started then (it imports
    the walk's code meanwhile, at the first walk of this process); its workers are forked
    ready when the walk begins, and asking for them earlier would wait for its imports."""

    def __init__(self, count: int, opening: Opening) -> None:
        self.count, self.opening = count, opening
        self.processes: list[Any] = []
        self.pipes: list[Connection] = []
        method = _start_method()
        self.context: Any = multiprocessing.get_context(method)  # typeshed: no Process
        if method == "forkserver":
            self.context.set_forkserver_preload([walk_part.__module__])
            try:
                forkserver.ensure_running()
            except OSError as exc:  # no socket or temporary folder for it, say
                raise WorkerLost(f"the walk's forkserver did not start: {exc}") from exc
        else:
            self._start()

    def _start(self) -> None:
        """Start the workers and tell each where the walk's code is (first, on its own:
        a worker running other code must not unpickle what follows), then how to open
        the database; WorkerLost when one cannot be started (a forkserver that died,
        say), having stopped those that were."""
        try:
            for _ in range(self.count):
                mine, theirs = self.context.Pipe()
                process = self.context.Process(
                    target=serve, args=(theirs,), name="recovery-desk-walk", daemon=True
                )
                try:
                    process.start()
                except BaseException:
                    mine.close()
                    raise
                finally:
                    theirs.close()
                self.processes.append(process)
                self.pipes.append(mine)
                mine.send(code_file())
                mine.send(self.opening)
        except (OSError, EOFError) as exc:
            self.stop(at_once=True)
            raise WorkerLost(f"a walk worker did not start: {exc}") from exc
        except BaseException:
            self.stop(at_once=True)
            raise

    def run(
        self,
        jobs: list[PartJob],
        moment: str,
        progress: Progress | None,
        cancelled: IsCancelled | None,
        meanwhile: Callable[[], object] | None = None,
    ) -> list[WalkedPart]:
        """Every job's part, read at `moment`, in job order; `meanwhile` run in a thread
        while they walk, and ended before this returns or raises."""
        thread = None
        try:
            if not self.processes:
                self._start()
            for pipe in self.pipes:
                _send(pipe, moment)
            thread = started(meanwhile)
            parts = self._collect(jobs, progress, cancelled)
        except BaseException:
            self.stop(at_once=True)
            raise
        finally:
            if thread is not None:
                joined(thread)  # the session is this thread's again only then
        self.stop(at_once=False)
        return parts

    def _collect(
        self,
        jobs: list[PartJob],
        progress: Progress | None,
        cancelled: IsCancelled | None,
    ) -> list[WalkedPart]:
        waiting = deque(jobs)
        busy: dict[Connection, PartJob] = {}
        found: dict[int, WalkedPart] = {}
        cpu: dict[Connection, float] = {}  # each worker's CPU at its latest part
        # The parts' ranges cover every client the walk passes: they add up to its total.
        passed, total = 0, sum(job.clients for job in jobs)
        for pipe in self.pipes:
            self._give(pipe, waiting, busy)
        while busy:
            if cancelled is not None and cancelled():
                raise Cancelled()
            for pipe in self._ready(busy):
                job = busy.pop(pipe)
                found[job.index] = self._answer(pipe)
                cpu[pipe] = found[job.index].worker_cpu_s
                passed += job.clients
                if progress is not None:
                    progress(passed, total)
                self._give(pipe, waiting, busy)
        _workers_cpu[0] += sum(cpu.values())
        return [found[job.index] for job in jobs]

    @staticmethod
    def _give(pipe: Connection, waiting: deque[PartJob], busy: dict[Connection, PartJob]) -> None:
        if waiting:
            job = waiting.popleft()
            _send(pipe, job)
            busy[pipe] = job

    def _ready(self, busy: dict[Connection, PartJob]) -> list[Connection]:
        """The busy pipes with an answer; WorkerLost when a busy worker has ended."""
        ends = {self.processes[self.pipes.index(p)].sentinel: p for p in busy}
        ready = wait([*busy, *ends], timeout=_POLL_S)
        answered = [r for r in ready if isinstance(r, Connection)]
        for sentinel in (r for r in ready if not isinstance(r, Connection)):
            pipe = ends[sentinel]
            if pipe not in answered and not pipe.poll():
                raise WorkerLost("a walk worker ended before answering")
        return answered

    @staticmethod
    def _answer(pipe: Connection) -> WalkedPart:
        try:
            answer = pipe.recv()
        except (EOFError, OSError) as exc:
            raise WorkerLost("a walk worker ended before answering") from exc
        if not isinstance(answer, WalkedPart):
            raise WorkerLost(f"a walk worker failed: {answer[1]}")
        return answer

    def stop(self, *, at_once: bool) -> None:
        for pipe in self.pipes:
            try:
                if not at_once:
                    pipe.send(None)
            except OSError:
                pass
        for process in self.processes:
            # Only one still running: a forkserver's worker is reaped by the server, not
            # by this process, so the pid of one that ended may already be another's.
            if at_once and process.exitcode is None:
                process.terminate()
            process.join(_STOP_S)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()


def _send(pipe: Connection, message: object) -> None:
    try:
        pipe.send(message)
    except OSError as exc:  # its worker has gone
        raise WorkerLost("a walk worker ended before it was given its part") from exc
