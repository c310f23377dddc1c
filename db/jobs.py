"""What every long job shares, whichever layer runs it: its callbacks, how it stops, and
the pause of the garbage collector while it holds a whole agency in memory.

A job is a plain function taking `progress(done, total)` and `cancelled()`
(DESIGN.md); it raises `Cancelled` when `cancelled()` turns true, having written
nothing. They live in `db`, the lowest layer, because imports (`forms`), reports
(`reports`), the demo generator (`db`) and the thread pool (`desktop`) all use them.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


# A job's thread lets the screen's thread run at least this often, for this long.
BREATHE_EVERY_S = 0.02
BREATH_S = 0.0005
_last_breath = [0.0]


def let_others_run() -> None:
    """Called often from a job's loop: every BREATHE_EVERY_S of work, give up the GIL
    for a moment. A thread that releases the GIL itself many times a second (every
    SQLite row, every file write) keeps it: CPython asks it to hand the GIL over only
    when a whole switch interval passed without any switch, and on its own the waiting
    thread loses the race to take it back. So the screen froze for a third of a second
    at a time while a workbook was written. A sleep, unlike a bare release, waits long
    enough for the waiting thread to take its turn. A job on the main thread (the
    command line) has no screen to let run, and does not pause."""
    if threading.current_thread() is threading.main_thread():
        return
    now = time.perf_counter()
    if now - _last_breath[0] >= BREATHE_EVERY_S:
        time.sleep(BREATH_S)
        _last_breath[0] = time.perf_counter()


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


class _CollectorGuard:
    """Counts the blocks that want the collector paused, across threads and nested ones.

    The first block in remembers whether the collector was on and turns it off; only
    the last one out turns it back on. An inner block (a chunk of histories inside a
    report, a report inside the thread pool's job) therefore never switches it back
    on while an outer one still runs.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    def enter(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1

    def leave(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


_GUARD = _CollectorGuard()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block (nested blocks are safe).

    A chunk of histories is a few hundred thousand small acyclic objects, and a
    report's walk allocates millions more; each automatic full collection on the
    way walks all of them again, which measured more than doubled the load time
    and a fifth of a report's, and froze the window for up to a second at 100,000
    clients. Reference counting frees nearly all of it; the few cycles left are
    collected once the last block ends, however it ends.
    """
    _GUARD.enter()
    try:
        yield
    finally:
        _GUARD.leave()
